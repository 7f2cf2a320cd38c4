package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import io.resolvehub.core.conversation.HandoffPolicies;
import io.resolvehub.core.conversation.HandoffPolicy;
import io.resolvehub.core.internal.policy.PersonRequests;

import java.util.List;

/**
 * {@link FirstTurnDryRun} with the pipeline's own rules: a request for a person first, then the agent's proposal
 * through {@link HandoffRules} as for a conversation with no turns yet. The coin hold is not taken (nothing is billed),
 * so a tenant without coins still sees what its agent would say.
 */
public final class PolicyDryRun implements FirstTurnDryRun {

    private final HandoffPolicies policies;
    private final GuardedAnswerEngine engine;
    private final PersonRequests personRequests;

    public PolicyDryRun(HandoffPolicies policies, GuardedAnswerEngine engine, PersonRequests personRequests) {
        this.policies = policies;
        this.engine = engine;
        this.personRequests = personRequests;
    }

    @Override
    public Answer ask(TenantId tenant, String question, List<ChatTurn> history) {
        HandoffPolicy policy = policies.get(tenant);
        if (personRequests.asks(question, policy)) {
            return handoff(HandoffReason.USER_REQUEST, 0);
        }
        Answer reply = engine.answer(new AnswerRequest(tenant, question, history))
                .map(proposal -> HandoffRules.decide(policy, 0, 0, proposal))
                .orElseGet(() -> HandoffRules.handoff(HandoffReason.ENGINE_ERROR, 0));
        return reply.decision() == Decision.HANDOFF ? handoff(reply.reason(), reply.confidence()) : reply;
    }

    private static Answer handoff(HandoffReason reason, double confidence) {
        return Answer.handoff(Notices.handoffWithoutTicket(reason), confidence, reason);
    }
}
