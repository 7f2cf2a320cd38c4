package io.resolvehub.process;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Events API deliveries shaped like Slack's, signed the way Slack documents its v0 signature: HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>} with the signing secret, hex, prefixed {@code v0=}. Computed here rather than with the
 * Slack SDK, which stays inside connector-slack (and so the hub's check meets a signer other than its own library).
 */
public final class SlackEvents {

    private SlackEvents() {
    }

    /** An {@code app_mention} envelope from workspace {@code T0HUBTEST} mentioning the bot {@code U0HUBBOT}. */
    public static String appMention(String eventId, String channel, String ts, String question) {
        return """
                {"token":"ZZZZZZWSxiZZZ2yIvs3peJ","team_id":"T0HUBTEST","api_app_id":"A0HUBAPP",
                 "event":{"type":"app_mention","text":"<@U0HUBBOT> %s","user":"U0CUSTOMER",
                          "ts":"%s","team":"T0HUBTEST","channel":"%s","event_ts":"%s"},
                 "type":"event_callback","event_id":"%s","event_time":1700000000,
                 "authorizations":[{"enterprise_id":null,"team_id":"T0HUBTEST","user_id":"U0HUBBOT","is_bot":true,
                                    "is_enterprise_install":false}],
                 "is_ext_shared_channel":false}""".formatted(question, ts, channel, ts, eventId);
    }

    /** A POST of {@code body} to {@code endpoint}, signed now with {@code signingSecret} (v0 scheme). */
    public static HttpRequest signed(URI endpoint, String signingSecret, String body) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature(signingSecret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static String signature(String signingSecret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
