package io.resolvehub.api.insights;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback OpenAI-compatible model ({@code POST /v1/chat/completions}, the body and reply shape of the real API). It
 * declines every answer ({@code NO_ANSWER}, so the hub answers extractively) and, asked to name a group of questions,
 * names it by what the questions are about, fails with 503, or hangs until {@link #releaseStalled()}.
 */
final class FakeLanguageModel implements AutoCloseable {

    enum Naming { NAMES, FAILS, STALLS }

    final AtomicReference<Naming> naming = new AtomicReference<>(Naming.NAMES);
    /** Requests to name a topic that reached the model, whatever it did with them. */
    final AtomicInteger namingRequests = new AtomicInteger();
    final AtomicInteger stalled = new AtomicInteger();
    /** Every name given, in order. */
    final List<String> names = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch release = new CountDownLatch(1);
    private final HttpServer server;

    FakeLanguageModel() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::complete);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Lets the hung naming requests go on (they then name as usual); later ones hang again while STALLS. */
    void releaseStalled() {
        CountDownLatch held = release;
        release = new CountDownLatch(1);
        held.countDown();
    }

    private void complete(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!body.contains("You name groups of questions")) {
            reply(exchange, 200, completion("NO_ANSWER"));
            return;
        }
        namingRequests.incrementAndGet();
        switch (naming.get()) {
            case FAILS -> reply(exchange, 503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
            case STALLS -> {
                stalled.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(exchange, 200, completion(name(body)));
            }
            case NAMES -> reply(exchange, 200, completion(name(body)));
        }
    }

    /** How many times the model gave {@code name}. */
    long timesNamed(String name) {
        return names.stream().filter(name::equals).count();
    }

    private String name(String body) {
        String name = nameFor(body);
        names.add(name.replace("\\\"", ""));
        return name;
    }

    private static String nameFor(String body) {
        String questions = body.substring(body.indexOf("<questions>")).toLowerCase();
        if (questions.contains("api key")) return "\\\"Rotating API keys\\\"";
        if (questions.contains("password")) return "Resetting a password";
        if (questions.contains("pdf")) return "Exporting notes to PDF";
        return "NO_LABEL";
    }

    /** A chat completion in OpenAI's shape; {@code content} is already escaped for JSON. */
    private static String completion(String content) {
        return """
                {"id":"chatcmpl-test","object":"chat.completion","created":1764380000,"model":"gpt-test",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":100,"completion_tokens":5,"total_tokens":105}}""".formatted(content);
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the hub gave up waiting
        }
        exchange.close();
    }

    @Override
    public void close() {
        releaseStalled();
        server.stop(0);
    }
}
