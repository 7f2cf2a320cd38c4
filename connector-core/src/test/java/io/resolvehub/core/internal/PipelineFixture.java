package io.resolvehub.core.internal;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.CoinMeter;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.PersonRequestDetector;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.TicketDeskProvider;
import io.resolvehub.core.testing.FakeChannel;
import io.resolvehub.core.testing.TestDatabase;
import io.resolvehub.core.testing.ScriptedAnswerEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A migrated database plus the pipeline built on it with a scripted engine, a fake Slack-like channel and a recording
 * event publisher. {@link #newInstance()} builds a second hub instance on the same database.
 */
public final class PipelineFixture implements AutoCloseable {

    public static final TenantId ACME = new TenantId("acme");
    public static final ChannelType CHAT = ChannelType.SLACK;
    private static final AtomicInteger EVENT_IDS = new AtomicInteger();

    public final DataSource dataSource;
    public final JdbcClient jdbc;
    public final ScriptedAnswerEngine engine = new ScriptedAnswerEngine();
    public final FakeChannel channel = new FakeChannel(CHAT);
    public final RecordingPublisher publisher = new RecordingPublisher();
    public final MutableClock clock = new MutableClock();
    public volatile CoinMeter coinMeter = CoinMeter.unmetered();
    public volatile PersonRequestDetector personRequests = PersonRequestDetector.none();
    public final List<TicketDeskProvider> deskProviders = new CopyOnWriteArrayList<>();
    public PipelineProperties pipelineProperties = new PipelineProperties(2, Duration.ofMillis(50), Duration.ofSeconds(30),
            3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(10), 3,
            Duration.ofSeconds(1), Duration.ofMillis(5), null, null);
    public ResolutionProperties resolutionProperties = new ResolutionProperties(Duration.ofHours(24), Duration.ofHours(72),
            Duration.ofHours(1));
    private final List<ConversationCore> instances = new ArrayList<>();

    public PipelineFixture(TestDatabase db) {
        this.dataSource = db.freshDataSource("classpath:db/migration/core");
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** A hub instance on this database (not started). */
    public ConversationCore newInstance() {
        ConversationCore core = new ConversationCore(new ConversationCore.Dependencies(dataSource,
                new DataSourceTransactionManager(dataSource), publisher, engine,
                (t, c, ch, n) -> coinMeter.holdFor(t, c, ch, n), () -> List.of(channel), () -> List.copyOf(deskProviders),
                new SecretKeySpec(new byte[32], "AES"), clock, List::of, text -> personRequests.asksForPerson(text)),
                pipelineProperties, resolutionProperties);
        instances.add(core);
        return core;
    }

    /** Stores the chat channel's settings for the tenant, so its connector can be created. */
    public void connectChat(ConversationCore core) {
        core.channelAccounts().save(ACME, CHAT, "T-ACME", new ChannelSettings(Map.of("accountId", "T-ACME", "token", "xoxb-1")));
    }

    public static InboundMessage message(String thread, String text) {
        return inbound(thread, InboundKind.MESSAGE, text);
    }

    public static InboundMessage inbound(String thread, InboundKind kind, String text) {
        return new InboundMessage(ACME, CHAT, "Ev" + EVENT_IDS.incrementAndGet(), thread, kind, text,
                new UserRef("U1", "Dana", "dana@example.com"), Map.of("channel", "C1", "thread_ts", thread), null);
    }

    /** Waits until every stored event is done or dead. */
    public void awaitIdle() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from inbound_events where status in ('received','processing')").query(Long.class).single() == 0);
    }

    public String status(String thread) {
        return jdbc.sql("select status from conversations where thread_key = ?").param(thread).query(String.class).single();
    }

    @Override
    public void close() {
        instances.forEach(ConversationCore::close);
    }
}
