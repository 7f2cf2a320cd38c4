package io.resolvehub.zendesk;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.testing.PlatformConnectorContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The delivery contract every channel passes and the platform part, run against the Zendesk connector and the fake Zendesk API. */
class ZendeskConnectorContractTest extends PlatformConnectorContract {

    private static final long TICKET = 35436L;
    private static final FakeZendeskApi zendesk = new FakeZendeskApi();
    private static final ZendeskClients clients = new ZendeskClients(Duration.ofSeconds(5));
    private final ZendeskConnectorFactory factory = new ZendeskConnectorFactory(clients, new ZendeskMessageRenderer(),
            java.time.Clock.systemUTC());

    @BeforeEach
    void freshTicket() {
        ZendeskFixtures.people(zendesk);
        zendesk.addTicket(TICKET, ZendeskFixtures.REQUESTER, "Password reset", "How do I reset my password?");
        zendesk.forgetCalls();
    }

    @AfterAll
    static void stopZendesk() {
        clients.close();
        zendesk.close();
    }

    @Override
    protected ChannelConnectorFactory factory() {
        return factory;
    }

    @Override
    protected ChannelSettings validSettings() {
        return ZendeskFixtures.settings(zendesk);
    }

    /** As the webhook stores a requester's comment: the ticket id is the thread key and in the reply context. */
    @Override
    protected ConversationRef conversation() {
        return new ConversationRef(new ConversationId("conv-contract"), new TenantId("acme"), ChannelType.ZENDESK,
                Long.toString(TICKET), new UserRef(Long.toString(ZendeskFixtures.REQUESTER), "Jane Customer", "jane@example.com"),
                Map.of(ZendeskReplyContext.TICKET_ID, Long.toString(TICKET)));
    }

    /** What the requester sees: the bodies of public comments the hub wrote. */
    @Override
    protected List<String> platformPosts() {
        return zendesk.calls().stream().filter(c -> c.method().equals("PUT") && c.ticket() != null)
                .map(c -> c.ticket().path("comment"))
                .filter(comment -> comment.path("public").asBoolean(true) && comment.has("body"))
                .map(comment -> comment.path("body").asText())
                .toList();
    }

    @Override
    protected void platformRateLimitsNextCall(Duration retryAfter) {
        zendesk.scriptNext(429, Map.of("Retry-After", Long.toString(retryAfter.toSeconds())),
                FakeZendeskApi.sample("api/error_rate_limited.json"));
    }

    @Override
    protected void platformRejectsNextCallAsUnauthorized() {
        zendesk.scriptNext(401, Map.of(), FakeZendeskApi.sample("api/error_unauthorized.json"));
    }

    @Override
    protected List<String> feedbackControlMarkers() {
        return List.of("that solved it", "talk to a human");
    }

    @Override
    protected boolean isItsOwnTicketSystem() {
        return true;
    }

    @Override
    protected boolean confirmsResolutionInPlace() {
        return false;
    }

    @Override
    protected boolean findsPartsAnInterruptedAttemptPosted() {
        return true;
    }
}
