package io.resolvehub.eval;

import io.resolvehub.agent.FileFormat;
import io.resolvehub.core.ChatTurn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An evaluation set: documents to index and questions to ask. Two layouts are read:
 * <ul>
 *   <li>a passage set ({@code docs.jsonl} + {@code questions.jsonl}, as mtrag_cloud and clapnq ship): every passage
 *   becomes a plain-text source with its title, as {@code POST /sources {"type":"text"}} would store it;</li>
 *   <li>a help center ({@code docs/} of Markdown and HTML files + {@code questions.jsonl} with {@code kind} and
 *   {@code must_contain}, as {@code eval-sets/helpcenter} ships): every file is uploaded as it is.</li>
 * </ul>
 */
record EvalSet(String name, List<Doc> docs, List<Question> questions) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A document; {@code id} is what questions name as gold. */
    record Doc(String id, String title, FileFormat format, byte[] content) {
    }

    enum Kind { ANSWERABLE, NOT_ANSWERABLE, PERSON }

    /**
     * @param goldSentences sentences that answer (clapnq), empty otherwise
     * @param reference     a reference answer (mtrag_cloud, clapnq), null otherwise
     * @param mustContain   groups of alternatives, each group to be found in a correct answer (help center)
     */
    record Question(String id, String question, List<ChatTurn> history, Kind kind, List<String> goldDocs,
                    List<String> goldSentences, String reference, List<List<String>> mustContain) {
    }

    static EvalSet read(Path dir) throws IOException {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        List<Doc> docs = Files.exists(dir.resolve("docs.jsonl")) ? passages(dir.resolve("docs.jsonl")) : files(docsDir(dir));
        List<Question> questions = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("questions.jsonl"))) {
            if (!line.isBlank()) {
                questions.add(question(JSON.readTree(line)));
            }
        }
        return new EvalSet(name, docs, questions);
    }

    /** A help center alone ({@code dir} of Markdown and HTML files), without questions. */
    static EvalSet documents(String name, Path dir) throws IOException {
        return new EvalSet(name, files(dir), List.of());
    }

    private static List<Doc> passages(Path file) throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            String title = n.path("title").asString("");
            docs.add(new Doc(n.get("id").asString(), title.isBlank() ? n.get("id").asString() : title, FileFormat.TEXT,
                    n.get("text").asString().getBytes(StandardCharsets.UTF_8)));
        }
        return docs;
    }

    /** {@code docs/}, or the folder named in {@code docs-from} (relative to the set), to share a help center kept elsewhere. */
    private static Path docsDir(Path dir) throws IOException {
        Path pointer = dir.resolve("docs-from");
        return Files.exists(pointer) ? dir.resolve(Files.readString(pointer).strip()).normalize() : dir.resolve("docs");
    }

    /** Every file the hub reads, named {@code docs/<path>} as questions name their gold documents; others are skipped. */
    private static List<Doc> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Doc> docs = new ArrayList<>();
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                String id = "docs/" + dir.relativize(p).toString().replace('\\', '/');
                FileFormat.declared(p.getFileName().toString(), null)
                        .ifPresent(format -> docs.add(new Doc(id, null, format, bytes(p))));
            }
            return docs;
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Question question(JsonNode n) {
        List<ChatTurn> history = new ArrayList<>();
        for (JsonNode turn : n.path("history")) {
            String role = turn.has("role") ? turn.get("role").asString() : turn.path("speaker").asString();
            history.add(new ChatTurn("user".equals(role) ? ChatTurn.Role.USER : ChatTurn.Role.ASSISTANT, turn.get("text").asString()));
        }
        Kind kind = n.has("kind") ? Kind.valueOf(n.get("kind").asString().toUpperCase(java.util.Locale.ROOT))
                : n.get("answerable").asBoolean() ? Kind.ANSWERABLE : Kind.NOT_ANSWERABLE;
        List<String> gold = strings(n.has("gold_docs") ? n.get("gold_docs") : n.path("gold_doc_ids"));
        List<List<String>> mustContain = new ArrayList<>();
        for (JsonNode group : n.path("must_contain")) {
            mustContain.add(strings(group));
        }
        String reference = n.hasNonNull("answer") ? n.get("answer").asString() : null;
        return new Question(n.get("id").asString(), n.get("question").asString(), List.copyOf(history), kind, gold,
                strings(n.path("gold_sentences")), reference, List.copyOf(mustContain));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return List.copyOf(values);
    }
}
