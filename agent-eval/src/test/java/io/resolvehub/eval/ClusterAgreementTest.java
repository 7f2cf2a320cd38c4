package io.resolvehub.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClusterAgreementTest {

    @Test
    void theSamePartitionUnderOtherNamesAgreesFully() {
        ClusterAgreement same = new ClusterAgreement(new int[]{0, 0, 1, 1, 2}, new int[]{7, 7, 3, 3, 9});

        assertThat(same.adjustedRandIndex()).isEqualTo(1.0);
        assertThat(same.purity()).isEqualTo(1.0);
    }

    @Test
    void aCrossedPartitionScoresBelowChance() {
        ClusterAgreement crossed = new ClusterAgreement(new int[]{0, 0, 1, 1}, new int[]{0, 1, 0, 1});

        assertThat(crossed.adjustedRandIndex()).isCloseTo(-0.5, within(1e-9));
        assertThat(crossed.purity()).isEqualTo(0.5);
    }

    @Test
    void oneClusterForEverythingIsPureOnlyForTheLargestLabel() {
        // the textbook example: 3 labels of sizes 5, 5, 4 all in one cluster
        ClusterAgreement lumped = new ClusterAgreement(new int[]{0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2},
                new int[14]);

        assertThat(lumped.adjustedRandIndex()).isCloseTo(0.0, within(1e-9));
        assertThat(lumped.purity()).isCloseTo(5 / 14.0, within(1e-9));
    }
}
