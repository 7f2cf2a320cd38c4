package io.resolvehub.api.insights;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Microsoft side of a Teams digest on loopback: the Entra ID token endpoint for the bot's client credentials
 * ({@code POST /token}) and the Bot Connector's {@code POST /teams/v3/conversations/{id}/activities}, answering like
 * Teams ({@code 201 {"id":…}}) or, when told to, refusing like a conversation the bot was removed from (403).
 */
final class FakeTeamsConnector implements AutoCloseable {

    /** One activity posted to a conversation. */
    record Post(String path, String authorization, String body) {
    }

    final List<Post> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuse = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpServer server;

    FakeTeamsConnector() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            reply(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                    + "\"access_token\":\"test-bot-token\"}");
        });
        server.createContext("/teams/v3/conversations/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 403, "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is not"
                        + " part of the conversation roster.\"}}");
                return;
            }
            posts.add(new Post(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            reply(exchange, 201, "{\"id\":\"1:" + ids.incrementAndGet() + "\"}");
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String tokenUrl() {
        return base() + "/token";
    }

    String serviceUrl() {
        return base() + "/teams/";
    }

    /** The next {@code times} posts are refused. */
    void refuseNext(int times) {
        refuse.set(times);
    }

    List<Post> postsTo(String conversationId) {
        return posts.stream().filter(p -> p.path().equals("/teams/v3/conversations/" + conversationId + "/activities")).toList();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
