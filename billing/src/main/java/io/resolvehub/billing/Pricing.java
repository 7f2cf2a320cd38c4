package io.resolvehub.billing;

import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's price list ({@code /pricing}): a resolution costs
 * {@code min(maxCoins, baseCoins + coinsPerExtraAnswer × (aiAnswers − 1))}; before each AI answer the conversation's
 * hold grows to that price for the answers given so far plus this one; below {@code lowBalanceCoins} available, the
 * admins are alerted once a day.
 */
public record Pricing(long baseCoins, long coinsPerExtraAnswer, long maxCoins, long lowBalanceCoins) {

    public static final Pricing DEFAULT = new Pricing(1, 1, 5, 50);
    /** Upper bound of {@code maxCoins}: a single conversation never costs more than this. */
    public static final long MAX_COINS_LIMIT = 1000;
    /** Upper bound of {@code lowBalanceCoins}, far above any sensible threshold; keeps arithmetic far from overflow. */
    public static final long LOW_BALANCE_LIMIT = 1_000_000_000_000L;

    /** What each rule breaks, in words an admin can act on; empty when the pricing is valid. */
    public List<String> violations() {
        List<String> problems = new ArrayList<>();
        if (baseCoins < 1) {
            problems.add("baseCoins must be at least 1 (got " + baseCoins + ")");
        }
        if (baseCoins > maxCoins) {
            problems.add("baseCoins (" + baseCoins + ") must not exceed maxCoins (" + maxCoins + ")");
        }
        if (coinsPerExtraAnswer < 0) {
            problems.add("coinsPerExtraAnswer must be 0 or more (got " + coinsPerExtraAnswer + ")");
        }
        if (coinsPerExtraAnswer > MAX_COINS_LIMIT) {
            problems.add("coinsPerExtraAnswer must be at most " + MAX_COINS_LIMIT + " (got " + coinsPerExtraAnswer + ")");
        }
        if (maxCoins > MAX_COINS_LIMIT) {
            problems.add("maxCoins must be at most " + MAX_COINS_LIMIT + " (got " + maxCoins + ")");
        }
        if (lowBalanceCoins < 0) {
            problems.add("lowBalanceCoins must be 0 or more (got " + lowBalanceCoins + ")");
        }
        if (lowBalanceCoins > LOW_BALANCE_LIMIT) {
            problems.add("lowBalanceCoins must be at most " + LOW_BALANCE_LIMIT + " (got " + lowBalanceCoins + ")");
        }
        return problems;
    }

    /** The price of a resolution after {@code aiAnswers} AI answers (fewer than 1 counts as 1). */
    public long chargeFor(int aiAnswers) {
        return priceOf(baseCoins, coinsPerExtraAnswer, maxCoins, aiAnswers);
    }

    static long priceOf(long baseCoins, long coinsPerExtraAnswer, long cap, int aiAnswers) {
        long extraAnswers = Math.max(0, aiAnswers - 1L);
        // extraAnswers < 2^31 and coinsPerExtraAnswer <= 1000: no overflow.
        return Math.min(cap, baseCoins + coinsPerExtraAnswer * extraAnswers);
    }
}
