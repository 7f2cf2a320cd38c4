package io.resolvehub.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process Slack Web API on loopback, in the spirit of Bolt's own {@code MockSlackApi}: it records every call and
 * answers with recorded response samples from {@code src/test/resources/slack/api/<method>.json}, in which
 * {@code ${ts}}, {@code ${channel}} and {@code ${thread_ts}} are filled in per call.
 */
final class FakeSlackApi implements AutoCloseable {

    /** One recorded call. */
    record Call(String method, Map<String, List<String>> params, String authorization, long receivedNanos) {
        String param(String name) {
            List<String> values = params.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    /** A message the fake workspace holds: posted with {@code chat.postMessage}, or put there by a test. */
    record Held(String channel, String threadTs, String ts, String text, String blocks, String metadata) {
    }

    /** A canned answer for the next call of a method (e.g. a 429). */
    record Scripted(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Scripted>> scripted = new ConcurrentHashMap<>();
    private final Map<String, String> overrides = new ConcurrentHashMap<>();
    private final AtomicLong tsCounter = new AtomicLong(1);
    private final List<Held> held = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> acceptedThenLost = ConcurrentHashMap.newKeySet();

    FakeSlackApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The messages posted so far (and those a test put there), in order. */
    List<Held> held() {
        return List.copyOf(held);
    }

    /** Puts a message the hub posted earlier into the workspace, e.g. the answer whose button a test clicks. */
    void holds(String channel, String threadTs, String ts, String blocksJson) {
        held.add(new Held(channel, threadTs, ts, "", blocksJson, null));
    }

    /** Forgets calls, scripts, overrides and held messages. */
    void reset() {
        held.clear();
        acceptedThenLost.clear();
        calls.clear();
        scripted.clear();
        overrides.clear();
        tsCounter.set(1);
    }

    /** The next call of {@code method} gets this answer instead of the sample. */
    void scriptNext(String method, int status, Map<String, String> headers, String body) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Scripted(status, headers, body));
    }

    /** The next {@code chat.postMessage} is posted, but its answer is lost: the hub sees a 503, as after a timeout. */
    void acceptNextPostThenLoseTheAnswer() {
        acceptedThenLost.add("chat.postMessage");
    }

    /** Every call of {@code method} gets {@code body} (with placeholders) instead of the sample. */
    void answer(String method, String body) {
        overrides.put(method, body);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> params = form(body);
        if (exchange.getRequestURI().getRawQuery() != null) {
            form(exchange.getRequestURI().getRawQuery()).forEach((k, v) -> params.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        calls.add(new Call(method, params, exchange.getRequestHeaders().getFirst("Authorization"), System.nanoTime()));

        Queue<Scripted> queue = scripted.get(method);
        Scripted next = queue == null ? null : queue.poll();
        if (next != null) {
            next.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            respond(exchange, next.status(), next.body());
            return;
        }
        if (method.equals("conversations.replies") && !overrides.containsKey(method) && first(params, "oldest") != null) {
            respond(exchange, 200, replies(params)); // a bounded read: the thread's messages the fake holds
            return;
        }
        String template = overrides.containsKey(method) ? overrides.get(method) : sample(method);
        if (template == null) {
            respond(exchange, 200, "{\"ok\":false,\"error\":\"unknown_method\"}");
            return;
        }
        String channel = first(params, "channel");
        String threadTs = first(params, "thread_ts");
        String ts = "1700000%03d.%06d".formatted(100 + tsCounter.get(), tsCounter.getAndIncrement());
        if (method.equals("chat.postMessage")) {
            held.add(new Held(channel, threadTs == null ? ts : threadTs, ts, first(params, "text"), first(params, "blocks"),
                    first(params, "metadata")));
            if (acceptedThenLost.remove(method)) {
                respond(exchange, 503, "upstream timeout"); // Slack has the message; the hub never hears it
                return;
            }
        }
        respond(exchange, 200, template
                .replace("${ts}", ts)
                .replace("${channel}", channel == null ? "C0SUPPORT" : channel)
                .replace("${thread_ts}", threadTs == null ? ts : threadTs));
    }

    /** {@code conversations.replies} of the held messages of thread {@code ts} between {@code oldest} and {@code latest}. */
    private String replies(Map<String, List<String>> params) {
        String channel = first(params, "channel");
        String thread = first(params, "ts");
        boolean inclusive = "true".equals(first(params, "inclusive")) || "1".equals(first(params, "inclusive"));
        java.math.BigDecimal oldest = new java.math.BigDecimal(first(params, "oldest"));
        String latestParam = first(params, "latest");
        java.math.BigDecimal latest = latestParam == null ? null : new java.math.BigDecimal(latestParam);
        com.google.gson.JsonArray messages = new com.google.gson.JsonArray();
        for (Held h : held) {
            java.math.BigDecimal ts = new java.math.BigDecimal(h.ts());
            boolean after = inclusive ? ts.compareTo(oldest) >= 0 : ts.compareTo(oldest) > 0;
            boolean before = latest == null || (inclusive ? ts.compareTo(latest) <= 0 : ts.compareTo(latest) < 0);
            if (h.channel().equals(channel) && h.threadTs().equals(thread) && after && before) {
                com.google.gson.JsonObject m = new com.google.gson.JsonObject();
                m.addProperty("type", "message");
                m.addProperty("user", "U0HUBBOT");
                m.addProperty("bot_id", "B0HUBBOT");
                m.addProperty("text", h.text() == null ? "" : h.text());
                m.addProperty("thread_ts", h.threadTs());
                m.addProperty("ts", h.ts());
                if (h.blocks() != null) {
                    m.add("blocks", com.google.gson.JsonParser.parseString(h.blocks()));
                }
                if (h.metadata() != null && ("true".equals(first(params, "include_all_metadata"))
                        || "1".equals(first(params, "include_all_metadata")))) {
                    m.add("metadata", com.google.gson.JsonParser.parseString(h.metadata()));
                }
                messages.add(m);
            }
        }
        com.google.gson.JsonObject body = new com.google.gson.JsonObject();
        body.addProperty("ok", true);
        body.add("messages", messages);
        body.addProperty("has_more", false);
        return body.toString();
    }

    private static String sample(String method) throws IOException {
        try (InputStream in = FakeSlackApi.class.getResourceAsStream("/slack/api/" + method + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    static Map<String, List<String>> form(String body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
