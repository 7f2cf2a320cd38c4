package io.resolvehub.slack;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.AdminSession;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Install states in the database, on H2 and PostgreSQL: usable once, until they expire, by any instance. */
class SlackInstallStatesTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStateIsValidUntilItExpiresOrIsUsed(TestDatabase db) {
        JdbcClient jdbc = JdbcClient.create(db.freshDataSource("classpath:db/migration/slack"));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
        SlackInstallStates instanceA = new SlackInstallStates(jdbc, AdminSession.NOBODY, Duration.ofMinutes(10), clock);
        SlackInstallStates instanceB = new SlackInstallStates(jdbc, AdminSession.NOBODY, Duration.ofMinutes(10), clock);

        instanceA.addNewStateToDatastore("acme.one");
        instanceA.addNewStateToDatastore("acme.two");
        instanceA.addNewStateToDatastore("acme.three");

        assertThat(instanceB.isAvailableInDatabase("acme.one")).as("issued on A, checked on B").isTrue();
        assertThat(SlackInstallStates.tenantOf("acme.one")).isEqualTo(new TenantId("acme"));
        instanceB.deleteStateFromDatastore("acme.one");
        assertThat(instanceA.isAvailableInDatabase("acme.one")).as("used once").isFalse();
        assertThat(instanceA.isAvailableInDatabase("acme.unknown")).isFalse();

        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(instanceA.isAvailableInDatabase("acme.two")).as("expired").isFalse();
        instanceA.deleteStateFromDatastore("acme.two");
        assertThat(jdbc.sql("select count(*) from slack_install_states").query(Long.class).single())
                .as("expired states are purged").isZero();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
