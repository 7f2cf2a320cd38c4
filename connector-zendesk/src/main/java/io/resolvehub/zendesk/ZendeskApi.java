package io.resolvehub.zendesk;

import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.IdempotentResult;
import org.zendesk.client.v2.model.Role;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One Zendesk account through the official client: the few calls the hub makes, each mapped to a
 * {@link io.resolvehub.core.channel.ChannelException} on failure. Not retried here: the pipeline retries send,
 * hand-off and the reading of a webhook's ticket, the desk retries ticket creation itself.
 * Users' roles and the token's own user are cached: they do not change between two tickets.
 */
final class ZendeskApi implements AutoCloseable {

    private final ZendeskSettings settings;
    private final Zendesk zendesk;
    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private volatile Long tokenUserId;

    ZendeskApi(ZendeskSettings settings, Zendesk zendesk) {
        this.settings = settings;
        this.zendesk = zendesk;
    }

    ZendeskSettings settings() {
        return settings;
    }

    /** The ticket, or empty when Zendesk says 404 (deleted, or never existed). */
    Optional<Ticket> ticket(long id) {
        return Optional.ofNullable(call("GET ticket " + id, () -> zendesk.getTicket(id)));
    }

    /** The ticket's comments, oldest first. */
    List<Comment> comments(long ticketId) {
        return call("GET comments of ticket " + ticketId, () -> {
            List<Comment> all = new ArrayList<>();
            zendesk.getTicketComments(ticketId).forEach(all::add);
            return all;
        });
    }

    Optional<User> user(long id) {
        User cached = users.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        User user = call("GET user " + id, () -> zendesk.getUser(id));
        if (user != null) {
            users.put(id, user);
        }
        return Optional.ofNullable(user);
    }

    /** Agents and admins count as people answering; an unknown (deleted) user too, so the AI rather stays quiet. */
    boolean isAgent(long userId) {
        return user(userId).map(u -> u.getRole() != Role.END_USER).orElse(true);
    }

    /** The agent the API token authenticates as. */
    User me() {
        return call("GET users/me", zendesk::getAuthenticatedUser);
    }

    /** Who the AI's comments are written by: {@code botUserId} when set, else the API token's agent. */
    long aiAuthorId() {
        if (settings.botUserId() != null) {
            return settings.botUserId();
        }
        Long id = tokenUserId;
        if (id == null) {
            id = me().getId();
            tokenUserId = id;
        }
        return id;
    }

    Ticket update(Ticket changes) {
        return call("PUT ticket " + changes.getId(), () -> zendesk.updateTicket(changes));
    }

    List<Ticket> ticketsByExternalId(String externalId) {
        return call("GET tickets by external_id", () -> {
            List<Ticket> found = new ArrayList<>();
            zendesk.getTicketsByExternalId(externalId).forEach(found::add);
            return found;
        });
    }

    /** Creates a ticket with an {@code Idempotency-Key}: a retry with the same key returns the first ticket. */
    Ticket createIdempotent(Ticket ticket, String idempotencyKey) {
        IdempotentResult<Ticket> result = call("POST ticket", () -> zendesk.createTicketIdempotent(ticket, idempotencyKey));
        return result.get();
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw ZendeskErrorMapper.map(what, e);
        }
    }

    @Override
    public void close() {
        zendesk.close(); // leaves the shared HTTP client open: Zendesk only closes clients it created itself
    }
}
