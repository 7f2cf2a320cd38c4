package io.resolvehub.zendesk;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Deployment settings of the Zendesk channel ({@code hub.zendesk.*}). Per-account settings (URL, API token, webhook
 * secret, hand-off group) are tenant channel records, not properties.
 *
 * @param requestTimeout    how long one Zendesk API call may take before it fails (and is retried)
 * @param maxBodyBytes      the largest webhook body accepted (413 above)
 * @param invocationsKept   how long handled webhook invocation ids are remembered to spot redeliveries
 * @param deskRetryAttempts attempts to open a hand-off ticket for another channel before core falls back to its inbox
 * @param deskMaxRetryWait  the longest {@code Retry-After} waited for while opening such a ticket
 */
@ConfigurationProperties("hub.zendesk")
public record ZendeskProperties(Duration requestTimeout, Integer maxBodyBytes, Duration invocationsKept,
                                Integer deskRetryAttempts, Duration deskMaxRetryWait) {

    public ZendeskProperties {
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
        invocationsKept = invocationsKept == null ? Duration.ofDays(7) : invocationsKept;
        deskRetryAttempts = deskRetryAttempts == null ? 3 : Math.max(1, deskRetryAttempts);
        deskMaxRetryWait = deskMaxRetryWait == null ? Duration.ofSeconds(5) : deskMaxRetryWait;
    }

    public static ZendeskProperties defaults() {
        return new ZendeskProperties(null, null, null, null, null);
    }
}
