package io.resolvehub.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.resolvehub.HubTestSupport;
import io.resolvehub.agent.index.ElasticsearchServer;
import io.resolvehub.api.ApiClient;
import io.resolvehub.zendesk.FakeZendeskApi;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Production mode under a crash (docs/deployment.md): two hub processes from the packaged jar share one PostgreSQL
 * and one real Elasticsearch 8.19. A burst of signed Slack mentions and Zendesk ticket webhooks, with redeliveries (the same event
 * or invocation again, at the other instance) and second triggers for the same Zendesk comment, is spread over both;
 * halfway through, one instance is killed with SIGKILL while it is answering, and what it did not acknowledge is
 * delivered again to the other, as a platform would. Then:
 * <ul>
 *   <li>every acknowledged Slack event is answered in its thread, and every Zendesk ticket on it, exactly once; a
 *       request for a person is handed off, from Slack into one Zendesk ticket;</li>
 *   <li>every conversation the AI answered is charged exactly once when it resolves (assumed after the silence window,
 *       or the ticket solved), whichever instance's sweep or webhook gets there, and nothing else is charged;</li>
 *   <li>the ledger balances: the account equals the ledger's sums, no coins stay held, the balance is the top-up less
 *       the charges;</li>
 *   <li>each scheduled digest period (a db-scheduler job on both instances) is queued and posted once;</li>
 *   <li>no event is left {@code received} or {@code processing}, and none is dead-lettered.</li>
 * </ul>
 * Expected charges are counted from what the hub posted (an answer carries the "That solved it" control), not from
 * what was sent: a hand-off or a clarifying question is not billed.
 */
class ClusterIT {

    private static final String SLACK_SECRET = "cluster-test-signing-secret";
    private static final String ZENDESK_SECRET = "cluster-test-webhook-secret";
    private static final String DIGEST_CHANNEL = "C0DIGEST";
    private static final int SLACK_THREADS = 60;
    private static final int SLACK_CHANNELS = 20;
    private static final int TICKETS = 20;
    private static final long FIRST_TICKET = 71_001;
    private static final long REQUESTER = 20_978_392L;
    private static final long BOT_USER = 800_001L;
    private static final long TOP_UP = 100_000;
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration SILENCE = Duration.ofSeconds(40);
    private static final Duration PLATFORM_PATIENCE = Duration.ofMinutes(2);
    private static final String ZENDESK_ANSWER_FOOTER = "Did this solve it?";

