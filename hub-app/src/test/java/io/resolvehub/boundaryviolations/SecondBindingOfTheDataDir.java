package io.resolvehub.boundaryviolations;

import org.springframework.beans.factory.annotation.Value;

import java.nio.file.Path;

/** Breaks "each setting is bound once": {@code hub.data-dir} is connector-core's, bound by its properties record. */
public class SecondBindingOfTheDataDir {

    SecondBindingOfTheDataDir(@Value("${hub.data-dir:./data}") Path dataDir) {
    }
}
