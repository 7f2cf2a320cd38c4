package io.resolvehub.ops;

import io.resolvehub.api.ApiClient;
import io.resolvehub.process.FakeSlackWebApi;
import io.resolvehub.process.SlackEvents;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Signed Slack events into a running hub, and what the hub posted back to the fake Slack, thread by thread. */
final class SlackTraffic {

    static final String SIGNING_SECRET = "ops-test-signing-secret";
    private static final AtomicLong THREADS = new AtomicLong(System.currentTimeMillis() / 1000 * 1_000_000);

    private final ApiClient api;
    private final URI events;
    private final FakeSlackWebApi slack;

    SlackTraffic(int port, FakeSlackWebApi slack) {
        this.api = new ApiClient(port);
        this.events = URI.create("http://127.0.0.1:" + port + "/slack/events");
        this.slack = slack;
    }

    /** Connects tenant {@code default} to the fake workspace and tops it up. */
    SlackTraffic connect() {
        assertThat(api.putJson("/api/v1/tenants/default/channels/slack?verify=false",
                "{\"teamId\":\"T0HUBTEST\",\"botToken\":\"xoxb-ops-test\"}").statusCode()).isBetween(200, 204);
        assertThat(api.postJson("/api/v1/tenants/default/topups",
                "{\"coins\":1000,\"reference\":\"ops-" + System.nanoTime() + "\"}").statusCode()).isBetween(200, 201);
        return this;
    }

    /** Waits until the demo help center is indexed. */
    SlackTraffic awaitSourcesReady(Duration timeout) {
        await().atMost(timeout).until(() -> {
            String sources = api.get("/api/v1/tenants/default/sources").body();
            return sources.contains("\"ready\"") && !sources.matches("(?s).*\"(pending|indexing|failed)\".*");
        });
        return this;
    }

    /** Mentions the hub in a new thread {@code thread}; the HTTP status the hub answered. */
    int ask(String thread, String text) {
        return deliver("Ev" + thread.replace(".", ""), mention(thread, null, text));
    }

    /** Delivers {@code body} (with {@code EVENT_ID} in it) as event {@code eventId}, signed; the HTTP status. */
    int deliver(String eventId, String body) {
        return send(eventId, body).statusCode();
    }

    HttpResponse<String> send(String eventId, String body) {
        return api.send(SlackEvents.signed(events, SIGNING_SECRET, body.replace("EVENT_ID", eventId)));
    }

    /** An app_mention starting thread {@code ts}, or posted as {@code ts} inside thread {@code threadTs}. */
    static String mention(String ts, String threadTs, String text) {
        String event = SlackEvents.appMention("EVENT_ID", "C0OPS", ts, text);
        return threadTs == null ? event : event.replace("\"event_ts\":", "\"thread_ts\":\"" + threadTs + "\",\"event_ts\":");
    }

    List<FakeSlackWebApi.Call> posts(String thread) {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> thread.equals(call.form().get("thread_ts"))).toList();
    }

    long postsIn(String thread) {
        return posts(thread).size();
    }

    /** A fresh Slack timestamp, used as a new thread. */
    static String nextThread() {
        long n = THREADS.incrementAndGet();
        return (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
    }
}
