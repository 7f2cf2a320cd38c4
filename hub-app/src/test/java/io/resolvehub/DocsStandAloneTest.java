package io.resolvehub;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's documents and comments stand alone: none cites a specification or notes that are not in the
 * repository ("the spec, section 4", a planning file), so a reader is never sent to a file they cannot open. The
 * product's behaviour is described in {@code docs/} and the README.
 */
class DocsStandAloneTest {

    /** Names of the project's planning files, assembled so that this file does not match itself. */
    private static final Pattern OUTSIDE = Pattern.compile("\\b(SPEC|STACK|PROTOCOLS|STYLE)" + "\\.md\\b|\\bSPEC" + " ?§"
            + "|/work/" + "shared");

    @Test
    void noDocumentOrSourceCitesAFileOutsideTheRepository() {
        Path root = Repository.root();
        Map<String, String> citing = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(DocsStandAloneTest::isChecked).toList()) {
                outsideCitation(Files.readString(file)).ifPresent(hit -> citing.put(root.relativize(file).toString(), hit));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(citing).as("files citing documents outside the repository").isEmpty();
    }

    @Test
    void aCitationOfTheSpecificationIsCaught() {
        assertThat(outsideCitation("Retries follow " + "SP" + "EC §7 and " + "STACK" + ".md.")).isPresent();
        assertThat(outsideCitation("Retries follow docs/configuration.md; the SPECIAL mention pattern is ours."))
                .isEmpty();
    }

    private static java.util.Optional<String> outsideCitation(String text) {
        Matcher m = OUTSIDE.matcher(text);
        return m.find() ? java.util.Optional.of(m.group()) : java.util.Optional.empty();
    }

    private static boolean isChecked(Path file) {
        String path = file.toString().replace('\\', '/');
        List<String> skipped = List.of("/target/", "/.git/", "/node_modules/", "/eval-sets/");
        return Files.isRegularFile(file) && skipped.stream().noneMatch(path::contains)
                && Stream.of(".md", ".java", ".html", ".yml", ".yaml", ".properties", ".xml").anyMatch(path::endsWith);
    }
}
