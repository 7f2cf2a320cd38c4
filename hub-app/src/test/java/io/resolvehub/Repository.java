package io.resolvehub;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's root, for the tests that read the whole repository: tests run in hub-app's directory. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("hub-app")) ? here : here.getParent();
        assertThat(root.resolve("docs")).as("the repository's docs").isDirectory();
        return root;
    }
}
