package io.resolvehub.core.internal.resolution;

import io.resolvehub.core.Answer;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.event.AssumedResolutionReopened;
import io.resolvehub.core.event.ConversationClosedUnresolved;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.event.HandoffRequested;
import io.resolvehub.core.internal.ConversationCore;
import io.resolvehub.core.internal.PipelineFixture;
import io.resolvehub.core.internal.ResolutionProperties;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static io.resolvehub.core.internal.PipelineFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AssumedResolutionTest {

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

    private void say(String thread, String text) {
        hub.intake().accept(message(thread, text));
        f.awaitIdle();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void resolvesAfterTheSilenceWindowAndPublishesOnce(TestDatabase db) {
        start(db);
        say("t", "How do I export?");
        say("t", "And as CSV?");

        f.clock.advance(Duration.ofHours(23));
        assertThat(hub.resolutionTimer().sweepNow()).isZero();

        f.clock.advance(Duration.ofHours(2));
        assertThat(hub.resolutionTimer().sweepNow()).isEqualTo(1);
        assertThat(hub.resolutionTimer().sweepNow()).isZero();

        assertThat(f.publisher.of(ConversationResolved.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ResolutionKind.ASSUMED);
            assertThat(e.aiAnswers()).isEqualTo(2);
        });
        assertThat(f.status("t")).isEqualTo("resolved");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void neverAssumesAResolutionWhenTheAiOnlyAskedToClarify(TestDatabase db) {
        start(db);
        f.engine.always(Answer.clarify("Which product do you mean?", 0.4, List.of()));
        say("t", "it is broken");

        f.clock.advance(Duration.ofHours(25));
        hub.resolutionTimer().sweepNow();

        assertThat(f.publisher.of(ConversationResolved.class)).isEmpty();
        assertThat(f.publisher.of(ConversationClosedUnresolved.class)).hasSize(1);
        assertThat(f.status("t")).isEqualTo("unresolved");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void doesNotAssumeAResolutionWhileTheUsersNextMessageWaits(TestDatabase db) {
        start(db);
        say("t", "How do I export?");
        hub.stop();
        hub.intake().accept(message("t", "it did not show up"));

        f.clock.advance(Duration.ofHours(25));
        hub.resolutionTimer().sweepNow();

        assertThat(f.publisher.of(ConversationResolved.class)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aUserReturningWithinTheReopenWindowWhoNeedsAHumanIsRefunded(TestDatabase db) {
        start(db);
        say("t", "How do I export?");
        f.clock.advance(Duration.ofHours(25));
        hub.resolutionTimer().sweepNow();

        f.clock.advance(Duration.ofHours(10));
        say("t", "It still fails, let me talk to a human");

        assertThat(f.publisher.of(HandoffRequested.class)).extracting(HandoffRequested::reason)
                .containsExactly(HandoffReason.USER_REQUEST);
        assertThat(f.publisher.of(AssumedResolutionReopened.class)).hasSize(1);
        assertThat(f.status("t")).isEqualTo("escalated");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aUserReturningAfterTheReopenWindowIsNotRefunded(TestDatabase db) {
        start(db);
        say("t", "How do I export?");
        f.clock.advance(Duration.ofHours(25));
        hub.resolutionTimer().sweepNow();

        f.clock.advance(Duration.ofHours(73));
        say("t", "talk to a human");

        assertThat(f.publisher.of(HandoffRequested.class)).hasSize(1);
        assertThat(f.publisher.of(AssumedResolutionReopened.class)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDbSchedulerTimerResolvesASilentConversationBySeconds(TestDatabase db) {
        f = new PipelineFixture(db);
        f.resolutionProperties = new ResolutionProperties(Duration.ofSeconds(1), Duration.ofHours(72),
                Duration.ofMillis(500));
        hub = f.newInstance();
        f.connectChat(hub);
        hub.start();
        say("t", "How do I export?");

        await().atMost(Duration.ofSeconds(20)).until(() -> f.status("t").equals("resolved"));
        assertThat(f.publisher.of(ConversationResolved.class)).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ResolutionKind.ASSUMED));
    }
}
