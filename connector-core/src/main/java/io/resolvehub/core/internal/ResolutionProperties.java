package io.resolvehub.core.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hub.resolution.*} (docs/configuration.md).
 *
 * @param silenceWindow silence after an AI answer that counts as an assumed resolution; default PT24H
 * @param reopenWindow  a user who returns within this after an assumed resolution and then needs a human gets it
 *                      refunded; default PT72H
 * @param checkInterval how often the assumed-resolution sweep runs; default a tenth of the silence window, 1 s – 1 min
 */
@ConfigurationProperties("hub.resolution")
public record ResolutionProperties(Duration silenceWindow, Duration reopenWindow, Duration checkInterval) {

    public ResolutionProperties {
        silenceWindow = silenceWindow == null ? Duration.ofHours(24) : silenceWindow;
        reopenWindow = reopenWindow == null ? Duration.ofHours(72) : reopenWindow;
    }
}
