package io.resolvehub.agent;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Content words of a text, stemmed the way the BM25 field is, without question words and filler ("how do I…"), for
 * measuring how much of a question a passage covers (the answer engine), whether a generated sentence is grounded and how
 * for other modules that count words the same way (insights).
 */
public final class TextTerms {

    private static final CharArraySet STOP = new CharArraySet(List.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
            "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
            "i", "me", "my", "we", "our", "you", "your", "he", "she", "him", "her", "them", "its", "us",
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "do", "does", "did", "done", "doing",
            "can", "could", "would", "should", "may", "might", "must", "shall", "have", "has", "had", "am", "been", "being",
            "so", "than", "too", "very", "just", "also", "about", "any", "some", "all", "more", "most", "other", "one",
            "please", "thanks", "thank", "hi", "hello", "hey", "want", "need", "get", "know", "tell", "help", "use", "using",
            "there", "here", "from", "up", "out", "again", "still", "yes", "ok", "okay", "like", "able", "way", "ways",
            "something", "anything", "thing", "things", "possible", "got", "gets", "getting", "im", "i'm", "it's", "don't", "doesn't", "can't"), true);

    private static final Analyzer ANALYZER = new EnglishAnalyzer(STOP);

    private TextTerms() {
    }

    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = ANALYZER.tokenStream("t", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
