package io.resolvehub.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback OpenAI-compatible endpoint that takes {@code POST /v1/chat/completions} and never answers, like a model
 * that hangs. A hub using it is stuck in the middle of an answer: the user's turn is stored, the reply is not.
 */
final class StalledLanguageModel implements AutoCloseable {

    private final HttpServer server;
    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);

    StalledLanguageModel() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::stall);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Waits until the hub asked the model something; false when it did not within the timeout. */
    boolean awaitAsked(Duration timeout) throws InterruptedException {
        return asked.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stall(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        asked.countDown();
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
