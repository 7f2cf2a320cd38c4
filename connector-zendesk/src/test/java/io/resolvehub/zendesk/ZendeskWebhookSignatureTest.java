package io.resolvehub.zendesk;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ZendeskWebhookSignatureTest {

    private static final String SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
    private static final String TIMESTAMP = "2026-11-29T10:00:00Z";
    private static final byte[] BODY = "{\"ticket_id\":\"1234\",\"event\":\"ticket.created\"}".getBytes(StandardCharsets.UTF_8);

    private final ZendeskWebhookSignature verifier =
            new ZendeskWebhookSignature(Clock.fixed(Instant.parse("2026-11-29T10:02:00Z"), ZoneOffset.UTC));

    @Test
    void matchesAnIndependentlyComputedHmac() {
        assertThat(ZendeskWebhookSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(OPENSSL_SIGNATURE);
        // A vector computed independently (Java and Node crypto) for this secret, timestamp and body.
        assertThat(ZendeskWebhookSignature.sign(SECRET, "2024-01-01T10:00:00Z",
                "{\"ticket_id\":\"42\",\"event\":\"created\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("/EhEZMMXvm9V3VVdO8O0jhexz40FFlEqdIQApcvDVL8=");
    }

    @Test
    void acceptsAFreshCorrectlySignedRequest() {
        String signature = ZendeskWebhookSignature.sign(SECRET, TIMESTAMP, BODY);

        assertThat(verifier.isValid(SECRET, TIMESTAMP, signature, BODY)).isTrue();
    }

    @Test
    void rejectsATamperedBody() {
        String signature = ZendeskWebhookSignature.sign(SECRET, TIMESTAMP, BODY);
        byte[] tampered = "{\"ticket_id\":\"9999\",\"event\":\"ticket.created\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.isValid(SECRET, TIMESTAMP, signature, tampered)).isFalse();
    }

    @Test
    void rejectsTheWrongSecret() {
        String signature = ZendeskWebhookSignature.sign("another-secret", TIMESTAMP, BODY);

        assertThat(verifier.isValid(SECRET, TIMESTAMP, signature, BODY)).isFalse();
    }

    @Test
    void rejectsATimestampMoreThanFiveMinutesOffEitherWay() {
        String stale = "2026-11-29T09:56:59Z";
        String future = "2026-11-29T10:07:01Z";

        assertThat(verifier.isValid(SECRET, stale, ZendeskWebhookSignature.sign(SECRET, stale, BODY), BODY)).isFalse();
        assertThat(verifier.isValid(SECRET, future, ZendeskWebhookSignature.sign(SECRET, future, BODY), BODY)).isFalse();
    }

    @Test
    void rejectsMissingOrMalformedHeaders() {
        String signature = ZendeskWebhookSignature.sign(SECRET, TIMESTAMP, BODY);

        assertThat(verifier.isValid(SECRET, null, signature, BODY)).isFalse();
        assertThat(verifier.isValid(SECRET, "yesterday", signature, BODY)).isFalse();
        assertThat(verifier.isValid(SECRET, TIMESTAMP, null, BODY)).isFalse();
        assertThat(verifier.isValid("", TIMESTAMP, signature, BODY)).isFalse();
    }

    /** {@code printf '%s%s' "$TIMESTAMP" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64} */
    private static final String OPENSSL_SIGNATURE = "pjQYCmv0ahvjguHC8aZoyTPrrymwcyxp+Ipe2XtdfhA=";
}
