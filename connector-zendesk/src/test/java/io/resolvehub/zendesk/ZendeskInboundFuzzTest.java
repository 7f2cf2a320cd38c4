package io.resolvehub.zendesk;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundRequest;
import io.resolvehub.core.testing.InMemoryChannelAccounts;
import io.resolvehub.core.testing.InboundFuzzContract;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.resolvehub.zendesk.ZendeskFixtures.REQUESTER;
import static io.resolvehub.zendesk.ZendeskFixtures.WEBHOOK_SECRET;

/** {@code POST /zendesk/webhook/{tenant}} fuzzed: ticket events, mostly signed with the tenant's webhook secret. */
class ZendeskInboundFuzzTest extends InboundFuzzContract {

    private static final FakeZendeskApi zendesk = new FakeZendeskApi();
    private static final ZendeskClients clients = new ZendeskClients(Duration.ofSeconds(5));
    private static final AtomicLong invocations = new AtomicLong();

    @AfterAll
    static void stop() {
        clients.close();
        zendesk.close();
    }

    @Override
    protected String surface() {
        return "zendesk-webhook";
    }

    @Override
    protected InboundEndpoint<?> endpoint() {
        ZendeskFixtures.people(zendesk);
        zendesk.addTicket(35436, REQUESTER, "Password reset", "How do I reset my password? The link does nothing.");
        InMemoryChannelAccounts accounts = new InMemoryChannelAccounts();
        accounts.save(new TenantId("acme"), ChannelType.ZENDESK, null, ZendeskFixtures.settings(zendesk));
        return new ZendeskWebhook(accounts, new ZendeskInvocations(JdbcClient.create(
                TestDatabase.H2.freshDataSource("classpath:db/migration/zendesk"))), ZendeskProperties.defaults(),
                Clock.systemUTC());
    }

    @Override
    protected List<String> seeds() {
        return List.of(ZendeskFixtures.body(35436));
    }

    @Override
    protected InboundRequest request(byte[] body, boolean signed) {
        String timestamp = Instant.now().toString();
        Map<String, String> headers = Map.of(ZendeskWebhook.TIMESTAMP, timestamp,
                ZendeskWebhook.SIGNATURE, ZendeskWebhookSignature.sign(signed ? WEBHOOK_SECRET : "wrong", timestamp, body),
                ZendeskWebhook.INVOCATION_ID, "fuzz-" + invocations.incrementAndGet());
        return new InboundRequest("acme", name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null), body);
    }

    @Override
    protected InboundRequest authentic() {
        long ticket = 99_000;
        zendesk.addTicket(ticket, REQUESTER, "Export", "How do I export my notes?");
        return request(ZendeskFixtures.body(ticket).getBytes(StandardCharsets.UTF_8), true);
    }
}
