package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import io.resolvehub.core.conversation.HandoffPolicy;
import io.resolvehub.core.internal.policy.PersonRequests;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link FirstTurnDryRun} with the pipeline's own rules: a request for a person first, then the agent's proposal
 * through {@link HandoffRules} as for a conversation with no turns yet. The coin hold is not taken (nothing is billed),
 * so a tenant without coins still sees what its agent would say.
 */
final class PolicyDryRun implements FirstTurnDryRun {

    private final Function<TenantId, HandoffPolicy> policies;
    private final Function<AnswerRequest, Optional<Answer>> engine;
    private final PersonRequests personRequests;
    private final UserNotices notices;
    private final HandoffRules rules;

    /** @param engine the agent; empty when it failed (then the reply is an {@code engine_error} hand-off) */
    public PolicyDryRun(Function<TenantId, HandoffPolicy> policies, Function<AnswerRequest, Optional<Answer>> engine,
                        PersonRequests personRequests, UserNotices notices) {
        this.policies = policies;
        this.engine = engine;
        this.personRequests = personRequests;
        this.notices = notices;
        this.rules = new HandoffRules(notices);
    }

    @Override
    public Answer ask(TenantId tenant, String question, List<ChatTurn> history) {
        HandoffPolicy policy = policies.apply(tenant);
        if (personRequests.asks(question, policy)) {
            return notices.handoffWithoutTicket(tenant, HandoffReason.USER_REQUEST, 0);
        }
        Answer reply = engine.apply(new AnswerRequest(tenant, question, history))
                .map(proposal -> rules.decide(policy, tenant, 0, 0, proposal))
                .orElseGet(() -> notices.handoff(tenant, HandoffReason.ENGINE_ERROR, 0));
        return reply.decision() == Decision.HANDOFF
                ? notices.handoffWithoutTicket(tenant, reply.reason(), reply.confidence()) : reply;
    }
}
