package io.resolvehub.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.events.payload.AppMentionPayload;
import com.slack.api.app_backend.events.payload.MessagePayload;
import com.slack.api.app_backend.events.payload.TokensRevokedPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.util.json.GsonFactory;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.inbound.InboundEndpoint.Verified;
import io.resolvehub.core.inbound.InboundOutcome;
import io.resolvehub.core.inbound.InboundRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what Slack POSTs to {@code /slack/events}: Events API callbacks (JSON), slash commands and button clicks
 * (form-encoded). Slack's unsigned {@code ssl_check} is answered before anything else; every other request must carry a
 * valid v0 signature (401 otherwise) before its body is even parsed. Requests the hub has nothing to do with (event
 * types without a subscription, edits, other buttons) are acknowledged here.
 */
final class SlackRequests {

    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final SlackRequestVerifier verifier;

    SlackRequests(String signingSecret) {
        this.verifier = new SlackRequestVerifier(signingSecret);
    }

    Verified<SlackDelivery> read(InboundRequest request) {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        boolean json = body.stripLeading().startsWith("{");
        Map<String, String> form = json ? Map.of() : form(body);
        if ("1".equals(form.get("ssl_check"))) {
            return acknowledged("ssl_check"); // Slack's periodic check of the command URL is unsigned: touch nothing
        }
        if (!verifier.isValid(request.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP), body,
                request.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), System.currentTimeMillis())) {
            return Verified.refused(InboundOutcome.rejected(401, "invalid signature"));
        }
        try {
            if (json) {
                return event(GSON.fromJson(body, JsonObject.class), body);
            }
            if (form.containsKey("payload")) {
                return interaction(GSON.fromJson(form.get("payload"), BlockActionPayload.class));
            }
            if (form.containsKey("command")) {
                return command(new SlashCommandPayloadParser().parse(body));
            }
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            return badRequest();
        }
        return badRequest();
    }

    private static Verified<SlackDelivery> event(JsonObject root, String body) {
        String type = string(root, "type");
        if ("url_verification".equals(type)) {
            return Verified.refused(InboundOutcome.acknowledgedWith("url_verification", "text/plain",
                    string(root, "challenge")));
        }
        if (!"event_callback".equals(type)) {
            return type == null ? badRequest() : acknowledged("not an event callback: " + type);
        }
        if (!root.has("event") || !root.get("event").isJsonObject()) {
            return badRequest();
        }
        JsonObject event = root.getAsJsonObject("event");
        return switch (String.valueOf(string(event, "type"))) {
            case "app_mention" -> Verified.authentic(new SlackDelivery.Mention(GSON.fromJson(body, AppMentionPayload.class)));
            // edits, deletes, joins and bot posts are message events with a subtype: none is addressed to the hub
            case "message" -> event.has("subtype") ? acknowledged("message subtype " + string(event, "subtype"))
                    : Verified.authentic(new SlackDelivery.Message(GSON.fromJson(body, MessagePayload.class)));
            case "app_uninstalled" -> Verified.authentic(new SlackDelivery.AppRemoved(string(root, "team_id"), "app_uninstalled"));
            case "tokens_revoked" -> botTokenRevoked(GSON.fromJson(body, TokensRevokedPayload.class))
                    ? Verified.authentic(new SlackDelivery.AppRemoved(string(root, "team_id"), "tokens_revoked"))
                    : acknowledged("user tokens revoked");
            default -> acknowledged("event without a subscription: " + string(event, "type"));
        };
    }

    private static Verified<SlackDelivery> interaction(BlockActionPayload payload) {
        if (payload == null || !"block_actions".equals(payload.getType()) || payload.getActions() == null
                || payload.getActions().isEmpty()) {
            return acknowledged("interaction the hub does not handle");
        }
        return switch (String.valueOf(payload.getActions().getFirst().getActionId())) {
            case SlackMessageRenderer.ACTION_RESOLVED -> Verified.authentic(new SlackDelivery.ButtonClick(payload, InboundKind.RESOLVED));
            case SlackMessageRenderer.ACTION_HANDOFF -> Verified.authentic(new SlackDelivery.ButtonClick(payload, InboundKind.HANDOFF_REQUEST));
            default -> acknowledged("a button the hub did not render");
        };
    }

    private static Verified<SlackDelivery> command(SlashCommandPayload payload) {
        if (SlackEventTranslator.plainText(payload.getText(), null).isBlank()) {
            return Verified.refused(SlackEndpoint.ephemeral("usage", "Usage: " + payload.getCommand() + " <your question>"));
        }
        return Verified.authentic(new SlackDelivery.Command(payload));
    }

    private static boolean botTokenRevoked(TokensRevokedPayload payload) {
        var tokens = payload.getEvent() == null ? null : payload.getEvent().getTokens();
        return tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty();
    }

    private static Verified<SlackDelivery> acknowledged(String why) {
        return Verified.refused(InboundOutcome.ignored(why));
    }

    private static Verified<SlackDelivery> badRequest() {
        return Verified.refused(InboundOutcome.rejected(400, "not a Slack event, command or interaction payload"));
    }

    private static String string(JsonObject object, String name) {
        return object != null && object.has(name) && object.get(name).isJsonPrimitive() ? object.get(name).getAsString() : null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            try {
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException e) {
                return Map.of(); // not form-encoded: refused as a bad request once the signature holds
            }
        }
        return form;
    }
}
