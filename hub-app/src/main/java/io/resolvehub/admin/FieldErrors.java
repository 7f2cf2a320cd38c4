package io.resolvehub.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts each validation message next to its field. The services' messages start with the field's name ("maxAiTurns
 * must be…", "'tone' is required"), which is how a message finds its field here; one that names none goes to "form".
 */
final class FieldErrors {

    private FieldErrors() {
    }

    static Map<String, String> byField(List<String> problems, String... fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String problem : problems) {
            String field = "form";
            String message = problem;
            String bare = problem.startsWith("'") ? problem.substring(1) : problem;
            for (String f : fields) {
                if (bare.startsWith(f)) {
                    field = f;
                    // shown next to the field, the message need not name it: "must be between 0 and 1, was 1.5"
                    String rest = bare.substring(f.length()).replaceFirst("^'?\\s*", "");
                    if (rest.startsWith("must") || rest.startsWith("is ")) message = rest;
                    break;
                }
            }
            errors.merge(field, sentence(message), (a, b) -> a + " " + b);
        }
        return errors;
    }

    private static String sentence(String problem) {
        String s = Character.toUpperCase(problem.charAt(0)) + problem.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
