package io.resolvehub.core.autoconfigure;

import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.CoinMeter;
import io.resolvehub.core.DataDirectory;
import io.resolvehub.core.InboundBacklog;
import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.PersonRequestDetector;
import io.resolvehub.core.RecurringJob;
import io.resolvehub.core.TenantVoice;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.TicketDeskProvider;
import io.resolvehub.core.conversation.ConversationInbox;
import io.resolvehub.core.conversation.HandoffPolicies;
import io.resolvehub.core.conversation.HumanDesk;
import io.resolvehub.core.conversation.WebConversations;
import io.resolvehub.core.internal.ConversationCore;
import io.resolvehub.core.internal.CoreProperties;
import io.resolvehub.core.internal.PipelineProperties;
import io.resolvehub.core.internal.ResolutionProperties;
import io.resolvehub.core.internal.channel.ChannelConnectors;
import io.resolvehub.core.internal.crypto.MasterKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Wires the conversation pipeline: durable intake, workers, hand-off policy, channel accounts, the web channel, the
 * inbox and the assumed-resolution timer. The {@link AnswerEngine} (agent-engine), the {@link CoinMeter} (billing;
 * {@link CoinMeter#unmetered()} without it), {@link ChannelConnectorFactory} and {@link TicketDeskProvider} beans come
 * from other modules and are looked up lazily, so they may depend on the beans defined here; so are the
 * {@link RecurringJob}s of other modules, which run on the one db-scheduler next to the resolution timer, and the
 * {@link TenantVoice} the hub's own texts are framed in ({@link TenantVoice#plain()} without one).
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        FlywayAutoConfiguration.class})
@ConditionalOnBean({DataSource.class, PlatformTransactionManager.class})
@EnableConfigurationProperties({CoreProperties.class, ResolutionProperties.class, PipelineProperties.class})
public class ConnectorCoreAutoConfiguration {

    @Bean(destroyMethod = "close")
    ConversationCore conversationCore(DataSource dataSource, PlatformTransactionManager transactionManager,
                                      ApplicationEventPublisher publisher, ObjectProvider<AnswerEngine> answerEngine,
                                      ObjectProvider<CoinMeter> coinMeter,
                                      ObjectProvider<ChannelConnectorFactory> factories,
                                      ObjectProvider<TicketDeskProvider> deskProviders,
                                      ObjectProvider<RecurringJob> recurringJobs, ObjectProvider<Clock> clock,
                                      ObjectProvider<PersonRequestDetector> personRequests,
                                      ObjectProvider<TenantVoice> voice, CoreProperties core, PipelineProperties pipeline, ResolutionProperties resolution) {
        AnswerEngine engine = request -> answerEngine.getObject().answer(request);
        CoinMeter meter = (tenant, conversation, channel, answer) ->
                coinMeter.getIfUnique(CoinMeter::unmetered).holdFor(tenant, conversation, channel, answer);
        return new ConversationCore(new ConversationCore.Dependencies(dataSource, transactionManager, publisher, engine,
                meter, () -> factories.orderedStream().toList(), () -> deskProviders.orderedStream().toList(),
                MasterKey.resolve(core.masterKey(), core.dataDir()), clock.getIfUnique(Clock::systemUTC),
                () -> recurringJobs.orderedStream().toList(),
                text -> personRequests.getIfUnique(PersonRequestDetector::none).asksForPerson(text),
                (tenant, text) -> voice.getIfUnique(TenantVoice::plain).frame(tenant, text)),
                pipeline, resolution);
    }

    /** {@code hub.data-dir}, bound here only; agent-engine's Lucene index and hub-app's first start write there too. */
    @Bean
    DataDirectory dataDirectory(CoreProperties core) {
        return new DataDirectory(core.dataDir());
    }

    /**
     * The same {@code hub.data-dir}, bound through the same properties record, for code that runs before the context
     * exists (an environment post-processor that makes the directory private before logging starts).
     */
    public static DataDirectory dataDirectory(Environment environment) {
        return new DataDirectory(Binder.get(environment).bind("hub", CoreProperties.class)
                .orElseGet(() -> new CoreProperties(null, null)).dataDir());
    }

    @Bean
    @ConditionalOnMissingBean
    InboundIntake inboundIntake(ConversationCore core) {
        return core.intake();
    }

    /** The work queue's depth, for the hub's metrics. */
    @Bean
    InboundBacklog inboundBacklog(ConversationCore core) {
        var events = core.inboundEvents();
        return new InboundBacklog() {
            @Override
            public long pending() {
                return events.unfinished();
            }

            @Override
            public Optional<Instant> oldestReceivedAt() {
                return events.oldestUnfinishedReceivedAt();
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ChannelAccounts channelAccounts(ConversationCore core) {
        return core.channelAccounts();
    }

    @Bean
    HandoffPolicies handoffPolicies(ConversationCore core) {
        return core.handoffPolicies();
    }

    @Bean
    WebConversations webConversations(ConversationCore core) {
        return core.webConversations();
    }

    @Bean
    FirstTurnDryRun firstTurnDryRun(ConversationCore core) {
        return core.dryRun();
    }

    @Bean
    ConversationInbox conversationInbox(ConversationCore core) {
        return core.inbox();
    }

    @Bean
    HumanDesk humanDesk(ConversationCore core) {
        return core.humanDesk();
    }

    @Bean
    ChannelConnectors channelConnectors(ConversationCore core) {
        return core.connectors();
    }

    /** Starts the workers and the resolution timer after the context (and Flyway) is ready; stops them first on shutdown. */
    @Bean
    SmartLifecycle conversationPipelineLifecycle(ConversationCore core) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                core.start();
                running = true;
            }

            @Override
            public void stop() {
                core.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
