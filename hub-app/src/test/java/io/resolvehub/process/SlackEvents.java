package io.resolvehub.process;

import com.slack.api.app_backend.SlackSignature;

import java.net.URI;
import java.net.http.HttpRequest;

/** Events API deliveries shaped like Slack's, signed the way Slack signs them (with the Slack SDK's own generator). */
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
                .header("X-Slack-Signature", new SlackSignature.Generator(signingSecret).generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
