package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.inbound.InboundLimits;

import java.util.Locale;

/** The hub's own words to the user (hand-off notices, the clarifying question, the thank-you). */
public final class Notices {

    /** Asked instead of a low-confidence answer when the policy says {@code clarifyFirst}. */
    public static final String CLARIFY = "I want to be sure I point you to the right answer. Could you tell me a bit "
            + "more about what you are trying to do, or which part of the product this is about?";

    /** The reply to a message longer than the hub answers (stored cut, never sent to the agent). */
    public static final String TOO_LONG = "Sorry, that message is too long for me to answer: please ask your question "
            + "in " + String.format(Locale.ROOT, "%,d", InboundLimits.MAX_QUESTION) + " characters or fewer.";

    public static final String THANKS = "Great, glad that solved it! Write again here any time.";

    private Notices() {
    }

    /** The hand-off notice without a ticket, for a dry run that opens none. */
    public static String handoffWithoutTicket(HandoffReason reason) {
        return handoff(reason).replace(" (ticket {ticket})", "").replace("(ticket {ticket})", "");
    }

    /** The hand-off notice; {@code {ticket}} becomes the ticket's display name. */
    public static String handoff(HandoffReason reason) {
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
