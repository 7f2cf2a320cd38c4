package io.resolvehub.core.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelinePropertiesTest {

    @Test
    void runsOneWorkerPerProcessorAndNeverFewerThanTwoUnlessToldOtherwise() {
        int processors = Runtime.getRuntime().availableProcessors();

        assertThat(PipelineProperties.defaults().workers()).isEqualTo(Math.max(2, processors)).isGreaterThanOrEqualTo(2);
        assertThat(new PipelineProperties(16, null, null, null, null, null, null, null, null, null, null, null, null).workers())
                .isEqualTo(16);
    }
}
