package io.resolvehub.eval;

import io.resolvehub.agent.embed.MiniLmEmbedder;
import io.resolvehub.insights.InsightsProperties;
import io.resolvehub.insights.TopicClustering;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's topic grouping, at its default settings, over the real all-MiniLM-L6-v2 vectors and the documents the real
 * extractive agent cites from the paraphrase set's help center: the needs MiniLM alone splits or mixes (sync phrased
 * without the word "sync"; cancelling a plan against deleting an account; PDF export against importing from Evernote;
 * the platforms against the languages) each land in one topic, and unrelated questions stay alone.
 */
class TopicsOfParaphrasesTest {

    private static final Map<String, List<String>> NEEDS = Map.of(
            "sync", List.of("My notes don't sync between my phone and laptop",
                    "Why are changes on my tablet not showing on my computer?", "Sync stopped working on my iPhone",
                    "How do I make my notes sync across devices?", "Notes missing on my second device"),
            "pdf", List.of("How do I export a note as a PDF?", "Can I save my notes as PDF files?",
                    "Is there a way to download a notebook as PDF?", "How do I print a note to a PDF file?"),
            "cancel", List.of("How do I cancel my subscription?", "I want to stop my plan and not be charged again",
                    "Cancel my account billing please", "How do I unsubscribe from the premium plan?"),
            "delete", List.of("How do I delete my account permanently?", "Close my account and erase everything",
                    "I want you to remove all my data", "Account deletion request"));
    private static final List<String> UNRELATED = List.of("Can I import notes from Evernote?",
            "Does the app work on Linux?", "Which languages does the app support?", "Can I share a notebook with my team?");

    private static MiniLmEmbedder embedder;
    private static List<String> questions;
    private static List<float[]> vectors;
    private static List<String> documents;

    @BeforeAll
    static void askEveryQuestion() throws IOException {
        embedder = new MiniLmEmbedder(8);
        questions = IntStream.range(0, 5).boxed() // interleaved, as customers would ask
                .flatMap(i -> NEEDS.values().stream().filter(need -> i < need.size()).map(need -> need.get(i)))
                .collect(Collectors.toList());
        questions.addAll(UNRELATED);
        vectors = embedder.embedAll(questions);
        Path work = Files.createDirectories(Path.of("target/topics-of-paraphrases"));
        documents = CitedDocuments.of(EvalSet.documents("topic-paraphrases", Path.of("../eval-sets/topic-paraphrases/docs")),
                questions, embedder, work);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void eachNeedLandsInOneTopicAndUnrelatedQuestionsStayAlone() {
        InsightsProperties defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("hub.insights", InsightsProperties.class);

        Map<String, Integer> topics = topics(new TopicClustering(defaults.topicSimilarity(), defaults.topicDocumentMargin()));

        NEEDS.forEach((need, asked) -> assertThat(asked).as(need)
                .extracting(topics::get).containsOnly(topics.get(asked.getFirst())));
        assertThat(NEEDS.values().stream().map(asked -> topics.get(asked.getFirst())).distinct()).hasSize(NEEDS.size());
        for (String unrelated : UNRELATED) {
            assertThat(topics.entrySet()).as(unrelated)
                    .filteredOn(e -> e.getValue().equals(topics.get(unrelated))).hasSize(1);
        }
    }

    @Test
    void theWordingAloneDoesNotSeparateThem() {
        // the same grouping without the documents: what the test above would face if citations were not counted
        InsightsProperties defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("hub.insights", InsightsProperties.class);

        Map<String, Integer> topics = topics(new TopicClustering(defaults.topicSimilarity()));

        boolean needsWhole = NEEDS.values().stream()
                .allMatch(asked -> asked.stream().map(topics::get).distinct().count() == 1);
        boolean unrelatedAlone = UNRELATED.stream()
                .allMatch(q -> topics.values().stream().filter(topics.get(q)::equals).count() == 1);
        assertThat(needsWhole && unrelatedAlone).isFalse();
    }

    private static Map<String, Integer> topics(TopicClustering clustering) {
        return IntStream.range(0, questions.size()).boxed()
                .collect(Collectors.toMap(questions::get, i -> clustering.assign(vectors.get(i), documents.get(i))));
    }
}
