package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.internal.ConversationCore;
import io.resolvehub.core.internal.PipelineFixture;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.resolvehub.core.internal.PipelineFixture.inbound;
import static io.resolvehub.core.internal.PipelineFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change notice (a platform that names only what changed, like a Zendesk webhook) is read by the worker through the
 * channel's connector after it was stored, and what it asks is answered as an event of its own.
 */
class ChangeNoticesTest {

    private PipelineFixture f;
    private ConversationCore hub;

    @AfterEach
    void closeHub() {
        if (f != null) f.close();
    }

    private void start(TestDatabase db) {
        f = new PipelineFixture(db);
        hub = f.newInstance();
        f.connectChat(hub);
        hub.start();
    }

    private long events(String kind, String status) {
        return f.jdbc.sql("select count(*) from inbound_events where kind = ? and status = ?").params(kind, status)
                .query(Long.class).single();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoNoticesOfOneChangeAreReadByTheWorkerAndAnsweredOnce(TestDatabase db) {
        start(db);
        AtomicInteger reads = new AtomicInteger();
        InboundMessage question = message("ticket-1", "How do I reset my password?");
        f.channel.readsChangesAs(notice -> {
            reads.incrementAndGet();
            return Optional.of(question); // the same platform state, read twice: one event id
        });

        hub.intake().accept(inbound("ticket-1", InboundKind.CHANGED, ""));
        hub.intake().accept(inbound("ticket-1", InboundKind.CHANGED, ""));
        f.awaitIdle();

        assertThat(reads).hasValue(2);
        assertThat(f.engine.requests()).singleElement().satisfies(r ->
                assertThat(r.question()).isEqualTo("How do I reset my password?"));
        assertThat(f.channel.posted()).hasSize(1);
        assertThat(events("CHANGED", "done")).isEqualTo(2);
        assertThat(events("MESSAGE", "done")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNoticeThatAsksNothingLeavesNoConversationBehind(TestDatabase db) {
        start(db);

        hub.intake().accept(inbound("ticket-2", InboundKind.CHANGED, ""));
        f.awaitIdle();

        assertThat(f.engine.requests()).isEmpty();
        assertThat(f.channel.posted()).isEmpty();
        assertThat(f.jdbc.sql("select count(*) from conversations").query(Long.class).single()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPlatformThatFailsToBeReadIsReadAgainLaterAndTheChangeIsStillAnswered(TestDatabase db) {
        start(db);
        f.channel.readsChangesAs(notice -> Optional.of(message("ticket-3", "Where is Security?")));
        // more failures than the inline retries: the notice goes back to the intake, which reads it again later
        f.channel.failNext(4, () -> ChannelException.retriable("429 Too Many Requests", Duration.ofMillis(20), null));

        hub.intake().accept(inbound("ticket-3", InboundKind.CHANGED, ""));
        f.awaitIdle();

        assertThat(f.channel.posted()).hasSize(1);
        assertThat(f.jdbc.sql("select attempts from inbound_events where kind = 'CHANGED'").query(Integer.class).single())
                .isGreaterThan(1);
    }
}
