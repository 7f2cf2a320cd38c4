package io.resolvehub.process;

import io.resolvehub.zendesk.ZendeskWebhookSignature;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Zendesk webhook deliveries shaped like the trigger's, signed the way Zendesk signs them (base64 HMAC-SHA256). */
final class ZendeskEvents {

    private ZendeskEvents() {
    }

    /** The trigger's notice that {@code ticketId} changed; the hub reads the ticket itself. */
    static String ticketUpdated(long ticketId) {
        return "{\"ticket_id\": \"" + ticketId + "\", \"ticket_status\": \"New\", \"event\": \"ticket.updated\","
                + " \"requester_email\": \"jane@example.com\"}";
    }

    /** A POST of {@code body} to {@code endpoint} as invocation {@code invocationId}, signed now with {@code secret}. */
    static HttpRequest signed(URI endpoint, String secret, String invocationId, String body) {
        String timestamp = Instant.now().toString();
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                .header("X-Zendesk-Webhook-Signature",
                        ZendeskWebhookSignature.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8)))
                .header("X-Zendesk-Webhook-Invocation-Id", invocationId)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
