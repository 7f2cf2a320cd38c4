package io.resolvehub.core.internal;

import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.CoinMeter;
import io.resolvehub.core.PersonRequestDetector;
import io.resolvehub.core.RecurringJob;
import io.resolvehub.core.TenantVoice;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.TicketDeskProvider;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import io.resolvehub.core.conversation.HumanDesk;
import io.resolvehub.core.conversation.WebConversations;
import io.resolvehub.core.internal.channel.ChannelCalls;
import io.resolvehub.core.internal.channel.ChannelConnectors;
import io.resolvehub.core.internal.channel.HubInboxDesk;
import io.resolvehub.core.internal.channel.JdbcChannelAccounts;
import io.resolvehub.core.internal.channel.TicketDesks;
import io.resolvehub.core.internal.conversation.ConversationStateMachine;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.conversation.JdbcConversationInbox;
import io.resolvehub.core.internal.conversation.Transcripts;
import io.resolvehub.core.internal.crypto.SecretBox;
import io.resolvehub.core.internal.intake.InboundEvents;
import io.resolvehub.core.internal.intake.InboundWorkers;
import io.resolvehub.core.internal.intake.JdbcInboundIntake;
import io.resolvehub.core.internal.intake.WorkSignal;
import io.resolvehub.core.internal.pipeline.Pipeline;
import io.resolvehub.core.internal.policy.JdbcHandoffPolicies;
import io.resolvehub.core.internal.policy.PersonRequests;
import io.resolvehub.core.internal.resolution.ResolutionTimer;
import io.resolvehub.core.internal.web.WebChannel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The composition root of the conversation pipeline: builds its parts from a database and the SPI implementations
 * other modules provide. {@link io.resolvehub.core.autoconfigure.ConnectorCoreAutoConfiguration} exposes the parts as beans; tests build one (or two,
 * to act as two hub instances on one database) directly. No logic lives here.
 */
public final class ConversationCore implements AutoCloseable {

    /** What the pipeline needs from outside. Suppliers are resolved lazily (connector beans may depend on core's). */
    public record Dependencies(DataSource dataSource, PlatformTransactionManager transactionManager,
                               ApplicationEventPublisher publisher, AnswerEngine answerEngine, CoinMeter coinMeter,
                               Supplier<List<ChannelConnectorFactory>> connectorFactories,
                               Supplier<List<TicketDeskProvider>> deskProviders, SecretKey masterKey, Clock clock,
                               Supplier<List<RecurringJob>> recurringJobs, PersonRequestDetector personRequests,
                               TenantVoice voice) {

        /** Without the tenants' voice: the hub's own texts are sent as they are. */
        public Dependencies(DataSource dataSource, PlatformTransactionManager transactionManager,
                            ApplicationEventPublisher publisher, AnswerEngine answerEngine, CoinMeter coinMeter,
                            Supplier<List<ChannelConnectorFactory>> connectorFactories,
                            Supplier<List<TicketDeskProvider>> deskProviders, SecretKey masterKey, Clock clock,
                            Supplier<List<RecurringJob>> recurringJobs, PersonRequestDetector personRequests) {
            this(dataSource, transactionManager, publisher, answerEngine, coinMeter, connectorFactories, deskProviders,
                    masterKey, clock, recurringJobs, personRequests, TenantVoice.plain());
        }

        /** Without a meaning-based person-request detector: the tenant's phrases alone recognise requests for a person. */
        public Dependencies(DataSource dataSource, PlatformTransactionManager transactionManager,
                            ApplicationEventPublisher publisher, AnswerEngine answerEngine, CoinMeter coinMeter,
                            Supplier<List<ChannelConnectorFactory>> connectorFactories,
                            Supplier<List<TicketDeskProvider>> deskProviders, SecretKey masterKey, Clock clock,
                            Supplier<List<RecurringJob>> recurringJobs) {
            this(dataSource, transactionManager, publisher, answerEngine, coinMeter, connectorFactories, deskProviders,
                    masterKey, clock, recurringJobs, PersonRequestDetector.none());
        }

        /** Without other modules' recurring jobs: only the resolution timer runs on the scheduler. */
        public Dependencies(DataSource dataSource, PlatformTransactionManager transactionManager,
                            ApplicationEventPublisher publisher, AnswerEngine answerEngine, CoinMeter coinMeter,
                            Supplier<List<ChannelConnectorFactory>> connectorFactories,
                            Supplier<List<TicketDeskProvider>> deskProviders, SecretKey masterKey, Clock clock) {
            this(dataSource, transactionManager, publisher, answerEngine, coinMeter, connectorFactories, deskProviders,
                    masterKey, clock, List::of, PersonRequestDetector.none());
        }
    }

