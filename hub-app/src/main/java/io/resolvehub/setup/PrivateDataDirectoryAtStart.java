package io.resolvehub.setup;

import io.resolvehub.core.DataDirectory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the hub has started, narrows what starting created (the database file, the log file, the master key, the
 * index) to its owner, as {@link PrivateDataDirectory} did before: a file keeps its mode when it is written again.
 * Files created later (a rotated log, new index segments) are inside the {@code 0700} directories.
 */
@Component
class PrivateDataDirectoryAtStart {

    private final DataDirectory dataDirectory;

    PrivateDataDirectoryAtStart(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @EventListener(ApplicationReadyEvent.class)
    void narrow() {
        PrivateDataDirectory.secure(dataDirectory.path());
    }
}
