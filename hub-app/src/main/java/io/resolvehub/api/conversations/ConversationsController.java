package io.resolvehub.api.conversations;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.api.conversations.ConversationJson.DetailView;
import io.resolvehub.api.conversations.ConversationJson.InboxView;
import io.resolvehub.api.conversations.ConversationJson.ReplyView;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.ConversationInbox;
import io.resolvehub.core.conversation.ConversationNotFoundException;
import io.resolvehub.core.conversation.WebConversations;
import io.resolvehub.core.conversation.WebReply;
import io.resolvehub.billing.Ledger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The built-in web channel and the inbox ({@code /conversations}). */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/conversations")
class ConversationsController {

    private static final int MAX_TEXT = 4000;
    private static final int MAX_USER = 200;
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{0,19}");

    private final TenantAccess access;
    private final WebConversations web;
    private final ConversationInbox inbox;
    private final ObjectProvider<Ledger> ledger;

    ConversationsController(TenantAccess access, WebConversations web, ConversationInbox inbox,
                            ObjectProvider<Ledger> ledger) {
        this.access = access;
        this.web = web;
        this.inbox = inbox;
        this.ledger = ledger;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> start(@PathVariable String tenant, @RequestBody(required = false) JsonNode body) {
        TenantId id = access.require(tenant);
        String user = null;
        if (body != null && !body.isNull()) {
            if (!body.isObject()) throw ApiException.badRequest("The body must be a JSON object like {\"user\":\"dana\"}.");
            JsonNode u = body.get("user");
            if (u != null && !u.isNull()) {
                if (!u.isString() || u.stringValue().length() > MAX_USER) {
                    throw ApiException.badRequest("'user' must be a string of at most " + MAX_USER + " characters.");
                }
                user = u.stringValue().strip();
            }
        }
        ConversationId conversation = web.start(id, user);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + id + "/conversations/" + conversation))
                .body(Map.of("id", conversation.value()));
    }

    @PostMapping("/{id}/messages")
    ReplyView message(@PathVariable String tenant, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        TenantId t = access.require(tenant);
        JsonNode text = body == null ? null : body.get("text");
        if (text == null || !text.isString() || text.stringValue().isBlank()) {
            throw ApiException.badRequest("'text' is required: the user's message, e.g. {\"text\":\"How do I reset my password?\"}.");
        }
        if (text.stringValue().length() > MAX_TEXT) {
            throw ApiException.badRequest("'text' is longer than " + MAX_TEXT + " characters; send a shorter message.");
        }
        return reply(() -> web.post(t, new ConversationId(id), text.stringValue().strip()), t, id);
    }

    @PostMapping("/{id}/feedback")
    ReplyView feedback(@PathVariable String tenant, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        TenantId t = access.require(tenant);
        JsonNode resolved = body == null ? null : body.get("resolved");
        if (resolved == null || !resolved.isBoolean()) {
            throw ApiException.badRequest("'resolved' is required: true when the answer solved it, false to reach a person.");
        }
        return reply(() -> web.feedback(t, new ConversationId(id), resolved.booleanValue()), t, id);
    }

    @GetMapping
    List<InboxView> inbox(@PathVariable String tenant, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String channel,
                          @RequestParam(required = false, defaultValue = "false") boolean deadLetters,
                          @RequestParam(required = false, defaultValue = "100") int limit) {
        TenantId t = access.require(tenant);
        ConversationStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = Arrays.stream(ConversationStatus.values()).filter(s -> s.wire().equals(status)).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("'status' must be one of open, escalated, resolved, "
                            + "unresolved; was '" + status + "'."));
        }
        ChannelType on = null;
        if (channel != null && !channel.isBlank()) {
            if (!CHANNEL.matcher(channel).matches()) {
                throw ApiException.badRequest("'channel' must be a channel id such as web, slack, teams or zendesk.");
            }
            on = new ChannelType(channel);
        }
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("'limit' must be between 1 and 1000.");
        }
        return inbox.list(t, wanted, on, deadLetters, limit).stream().map(InboxView::of).toList();
    }

    @GetMapping("/{id}")
    DetailView conversation(@PathVariable String tenant, @PathVariable String id) {
        TenantId t = access.require(tenant);
        ConversationId conversation = new ConversationId(id);
        return inbox.find(t, conversation).map(detail -> DetailView.of(detail, coinEvents(t, conversation)))
                .orElseThrow(() -> notFound(t, id));
    }

    /**
     * The conversation the AI had in a platform's ticket, for any ticket it touched (the Zendesk sidebar): the
     * ticket's own conversation, or the one handed off into it.
     */
    @GetMapping("/by-ticket/{system}/{ticketId}")
    DetailView byTicket(@PathVariable String tenant, @PathVariable String system, @PathVariable String ticketId) {
        TenantId t = access.require(tenant);
        if (!CHANNEL.matcher(system).matches() || ticketId.isBlank() || ticketId.length() > 100) {
            throw ApiException.badRequest("Name the ticket as /by-ticket/{system}/{id}, e.g. /by-ticket/zendesk/4711.");
        }
        return inbox.findByTicket(t, system, ticketId)
                .map(detail -> DetailView.of(detail, coinEvents(t, detail.summary().id())))
                .orElseThrow(() -> ApiException.notFound("The AI has taken no part in " + system + " ticket '" + ticketId
                        + "' of tenant '" + t + "'."));
    }

    /** The transcript shows what the conversation cost: billing's hold, charge, release and refund entries. */
    private List<ConversationJson.EventView> coinEvents(TenantId tenant, ConversationId conversation) {
        Ledger coins = ledger.getIfAvailable();
        if (coins == null) return List.of();
        return coins.ofConversation(tenant, conversation).stream()
                .map(e -> new ConversationJson.EventView(e.type().name().toLowerCase(java.util.Locale.ROOT), e.reason(),
                        ConversationJson.coins(e.coins()), e.at().toString()))
                .toList();
    }

    private ReplyView reply(java.util.function.Supplier<WebReply> call, TenantId tenant, String id) {
        try {
            WebReply reply = call.get();
            return new ReplyView(ConversationJson.AnswerView.of(reply.reply()), reply.status().wire());
        } catch (ConversationNotFoundException e) {
            throw notFound(tenant, id);
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, e.getMessage());
        }
    }

    private static ApiException notFound(TenantId tenant, String id) {
        return ApiException.notFound("Tenant '" + tenant + "' has no conversation '" + id
                + "'. Start one with POST /api/v1/tenants/" + tenant + "/conversations.");
    }
}
