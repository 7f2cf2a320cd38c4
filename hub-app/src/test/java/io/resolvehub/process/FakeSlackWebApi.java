package io.resolvehub.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for the Slack Web API that records every call and answers the way Slack does
 * ({@code ok:true} envelopes with the fields the hub reads).
 */
public final class FakeSlackWebApi implements AutoCloseable {

    /** One call as received; {@code receivedNanos} ({@link System#nanoTime()}) times replies in benchmarks. */
    public record Call(String method, Map<String, String> form, long receivedNanos) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final AtomicLong ts = new AtomicLong(1_700_000_100);
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> failures = new java.util.concurrent.ConcurrentHashMap<>();

    public FakeSlackWebApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The next {@code times} calls of {@code method} answer {@code ok:false} ({@code channel_not_found}), as Slack refuses. */
    public void failNext(String method, int times) {
        failures.computeIfAbsent(method, m -> new java.util.concurrent.atomic.AtomicInteger()).addAndGet(times);
    }

    /** An HTTP error Slack answers instead of the call: a 429 with {@code Retry-After}, or a 5xx outage. */
    public record HttpFailure(int status, String retryAfter) {
    }

    private final Map<String, java.util.Queue<HttpFailure>> httpFailures = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    /** The next calls of {@code method} answer these HTTP errors, one each, in order; nothing is posted by them. */
    public void failNextWith(String method, HttpFailure... answers) {
        httpFailures.computeIfAbsent(method, m -> new java.util.concurrent.ConcurrentLinkedQueue<>())
                .addAll(List.of(answers));
    }

    /** The calls answered with an HTTP error, as "method status", in order. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        java.util.Queue<HttpFailure> planned = httpFailures.get(method);
        HttpFailure failure = planned == null ? null : planned.poll();
        if (failure != null) {
            refused.add(method + " " + failure.status());
            byte[] error = (failure.status() == 429 ? "{\"ok\":false,\"error\":\"ratelimited\"}" : "upstream error")
                    .getBytes(StandardCharsets.UTF_8);
            if (failure.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
            }
            exchange.sendResponseHeaders(failure.status(), error.length);
            exchange.getResponseBody().write(error);
            exchange.close();
            return;
        }
        var failing = failures.get(method);
        boolean fail = failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (!fail) {
            calls.add(new Call(method, form, received));
        }
        String body = fail ? "{\"ok\":false,\"error\":\"channel_not_found\"}" : switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://hub-test.slack.com/\",\"team\":\"Hub Test\",\"user\":\"resolvehub\","
                    + "\"team_id\":\"T0HUBTEST\",\"user_id\":\"U0HUBBOT\",\"bot_id\":\"B0HUBBOT\"}";
            case "chat.postMessage" -> {
                String next = ts.incrementAndGet() + ".000100";
                posted.add(new Posted(form.get("channel"), form.getOrDefault("thread_ts", next), next, form.get("metadata")));
                yield "{\"ok\":true,\"channel\":\"" + form.getOrDefault("channel", "") + "\",\"ts\":\"" + next
                        + "\",\"message\":{\"type\":\"message\",\"ts\":\"" + next + "\",\"bot_id\":\"B0HUBBOT\"}}";
            }
            case "chat.getPermalink" -> "{\"ok\":true,\"channel\":\"" + form.getOrDefault("channel", "")
                    + "\",\"permalink\":\"https://hub-test.slack.com/archives/C0SUPPORT/p1700000000000100\"}";
            case "users.info" -> "{\"ok\":true,\"user\":{\"id\":\"U0CUSTOMER\",\"name\":\"casey\",\"real_name\":\"Casey Customer\","
                    + "\"profile\":{\"email\":\"casey@example.com\",\"real_name\":\"Casey Customer\",\"display_name\":\"casey\"}}}";
            case "conversations.replies" -> replies(form);
            default -> "{\"ok\":true}";
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A message the hub posted, as {@code conversations.replies} shows it: in its thread, with its metadata. */
    private record Posted(String channel, String threadTs, String ts, String metadata) {
    }

    /** The thread's messages the hub posted, with their metadata when asked for, as Slack answers. */
    private String replies(Map<String, String> form) {
        boolean withMetadata = List.of("true", "1").contains(form.getOrDefault("include_all_metadata", ""));
        StringBuilder messages = new StringBuilder();
        for (Posted p : posted) {
            if (p.channel().equals(form.get("channel")) && p.threadTs().equals(form.get("ts"))) {
                messages.append(messages.isEmpty() ? "" : ",").append("{\"type\":\"message\",\"bot_id\":\"B0HUBBOT\",")
                        .append("\"text\":\"\",\"thread_ts\":\"").append(p.threadTs()).append("\",\"ts\":\"").append(p.ts()).append('"')
                        .append(withMetadata && p.metadata() != null ? ",\"metadata\":" + p.metadata() : "").append('}');
            }
        }
        return "{\"ok\":true,\"messages\":[" + messages + "],\"has_more\":false}";
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
