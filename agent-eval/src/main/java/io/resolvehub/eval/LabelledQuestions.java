package io.resolvehub.eval;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Questions with a gold topic label each, for {@link TopicEvaluation}.
 *
 * @param singles labels that stand for one question each (the paraphrase set's unrelated questions)
 * @param corpus  the documents that answer the questions, for the documents their answers cite; null without any
 * @param pageOf  for a corpus of passages, the page (parent document) each passage was cut from: a citation names
 *                that page, as it would name a help-center article whose passages the hub cut itself; empty otherwise
 */
record LabelledQuestions(String name, List<String> texts, int[] labels, Set<Integer> singles, EvalSet corpus,
                         Map<String, String> pageOf) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    int labelCount() {
        return (int) java.util.Arrays.stream(labels).distinct().count();
    }

    /** Groups of more than one question whose members all landed in one topic, as "kept/groups"; "—" without groups. */
    String groupsKeptWhole(int[] topics) {
        Map<Integer, Set<Integer>> topicsOfLabel = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            topicsOfLabel.computeIfAbsent(labels[i], l -> new HashSet<>()).add(topics[i]);
        }
        if (singles.isEmpty()) {
            return "\u2014";
        }
        long groups = topicsOfLabel.keySet().stream().filter(l -> !singles.contains(l)).count();
        long whole = topicsOfLabel.entrySet().stream().filter(e -> !singles.contains(e.getKey()))
                .filter(e -> e.getValue().size() == 1).count();
        return whole + "/" + groups;
    }

    /** Unrelated questions that share their topic with no other question, as "apart/unrelated"; "—" without any. */
    String singlesKeptApart(int[] topics) {
        if (singles.isEmpty()) {
            return "\u2014";
        }
        Map<Integer, Integer> topicSizes = new HashMap<>();
        for (int topic : topics) {
            topicSizes.merge(topic, 1, Integer::sum);
        }
        long apart = 0;
        for (int i = 0; i < labels.length; i++) {
            if (singles.contains(labels[i]) && topicSizes.get(topics[i]) == 1) {
                apart++;
            }
        }
        return apart + "/" + singles.size();
    }

    /**
     * {@code ## name} starts a group, {@code - text} is a question; the {@code unrelated} group's questions stand alone.
     * The help center that answers them is the {@code docs} folder next to the file, when there is one.
     */
    static LabelledQuestions paraphrases(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Set<Integer> singles = new HashSet<>();
        int label = -1;
        boolean unrelated = false;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("## ")) {
                unrelated = line.substring(3).strip().equals("unrelated");
                label++;
            } else if (line.startsWith("- ")) {
                texts.add(line.substring(2).strip());
                if (unrelated) {
                    singles.add(++label);
                }
                labels.add(label);
            }
        }
        Path docs = file.resolveSibling("docs");
        return new LabelledQuestions("paraphrases", texts, labels.stream().mapToInt(Integer::intValue).toArray(), singles,
                Files.isDirectory(docs) ? EvalSet.documents("topic-paraphrases", docs) : null, Map.of());
    }

    /**
     * mtrag_cloud's questions that read on their own (a first turn, or IBM's standalone rewrite of a follow-up),
     * labelled so that questions whose gold passages share a parent document belong together (transitively); the
     * corpus is its passages.
     */
    static LabelledQuestions mtrag(Path folder) throws IOException {
        Map<String, String> parentOf = new HashMap<>();
        try (var lines = Files.lines(folder.resolve("docs.jsonl"))) {
            lines.forEach(line -> {
                JsonNode doc = JSON.readTree(line);
                parentOf.put(doc.get("id").asString(), doc.path("parent_doc_id").asString(doc.get("id").asString()));
            });
        }
        List<String> texts = new ArrayList<>();
        List<Set<String>> parents = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("questions.jsonl"))) {
            JsonNode q = JSON.readTree(line);
            String standalone = q.path("question_standalone").asString("");
            boolean firstTurn = q.path("history").isEmpty();
            Set<String> gold = new HashSet<>();
            q.path("gold_doc_ids").forEach(id -> gold.add(parentOf.getOrDefault(id.asString(), id.asString())));
            if (gold.isEmpty() || (standalone.isBlank() && !firstTurn)) {
                continue;
            }
            texts.add(standalone.isBlank() ? q.get("question").asString() : standalone);
            parents.add(gold);
        }
        // union-find over questions that share a parent document
        int[] root = new int[texts.size()];
        for (int i = 0; i < root.length; i++) {
            root[i] = i;
        }
        Map<String, Integer> firstWithParent = new HashMap<>();
        for (int i = 0; i < parents.size(); i++) {
            for (String parent : parents.get(i)) {
                Integer other = firstWithParent.putIfAbsent(parent, i);
                if (other != null) {
                    root[find(root, i)] = find(root, other);
                }
            }
        }
        int[] labels = new int[texts.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = find(root, i);
        }
        return new LabelledQuestions("mtrag_cloud", texts, labels, Set.of(), EvalSet.read(folder), parentOf);
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }
}
