package io.resolvehub.billing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PricingTest {

    @Test
    void defaultsToOneCoinPlusOnePerExtraAnswerCappedAtFive() {
        assertThat(Pricing.DEFAULT).isEqualTo(new Pricing(1, 1, 5, 50));
        assertThat(Pricing.DEFAULT.violations()).isEmpty();
        assertThat(Pricing.DEFAULT.chargeFor(1)).isEqualTo(1);
        assertThat(Pricing.DEFAULT.chargeFor(3)).isEqualTo(3);
        assertThat(Pricing.DEFAULT.chargeFor(50)).isEqualTo(5);
        assertThat(Pricing.DEFAULT.chargeFor(0)).as("no answer counts as one").isEqualTo(1);
        assertThat(Pricing.DEFAULT.chargeFor(Integer.MAX_VALUE)).isEqualTo(5);
    }

    @Test
    void namesEveryBrokenRule() {
        assertThat(new Pricing(0, -1, 1001, -1).violations()).containsExactlyInAnyOrder(
                "baseCoins must be at least 1 (got 0)",
                "coinsPerExtraAnswer must be 0 or more (got -1)",
                "maxCoins must be at most 1000 (got 1001)",
                "lowBalanceCoins must be 0 or more (got -1)");
        assertThat(new Pricing(6, 0, 5, 0).violations())
                .containsExactly("baseCoins (6) must not exceed maxCoins (5)");
        assertThat(new Pricing(1000, 0, 1000, 0).violations()).isEmpty();
    }
}
