package io.resolvehub.zendesk;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Verifies a Zendesk webhook: {@code X-Zendesk-Webhook-Signature} is the base64 HMAC-SHA256, keyed with the webhook's
 * signing secret, of {@code X-Zendesk-Webhook-Signature-Timestamp} followed by the raw body; the timestamp must be
 * within 5 minutes of now, either way, so a captured request cannot be replayed later.
 *
 * @see <a href="https://developer.zendesk.com/documentation/webhooks/verifying/">Verifying webhook authenticity</a>
 */
public final class ZendeskWebhookSignature {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Clock clock;

    public ZendeskWebhookSignature(Clock clock) {
        this.clock = clock;
    }

    /** True only for a well-formed, fresh timestamp and a signature that matches the body, compared in constant time. */
    public boolean isValid(String secret, String timestamp, String signature, byte[] rawBody) {
        if (secret == null || secret.isEmpty() || timestamp == null || signature == null || rawBody == null) {
            return false;
        }
        Instant sent;
        try {
            sent = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return false;
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(WINDOW) > 0) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, rawBody).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** The signature Zendesk sends for this timestamp and body. */
    public static String sign(String secret, String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
