package io.resolvehub.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/**
 * Deployment settings of the coin meter ({@code hub.billing.*}); prices are per tenant, in the database.
 *
 * @param zone the time zone whose calendar days the usage report and the once-a-day low-balance alert use
 */
@ConfigurationProperties("hub.billing")
public record BillingProperties(ZoneId zone) {

    public BillingProperties {
        zone = zone == null ? ZoneId.of("UTC") : zone;
    }
}
