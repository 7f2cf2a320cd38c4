package io.resolvehub.insights;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestSettingsTest {

    @Test
    void weeklyIsDueOnMondayAtNineInTheTenantsTimeZone() {
        DigestSettings berlin = new DigestSettings("weekly", "slack", "C1", "Europe/Berlin").validated();

        Instant due = berlin.nextDue(Instant.parse("2026-12-04T15:00:00Z")); // a Friday

        assertThat(due).isEqualTo(Instant.parse("2026-12-07T08:00:00Z")); // Monday 09:00 in Berlin (UTC+1)
        assertThat(berlin.period(due)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void readsDailyAndFiveFieldCron() {
        assertThat(new DigestSettings("daily", "email", "lead@example.com", null).validated()
                .nextDue(Instant.parse("2026-12-04T10:00:00Z"))).isEqualTo(Instant.parse("2026-12-05T09:00:00Z"));
        assertThat(new DigestSettings("30 7 * * FRI", "teams", "19:x", "UTC").validated()
                .nextDue(Instant.parse("2026-12-04T10:00:00Z"))).isEqualTo(Instant.parse("2026-12-11T07:30:00Z"));
    }

    @Test
    void refusesWhatItCannotUseSayingWhat() {
        assertThatThrownBy(() -> new DigestSettings("weekly", "fax", "x", null).validated())
                .hasMessageContaining("'channel' must be");
        assertThatThrownBy(() -> new DigestSettings("sometimes", "slack", "C1", null).validated())
                .hasMessageContaining("'schedule' must be");
        assertThatThrownBy(() -> new DigestSettings("weekly", "slack", " ", null).validated())
                .hasMessageContaining("'target' is required");
        assertThatThrownBy(() -> new DigestSettings("weekly", "email", "lead", null).validated())
                .hasMessageContaining("must be an email address");
        assertThatThrownBy(() -> new DigestSettings("weekly", "slack", "C1", "Moon/Base").validated())
                .hasMessageContaining("'timeZone'");
    }
}
