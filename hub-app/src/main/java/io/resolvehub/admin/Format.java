package io.resolvehub.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write what a person reads: "1 coin", "5 coins", a confidence as "0.72", a time in UTC. */
public final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    public static String coins(long coins) {
        return coins + (Math.abs(coins) == 1 ? " coin" : " coins");
    }

    public static String confidence(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
