package io.resolvehub.core.internal.resolution;

import io.resolvehub.core.RecurringJob;
import io.resolvehub.core.internal.RecordingPublisher;
import io.resolvehub.core.internal.conversation.ConversationStateMachine;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.conversation.Transcripts;
import io.resolvehub.core.internal.intake.InboundEvents;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hub instances on one database, each with the one scheduler of {@link ResolutionScheduler} and the same
 * {@link RecurringJob}: the job runs once per due time across both (db-scheduler picks the {@code scheduled_tasks} row
 * with an optimistic lock), and a disabled job is never scheduled.
 */
class RecurringJobClusterTest {

    private final List<ResolutionScheduler> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ResolutionScheduler::stop);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRecurringJobOfTwoInstancesOnOneDatabaseRunsOnceAndADisabledOneNever(TestDatabase db) throws Exception {
        DataSource dataSource = db.freshDataSource("classpath:db/migration/core");
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger disabledRuns = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            // Each instance has its own job object, as two hub processes would; they share only the database.
            RecurringJob daily = job("daily-job", Duration.ofDays(1), () -> {
                runs.incrementAndGet();
                hold(release);
            });
            RecurringJob disabled = job("disabled-job", Duration.ZERO, disabledRuns::incrementAndGet);
            ResolutionScheduler scheduler = new ResolutionScheduler(dataSource, resolutions(dataSource),
                    Duration.ofMillis(200), () -> List.of(daily, disabled));
            instances.add(scheduler);
        }
        instances.forEach(ResolutionScheduler::start);

        await().atMost(Duration.ofSeconds(30)).until(() -> runs.get() == 1);
        // The run holds the row picked while both instances keep polling (every 200 ms): the other never runs it too.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> runs.get() == 1);
        release.countDown();

        JdbcClient jdbc = JdbcClient.create(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'daily-job' AND picked = false")
                .query(OffsetDateTime.class).optional()
                .filter(next -> next.toInstant().isAfter(Instant.now().plus(Duration.ofHours(23))))
                .isPresent());
        instances.forEach(ResolutionScheduler::stop);
        assertThat(runs.get()).as("runs of the daily job across both instances").isEqualTo(1);
        assertThat(disabledRuns.get()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'disabled-job'").query(Long.class).single())
                .isZero();
    }

    private static AssumedResolutions resolutions(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Conversations conversations = new Conversations(jdbc);
        ConversationStateMachine states = new ConversationStateMachine(conversations, new Transcripts(jdbc),
                new RecordingPublisher(), Duration.ofDays(7), Clock.systemUTC());
        return new AssumedResolutions(conversations, new InboundEvents(jdbc), states,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Duration.ofHours(24), Clock.systemUTC());
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the job");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RecurringJob job(String name, Duration interval, Runnable body) {
        return new RecurringJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public void run() {
                body.run();
            }
        };
    }
}
