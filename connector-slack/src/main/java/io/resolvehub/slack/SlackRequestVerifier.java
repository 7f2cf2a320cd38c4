package io.resolvehub.slack;

import com.slack.api.app_backend.SlackSignature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Slack's v0 signature check, stricter than the SDK's: the timestamp must be within 5 minutes of now in either
 * direction (the SDK only refuses old ones), and signatures are compared in constant time (the SDK uses
 * {@code String.equals}).
 *
 * @see <a href="https://api.slack.com/authentication/verifying-requests-from-slack">Verifying requests from Slack</a>
 */
final class SlackRequestVerifier extends SlackSignature.Verifier {

    static final long WINDOW_MILLIS = 5 * 60 * 1000;

    private final SlackSignature.Generator generator;

    SlackRequestVerifier(String signingSecret) {
        this(new SlackSignature.Generator(signingSecret));
    }

    private SlackRequestVerifier(SlackSignature.Generator generator) {
        super(generator);
        this.generator = generator;
    }

    @Override
    public boolean isValid(String requestTimestamp, String requestBody, String requestSignature, long nowInMillis) {
        if (requestTimestamp == null || requestSignature == null) {
            return false;
        }
        long timestampMillis;
        try {
            timestampMillis = Long.parseLong(requestTimestamp.trim()) * 1000;
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowInMillis - timestampMillis) > WINDOW_MILLIS) {
            return false;
        }
        String expected = generator.generate(requestTimestamp, requestBody);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                requestSignature.getBytes(StandardCharsets.UTF_8));
    }
}
