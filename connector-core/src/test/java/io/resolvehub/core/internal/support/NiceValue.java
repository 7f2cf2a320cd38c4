package io.resolvehub.core.internal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A thread's Linux nice value, as the kernel reports it: field 19 of its {@code stat} under {@code /proc}. */
public final class NiceValue {

    private NiceValue() {
    }

    public static int ofCurrentThread() {
        return read(Path.of("/proc/thread-self/stat"));
    }

    /** The hub's own: its main thread's, whose thread id is the process id ({@code /proc/self/stat}). */
    public static int ofProcess() {
        return read(Path.of("/proc/self/stat"));
    }

    private static int read(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // the command name before the fields may hold spaces, so count from its closing parenthesis (field 2)
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
