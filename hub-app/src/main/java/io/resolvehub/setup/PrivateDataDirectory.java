package io.resolvehub.setup;

import io.resolvehub.core.autoconfigure.ConnectorCoreAutoConfiguration;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps {@code hub.data-dir} to its owner before anything writes there: the directory and the ones the hub fills (the
 * database, the logs, the index) are created {@code 0700}, and what an earlier version left readable is narrowed to
 * {@code 0600} files and {@code 0700} directories. It runs before logging starts (an environment post-processor), so
 * even the first log file is created inside a private directory whatever the process's umask. Skipped where the file
 * system has no POSIX permissions.
 */
public class PrivateDataDirectory implements EnvironmentPostProcessor {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** What the hub creates under the data dir: the H2 database, the structured logs, the Lucene index. */
    static final List<String> SUBDIRECTORIES = List.of("db", "logs", "index");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // bound as connector-core binds it (its record, its default), only earlier than the context
        secure(ConnectorCoreAutoConfiguration.dataDirectory(environment).path());
    }

    static void secure(Path dataDir) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            for (String sub : SUBDIRECTORIES) {
                Files.createDirectories(dataDir.resolve(sub), PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            try (Stream<Path> all = Files.walk(dataDir)) {
                for (Path path : all.toList()) {
                    if (!Files.isSymbolicLink(path)) {
                        Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the data directory " + dataDir + " private to its owner", e);
        }
    }
}
