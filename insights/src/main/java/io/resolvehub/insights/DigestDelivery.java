package io.resolvehub.insights;

import java.time.Instant;

/**
 * One digest to send, or sent: for the admin page and the API.
 *
 * @param status {@code pending}, {@code sending}, {@code sent} or {@code failed} (given up after the last retry)
 */
public record DigestDelivery(long id, String tenant, String periodKey, Instant periodFrom, Instant periodTo,
                             String channel, String target, String status, int attempts, String lastError,
                             Instant createdAt, Instant sentAt) {
}
