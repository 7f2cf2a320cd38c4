package io.resolvehub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No source file the modules ship ({@code src/main/java} of every module) is over {@value #MAX_LINES} lines: a class
 * that grows past it has taken on a second job and is split, not let grow.
 */
class ClassSizeTest {

    static final int MAX_LINES = 250;

    @Test
    void noClassInSrcMainIsOver250Lines() {
        assertThat(tooLong(Repository.root())).as("files in src/main over " + MAX_LINES + " lines").isEmpty();
    }

    @Test
    void aClassOver250LinesIsCaught(@TempDir Path repo) throws IOException {
        Path sources = Files.createDirectories(repo.resolve("acme/src/main/java/io/resolvehub/acme"));
        Files.writeString(sources.resolve("Short.java"), "//\n".repeat(MAX_LINES));
        Files.writeString(sources.resolve("Long.java"), "//\n".repeat(MAX_LINES + 1));
        Path tests = Files.createDirectories(repo.resolve("acme/src/test/java/io/resolvehub/acme"));
        Files.writeString(tests.resolve("LongTest.java"), "//\n".repeat(MAX_LINES * 2));

        assertThat(tooLong(repo)).containsOnlyKeys("acme/src/main/java/io/resolvehub/acme/Long.java")
                .containsValue(MAX_LINES + 1L);
    }

    /** Every {@code .java} file under a {@code src/main/java} of {@code root} over the limit, with its line count. */
    private static Map<String, Long> tooLong(Path root) {
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> isShippedSource(root, f)).toList()) {
                long lines;
                try (Stream<String> text = Files.lines(file)) {
                    lines = text.count();
                }
                if (lines > MAX_LINES) {
                    tooLong.put(root.relativize(file).toString().replace('\\', '/'), lines);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tooLong;
    }

    /** Judged by the path inside {@code root}, which may itself lie under a build's target directory. */
    private static boolean isShippedSource(Path root, Path file) {
        String path = "/" + root.relativize(file).toString().replace('\\', '/');
        return path.endsWith(".java") && path.contains("/src/main/java/") && !path.contains("/target/")
                && !path.contains("/.git/") && Files.isRegularFile(file);
    }
}
