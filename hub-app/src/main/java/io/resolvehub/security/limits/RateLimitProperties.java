package io.resolvehub.security.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests a client may make before it gets 429 with {@code Retry-After} ({@code hub.rate-limits.*}, see
 * docs/configuration.md). A client is a source IP address (the proxy's forwarded one with
 * {@code server.forward-headers-strategy}) and, where the path names it, a tenant.
 *
 * @param enabled                   off only for benchmarks that mean to flood the hub
 * @param apiPerIpPerSecond         REST API calls per source IP
 * @param apiPerTenantPerSecond     REST API calls per tenant, whoever makes them
 * @param sourcesPerTenantPerMinute knowledge sources added or re-synced per tenant (each one is parsed and embedded)
 * @param inboundPerIpPerSecond     platform deliveries per source IP (generous: one platform sends from few addresses)
 * @param inboundPerTenantPerSecond Zendesk webhook deliveries per tenant named in the path
 * @param signInsPerIpPerMinute     sign-in attempts per source IP, on top of the per-user lockout
 */
@ConfigurationProperties("hub.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("50") int apiPerIpPerSecond,
                                  @DefaultValue("30") int apiPerTenantPerSecond,
                                  @DefaultValue("30") int sourcesPerTenantPerMinute,
                                  @DefaultValue("300") int inboundPerIpPerSecond,
                                  @DefaultValue("100") int inboundPerTenantPerSecond,
                                  @DefaultValue("20") int signInsPerIpPerMinute) {
}
