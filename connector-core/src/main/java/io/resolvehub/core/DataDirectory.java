package io.resolvehub.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the hub keeps its files ({@code hub.data-dir}, default {@code ./data}): the embedded database, the Lucene
 * index, the generated master key and the initial admin password. Bound once, by connector-core, and offered as a bean
 * to every module that writes there.
 */
public record DataDirectory(Path path) {

    public static final Path DEFAULT = Path.of("./data");

    public DataDirectory {
        Objects.requireNonNull(path, "path");
    }

    /** {@code name} inside the directory. */
    public Path resolve(String name) {
        return path.resolve(name);
    }
}
