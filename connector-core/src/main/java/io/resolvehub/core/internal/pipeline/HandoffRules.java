package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.Answer;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.HandoffPolicy;
import io.resolvehub.core.internal.conversation.ConversationRecord;

/**
 * The part of the hand-off policy that looks at the agent's proposal: low confidence (with
 * {@code clarifyFirst}, the first such turn asks one clarifying question), the agent's own hand-off, and
 * {@code maxAiTurns}. The earlier checks (a human phrase, the coin hold) run before the agent is asked, in
 * {@link ConversationPipeline}. What the user reads in a clarifying question or hand-off is {@link UserNotices}'s.
 */
final class HandoffRules {

    private final UserNotices notices;

    public HandoffRules(UserNotices notices) {
        this.notices = notices;
    }

    /** What the hub replies, given the agent's proposal for a conversation in its current state. */
    public Answer decide(HandoffPolicy policy, ConversationRecord conversation, Answer proposal) {
        return decide(policy, conversation.tenant(), conversation.clarifications(), conversation.aiAnswers(), proposal);
    }

    /**
     * What the hub replies, given the agent's proposal for a conversation that has asked {@code clarifications}
     * clarifying questions and given {@code aiAnswers} answers so far (both 0 for a first turn).
     */
    public Answer decide(HandoffPolicy policy, TenantId tenant, int clarifications, int aiAnswers, Answer proposal) {
        boolean mayClarify = clarifications == 0;
        switch (proposal.decision()) {
            case HANDOFF -> {
                if (proposal.reason() == HandoffReason.LOW_CONFIDENCE && policy.clarifyFirst() && mayClarify) {
                    return notices.clarify(tenant, proposal.confidence(), proposal.citations());
                }
                return notices.handoff(tenant, proposal.reason(), proposal.confidence());
            }
            case CLARIFY -> {
                return mayClarify ? proposal : notices.handoff(tenant, HandoffReason.LOW_CONFIDENCE, proposal.confidence());
            }
            default -> {
                if (proposal.confidence() < policy.confidenceThreshold()) {
                    if (policy.clarifyFirst() && mayClarify) {
                        return notices.clarify(tenant, proposal.confidence(), proposal.citations());
                    }
                    return notices.handoff(tenant, HandoffReason.LOW_CONFIDENCE, proposal.confidence());
                }
                if (aiAnswers >= policy.maxAiTurns()) {
                    return notices.handoff(tenant, HandoffReason.MAX_TURNS, proposal.confidence());
                }
                return proposal;
            }
        }
    }
}
