package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.CoinMeter;
import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.PersonRequestDetector;
import io.resolvehub.core.TenantVoice;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import io.resolvehub.core.conversation.HandoffPolicies;
import io.resolvehub.core.conversation.HandoffPolicy;
import io.resolvehub.core.conversation.HumanDesk;
import io.resolvehub.core.internal.channel.ChannelCalls;
import io.resolvehub.core.internal.channel.ChannelConnectors;
import io.resolvehub.core.internal.channel.TicketDesks;
import io.resolvehub.core.internal.conversation.ConversationStateMachine;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.conversation.Transcripts;
import io.resolvehub.core.internal.intake.EventHandler;
import io.resolvehub.core.internal.policy.PersonRequests;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The pipeline's parts, built together so they can stay package-private: the composition root gets the three things
 * the rest of the hub needs from them (the workers' event handler, the first-turn dry run, the human desk) and closes
 * the guarded answer engine through this object.
 */
public final class Pipeline implements AutoCloseable {

    /** What the pipeline reads and writes: the conversation records, their transcripts and the state machine. */
    public record Records(Conversations conversations, Transcripts transcripts, ConversationStateMachine states) {
    }

    /** How the pipeline reaches the channels and desks. */
    public record Channels(ChannelConnectors connectors, TicketDesks desks, ChannelCalls calls, InboundIntake intake) {
    }

    private final GuardedAnswerEngine engine;
    private final EventHandler events;
    private final FirstTurnDryRun dryRun;
    private final HumanDesk humanDesk;

    public Pipeline(Records records, Channels channels, HandoffPolicies policies, PersonRequests personRequests,
                    CoinMeter coinMeter, AnswerEngine answerEngine, Duration engineTimeout, int answerNiceness,
                    TenantVoice voice, ApplicationEventPublisher publisher, TransactionTemplate tx, Clock clock) {
        engine = new GuardedAnswerEngine(answerEngine, engineTimeout, answerNiceness);
        UserNotices notices = new UserNotices(voice);
        dryRun = new PolicyDryRun(policies::get, engine::answer, personRequests, notices);
        ConversationPipeline pipeline = new ConversationPipeline(records.conversations(), records.transcripts(),
                records.states(), policies, personRequests, coinMeter, engine,
                new ReplyDelivery(channels.connectors(), channels.calls(), records.transcripts(), tx, clock),
                new HandoffDelivery(channels.connectors(), channels.desks(), channels.calls(), records.conversations(),
                        records.transcripts(), notices, tx, clock),
                notices, publisher, tx, clock);
        events = new ChangeNotices(pipeline, channels.connectors(), channels.calls(), channels.intake(),
                records.conversations());
        humanDesk = new DefaultHumanDesk(records.conversations(), records.transcripts(), records.states(),
                channels.connectors(), channels.calls(), tx, clock);
    }

    /** {@link FirstTurnDryRun#of}: one policy for every tenant, the engine called directly, the hub's texts plain. */
    public static FirstTurnDryRun unguardedDryRun(HandoffPolicy policy, AnswerEngine engine,
                                                  PersonRequestDetector detector) {
        return new PolicyDryRun(tenant -> policy, request -> {
            try {
                return Optional.ofNullable(engine.answer(request));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }, new PersonRequests(detector), new UserNotices(TenantVoice.plain()));
    }

    /** What the workers run for each claimed event: change notices read first, everything else straight through. */
    public EventHandler events() {
        return events;
    }

    public FirstTurnDryRun dryRun() {
        return dryRun;
    }

    public HumanDesk humanDesk() {
        return humanDesk;
    }

    @Override
    public void close() {
        engine.close();
    }
}
