package io.resolvehub.ops;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /actuator/prometheus} in the text format, read the way Prometheus reads it. */
record PrometheusScrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");

    /** The sum of the samples of {@code name} whose labels include every {@code label=value} pair given; 0 when none. */
    double sum(String name, String... labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && m.group(1).equals(name)) {
                String sampleLabels = m.group(2) == null ? "" : m.group(2);
                if (Arrays.stream(labels).allMatch(pair -> hasLabel(sampleLabels, pair))) {
                    sum += Double.parseDouble(m.group(3));
                }
            }
        }
        return sum;
    }

    /** The value of the one sample of {@code name} (a gauge); fails when it is not in the scrape. */
    double value(String name) {
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && m.group(1).equals(name)) {
                return Double.parseDouble(m.group(3));
            }
        }
        throw new AssertionError(name + " is not in the scrape:\n" + text);
    }

    private static boolean hasLabel(String labels, String pair) {
        String[] kv = pair.split("=", 2);
        return Pattern.compile("(^|,)" + Pattern.quote(kv[0]) + "=\"" + Pattern.quote(kv[1]) + "\"(,|$)")
                .matcher(labels).find();
    }
}
