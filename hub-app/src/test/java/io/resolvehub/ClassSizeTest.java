package io.resolvehub;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No class in any module's {@code src/main} is over {@value #MAX_LINES} lines: a longer one does more than one job.
 * There are no exceptions: the last long classes (the two knowledge indexes, the ingestor, the web and help-center
 * readers, the agent benchmark) were split along their jobs.
 */
class ClassSizeTest {

    static final int MAX_LINES = 250;

    @Test
    void noProductionClassIsOverTheLimit() {
        assertThat(longSources()).as("classes over " + MAX_LINES + " lines").isEmpty();
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
