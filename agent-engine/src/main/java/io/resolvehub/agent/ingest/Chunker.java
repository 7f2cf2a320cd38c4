package io.resolvehub.agent.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a parsed document into chunks of at most {@code maxWords} words. A chunk holds blocks of one heading path only,
 * so every chunk can cite its section; a list (numbered steps) is kept whole unless it alone exceeds the limit, and
 * then it is split between items, never inside one.
 *
 * <p>The limit keeps a chunk within all-MiniLM-L6-v2's 256-token window (about 180 English words).
 */
public final class Chunker {

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private final int maxWords;

    public Chunker(int maxWords) {
        if (maxWords < 20) {
            throw new IllegalArgumentException("maxWords must be at least 20");
        }
        this.maxWords = maxWords;
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
                if (currentWords > 0 && currentWords + words > maxWords) {
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
        if (block.words() <= maxWords) {
            return List.of(block.text());
        }
        String[] units = block.list() ? block.text().split("\n") : SENTENCE_END.split(block.text());
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int words = 0;
        for (String unit : units) {
            int unitWords = countWords(unit);
            if (words > 0 && words + unitWords > maxWords) {
                pieces.add(piece.toString());
                piece.setLength(0);
                words = 0;
            }
            if (unitWords > maxWords) {
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

    /** Last resort for a single run-on "sentence" longer than the limit (tables flattened to text, say). */
    private List<String> hardSplit(String text) {
        String[] words = text.trim().split("\\s+");
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < words.length; i += maxWords) {
            pieces.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, Math.min(words.length, i + maxWords))));
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
