package io.resolvehub.insights;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrendTest {

    @Test
    void comparesWithThePreviousPeriod() {
        assertThat(Trend.of(3, 0)).isEqualTo(Trend.NEW);
        assertThat(Trend.of(9, 6)).isEqualTo(Trend.RISING);
        assertThat(Trend.of(2, 1)).as("one more is noise").isEqualTo(Trend.STEADY);
        assertThat(Trend.of(7, 6)).isEqualTo(Trend.STEADY);
        assertThat(Trend.of(4, 6)).isEqualTo(Trend.FALLING);
        assertThat(Trend.of(0, 1)).as("one fewer is noise").isEqualTo(Trend.STEADY);
        assertThat(Trend.FALLING.wire()).isEqualTo("falling");
    }
}
