package io.resolvehub.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process Zendesk Support API ({@code /api/v2}) on loopback for the real Zendesk Java Client: tickets, their
 * comments, users, ticket updates and creation (with {@code Idempotency-Key} and {@code external_id} look-up). Objects
 * start from the recorded samples in {@code src/test/resources/zendesk/api/} and change as Zendesk would change them.
 * Every request is recorded. Public for hub-app's cluster test, which runs the packaged hub against it (this module's
 * test-jar).
 */
public final class FakeZendeskApi implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The agent the API token belongs to. */
    static final long API_AGENT_ID = 900001L;

    /** One recorded request. */
    record Call(String method, String path, String query, JsonNode body, Map<String, List<String>> headers) {
        /** The {@code ticket} object of a create or update body. */
        JsonNode ticket() {
            return body == null ? null : body.get("ticket");
        }
    }

    private record Scripted(java.util.function.Predicate<Call> when, int status, Map<String, String> headers, String body) {
    }

    private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/(\\d+)\\.json");
    private static final Pattern COMMENTS = Pattern.compile("/api/v2/tickets/(\\d+)/comments\\.json");
    private static final Pattern USER = Pattern.compile("/api/v2/users/(\\d+)\\.json");

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Queue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final Map<Long, ObjectNode> tickets = new ConcurrentHashMap<>();
    private final Map<Long, List<ObjectNode>> comments = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<String, Long> idempotencyKeys = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(50_000);

    public FakeZendeskApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v2/", this::handle);
        server.start();
        addUser(API_AGENT_ID, "Support Bot", "bot@acme.example", "admin");
    }

    /** The account URL a tenant configures (the client appends {@code /api/v2}). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static String sample(String name) {
        try (InputStream in = FakeZendeskApi.class.getResourceAsStream("/zendesk/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode sampleObject(String name, String field) {
        try {
            return (ObjectNode) JSON.readTree(sample(name)).get(field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void addUser(long id, String name, String email, String role) {
        ObjectNode user = sampleObject("api/user.json", "user");
        user.put("id", id).put("name", name).put("email", email).put("role", role)
                .put("url", url() + "/api/v2/users/" + id + ".json");
        users.put(id, user);
    }

    /** A ticket as Zendesk holds it after the requester wrote in: the sample ticket with its first comment. */
    public void addTicket(long id, long requesterId, String subject, String description) {
        ObjectNode ticket = sampleObject("api/ticket.json", "ticket");
        ticket.put("id", id).put("url", url() + "/api/v2/tickets/" + id + ".json").put("subject", subject)
                .put("raw_subject", subject).put("description", description)
                .put("requester_id", requesterId).put("submitter_id", requesterId);
        tickets.put(id, ticket);
        comments.put(id, new CopyOnWriteArrayList<>());
        addComment(id, requesterId, description, true);
    }

    /** A comment written on the ticket by someone other than the hub (the requester, an agent). */
    public long addComment(long ticketId, long authorId, String body, boolean isPublic) {
        try {
            ObjectNode comment = (ObjectNode) JSON.readTree(sample("api/comment.json"));
            long id = ids.incrementAndGet();
            comment.put("id", id).put("author_id", authorId).put("body", body).put("plain_body", body)
                    .put("html_body", "<p>" + body + "</p>").put("public", isPublic)
                    .put("created_at", Instant.now().toString());
            comments.get(ticketId).add(comment);
            ObjectNode ticket = tickets.get(ticketId);
            ticket.put("updated_at", Instant.now().toString());
            if (isPublic && authorId == ticket.path("requester_id").asLong() && !"new".equals(ticket.path("status").asText())) {
                ticket.put("status", "open"); // a requester's reply reopens a pending ticket
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void setStatus(long ticketId, String status) {
        tickets.get(ticketId).put("status", status);
    }

    public JsonNode ticket(long id) {
        return tickets.get(id).deepCopy();
    }

    public List<JsonNode> comments(long ticketId) {
        return List.copyOf(comments.get(ticketId));
    }

    public List<String> tags(long ticketId) {
        List<String> tags = new ArrayList<>();
        tickets.get(ticketId).path("tags").forEach(t -> tags.add(t.asText()));
        return tags;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The {@code PUT /tickets/{id}.json} bodies' ticket objects, oldest first. */
    List<JsonNode> updates(long ticketId) {
        return calls.stream().filter(c -> c.method().equals("PUT") && c.path().equals("/api/v2/tickets/" + ticketId + ".json"))
                .map(Call::ticket).toList();
    }

    public List<JsonNode> createdTickets() {
        return calls.stream().filter(c -> c.method().equals("POST") && c.path().equals("/api/v2/tickets.json"))
                .map(Call::ticket).toList();
    }

    /** The next request, whatever it is, gets this answer. */
    void scriptNext(int status, Map<String, String> headers, String body) {
        scripted.add(new Scripted(call -> true, status, headers, body));
    }

    /** The next request that {@code when} accepts gets this answer. */
    void scriptNext(java.util.function.Predicate<Call> when, int status, String body) {
        scripted.add(new Scripted(when, status, Map.of(), body));
    }

    /** The next request that {@code when} accepts gets this answer, with these headers (e.g. {@code Retry-After}). */
    void scriptNext(java.util.function.Predicate<Call> when, int status, Map<String, String> headers, String body) {
        scripted.add(new Scripted(when, status, headers, body));
    }

    void forgetCalls() {
        calls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            Call call = new Call(method, path, query, body, Map.copyOf(exchange.getRequestHeaders()));
            calls.add(call);
            Scripted next = scripted.stream().filter(s -> s.when().test(call)).findFirst().orElse(null);
            if (next != null) {
                scripted.remove(next);
            }
            if (next != null) {
                next.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                respond(exchange, next.status(), next.body());
                return;
            }
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                respond(exchange, 401, sample("api/error_unauthorized.json"));
                return;
            }
            route(exchange, method, path, query, body);
        } catch (RuntimeException e) {
            respond(exchange, 500, "{\"error\":\"" + e + "\"}");
        }
    }

    private void route(HttpExchange exchange, String method, String path, String query, JsonNode body) throws IOException {
        Matcher m;
        if (method.equals("GET") && path.equals("/api/v2/users/me.json")) {
            respond(exchange, 200, wrap("user", users.get(API_AGENT_ID)));
        } else if (method.equals("GET") && (m = USER.matcher(path)).matches()) {
            ObjectNode user = users.get(Long.parseLong(m.group(1)));
            respond(exchange, user == null ? 404 : 200, user == null ? sample("api/error_not_found.json") : wrap("user", user));
        } else if (method.equals("GET") && (m = TICKET.matcher(path)).matches()) {
            ObjectNode ticket = tickets.get(Long.parseLong(m.group(1)));
            respond(exchange, ticket == null ? 404 : 200, ticket == null ? sample("api/error_not_found.json") : wrap("ticket", ticket));
        } else if (method.equals("GET") && (m = COMMENTS.matcher(path)).matches()) {
            List<ObjectNode> list = comments.get(Long.parseLong(m.group(1)));
            if (list == null) {
                respond(exchange, 404, sample("api/error_not_found.json"));
                return;
            }
            ObjectNode page = JSON.createObjectNode();
            page.putArray("comments").addAll(list);
            page.putNull("next_page").putNull("previous_page").put("count", list.size());
            respond(exchange, 200, page.toString());
        } else if (method.equals("PUT") && (m = TICKET.matcher(path)).matches()) {
            long id = Long.parseLong(m.group(1));
            ObjectNode ticket = tickets.get(id);
            if (ticket == null) {
                respond(exchange, 404, sample("api/error_not_found.json"));
                return;
            }
            if ("closed".equals(ticket.path("status").asText())) {
                respond(exchange, 422, "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":{\"status\":[{\"description\":\"Status: closed prevents ticket update\"}]}}");
                return;
            }
            apply(id, ticket, body.get("ticket"));
            respond(exchange, 200, wrap("ticket", ticket));
        } else if (method.equals("GET") && path.equals("/api/v2/tickets.json") && query != null && query.startsWith("external_id=")) {
            String externalId = URLDecoder.decode(query.substring("external_id=".length()), StandardCharsets.UTF_8);
            ObjectNode page = JSON.createObjectNode();
            ArrayNode list = page.putArray("tickets");
            tickets.values().stream().filter(t -> externalId.equals(t.path("external_id").asText(null))).forEach(list::add);
            page.putNull("next_page").putNull("previous_page").put("count", list.size());
            respond(exchange, 200, page.toString());
        } else if (method.equals("POST") && path.equals("/api/v2/tickets.json")) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            Long earlier = key == null ? null : idempotencyKeys.get(key);
            if (earlier != null) {
                exchange.getResponseHeaders().add("x-idempotency-lookup", "hit");
                respond(exchange, 201, wrap("ticket", tickets.get(earlier)));
                return;
            }
            long id = create(body.get("ticket"));
            if (key != null) {
                idempotencyKeys.put(key, id);
                exchange.getResponseHeaders().add("x-idempotency-lookup", "miss");
            }
            exchange.getResponseHeaders().add("Location", url() + "/api/v2/tickets/" + id + ".json");
            respond(exchange, 201, wrap("ticket", tickets.get(id)));
        } else {
            respond(exchange, 404, sample("api/error_not_found.json"));
        }
    }

    /** What Zendesk does with a ticket update: one audit with the comment and the field changes. */
    private void apply(long id, ObjectNode ticket, JsonNode changes) {
        JsonNode comment = changes.get("comment");
        if (comment != null) {
            long author = comment.path("author_id").asLong(API_AGENT_ID);
            boolean isPublic = !comment.has("public") || comment.get("public").asBoolean();
            addComment(id, author, comment.path("body").asText(), isPublic);
            if ("new".equals(ticket.path("status").asText()) && isPublic && author != ticket.path("requester_id").asLong()) {
                ticket.put("status", "open"); // an agent's public reply opens a new ticket
            }
        }
        for (String field : List.of("tags", "group_id", "status", "external_id", "subject")) {
            if (changes.has(field)) {
                ticket.set(field, changes.get(field));
            }
        }
        ticket.put("updated_at", Instant.now().toString());
    }

    private long create(JsonNode request) {
        long id = ids.incrementAndGet();
        long requesterId = API_AGENT_ID;
        JsonNode requester = request.get("requester");
        if (request.has("requester_id")) {
            requesterId = request.get("requester_id").asLong();
        } else if (requester != null) {
            String email = requester.path("email").asText(null);
            requesterId = users.values().stream().filter(u -> email != null && email.equals(u.path("email").asText(null)))
                    .map(u -> u.path("id").asLong()).findFirst().orElseGet(() -> {
                        long newId = ids.incrementAndGet();
                        addUser(newId, requester.path("name").asText(email), email, "end-user");
                        return newId;
                    });
        }
        ObjectNode ticket = sampleObject("api/ticket.json", "ticket");
        ticket.put("id", id).put("url", url() + "/api/v2/tickets/" + id + ".json")
                .put("subject", request.path("subject").asText()).put("raw_subject", request.path("subject").asText())
                .put("description", request.path("comment").path("body").asText())
                .put("requester_id", requesterId).put("submitter_id", API_AGENT_ID).put("status", "new")
                .put("created_at", Instant.now().toString()).put("updated_at", Instant.now().toString());
        ticket.set("tags", request.has("tags") ? request.get("tags") : JSON.createArrayNode());
        ticket.set("external_id", request.get("external_id"));
        ticket.set("group_id", request.get("group_id"));
        ticket.set("via", JSON.createObjectNode().put("channel", "api"));
        tickets.put(id, ticket);
        comments.put(id, new CopyOnWriteArrayList<>());
        JsonNode comment = request.path("comment");
        addComment(id, API_AGENT_ID, comment.path("body").asText(), !comment.has("public") || comment.get("public").asBoolean());
        return id;
    }

    private static String wrap(String name, JsonNode value) {
        ObjectNode root = JSON.createObjectNode();
        root.set(name, value);
        return root.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
