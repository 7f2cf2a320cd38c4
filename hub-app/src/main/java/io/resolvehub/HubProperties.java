package io.resolvehub;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * The hub-app's own deployment settings (README, "Configuration").
 *
 * @param dataDir the H2 file, Lucene indexes, generated master key and initial admin password live here
 * @param admin   API authentication
 * @param demo    the bundled sample help center
 */
@ConfigurationProperties("hub")
public record HubProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Admin admin, @DefaultValue Demo demo) {

    /** @param apiToken when set, {@code Authorization: Bearer <token>} is an admin on {@code /api/v1} */
    public record Admin(String apiToken) {
    }

    /** @param enabled load the sample help center into tenant {@code default} on first start */
    public record Demo(@DefaultValue("true") boolean enabled) {
    }
}
