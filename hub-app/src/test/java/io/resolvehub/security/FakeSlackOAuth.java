package io.resolvehub.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for Slack's Web API as an OAuth install uses it: {@code oauth.v2.access} exchanges any code for
 * a bot token of workspace {@code T0VISITOR}, answered in Slack's shape. Records the codes it was given.
 */
final class FakeSlackOAuth implements AutoCloseable {

    static final String TEAM_ID = "T0VISITOR";
    static final String BOT_TOKEN = "xoxb-4242-visitor-bot-token";

    private final HttpServer server;
    private final List<String> exchanges = new CopyOnWriteArrayList<>();

    FakeSlackOAuth() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** The request bodies of every {@code oauth.v2.access} call (each carries the code it exchanged). */
    List<String> exchanges() {
        return List.copyOf(exchanges);
    }

    void reset() {
        exchanges.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String answer;
        if (method.equals("oauth.v2.access")) {
            exchanges.add(body);
            answer = "{\"ok\":true,\"access_token\":\"" + BOT_TOKEN + "\",\"token_type\":\"bot\","
                    + "\"scope\":\"app_mentions:read,chat:write\",\"bot_user_id\":\"U0VISITBOT\",\"app_id\":\"A0HUB\","
                    + "\"team\":{\"id\":\"" + TEAM_ID + "\",\"name\":\"Visitor Workspace\"},\"enterprise\":null,"
                    + "\"authed_user\":{\"id\":\"U0VISITOR\"}}";
        } else {
            answer = "{\"ok\":false,\"error\":\"unknown_method\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
