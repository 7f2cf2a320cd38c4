package io.resolvehub.agent.answer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a word is an everyday English word: one the language model's vocabulary holds whole (all-MiniLM-L6-v2's
 * 30,522 WordPiece tokens, learnt from general English text). "winter", "mistake" and "biggest" are; the names of
 * products, integrations and certifications a help center might never mention ("yubikey", "salesforce", "hipaa",
 * "quickbooks") are cut into pieces. A question's word the documents never use is strong evidence that they don't
 * answer it when it names such a thing, weaker when it is only the user's own way of saying something.
 */
final class EverydayWords {

    private static final String VOCABULARY = "/all-minilm-l6-v2-tokenizer.json";
    private static final Set<String> WORDS = load();

    private EverydayWords() {
    }

    static boolean is(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = EverydayWords.class.getResourceAsStream(VOCABULARY)) {
            if (in == null) {
                throw new IllegalStateException(VOCABULARY + " (all-MiniLM-L6-v2's tokenizer) is missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            JsonNode vocabulary = JsonMapper.builder().build().readTree(in).path("model").path("vocab");
            vocabulary.propertyNames().forEach(token -> {
                if (token.length() >= 3 && token.chars().allMatch(Character::isLetter)) {
                    words.add(token);
                }
            });
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
