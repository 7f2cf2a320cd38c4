package io.resolvehub.agent.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a parsed document into chunks of at most {@code maxWords} words and {@link #maxChars()} characters. A chunk
 * holds blocks of one heading path only, so every chunk can cite its section; a list (numbered steps) is kept whole
 * unless it alone exceeds the limit, and then it is split between items, never inside one.
 *
 * <p>The word limit keeps a chunk within all-MiniLM-L6-v2's 256-token window (about 180 English words). The character
 * limit bounds whatever the text looks like: a run without spaces (a base64 blob, a minified file) counts as one word
 * and is cut into pieces of the character limit, so no chunk, and no answer quoting one, grows with the input.
 */
public final class Chunker {

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    /** Characters allowed per word of the limit: generous for prose (English averages about 6 with the space). */
    static final int CHARS_PER_WORD = 12;

    private final int maxWords;
    private final int maxChars;

    public Chunker(int maxWords) {
        if (maxWords < 20) {
            throw new IllegalArgumentException("maxWords must be at least 20");
        }
        this.maxWords = maxWords;
        this.maxChars = maxWords * CHARS_PER_WORD;
    }

    /** The longest chunk text, in characters. */
    public int maxChars() {
        return maxChars;
    }

    public List<Chunk> chunk(ParsedDocument document) {
        List<Chunk> chunks = new ArrayList<>();
        List<String> currentPath = null;
        StringBuilder current = new StringBuilder();
        int currentWords = 0;
        for (Block block : document.blocks()) {
            if (block.text().isBlank()) {
                continue;
            }
            if (currentPath != null && !currentPath.equals(block.headingPath())) {
                flush(chunks, document.title(), currentPath, current);
                currentWords = 0;
            }
            currentPath = block.headingPath();
            for (String piece : pieces(block)) {
                int words = countWords(piece);
                if (currentWords > 0 && (currentWords + words > maxWords || current.length() + 1 + piece.length() > maxChars)) {
                    flush(chunks, document.title(), currentPath, current);
                    currentWords = 0;
                }
                if (!current.isEmpty()) {
                    current.append('\n');
                }
                current.append(piece);
                currentWords += words;
            }
        }
        if (currentPath != null) {
            flush(chunks, document.title(), currentPath, current);
        }
        return chunks;
    }

    /** A block as pieces that each fit the limit: the block itself, or its items / sentences grouped up to the limit. */
    private List<String> pieces(Block block) {
        if (block.words() <= maxWords && block.text().length() <= maxChars) {
            return List.of(block.text());
        }
        String[] units = block.list() ? block.text().split("\n") : SENTENCE_END.split(block.text());
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int words = 0;
        for (String unit : units) {
            int unitWords = countWords(unit);
            if (words > 0 && (words + unitWords > maxWords || piece.length() + 1 + unit.length() > maxChars)) {
                pieces.add(piece.toString());
                piece.setLength(0);
                words = 0;
            }
            if (unitWords > maxWords || unit.length() > maxChars) {
                pieces.addAll(hardSplit(unit));
                continue;
            }
            if (!piece.isEmpty()) {
                piece.append(block.list() ? "\n" : " ");
            }
            piece.append(unit);
            words += unitWords;
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    /**
     * Last resort for a single run-on "sentence" over the limit (tables flattened to text, say): words grouped up to
     * both limits, and a word longer than the character limit cut into pieces of it.
     */
    private List<String> hardSplit(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int words = 0;
        for (String word : text.trim().split("\\s+")) {
            for (int start = 0, end; start < word.length(); start = end) {
                end = Math.min(word.length(), start + maxChars);
                if (end < word.length() && Character.isHighSurrogate(word.charAt(end - 1))) {
                    end--; // never between the halves of a surrogate pair
                }
                String part = word.substring(start, end);
                if (words > 0 && (words + 1 > maxWords || piece.length() + 1 + part.length() > maxChars)) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                    words = 0;
                }
                if (!piece.isEmpty()) {
                    piece.append(' ');
                }
                piece.append(part);
                words++;
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    private static void flush(List<Chunk> chunks, String title, List<String> path, StringBuilder text) {
        if (!text.toString().isBlank()) {
            chunks.add(new Chunk(title, path, text.toString().trim()));
        }
        text.setLength(0);
    }

    static int countWords(String text) {
        return (int) WORD.matcher(text).results().count();
    }
}
