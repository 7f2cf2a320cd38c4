package io.resolvehub.slack;

import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The threads the hub answers in, on H2 and PostgreSQL. */
class SlackThreadsTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void remembersThreadsPerWorkspaceOnceAndForgetsAnUninstalledWorkspace(TestDatabase db) {
        SlackThreads threads = new SlackThreads(JdbcClient.create(db.freshDataSource("classpath:db/migration/slack")));

        threads.remember("T1", "C1", "1700000000.000100");
        threads.remember("T1", "C1", "1700000000.000100");
        threads.remember("T2", "C1", "1700000000.000200");

        assertThat(threads.isAnswering("T1", "C1", "1700000000.000100")).isTrue();
        assertThat(threads.isAnswering("T2", "C1", "1700000000.000100")).as("another workspace's thread").isFalse();
        assertThat(threads.isAnswering("T1", "C2", "1700000000.000100")).isFalse();
        threads.forgetTeam("T1");
        assertThat(threads.isAnswering("T1", "C1", "1700000000.000100")).isFalse();
        assertThat(threads.isAnswering("T2", "C1", "1700000000.000200")).isTrue();
    }
}
