package io.resolvehub.agent.embed;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Texts share a model run while that saves more than the padding it adds; runs never pass the batch size. */
class PaddedBatchesTest {

    @Test
    void textsOfTheSameLengthGoInFullBatches() {
        int[] lengths = new int[20];
        Arrays.fill(lengths, 100);
        List<Integer> runs = PaddedBatches.split(lengths, 8);
        assertThat(runs).hasSize(3).allSatisfy(rows -> assertThat(rows).isBetween(1, 8));
        assertThat(runs.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
        assertThat(PaddedBatches.split(new int[]{100, 101, 102, 103}, 8)).containsExactly(4);
    }

    @Test
    void aShortTextIsNotPaddedToALongOne() {
        assertThat(PaddedBatches.split(new int[]{40, 250}, 8)).containsExactly(1, 1);
        // two short ones together, the long pair together
        assertThat(PaddedBatches.split(new int[]{30, 32, 250, 256}, 8)).containsExactly(2, 2);
    }

    @Test
    void runsCoverEveryTextInOrder() {
        int[] lengths = {12, 15, 15, 40, 41, 90, 130, 131, 200, 255, 256, 256};
        List<Integer> runs = PaddedBatches.split(lengths, 4);
        assertThat(runs).allSatisfy(rows -> assertThat(rows).isBetween(1, 4));
        assertThat(runs.stream().mapToInt(Integer::intValue).sum()).isEqualTo(lengths.length);
        assertThat(PaddedBatches.split(new int[0], 8)).isEmpty();
        assertThat(PaddedBatches.split(new int[]{7}, 8)).containsExactly(1);
    }
}
