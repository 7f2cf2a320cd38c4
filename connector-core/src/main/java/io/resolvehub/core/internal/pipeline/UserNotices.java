package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.Answer;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.TenantVoice;
import io.resolvehub.core.inbound.InboundLimits;

import java.util.List;
import java.util.Locale;

/**
 * The one owner of what the hub itself tells a user, on every channel and in {@code POST /ask}: the hand-off notices,
 * the clarifying question asked instead of a low-confidence answer, and the thank-you after a confirmed resolution,
 * each framed in the tenant's voice. A failing agent is told as the {@code engine_error} hand-off notice, whichever
 * layer noticed the failure.
 */
final class UserNotices {

    /** Asked instead of a low-confidence answer when the policy says {@code clarifyFirst}. */
    static final String CLARIFY = "I want to be sure I point you to the right answer. Could you tell me a bit "
            + "more about what you are trying to do, or which part of the product this is about?";

    static final String THANKS = "Great, glad that solved it! Write again here any time.";

    /** The reply to a message longer than the hub answers (stored cut, never sent to the agent). */
    static final String TOO_LONG = "Sorry, that message is too long for me to answer: please ask your question "
            + "in " + String.format(Locale.ROOT, "%,d", InboundLimits.MAX_QUESTION) + " characters or fewer.";

    private static final String TICKET = "{ticket}";

    private final TenantVoice voice;

    public UserNotices(TenantVoice voice) {
        this.voice = voice;
    }

    public Answer clarify(TenantId tenant, double confidence, List<io.resolvehub.core.Citation> citations) {
        return Answer.clarify(voice.frame(tenant, CLARIFY), confidence, citations);
    }

    /** Asked of a message too long to answer: a question, so the conversation stays with the AI. */
    public Answer tooLong(TenantId tenant) {
        return Answer.clarify(voice.frame(tenant, TOO_LONG), 0.0, List.of());
    }

    public Answer thanks(TenantId tenant) {
        return Answer.answer(voice.frame(tenant, THANKS), 1.0, List.of());
    }

    /** The hand-off reply; its text is a template in which {@code {ticket}} becomes the ticket's display name. */
    public Answer handoff(TenantId tenant, HandoffReason reason, double confidence) {
        return Answer.handoff(handoffTemplate(tenant, reason), confidence, reason);
    }

    /** The hand-off reply of a dry run, which opens no ticket. */
    public Answer handoffWithoutTicket(TenantId tenant, HandoffReason reason, double confidence) {
        String text = handoffText(reason).replace(" (ticket " + TICKET + ")", "").replace("(ticket " + TICKET + ")", "");
        return Answer.handoff(voice.frame(tenant, text), confidence, reason);
    }

    /** The hand-off notice with {@code {ticket}} standing for the ticket's display name. */
    public String handoffTemplate(TenantId tenant, HandoffReason reason) {
        return voice.frame(tenant, handoffText(reason));
    }

    private static String handoffText(HandoffReason reason) {
        return switch (reason) {
            case USER_REQUEST -> "Sure. I've asked a person from our support team to take over; they will follow up "
                    + "here (ticket {ticket}).";
            case ENGINE_ERROR -> "Sorry, I can't look this up right now. I've passed your question to our support "
                    + "team and a person will follow up here (ticket {ticket}).";
            case NEGATIVE_FEEDBACK -> "Sorry that didn't help. I've passed this to our support team and a person will "
                    + "follow up here (ticket {ticket}).";
            default -> "I've passed your question to our support team; a person will follow up here "
                    + "(ticket {ticket}).";
        };
    }
}
