package io.resolvehub.teams;

import io.resolvehub.core.ConversationId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Teams through the real conversation pipeline of connector-core: authenticated activities in, the durable intake and
 * workers, the connector's replies out to the fake Bot Connector.
 */
class TeamsPipelineEndToEndTest {

    private static final String PERSONAL_CHAT = "a:1xB5xbvpYbH9nLUHVEjUVGwvuR0Tg3fN6GS8Pc7P1eS8KjqtR2jtcYA6ZsQJvBX9qxhQfuVCyLtuXxKkd3NtAQDl8n7kFL6xMVxL2VBJQwa5YBCJDmH5AkwQ";
    private static final String CHANNEL_THREAD = "19:d4b1f0c2e8a54b3e9f6a7c8d9e0f1a2b@thread.tacv2;messageid=1764411500123";

    private static TeamsPipelineHub hub;
    private static FakeBotFramework bf;

    @BeforeAll
    static void start() {
        hub = new TeamsPipelineHub(TestDatabase.H2);
        bf = hub.botFramework;
        bf.reset();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void aPersonalMessageIsAnsweredOnceWithTheCardAndTheResolveButtonResolvesIt() {
        String chat = PERSONAL_CHAT.replace("a:1xB5", "a:1RES0");
        String message = TeamsHub.activity("personal_message", bf).replace(PERSONAL_CHAT, chat);
        int questionsBefore = hub.agent.requests().size();

        assertThat(hub.post(message).statusCode()).isEqualTo(200);
        assertThat(hub.post(message).statusCode()).as("a redelivery").isEqualTo(200);

        FakeBotFramework.ConnectorCall answer = awaitPosts(chat + "/activities/1764411303659", 1).getFirst();
        assertThat(answer.body()).contains("open **Settings**", "[Resetting your password](https://help.example.com/reset)",
                "{\"hubAction\":\"resolved\"}", "{\"hubAction\":\"handoff\"}");
        assertThat(answer.authorization()).startsWith("Bearer fake-outbound-token-");

        String click = TeamsHub.activity("card_submit", bf).replace(PERSONAL_CHAT, chat).replace("${hubAction}", "resolved");
        assertThat(hub.post(click).statusCode()).isEqualTo(200);

        FakeBotFramework.ConnectorCall confirmation = awaitPosts(chat + "/activities/1764411401284", 1).getFirst();
        assertThat(confirmation.body()).contains("Marked as solved");
        await().atMost(Duration.ofSeconds(20)).until(() -> "resolved".equals(hub.status(chat)));
        assertThat(hub.agent.requests().size() - questionsBefore).as("one engine call, the redelivery included").isEqualTo(1);
        assertThat(hub.agent.requests().getLast().question()).isEqualTo("How do I reset my password?");
    }

    @Test
    void askingForAPersonInAChannelOpensAnInboxTicketAnnouncedInTheReplyChainAndTheEscalationChannel() {
        String mention = TeamsHub.activity("channel_mention", bf)
                .replace("how do I export my notes to PDF?", "I want to talk to a human please");

        assertThat(hub.post(mention).statusCode()).isEqualTo(200);

        FakeBotFramework.ConnectorCall notice = awaitPosts(CHANNEL_THREAD + "/activities/1764411500123", 1).getFirst();
        assertThat(notice.body()).contains("a person", "#HUB-");
        String escalations = "/amer/v3/conversations/" + TeamsPipelineHub.ESCALATION + "/activities";
        await().atMost(Duration.ofSeconds(20)).until(() -> bf.posts(escalations).stream().anyMatch(p -> p.body().contains("Morgan Lee")));
        assertThat(bf.posts(escalations).stream().filter(p -> p.body().contains("Morgan Lee")).toList()).singleElement()
                .satisfies(escalation -> assertThat(escalation.body()).contains("user_request", "#HUB-",
                        "https://teams.microsoft.com/l/message/19%3Ad4b1f0c2e8a54b3e9f6a7c8d9e0f1a2b%40thread.tacv2/1764411500123"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "escalated".equals(hub.status(CHANNEL_THREAD)));
    }

    /**
     * The inbox desk's reply to a Teams hand-off goes to the customer's own reply chain (not a new thread, not the
     * escalation channel), says who on the support team wrote it, and carries no AI feedback buttons.
     */
    @Test
    void aPersonsReplyFromTheInboxGoesToTheCustomersReplyChainMarkedAsAPersons() {
        String root = "1764411600777";
        String thread = CHANNEL_THREAD.replace("1764411500123", root);
        String mention = TeamsHub.activity("channel_mention", bf).replace("1764411500123", root)
                .replace("how do I export my notes to PDF?", "I want to talk to a human please");
        assertThat(hub.post(mention).statusCode()).isEqualTo(200);
        String chain = thread + "/activities/" + root;
        assertThat(awaitPosts(chain, 1).getFirst().body()).contains("#HUB-");
        await().atMost(Duration.ofSeconds(20)).until(() -> "escalated".equals(hub.status(thread)));
        String id = hub.jdbc().sql("select id from conversations where thread_key = ?").param(thread)
                .query(String.class).single();

        hub.desk().reply(TeamsHub.TENANT, new ConversationId(id), "Jordan", "I have exported your notes to PDF for you.");

        List<FakeBotFramework.ConnectorCall> inChain = awaitPosts(chain, 2);
        assertThat(inChain).as("the hand-off notice, then the person's reply, both in the customer's reply chain").hasSize(2);
        assertThat(inChain.getLast().body()).contains("Jordan (support team): I have exported your notes to PDF for you.")
                .doesNotContain("hubAction");
        assertThat(bf.posts("/amer/v3/conversations/" + TeamsPipelineHub.ESCALATION).stream()
                .filter(p -> p.body().contains("exported your notes"))).as("not posted to the escalation channel").isEmpty();
        assertThat(hub.jdbc().sql("select count(*) from conversation_turns t where t.conversation_id = ? and t.role = 'human' and t.delivered_at is not null")
                .param(id).query(Integer.class).single()).as("kept in the transcript as a person's turn, delivered").isEqualTo(1);
    }

    @Test
    void theHandoffButtonOpensAZendeskTicketForTheRequesterWithTheTranscript() {
        hub.zendesk.connect(true);
        try {
            String chat = PERSONAL_CHAT.replace("a:1xB5", "a:1ZEN0");
            assertThat(hub.post(TeamsHub.activity("personal_message", bf).replace(PERSONAL_CHAT, chat)).statusCode()).isEqualTo(200);
            awaitPosts(chat + "/activities/1764411303659", 1);

            String click = TeamsHub.activity("card_submit", bf).replace(PERSONAL_CHAT, chat).replace("${hubAction}", "handoff");
            assertThat(hub.post(click).statusCode()).isEqualTo(200);

            FakeBotFramework.ConnectorCall notice = awaitPosts(chat + "/activities/1764411401284", 1).getFirst();
            assertThat(notice.body()).contains("#1234");
            assertThat(hub.zendesk.tickets()).singleElement().satisfies(ticket -> {
                assertThat(ticket.ref().user().email()).isEqualTo("casey@example.com");
                assertThat(ticket.turns()).extracting(t -> t.text()).contains("How do I reset my password?");
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> "escalated".equals(hub.status(chat)));
        } finally {
            hub.zendesk.connect(false);
        }
    }

    /** Bot Connector POSTs to {@code /amer/v3/conversations/<suffix>}, once there are {@code count} of them. */
    private static List<FakeBotFramework.ConnectorCall> awaitPosts(String suffix, int count) {
        String path = "/amer/v3/conversations/" + suffix;
        await().atMost(Duration.ofSeconds(20)).until(() -> bf.posts(path).stream().filter(p -> p.path().equals(path)).count() >= count);
        return bf.posts(path).stream().filter(p -> p.path().equals(path)).toList();
    }
}
