package io.resolvehub.insights;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.Report;

/**
 * Puts a digest in front of the tenant's team: a Slack channel, a Teams conversation or an email. Supplied by the
 * application, which knows the channels and the mail server. Thread-safe.
 */
@FunctionalInterface
public interface DigestSender {

    /**
     * @param channel {@code slack}, {@code teams} or {@code email}
     * @throws RuntimeException when it could not be delivered; the delivery is tried again later
     */
    void send(TenantId tenant, String channel, String target, Report digest);
}
