package io.resolvehub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo help center (the articles a first start loads, which agent-engine's tests also read) exists once in the
 * repository, in agent-engine's resources: no article is copied anywhere else, under any name, so the demo and the tests
 * never drift apart.
 */
class DemoHelpCenterOnceTest {

    static final String HOME = "agent-engine/src/main/resources/demo-help-center";

    @Test
    void theDemoHelpCenterExistsOnce() {
        Path root = Repository.root();
        Path home = root.resolve(HOME);
        assertThat(home).isDirectory();

        Map<String, List<String>> copies = copies(root, home);

        assertThat(copies).as("the demo help center's articles, each where it is found").hasSizeGreaterThan(10)
                .allSatisfy((article, places) -> assertThat(places).as(article).containsExactly(HOME + "/" + article));
    }

    @Test
    void aSecondCopyIsCaught(@TempDir Path repo) throws IOException {
        Path home = Files.createDirectories(repo.resolve(HOME));
        Files.writeString(home.resolve("reset-your-password.md"), "# Reset your password\n");
        Path copy = Files.createDirectories(repo.resolve("hub-app/src/main/resources/demo"));
        Files.writeString(copy.resolve("password.md"), "# Reset your password\n");

        assertThat(copies(repo, home).get("reset-your-password.md"))
                .containsExactlyInAnyOrder(HOME + "/reset-your-password.md", "hub-app/src/main/resources/demo/password.md");
    }

    /** For each file of {@code home}: every file under {@code root} with the same bytes, as paths from the root. */
    private static Map<String, List<String>> copies(Path root, Path home) {
        try (Stream<Path> articles = Files.list(home); Stream<Path> all = Files.walk(root)) {
            Map<String, byte[]> contents = new TreeMap<>();
            for (Path article : articles.filter(Files::isRegularFile).toList()) {
                contents.put(article.getFileName().toString(), Files.readAllBytes(article));
            }
            Map<String, List<String>> found = new TreeMap<>();
            contents.keySet().forEach(name -> found.put(name, new ArrayList<>()));
            for (Path file : all.filter(f -> isSearched(root, f)).sorted().toList()) {
                long size = Files.size(file);
                for (Map.Entry<String, byte[]> article : contents.entrySet()) {
                    if (article.getValue().length == size && Arrays.equals(article.getValue(), Files.readAllBytes(file))) {
                        found.get(article.getKey()).add(root.relativize(file).toString().replace('\\', '/'));
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Judged by the path inside {@code root}, which may itself lie under a build's target directory. */
    private static boolean isSearched(Path root, Path file) {
        String path = "/" + root.relativize(file).toString().replace('\\', '/');
        return Files.isRegularFile(file) && !path.contains("/target/") && !path.contains("/.git/")
                && !path.contains("/node_modules/");
    }
}
