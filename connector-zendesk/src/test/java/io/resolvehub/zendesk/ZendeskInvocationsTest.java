package io.resolvehub.zendesk;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The table of handled webhook invocations, on H2 and PostgreSQL. */
class ZendeskInvocationsTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    private static ZendeskInvocations invocations(TestDatabase db) {
        return new ZendeskInvocations(JdbcClient.create(db.freshDataSource("classpath:db/migration/zendesk")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anInvocationIsSeenOnlyByItsTenantOnceRecordedAndRecordingTwiceIsHarmless(TestDatabase db) {
        ZendeskInvocations invocations = invocations(db);
        Instant at = Instant.parse("2026-11-29T10:00:00Z");
        assertThat(invocations.seen(ACME, "01HZX1")).isFalse();

        invocations.record(ACME, "01HZX1", 35436L, at);
        invocations.record(ACME, "01HZX1", 35436L, at);

        assertThat(invocations.seen(ACME, "01HZX1")).isTrue();
        assertThat(invocations.seen(GLOBEX, "01HZX1")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oldInvocationsAreForgotten(TestDatabase db) {
        ZendeskInvocations invocations = invocations(db);
        invocations.record(ACME, "old", 1L, Instant.parse("2026-11-01T10:00:00Z"));
        invocations.record(ACME, "new", 2L, Instant.parse("2026-11-29T10:00:00Z"));

        assertThat(invocations.forgetBefore(Instant.parse("2026-11-22T10:00:00Z"))).isEqualTo(1);

        assertThat(invocations.seen(ACME, "old")).isFalse();
        assertThat(invocations.seen(ACME, "new")).isTrue();
    }
}
