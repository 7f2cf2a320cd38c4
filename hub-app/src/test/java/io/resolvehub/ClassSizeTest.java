package io.resolvehub;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No class in any module's {@code src/main} is over {@value #MAX_LINES} lines: a longer one does more than one job.
 * The classes below are known to be longer and are being split; each must still be over the limit, so the list
 * shrinks as they are.
 */
class ClassSizeTest {

    static final int MAX_LINES = 250;

    /** Known debt in agent-engine and agent-eval (being reorganised with the answer and evaluation code). */
    private static final Set<String> BEING_SPLIT = Set.of(
            "agent-engine/src/main/java/io/resolvehub/agent/index/LuceneKnowledgeIndex.java",
            "agent-engine/src/main/java/io/resolvehub/agent/index/ElasticsearchKnowledgeIndex.java",
            "agent-engine/src/main/java/io/resolvehub/agent/ingest/Ingestor.java",
            "agent-engine/src/main/java/io/resolvehub/agent/ingest/WebReader.java",
            "agent-engine/src/main/java/io/resolvehub/agent/ingest/ZendeskGuideReader.java",
            "agent-eval/src/main/java/io/resolvehub/eval/AgentBenchmark.java");

    @Test
    void noProductionClassIsOverTheLimit() {
        Map<String, Integer> tooLong = new TreeMap<>(longSources());
        BEING_SPLIT.forEach(tooLong::remove);

        assertThat(tooLong).as("classes over " + MAX_LINES + " lines").isEmpty();
    }

    @Test
    void theKnownLongClassesAreStillListedOnlyWhileTheyAreLong() {
        Map<String, Integer> tooLong = longSources();

        assertThat(BEING_SPLIT.stream().filter(path -> Files.exists(root().resolve(path))).toList())
                .as("split, or removed: take them off the list").allMatch(tooLong::containsKey);
    }

    private static Map<String, Integer> longSources() {
        Path root = root();
        Map<String, Integer> tooLong = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> sources = Files.walk(main)) {
                    for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                        int lines = Files.readAllLines(source).size();
                        if (lines > MAX_LINES) {
                            tooLong.put(root.relativize(source).toString().replace('\\', '/'), lines);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tooLong;
    }

    /** The repository: tests run in hub-app's directory. */
    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("hub-app")) ? here : here.getParent();
        assertThat(root.resolve("connector-core/src/main/java")).as("the repository root").isDirectory();
        return root;
    }

    @Test
    void findsTheSourcesItChecks() {
        try (Stream<Path> sources = Files.walk(root().resolve("connector-core/src/main/java"))) {
            assertThat(sources.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
