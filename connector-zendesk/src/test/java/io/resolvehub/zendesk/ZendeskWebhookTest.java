package io.resolvehub.zendesk;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.inbound.InboundDoor;
import io.resolvehub.core.inbound.InboundRequest;
import io.resolvehub.core.inbound.InboundResponse;
import io.resolvehub.core.testing.InMemoryChannelAccounts;
import io.resolvehub.core.testing.RecordingIntake;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.resolvehub.zendesk.ZendeskFixtures.HUMAN_AGENT;
import static io.resolvehub.zendesk.ZendeskFixtures.REQUESTER;
import static io.resolvehub.zendesk.ZendeskFixtures.WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook against the fake Zendesk API through the real client, with the invocation table on H2: it stores a change
 * notice for the ticket without calling Zendesk, and the worker's read of the notice through the tenant's connector
 * turns the ticket's state into what it asks of the hub.
 */
class ZendeskWebhookTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final FakeZendeskApi zendesk = new FakeZendeskApi();
    private static final ZendeskClients clients = new ZendeskClients(Duration.ofSeconds(5));
    private static final AtomicLong ticketIds = new AtomicLong(1000);

    private final InMemoryChannelAccounts accounts = new InMemoryChannelAccounts();
    private final RecordingIntake intake = new RecordingIntake();
    private static final JdbcClient jdbc = JdbcClient.create(TestDatabase.H2.freshDataSource("classpath:db/migration/zendesk"));
    private final InboundDoor<ZendeskWebhook.Delivery> webhook = new InboundDoor<>(new ZendeskWebhook(accounts,
            new ZendeskInvocations(jdbc), ZendeskProperties.defaults(), Clock.systemUTC()), intake);
    private final ZendeskConnectorFactory connectors = new ZendeskConnectorFactory(clients, new ZendeskMessageRenderer(),
            Clock.systemUTC());

    @BeforeEach
    void setUp() {
        ZendeskFixtures.people(zendesk);
        accounts.save(ACME, ChannelType.ZENDESK, null, ZendeskFixtures.settings(zendesk));
    }

    @AfterAll
    static void stop() {
        clients.close();
        zendesk.close();
    }

    private long newTicket() {
        long id = ticketIds.incrementAndGet();
        zendesk.addTicket(id, REQUESTER, "Password reset", "How do I reset my password? The link does nothing.");
        return id;
    }

    private InboundResponse deliver(long ticketId, String invocationId) {
        return deliver(ZendeskFixtures.body(ticketId), ZendeskFixtures.signedHeaders(WEBHOOK_SECRET,
                ZendeskFixtures.body(ticketId), invocationId, Instant.now()));
    }

    private InboundResponse deliver(String body, Map<String, String> headers) {
        return InboundResponse.of(webhook.receive(new InboundRequest("acme", name -> headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null),
                body.getBytes(StandardCharsets.UTF_8))));
    }

    /** What the pipeline's worker takes in after the acknowledgements: each stored notice, read through its tenant's connector. */
    private RecordingIntake read() {
        RecordingIntake taken = new RecordingIntake();
        for (InboundMessage notice : intake.accepted()) {
            assertThat(notice.kind()).isEqualTo(InboundKind.CHANGED);
            connectors.create(notice.tenant(), ZendeskFixtures.settings(zendesk)).readChange(notice).ifPresent(taken::accept);
        }
        return taken;
    }

    private static long invocationsStored(String invocationId) {
        return jdbc.sql("select count(*) from zendesk_webhook_invocations where invocation_id = ?").param(invocationId)
                .query(Long.class).single();
    }

    @Test
    void theWebhookStoresANoticeOfItsTicketWithoutCallingZendeskBeforeItAcknowledges() {
        long ticket = newTicket();
        zendesk.forgetCalls();

        InboundResponse response = deliver(ticket, "inv-notice");

        assertThat(response.status()).isEqualTo(200);
        assertThat(zendesk.calls()).as("Zendesk is read by the worker, after the acknowledgement").isEmpty();
        assertThat(intake.accepted()).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(InboundKind.CHANGED);
            assertThat(notice.threadKey()).isEqualTo(Long.toString(ticket));
            assertThat(notice.platformEventId()).isEqualTo("acme/ticket/" + ticket + "/webhook/inv-notice");
            assertThat(notice.replyContext()).containsEntry(ZendeskReplyContext.TICKET_ID, Long.toString(ticket));
        });
        assertThat(invocationsStored("inv-notice")).isEqualTo(1);
    }

    @Test
    void aNewTicketBecomesOneMessageForTheHubWithItsSubjectAndDescription() {
        long ticket = newTicket();

        InboundResponse response = deliver(ticket, "inv-new-1");

        assertThat(response.status()).isEqualTo(200);
        RecordingIntake taken = read();
        InboundMessage message = taken.accepted().getFirst();
        assertThat(taken.accepted()).hasSize(1);
        assertThat(message.kind()).isEqualTo(InboundKind.MESSAGE);
        assertThat(message.channel()).isEqualTo(ChannelType.ZENDESK);
        assertThat(message.threadKey()).isEqualTo(Long.toString(ticket));
        assertThat(message.text()).startsWith("Password reset").contains("How do I reset my password?");
        assertThat(message.user().email()).isEqualTo("jane@example.com");
        assertThat(message.replyContext()).containsEntry(ZendeskReplyContext.TICKET_ID, Long.toString(ticket));
    }

    @Test
    void aBadSignatureGets401AndNothingIsStoredOrRead() {
        long ticket = newTicket();
        zendesk.forgetCalls();
        Map<String, String> headers = ZendeskFixtures.signedHeaders("another-secret", ZendeskFixtures.body(ticket),
                "inv-forged", Instant.now());

        InboundResponse response = deliver(ZendeskFixtures.body(ticket), headers);

        assertThat(response.status()).isEqualTo(401);
        assertThat(intake.accepted()).isEmpty();
        assertThat(invocationsStored("inv-forged")).isZero();
        assertThat(zendesk.calls()).as("not even the ticket is read").isEmpty();
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffGets401AndNothingIsStored() {
        long ticket = newTicket();
        Map<String, String> stale = ZendeskFixtures.signedHeaders(WEBHOOK_SECRET, ZendeskFixtures.body(ticket),
                "inv-stale", Instant.now().minus(Duration.ofMinutes(6)));

        assertThat(deliver(ZendeskFixtures.body(ticket), stale).status()).isEqualTo(401);
        assertThat(intake.accepted()).isEmpty();
        assertThat(invocationsStored("inv-stale")).isZero();
    }

    @Test
    void aTamperedBodyGets401() {
        long ticket = newTicket();
        Map<String, String> headers = ZendeskFixtures.signedHeaders(WEBHOOK_SECRET, ZendeskFixtures.body(ticket),
                "inv-tampered", Instant.now());

        assertThat(deliver(ZendeskFixtures.body(ticket + 1), headers).status()).isEqualTo(401);
        assertThat(intake.accepted()).isEmpty();
    }

    @Test
    void aTenantWithoutZendeskGets401() {
        accounts.clear();
        long ticket = newTicket();

        assertThat(deliver(ticket, "inv-nobody").status()).isEqualTo(401);
        assertThat(intake.accepted()).isEmpty();
    }

    @Test
    void aRedeliveryIsHandledOnceWithoutReadingTheTicketAgain() {
        long ticket = newTicket();
        assertThat(deliver(ticket, "inv-redelivered").status()).isEqualTo(200);
        zendesk.forgetCalls();

        InboundResponse again = deliver(ticket, "inv-redelivered");

        assertThat(again.status()).isEqualTo(200);
        assertThat(intake.accepted()).hasSize(1);
        assertThat(zendesk.calls()).isEmpty();
        assertThat(invocationsStored("inv-redelivered")).isEqualTo(1);
    }

    @Test
    void twoWebhooksAboutTheSameCommentMakeOneEvent() {
        long ticket = newTicket();

        deliver(ticket, "inv-created");
        deliver(ticket, "inv-updated");

        assertThat(intake.accepted()).as("two notices").hasSize(2);
        RecordingIntake taken = read();
        assertThat(taken.accepted()).hasSize(1);
        assertThat(taken.duplicates()).isEqualTo(1);
    }

    @Test
    void twoTenantsWhoseAccountsNumberTicketsAlikeEachGetTheirEvent() {
        long ticket = newTicket();
        accounts.save(new TenantId("globex"), ChannelType.ZENDESK, null, ZendeskFixtures.settings(zendesk));
        String body = ZendeskFixtures.body(ticket);

        deliver(ticket, "inv-acme");
        Map<String, String> headers = ZendeskFixtures.signedHeaders(WEBHOOK_SECRET, body, "inv-globex", Instant.now());
        webhook.receive(new InboundRequest("globex", headers::get, body.getBytes(StandardCharsets.UTF_8)));

        assertThat(read().accepted()).extracting(m -> m.tenant().value()).containsExactly("acme", "globex");
    }

    @Test
    void aTicketAHumanAgentRepliedToPubliclyIsNeverGivenToTheAi() {
        long ticket = newTicket();
        zendesk.addComment(ticket, HUMAN_AGENT, "Hi Jane, I'm looking into it.", true);
        zendesk.addComment(ticket, REQUESTER, "Thanks, any news?", true);

        assertThat(deliver(ticket, "inv-human").status()).isEqualTo(200);

        assertThat(read().accepted()).isEmpty();
    }

    @Test
    void anInternalNoteByAnAgentDoesNotTakeTheTicketFromTheAi() {
        long ticket = newTicket();
        zendesk.addComment(ticket, HUMAN_AGENT, "Internal: VIP customer", false);

        deliver(ticket, "inv-note");

        assertThat(read().accepted()).singleElement().extracting(InboundMessage::kind).isEqualTo(InboundKind.MESSAGE);
    }

    @Test
    void theRequestersReplyAfterTheAiAnswerIsTheNextMessage() {
        long ticket = newTicket();
        zendesk.addComment(ticket, ZendeskFixtures.BOT_USER, "Open Settings > Security.", true);
        long reply = zendesk.addComment(ticket, REQUESTER, "Where is Security?", true);

        deliver(ticket, "inv-reply");

        InboundMessage message = read().accepted().getFirst();
        assertThat(message.kind()).isEqualTo(InboundKind.MESSAGE);
        assertThat(message.text()).isEqualTo("Where is Security?");
        assertThat(message.platformEventId()).isEqualTo("acme/ticket/" + ticket + "/comment/" + reply);
    }

    @Test
    void theAiOwnCommentAsLatestAsksNothing() {
        long ticket = newTicket();
        zendesk.addComment(ticket, ZendeskFixtures.BOT_USER, "Open Settings > Security.", true);

        assertThat(deliver(ticket, "inv-own").status()).isEqualTo(200);
        assertThat(read().accepted()).isEmpty();
    }

    @Test
    void aHumanReplyOnATicketTheAiAnsweredHandsTheConversationToThatHuman() {
        long ticket = newTicket();
        zendesk.addComment(ticket, ZendeskFixtures.BOT_USER, "Open Settings > Security.", true);
        zendesk.addComment(ticket, HUMAN_AGENT, "Let me help you with that.", true);

        deliver(ticket, "inv-takeover");

        InboundMessage message = read().accepted().getFirst();
        assertThat(message.kind()).isEqualTo(InboundKind.HANDOFF_REQUEST);
        assertThat(message.replyContext()).containsEntry(ZendeskReplyContext.HUMAN_TOOK_OVER, "true");
    }

    @Test
    void aSolvedTicketTheAiAnsweredAloneIsClosedByThePlatform() {
        long ticket = newTicket();
        zendesk.addComment(ticket, ZendeskFixtures.BOT_USER, "Open Settings > Security.", true);
        zendesk.setStatus(ticket, "solved");

        deliver(ticket, "inv-solved");

        assertThat(read().accepted()).singleElement().extracting(InboundMessage::kind).isEqualTo(InboundKind.CLOSED_BY_PLATFORM);
    }

    @Test
    void aSolvedTicketTheAiNeverAnsweredIsNotTheHubsBusiness() {
        long ticket = newTicket();
        zendesk.setStatus(ticket, "solved");

        deliver(ticket, "inv-solved-untouched");

        assertThat(read().accepted()).isEmpty();
    }

    @Test
    void anEscalatedTicketIsLeftToTheHumans() {
        long ticket = newTicket();
        zendesk.addComment(ticket, ZendeskFixtures.BOT_USER, "Open Settings > Security.", true);
        zendesk.addComment(ticket, REQUESTER, "still broken", true);
        tag(ticket, ZendeskTags.AI_ESCALATED);

        deliver(ticket, "inv-escalated");

        assertThat(read().accepted()).isEmpty();
    }

    @Test
    void aHandoffTicketOpenedForAnotherChannelIsNeverAnswered() {
        long ticket = newTicket();
        tag(ticket, ZendeskTags.RESOLVEHUB);

        deliver(ticket, "inv-resolvehub");

        assertThat(read().accepted()).isEmpty();
    }

    @Test
    void whenTheIntakeCannotStoreTheAnswerIs5xxAndTheInvocationIsNotRemembered() {
        long ticket = newTicket();
        intake.failing(true);

        InboundResponse response = deliver(ticket, "inv-db-down");

        assertThat(response.status()).isEqualTo(503);
        assertThat(invocationsStored("inv-db-down")).isZero();
        intake.failing(false);
        assertThat(deliver(ticket, "inv-db-down").status()).as("Zendesk's retry").isEqualTo(200);
        assertThat(intake.accepted()).hasSize(1);
    }

    /** Zendesk's rate limit no longer reaches the webhook: the worker's read fails retriably and waits it out. */
    @Test
    void aRateLimitedTicketReadIsTheWorkersToRetryAfterTheLimitNotZendesks() {
        long ticket = newTicket();
        zendesk.scriptNext(429, Map.of("Retry-After", "12"), FakeZendeskApi.sample("api/error_rate_limited.json"));

        InboundResponse response = deliver(ticket, "inv-limited");

        assertThat(response.status()).isEqualTo(200);
        assertThat(invocationsStored("inv-limited")).isEqualTo(1);
        InboundMessage notice = intake.accepted().getFirst();
        ChannelConnector connector = connectors.create(ACME, ZendeskFixtures.settings(zendesk));
        assertThatThrownBy(() -> connector.readChange(notice)).isInstanceOfSatisfying(ChannelException.class, e -> {
            assertThat(e.retriable()).isTrue();
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        });
        assertThat(connector.readChange(notice)).as("read again after the limit")
                .hasValueSatisfying(m -> assertThat(m.kind()).isEqualTo(InboundKind.MESSAGE));
    }

    @Test
    void aBodyWithoutATicketIdIsABadRequest() {
        String body = "{\"event\":\"ticket.updated\"}";
        Map<String, String> headers = ZendeskFixtures.signedHeaders(WEBHOOK_SECRET, body, "inv-empty", Instant.now());

        assertThat(deliver(body, headers).status()).isEqualTo(400);
    }

    /** The security probe's lax input: a signed ticket event followed by garbage was acknowledged and stored. */
    @Test
    void aSignedBodyWithTrailingGarbageIsABadRequestAndNothingIsStored() {
        long ticket = newTicket();
        zendesk.forgetCalls();
        String body = ZendeskFixtures.body(ticket) + " trailing garbage";
        Map<String, String> headers = ZendeskFixtures.signedHeaders(WEBHOOK_SECRET, body, "inv-trailing", Instant.now());

        InboundResponse response = deliver(body, headers);

        assertThat(response.status()).isEqualTo(400);
        assertThat(intake.accepted()).isEmpty();
        assertThat(invocationsStored("inv-trailing")).isZero();
        assertThat(zendesk.calls()).isEmpty();
    }

    private void tag(long ticket, String tag) {
        // as an agent or another hub process would: through the API
        io.resolvehub.core.channel.ChannelSettings settings = ZendeskFixtures.settings(zendesk);
        ZendeskApi api = clients.forSettings(ZendeskSettings.of(settings));
        org.zendesk.client.v2.model.Ticket update = new org.zendesk.client.v2.model.Ticket();
        update.setId(ticket);
        update.setTags(ZendeskChannelConnector.withTag(zendesk.tags(ticket), tag));
        api.update(update);
    }
}
