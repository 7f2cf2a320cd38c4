package io.resolvehub.agent.llm;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-process OpenAI-compatible server ({@code POST /v1/chat/completions}) that answers with a scripted reply,
 * fails with a status, or stalls: driven through LangChain4j's real OpenAI client.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    public sealed interface Script permits Reply, Fail, Stall {
    }

    public record Reply(String content) implements Script {
    }

    public record Fail(int status) implements Script {
    }

    public record Stall(long millis) implements Script {
    }

    private final HttpServer server;
    public final AtomicReference<Script> script = new AtomicReference<>(new Reply("NO_ANSWER"));
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public FakeOpenAiServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Script current = script.get();
            try {
                if (current instanceof Stall stall) {
                    Thread.sleep(stall.millis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (current instanceof Fail fail) {
                byte[] body = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(fail.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                return;
            }
            String content = current instanceof Reply reply ? reply.content() : "NO_ANSWER";
            String json = """
                    {"id":"chatcmpl-test","object":"chat.completion","created":1764380000,"model":"gpt-test",
                     "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}}"""
                    .formatted(quote(content));
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException clientGone) {
                // the client timed out and hung up
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