    @Test
    void twoInstancesAnswerEachEventOnceAndChargeEachResolutionOnceWhenOneIsKilledMidBurst() throws Exception {
        Path runDir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("hub.it.logs",
                "target/it-logs"))), "cluster-");
        CompletableFuture<String> elasticsearch = CompletableFuture.supplyAsync(ElasticsearchServer::url);
        String[] postgres = HubTestSupport.postgresArguments();
        ClusterDatabase database = new ClusterDatabase(ClusterDatabase.urlIn(postgres), "default");
        try (FakeSlackWebApi slack = new FakeSlackWebApi(); FakeZendeskApi zendesk = new FakeZendeskApi()) {
            String[] settings = concat(postgres,
                    "--hub.search.backend=elasticsearch",
                    "--hub.search.elasticsearch.url=" + elasticsearch.get(3, TimeUnit.MINUTES),
                    "--hub.search.elasticsearch.index=cluster-" + System.nanoTime(),
                    "--hub.master-key=" + newMasterKey(),
                    "--hub.slack.signing-secret=" + SLACK_SECRET, "--hub.slack.api-url=" + slack.url(),
                    // a killed instance's claims are taken over once their lease runs out
                    "--hub.pipeline.lease=PT10S",
                    "--hub.resolution.silence-window=" + SILENCE, "--hub.resolution.check-interval=PT2S",
                    "--hub.insights.digest-check-interval=PT2S");

            // The first instance creates the schema, the index and the sample help center; the second joins it.
            HubProcess one = HubProcess.start(runDir.resolve("hub-1").resolve("data"), "hub-1", settings)
                    .awaitHealthy(STARTUP);
            try (one; HubProcess two = HubProcess.start(runDir.resolve("hub-2").resolve("data"), "hub-2", settings)) {
                configure(one.api(), zendesk);
                two.awaitHealthy(STARTUP);
                await().atMost(Duration.ofMinutes(3)).until(() -> allSourcesReady(two.api()));
                try {
                    run(one, two, slack, zendesk, database);
                } catch (AssertionError | ConditionTimeoutException e) {
                    throw new AssertionError(e.getMessage() + "\nevents: " + database.eventsByStatus()
                            + "\n--- hub-1 log ---\n" + one.tail() + "\n--- hub-2 log ---\n" + two.tail(), e);
                }
            }
        }
    }

    private void run(HubProcess one, HubProcess two, FakeSlackWebApi slack, FakeZendeskApi zendesk,
                     ClusterDatabase database) throws Exception {
        LoadBalancer balancer = new LoadBalancer(List.of(one, two));
        List<Delivery> burst = burst(zendesk);

        // The burst, four deliveries in flight at a time; hub-1 is killed when half of it has been sent.
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<LoadBalancer.Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < burst.size(); i++) {
            Delivery d = burst.get(i);
            outcomes.add(senders.submit(() -> balancer.deliver(d.subject(), d.instance(), d.request(), PLATFORM_PATIENCE)));
            if (i == burst.size() / 2) {
                one.kill();
            }
            Thread.sleep(50); // pacing the burst at about 20 deliveries per second
        }
        senders.shutdown();
        List<LoadBalancer.Outcome> ended = new ArrayList<>();
        for (Future<LoadBalancer.Outcome> outcome : outcomes) {
            ended.add(outcome.get(PLATFORM_PATIENCE.toSeconds() + 30, TimeUnit.SECONDS));
        }
        assertThat(ended).as("every delivery acknowledged, by one instance or the other")
                .allSatisfy(o -> assertThat(o.status()).as(o.subject()).isEqualTo(200));

        // Every acknowledged event is answered, and nothing stays claimed by the dead instance.
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            assertThat(unansweredThreads(slack)).as("Slack threads without a reply").isEmpty();
            assertThat(unansweredTickets(zendesk)).as("Zendesk tickets without a reply").isEmpty();
            assertThat(database.eventsByStatus()).as("nothing left received or processing")
                    .doesNotContainKeys("received", "processing");
        });

        // Every second ticket the AI answered is solved by the requester's team: Zendesk's trigger fires, twice.
        List<Long> solved = new ArrayList<>();
        int answered = 0;
        for (long ticket : tickets()) {
            if (isAnswer(botComments(zendesk, ticket).getFirst()) && answered++ % 2 == 0) {
                zendesk.setStatus(ticket, "solved");
                solved.add(ticket);
                String invocation = "cluster-solved-" + ticket;
                for (int send = 0; send < 2; send++) {
                    assertThat(balancer.deliver("solved " + ticket, send, zendeskWebhook(ticket, invocation),
                            PLATFORM_PATIENCE).status()).isEqualTo(200);
                }
            }
        }

        // What the hub answered decides what must be charged: answers, not hand-offs or clarifying questions.
        List<String> answeredThreads = threads().stream().filter(t -> isAnswer(slack, t)).toList();
        List<Long> answeredTickets = tickets().stream().filter(t -> isAnswer(botComments(zendesk, t).getFirst())).toList();
        int expectedCharges = answeredThreads.size() + answeredTickets.size();
        assertThat(expectedCharges).as("answers among the replies: without them no charge is tested").isGreaterThanOrEqualTo(10);
        // A recurring job the killed instance was running stays its until db-scheduler finds the execution dead
        // (4 missed 5-second heartbeats), so the sweep may start that much later.
        await().atMost(SILENCE.plus(Duration.ofMinutes(4))).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(database.charges()).as("one charge per answered conversation").hasSize(expectedCharges);
            assertThat(database.openConversations()).as("conversations still open").isZero();
            assertThat(database.ledger().held()).as("coins still held").isZero();
        });

        // Exactly once, checked after the silence window: a late duplicate would have shown by now.
        for (String thread : threads()) {
            assertThat(slack.calls("chat.postMessage").stream().filter(c -> thread.equals(threadOf(c))))
                    .as("replies in Slack thread %s", thread).hasSize(1);
        }
        for (long ticket : tickets()) {
            assertThat(publicBotComments(zendesk, ticket)).as("public replies on ticket %s", ticket).hasSize(1);
        }
        // A hand-off from Slack opens one Zendesk ticket for the desk, whichever instance (or both) worked on it.
        List<String> handoffThreads = threads().stream().filter(t -> asksForAPerson(threads().indexOf(t))).toList();
        assertThat(zendesk.createdTickets().stream().map(t -> t.path("external_id").asText()).distinct())
                .as("one desk ticket per Slack hand-off").hasSameSizeAs(handoffThreads);
        assertThat(answeredThreads).as("no answer where a person was asked for").doesNotContainAnyElementsOf(handoffThreads);
        for (long ticket : tickets()) {
            if (asksForAPerson(SLACK_THREADS + (int) (ticket - FIRST_TICKET))) {
                assertThat(zendesk.tags(ticket)).as("ticket %s handed to the desk", ticket).contains("ai_escalated");
            }
        }
        List<ClusterDatabase.Charge> charges = database.charges();
        assertThat(charges.stream().map(c -> c.channel() + " " + c.threadKey()))
                .as("each answered conversation charged exactly once, nothing else charged")
                .containsExactlyInAnyOrderElementsOf(concat(
                        answeredThreads.stream().map(t -> "slack " + t).toList(),
                        answeredTickets.stream().map(t -> "zendesk " + t).toList()));

        ClusterDatabase.Ledger ledger = database.ledger();
        assertThat(ledger.balance()).as("account balance = the ledger's sum").isEqualTo(ledger.sumOfBalanceChanges());
        assertThat(ledger.held()).as("account held = the ledger's sum").isEqualTo(ledger.sumOfHeldChanges()).isZero();
        assertThat(ledger.conversationsWithCoinsStillHeld()).as("every hold charged or released").isZero();
        assertThat(ledger.balance()).as("balance = top-up - charges").isEqualTo(TOP_UP - ledger.charged());
        assertThat(ledger.toppedUp()).isEqualTo(TOP_UP);

        Map<String, Long> events = database.eventsByStatus();
        assertThat(events).as("no event dead-lettered, none left behind").containsOnlyKeys("done");

        // The digest job ran on both instances' schedulers: each period queued and posted once. A run this short may
        // have seen a single 20-second period, or the killed instance may have held the job, so wait for a second one.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(digestDeliveries(two.api())).as("digest periods").hasSizeGreaterThanOrEqualTo(2));
        List<JsonNode> deliveries = digestDeliveries(two.api());
        List<String> periods = deliveries.stream().map(d -> d.path("periodKey").asText()).toList();
        assertThat(periods).as("digest periods").doesNotHaveDuplicates();
        long sent = deliveries.stream().filter(d -> d.path("status").asText().equals("sent")).count();
        long claimed = deliveries.stream().filter(d -> d.path("status").asText().matches("sent|sending")).count();
        assertThat((long) slack.calls("chat.postMessage").stream().filter(c -> DIGEST_CHANNEL.equals(c.form().get("channel")))
                .toList().size()).as("digest posts").isBetween(sent, claimed);

        Map<String, Long> reasons = charges.stream().collect(Collectors.groupingBy(ClusterDatabase.Charge::reason,
                TreeMap::new, Collectors.counting()));
        System.out.printf("ClusterIT: %d deliveries (%d sent again after a failed send); %d Slack threads (%d answered),"
                        + " %d Zendesk tickets (%d answered, %d solved); %d events, %d of them attempted more than once;"
                        + " conversations %s; %d charges %s, %d coins; %d digest periods (%d sent)%n",
                burst.size(), balancer.resent(), SLACK_THREADS, answeredThreads.size(), TICKETS, answeredTickets.size(),
                solved.size(), events.values().stream().mapToLong(Long::longValue).sum(),
                database.eventsAttemptedMoreThanOnce(), database.conversationOutcomes(), charges.size(), reasons, ledger.charged(), periods.size(), sent);
    }

    /** One delivery of the burst: to which instance it goes first, and its request, signed afresh per send. */
    private record Delivery(String subject, int instance, Function<HubProcess, HttpRequest> request) {
    }

    /**
     * Slack mentions (each a new thread, spread over {@value #SLACK_CHANNELS} channels) and Zendesk tickets, alternating
     * between the instances; every fourth Slack event and every second Zendesk invocation is redelivered a few slots
     * later to the other instance, and every fourth ticket's comment fires a second trigger (a new invocation).
     */
    private static List<Delivery> burst(FakeZendeskApi zendesk) {
        TreeMap<Integer, List<Delivery>> slots = new TreeMap<>();
        for (int slot = 0; slot < SLACK_THREADS + TICKETS; slot++) {
            if (slot % 4 == 3) {
                addTicket(slots, slot, zendesk, slot / 4);
            } else {
                addSlackEvent(slots, slot, slot - slot / 4);
            }
        }
        return slots.values().stream().flatMap(List::stream).toList();
    }

    private static void addSlackEvent(TreeMap<Integer, List<Delivery>> slots, int slot, int i) {
        String eventId = "Ev0CLUSTER" + String.format("%04d", i);
        String body = SlackEvents.appMention(eventId, channel(i), threadTs(i), question(i));
        int instance = slot % 2;
        add(slots, slot, new Delivery("slack " + eventId, instance, hub -> slackEvent(hub, body, false)));
        if (i % 4 == 0) {
            add(slots, slot + 5, new Delivery("slack redelivery " + eventId, 1 - instance,
                    hub -> slackEvent(hub, body, true)));
        }
    }

    private static void addTicket(TreeMap<Integer, List<Delivery>> slots, int slot, FakeZendeskApi zendesk, int j) {
        long ticket = FIRST_TICKET + j;
        String question = question(SLACK_THREADS + j);
        zendesk.addTicket(ticket, REQUESTER, question, question);
        int instance = slot % 2;
        String invocation = "cluster-new-" + ticket;
        add(slots, slot, new Delivery("zendesk " + invocation, instance, zendeskWebhook(ticket, invocation)));
        if (j % 2 == 0) {
            add(slots, slot + 5, new Delivery("zendesk redelivery " + invocation, 1 - instance,
                    zendeskWebhook(ticket, invocation)));
        }
        if (j % 4 == 1) {
            String second = "cluster-updated-" + ticket;
            add(slots, slot + 3, new Delivery("zendesk " + second, 1 - instance, zendeskWebhook(ticket, second)));
        }
    }

    private static void add(TreeMap<Integer, List<Delivery>> slots, int slot, Delivery delivery) {
        slots.computeIfAbsent(slot, s -> new ArrayList<>()).add(delivery);
    }

    private static HttpRequest slackEvent(HubProcess hub, String body, boolean redelivery) {
        HttpRequest signed = SlackEvents.signed(URI.create("http://127.0.0.1:" + hub.port() + "/slack/events"),
                SLACK_SECRET, body);
        if (!redelivery) {
            return signed;
        }
        return HttpRequest.newBuilder(signed, (name, value) -> true)
                .header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout").build();
    }

    private static Function<HubProcess, HttpRequest> zendeskWebhook(long ticket, String invocation) {
        return hub -> ZendeskEvents.signed(URI.create("http://127.0.0.1:" + hub.port() + "/zendesk/webhook/default"),
                ZENDESK_SECRET, invocation, ZendeskEvents.ticketUpdated(ticket));
    }

    /** Tenant {@code default}: Slack and Zendesk connected, coins, prices, and a digest every 20 seconds. */
    private static void configure(ApiClient api, FakeZendeskApi zendesk) {
        zendesk.addUser(REQUESTER, "Jane Customer", "jane@example.com", "end-user");
        zendesk.addUser(BOT_USER, "Acme Assistant", "assistant@acme.example", "agent");
        assertThat(api.putJson("/api/v1/tenants/default/channels/slack?verify=false",
                "{\"teamId\":\"T0HUBTEST\",\"botToken\":\"xoxb-cluster-test\"}").statusCode()).isBetween(200, 204);
        assertThat(api.putJson("/api/v1/tenants/default/channels/zendesk?verify=false",
                "{\"url\":\"" + zendesk.url() + "\",\"email\":\"bot@acme.example\",\"apiToken\":\"zd-token\","
                        + "\"webhookSecret\":\"" + ZENDESK_SECRET + "\",\"botUserId\":\"" + BOT_USER + "\"}")
                .statusCode()).isBetween(200, 204);
        assertThat(api.putJson("/api/v1/tenants/default/pricing",
                "{\"baseCoins\":7,\"coinsPerExtraAnswer\":2,\"maxCoins\":20,\"lowBalanceCoins\":50}").statusCode())
                .isBetween(200, 204);
        assertThat(api.postJson("/api/v1/tenants/default/topups",
                "{\"coins\":" + TOP_UP + ",\"reference\":\"cluster-test\"}").statusCode()).isBetween(200, 201);
        assertThat(api.putJson("/api/v1/tenants/default/digest", "{\"schedule\":\"*/20 * * * * *\",\"channel\":\"slack\","
                + "\"target\":\"" + DIGEST_CHANNEL + "\",\"timeZone\":\"UTC\"}").statusCode()).isBetween(200, 204);
    }

    /**
     * Every text differs: the load benchmark's 24 help-center questions (some answered, some met with a clarifying
     * question), and every tenth a request for a person (a hand-off).
     */
    private static String question(int i) {
        return i % 10 == 5 ? "can I talk to a human about my invoice? (ref " + (20_000 + i) + ")"
                : SlackLoadBenchmark.text(17 * (i % 24) + i % 17);
    }

    private static boolean asksForAPerson(int i) {
        return i % 10 == 5;
    }

    private static List<String> threads() {
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < SLACK_THREADS; i++) {
            threads.add(channel(i) + ":" + threadTs(i));
        }
        return threads;
    }

    private static List<Long> tickets() {
        return LongStream.range(FIRST_TICKET, FIRST_TICKET + TICKETS).boxed().toList();
    }

    private static String channel(int i) {
        return "C0CLUSTER" + (i % SLACK_CHANNELS);
    }

    private static String threadTs(int i) {
        return (1_700_100_000L + i) + ".000100";
    }

    /** A reply's conversation as the hub keys it: {@code channel:thread_ts}. */
    private static String threadOf(FakeSlackWebApi.Call call) {
        return call.form().get("channel") + ":" + call.form().get("thread_ts");
    }

    private static List<String> unansweredThreads(FakeSlackWebApi slack) {
        List<String> replied = slack.calls("chat.postMessage").stream().map(ClusterIT::threadOf).toList();
        return threads().stream().filter(t -> !replied.contains(t)).toList();
    }

    private static List<Long> unansweredTickets(FakeZendeskApi zendesk) {
        return tickets().stream().filter(t -> publicBotComments(zendesk, t).isEmpty()).toList();
    }

    /** An answer carries the "That solved it" button; a hand-off or a clarifying question does not. */
    private static boolean isAnswer(FakeSlackWebApi slack, String thread) {
        return slack.calls("chat.postMessage").stream().filter(c -> thread.equals(threadOf(c)))
                .anyMatch(c -> String.valueOf(c.form().get("blocks")).contains("hub_resolved"));
    }

    private static boolean isAnswer(JsonNode comment) {
        return comment.path("public").asBoolean() && comment.path("body").asText().contains(ZENDESK_ANSWER_FOOTER);
    }

    private static List<JsonNode> botComments(FakeZendeskApi zendesk, long ticket) {
        return zendesk.comments(ticket).stream().filter(c -> c.path("author_id").asLong() == BOT_USER).toList();
    }

    private static List<JsonNode> publicBotComments(FakeZendeskApi zendesk, long ticket) {
        return botComments(zendesk, ticket).stream().filter(c -> c.path("public").asBoolean()).toList();
    }

    private static List<JsonNode> digestDeliveries(ApiClient api) {
        try {
            JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(api.get("/api/v1/tenants/default/digest/deliveries").body());
            List<JsonNode> deliveries = new ArrayList<>();
            list.forEach(deliveries::add);
            return deliveries.stream().filter(d -> d.path("periodKey").asText().startsWith("scheduled:")).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allSourcesReady(ApiClient api) {
        String body = api.get("/api/v1/tenants/default/sources").body();
        return body.contains("\"status\":\"ready\"") && !body.contains("\"pending\"") && !body.contains("\"indexing\"");
    }

    private static String newMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
