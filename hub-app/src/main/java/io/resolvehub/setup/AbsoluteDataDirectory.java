package io.resolvehub.setup;

import io.resolvehub.core.autoconfigure.ConnectorCoreAutoConfiguration;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves a relative {@code hub.data-dir} ("data", "var/hub") against the working directory once, before anything
 * uses it: the embedded database's URL is built from it, and H2 refuses a file path that is implicitly relative, so
 * {@code hub.data-dir=data} would otherwise stop the hub at start with a database error that names no setting.
 */
public class AbsoluteDataDirectory implements EnvironmentPostProcessor {

    static final String SOURCE = "hub.data-dir resolved against the working directory";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dataDir = ConnectorCoreAutoConfiguration.dataDirectory(environment).path();
        if (!dataDir.isAbsolute()) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE,
                    Map.of("hub.data-dir", dataDir.toAbsolutePath().normalize().toString())));
        }
    }
}
