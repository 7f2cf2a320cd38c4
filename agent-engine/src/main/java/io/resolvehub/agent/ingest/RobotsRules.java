package io.resolvehub.agent.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt (RFC 9309) for our user agent: the group naming our agent if any, else the {@code *}
 * group; the longest matching {@code Allow}/{@code Disallow} path prefix wins, {@code Allow} on a tie. Wildcards
 * ({@code *}, {@code $}) are supported.
 */
final class RobotsRules {

    private record Rule(String pattern, boolean allow) {
    }

    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    static RobotsRules parse(String robots, String userAgent) {
        String agent = userAgent.toLowerCase(Locale.ROOT).split("/")[0];
        List<Rule> specific = new ArrayList<>();
        List<Rule> wildcard = new ArrayList<>();
        List<String> groupAgents = new ArrayList<>();
        boolean inRules = false;
        List<Rule> current = new ArrayList<>();
        List<List<Rule>> targets = new ArrayList<>();
        for (String raw : robots.split("\\r?\\n")) {
            String line = raw.replaceAll("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    groupAgents.clear();
                    targets.clear();
                    inRules = false;
                }
                String ua = value.toLowerCase(Locale.ROOT);
                groupAgents.add(ua);
                if (ua.equals("*")) {
                    targets.add(wildcard);
                } else if (agent.contains(ua) || ua.contains(agent)) {
                    targets.add(specific);
                }
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                if (value.isEmpty()) {
                    continue;   // "Disallow:" with nothing allows everything
                }
                for (List<Rule> target : targets) {
                    target.add(new Rule(value, key.equals("allow")));
                }
            }
        }
        return new RobotsRules(specific.isEmpty() ? wildcard : specific);
    }

    boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.pattern(), pathAndQuery)
                    && (best == null || rule.pattern().length() > best.pattern().length()
                    || rule.pattern().length() == best.pattern().length() && rule.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        String regex = java.util.Arrays.stream(p.split("\\*", -1)).map(java.util.regex.Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse("");
        return path.matches(regex + (anchored ? "" : ".*"));
    }
}
