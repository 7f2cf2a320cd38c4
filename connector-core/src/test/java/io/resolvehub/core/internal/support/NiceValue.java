package io.resolvehub.core.internal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The calling thread's Linux nice value, as the kernel reports it: field 19 of {@code /proc/thread-self/stat}. */
public final class NiceValue {

    private NiceValue() {
    }

    public static int ofCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // the command name before the fields may hold spaces, so count from its closing parenthesis (field 2)
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
