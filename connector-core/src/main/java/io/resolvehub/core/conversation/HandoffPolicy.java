package io.resolvehub.core.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's hand-off rules ({@code /handoff-policy}).
 *
 * @param confidenceThreshold answers below this confidence go to a human (or, with {@code clarifyFirst}, the first
 *                            such turn asks a clarifying question); in [0,1]
 * @param maxAiTurns          after this many AI answers without a resolution, the next question goes to a human; 1–50
 * @param humanPhrases        phrases that mean "let me talk to a person" (matched case- and accent-insensitively
 *                            anywhere in a message); at most 100, none blank
 * @param clarifyFirst        whether the first low-confidence turn asks a clarifying question instead of handing off
 */
public record HandoffPolicy(double confidenceThreshold, int maxAiTurns, List<String> humanPhrases, boolean clarifyFirst) {

    public static final int MAX_PHRASES = 100;

    /** Common ways to ask for a person, in several languages. */
    public static final List<String> DEFAULT_HUMAN_PHRASES = List.of(
            "talk to a human", "talk to a person", "speak to a human", "speak to a person", "speak to someone",
            "talk to someone", "real person", "human agent", "live agent", "agent please", "talk to an agent",
            "speak to an agent", "customer service representative", "representative please",
            "mit einem menschen sprechen", "mit einem mitarbeiter sprechen", "echten menschen",
            "hablar con una persona", "hablar con un humano", "hablar con un agente",
            "parler à un humain", "parler à une personne", "parler à un conseiller",
            "parlare con un operatore", "parlare con una persona",
            "falar com um humano", "falar com uma pessoa", "falar com um atendente",
            "met een mens spreken", "met een medewerker spreken");

    public HandoffPolicy {
        humanPhrases = humanPhrases == null ? List.of() : List.copyOf(humanPhrases);
    }

    public static HandoffPolicy defaults() {
        return new HandoffPolicy(0.5, 3, DEFAULT_HUMAN_PHRASES, true);
    }

    /** Everything wrong with this policy, each as a sentence a person can act on; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (Double.isNaN(confidenceThreshold) || confidenceThreshold < 0 || confidenceThreshold > 1) {
            problems.add("confidenceThreshold must be between 0 and 1, was " + confidenceThreshold);
        }
        if (maxAiTurns < 1 || maxAiTurns > 50) {
            problems.add("maxAiTurns must be between 1 and 50, was " + maxAiTurns);
        }
        if (humanPhrases.size() > MAX_PHRASES) {
            problems.add("humanPhrases may hold at most " + MAX_PHRASES + " phrases, had " + humanPhrases.size());
        }
        for (int i = 0; i < humanPhrases.size(); i++) {
            String phrase = humanPhrases.get(i);
            if (phrase == null || phrase.isBlank()) {
                problems.add("humanPhrases[" + i + "] is blank");
            } else if (phrase.length() > 200) {
                problems.add("humanPhrases[" + i + "] is longer than 200 characters");
            }
        }
        return problems;
    }
}
