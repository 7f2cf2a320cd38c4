package io.resolvehub.agent;

/**
 * A tenant's brand voice ({@code /voice}): the greeting and sign-off frame every answer; the name and tone are
 * for the channels and the LLM prompt.
 */
public record VoiceSettings(String assistantName, String tone, String greeting, String signOff) {

    public static final VoiceSettings DEFAULT = new VoiceSettings("Assistant", "friendly", "", "");

    /** Normalises and validates; the message names the field and the rule. */
    public VoiceSettings {
        assistantName = required(assistantName, "assistantName", 100);
        tone = required(tone, "tone", 40);
        greeting = optional(greeting, "greeting", 500);
        signOff = optional(signOff, "signOff", 500);
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return optional(value, field, max);
    }

    private static String optional(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException("'" + field + "' must be at most " + max + " characters");
        }
        return v;
    }

    /** The body framed by the greeting and sign-off. */
    public String frame(String body) {
        StringBuilder sb = new StringBuilder();
        if (!greeting.isEmpty()) {
            sb.append(greeting).append("\n\n");
        }
        sb.append(body);
        if (!signOff.isEmpty()) {
            sb.append("\n\n").append(signOff);
        }
        return sb.toString();
    }
}
