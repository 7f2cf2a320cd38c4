package io.resolvehub.agent.index;

import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The index's files readable by their owner only ({@code 0600}) whatever the process's umask: they hold every
 * tenant's knowledge. The hub narrows the data dir at start, but Lucene writes new segment files all the time while it
 * runs, and those would otherwise be created {@code 0644}. Skipped where the file system has no POSIX permissions.
 */
final class OwnerOnlyDirectory extends FilterDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;

    OwnerOnlyDirectory(FSDirectory directory) {
        super(directory);
        this.path = directory.getDirectory();
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        IndexOutput output = super.createOutput(name, context);
        narrow(name);
        return output;
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        IndexOutput output = super.createTempOutput(prefix, suffix, context);
        narrow(output.getName());
        return output;
    }

    /** Narrows a file Lucene created by other means than an output (its write lock). */
    void narrow(String name) throws IOException {
        Path file = path.resolve(name);
        if (Files.exists(file) && Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
