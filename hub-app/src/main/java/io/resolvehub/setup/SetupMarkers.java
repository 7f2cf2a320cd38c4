package io.resolvehub.setup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/** One-off setup steps done, so a restart does not repeat them (and a step removed by the admin stays removed). */
@Component
class SetupMarkers {

    private final JdbcClient jdbc;
    private final Clock clock;

    SetupMarkers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the step; false when it was already recorded (by this or another instance). */
    boolean markDone(String step) {
        return jdbc.sql("INSERT INTO setup_markers (name, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(step, Timestamp.from(clock.instant())).update() == 1;
    }
}
