package io.resolvehub;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub-app's own deployment settings (README, "Configuration"). {@code hub.data-dir} is connector-core's
 * ({@link io.resolvehub.core.DataDirectory}).
 *
 * @param admin   API authentication
 * @param demo    the bundled sample help center
 * @param metrics who may scrape the metrics
 */
@ConfigurationProperties("hub")
public record HubProperties(@DefaultValue Admin admin, @DefaultValue Demo demo, @DefaultValue Metrics metrics) {

    /** @param apiToken when set, {@code Authorization: Bearer <token>} is an admin on {@code /api/v1} */
    public record Admin(String apiToken) {
    }

    /** @param enabled load the sample help center into tenant {@code default} on first start */
    public record Demo(@DefaultValue("true") boolean enabled) {
    }

    /**
     * @param token when set, {@code Authorization: Bearer <token>} may read {@code /actuator/prometheus} and nothing
     *              else: give it to Prometheus instead of the admin token
     */
    public record Metrics(String token) {
    }
}