    private final Conversations conversations;
    private final Transcripts transcripts;
    private final InboundEvents events;
    private final WorkSignal signal;
    private final JdbcInboundIntake intake;
    private final JdbcChannelAccounts channelAccounts;
    private final JdbcHandoffPolicies policies;
    private final ChannelConnectors connectors;
    private final Pipeline pipeline;
    private final InboundWorkers workers;
    private final ResolutionTimer resolutionTimer;
    private final WebConversations web;
    private final JdbcConversationInbox inbox;
    private final HubInboxDesk hubInbox;

    public ConversationCore(Dependencies d, PipelineProperties pipelineProps, ResolutionProperties resolutionProps) {
        JdbcClient jdbc = JdbcClient.create(d.dataSource());
        TransactionTemplate tx = new TransactionTemplate(d.transactionManager());
        Clock clock = d.clock();
        conversations = new Conversations(jdbc);
        transcripts = new Transcripts(jdbc, pipelineProps.maxTurns());
        events = new InboundEvents(jdbc);
        signal = new WorkSignal();
        intake = new JdbcInboundIntake(events, signal, tx, clock);
        channelAccounts = new JdbcChannelAccounts(jdbc, tx, new SecretBox(d.masterKey()), d.connectorFactories(), clock);
        policies = new JdbcHandoffPolicies(jdbc, tx, clock);
        connectors = new ChannelConnectors(d.connectorFactories(), channelAccounts, WebChannel.connector());
        hubInbox = new HubInboxDesk(jdbc, clock);
        TicketDesks desks = new TicketDesks(d.deskProviders(), hubInbox);
        ChannelCalls calls = new ChannelCalls(pipelineProps.channelRetryAttempts(), pipelineProps.channelRetryBackoff(),
                pipelineProps.channelMaxInlineWait());
        ConversationStateMachine states = new ConversationStateMachine(conversations, transcripts, d.publisher(),
                resolutionProps.reopenWindow(), clock);
        pipeline = new Pipeline(new Pipeline.Records(conversations, transcripts, states),
                new Pipeline.Channels(connectors, desks, calls, intake), policies,
                new PersonRequests(d.personRequests()), d.coinMeter(), d.answerEngine(), pipelineProps.engineTimeout(),
                pipelineProps.workerNiceness(), d.voice(), d.publisher(), tx, clock);
        workers = new InboundWorkers(events, pipeline.events(), signal, new InboundWorkers.Settings(pipelineProps.workers(),
                pipelineProps.pollInterval(), pipelineProps.lease(), pipelineProps.maxAttempts(),
                pipelineProps.retryBackoff(), pipelineProps.maxRetryBackoff(), pipelineProps.workerNiceness()), clock);
        resolutionTimer = new ResolutionTimer(d.dataSource(), conversations, events, states, tx, resolutionProps,
                d.recurringJobs(), clock);
        web = WebChannel.conversations(events, workers, conversations, transcripts, signal, tx,
                pipelineProps.webReplyTimeout(), clock);
        inbox = new JdbcConversationInbox(jdbc, transcripts);
    }

    public FirstTurnDryRun dryRun() {
        return pipeline.dryRun();
    }

    /** Starts the workers (which pick up unfinished events of earlier runs) and the resolution timer. */
    public void start() {
        workers.start();
        resolutionTimer.start();
    }

    public void stop() {
        resolutionTimer.stop();
        workers.stop();
    }

    @Override
    public void close() {
        stop();
        pipeline.close();
        connectors.close();
    }

    public JdbcInboundIntake intake() { return intake; }
    public JdbcChannelAccounts channelAccounts() { return channelAccounts; }
    public JdbcHandoffPolicies handoffPolicies() { return policies; }
    public WebConversations webConversations() { return web; }
    public JdbcConversationInbox inbox() { return inbox; }
    public ChannelConnectors connectors() { return connectors; }
    public InboundWorkers workers() { return workers; }
    public InboundEvents inboundEvents() { return events; }
    public Conversations conversations() { return conversations; }
    public Transcripts transcripts() { return transcripts; }
    public ResolutionTimer resolutionTimer() { return resolutionTimer; }
    public HubInboxDesk hubInbox() { return hubInbox; }
    public HumanDesk humanDesk() { return pipeline.humanDesk(); }
}
