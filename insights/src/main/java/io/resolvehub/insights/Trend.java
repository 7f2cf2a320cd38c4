package io.resolvehub.insights;

import java.util.Locale;

/** How a topic's count compares with the previous period of the same length. */
public enum Trend {
    /** Not asked at all in the previous period. */
    NEW,
    /** At least half as many again, and at least two more. */
    RISING,
    STEADY,
    /** At most two thirds as many, and at least two fewer. */
    FALLING;

    static Trend of(int current, int previous) {
        if (previous == 0) {
            return NEW;
        }
        if (current >= previous * 1.5 && current - previous >= 2) {
            return RISING;
        }
        if (current * 3 <= previous * 2 && previous - current >= 2) {
            return FALLING;
        }
        return STEADY;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
