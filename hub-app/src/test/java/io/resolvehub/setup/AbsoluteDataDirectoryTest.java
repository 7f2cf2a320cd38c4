package io.resolvehub.setup;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AbsoluteDataDirectoryTest {

    private static String dataDirAfterStart(String configured) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("hub.data-dir", configured)));
        new AbsoluteDataDirectory().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("hub.data-dir");
    }

    @Test
    void aRelativeDataDirectoryIsResolvedAgainstTheWorkingDirectory() {
        assertThat(dataDirAfterStart("var/hub")).isEqualTo(Path.of("var/hub").toAbsolutePath().normalize().toString());
        assertThat(dataDirAfterStart("./data")).isEqualTo(Path.of("data").toAbsolutePath().toString());
    }

    @Test
    void anAbsoluteDataDirectoryIsLeftAsItIs() {
        assertThat(dataDirAfterStart("/srv/resolvehub")).isEqualTo("/srv/resolvehub");
    }
}
