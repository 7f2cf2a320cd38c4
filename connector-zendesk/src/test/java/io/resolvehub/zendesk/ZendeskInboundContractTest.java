package io.resolvehub.zendesk;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundRequest;
import io.resolvehub.core.testing.InMemoryChannelAccounts;
import io.resolvehub.core.testing.InboundEndpointContract;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static io.resolvehub.zendesk.ZendeskFixtures.REQUESTER;
import static io.resolvehub.zendesk.ZendeskFixtures.WEBHOOK_SECRET;

/** Core's inbound contract for {@code POST /zendesk/webhook/{tenant}}: signed invocations against a fake Zendesk API. */
class ZendeskInboundContractTest extends InboundEndpointContract {

    private static final TenantId ACME = new TenantId("acme");
    private static final FakeZendeskApi zendesk = new FakeZendeskApi();
    private static final ZendeskClients clients = new ZendeskClients(Duration.ofSeconds(5));
    private static final JdbcClient jdbc = JdbcClient.create(TestDatabase.H2.freshDataSource("classpath:db/migration/zendesk"));
    private static final AtomicLong ids = new AtomicLong(5000);
    private static final ChannelConnector connector = new ZendeskConnectorFactory(clients, new ZendeskMessageRenderer(),
            Clock.systemUTC()).create(ACME, ZendeskFixtures.settings(zendesk));

    @AfterAll
    static void stop() {
        clients.close();
        zendesk.close();
    }

    @Override
    protected InboundEndpoint<?> endpoint() {
        ZendeskFixtures.people(zendesk);
        InMemoryChannelAccounts accounts = new InMemoryChannelAccounts();
        accounts.save(ACME, ChannelType.ZENDESK, null, ZendeskFixtures.settings(zendesk));
        return new ZendeskWebhook(accounts, new ZendeskInvocations(jdbc), ZendeskProperties.defaults(),
                Clock.systemUTC());
    }

    /** The webhook stores a change notice; the worker reads the ticket through the tenant's connector. */
    @Override
    protected Optional<InboundMessage> read(InboundMessage stored) {
        return stored.kind() == InboundKind.CHANGED ? connector.readChange(stored) : Optional.of(stored);
    }

    @Override
    protected ChannelType channel() {
        return ChannelType.ZENDESK;
    }

    @Override
    protected TenantId tenant() {
        return ACME;
    }

    private static long newTicket() {
        long id = ids.incrementAndGet();
        zendesk.addTicket(id, REQUESTER, "Password reset", "How do I reset my password? The link does nothing.");
        return id;
    }

    private static InboundRequest post(String tenant, String body, String secret) {
        Map<String, String> headers = ZendeskFixtures.signedHeaders(secret, body, "inv-" + ids.incrementAndGet(), Instant.now());
        return new InboundRequest(tenant, name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected InboundRequest authenticMessage() {
        return post("acme", ZendeskFixtures.body(newTicket()), WEBHOOK_SECRET);
    }

    @Override
    protected InboundRequest authenticMessageSaying(String question) {
        long id = ids.incrementAndGet();
        zendesk.addTicket(id, REQUESTER, "", question);
        return post("acme", ZendeskFixtures.body(id), WEBHOOK_SECRET);
    }

    @Override
    protected InboundRequest forgedMessage() {
        return post("acme", ZendeskFixtures.body(newTicket()), "not-the-secret");
    }

    @Override
    protected InboundRequest signedGarbage() {
        return post("acme", "{\"event\":\"ticket.updated\"}", WEBHOOK_SECRET);
    }

    @Override
    protected InboundRequest messageFromAnUnconnectedAccount() {
        return post("globex", ZendeskFixtures.body(newTicket()), WEBHOOK_SECRET);
    }

    @Override
    protected InboundRequest deliveryNotForTheHub() {
        long ticket = newTicket();
        zendesk.addComment(ticket, ZendeskFixtures.BOT_USER, "Open Settings > Security.", true);
        return post("acme", ZendeskFixtures.body(ticket), WEBHOOK_SECRET);
    }
}
