package io.resolvehub.core.testing;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Citation;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.channel.ChannelConfigProperty;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.channel.ConversationView;
import io.resolvehub.core.channel.DeliveryReceipt;
import io.resolvehub.core.channel.HandoffRequest;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.channel.SentParts;
import io.resolvehub.core.channel.TicketDesk;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.channel.TranscriptTurn;
import io.resolvehub.core.channel.Verification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every {@link ChannelConnector} owes the pipeline, as an abstract JUnit 5 suite shipped in
 * connector-core's test-jar. A connector's test extends it, points the connector at its in-process fake of the
 * platform, and implements the hooks below; every {@code @Test} here then runs against the real connector.
 *
 * <p>The hooks, in the order a new connector needs them:
 * <ul>
 *   <li>{@link #factory()}: the connector's real factory, configured against the fake platform.</li>
 *   <li>{@link #validSettings()}: tenant settings that work against the fake platform.</li>
 *   <li>{@link #conversation()}: a conversation as the connector's own translator would produce it (thread key and
 *       reply context filled in), so {@code send} knows where to post.</li>
 *   <li>{@link #platformPosts()}: everything the fake platform received that a user would see (message bodies,
 *       blocks, cards, comments), each as raw text (JSON is fine), oldest first. The suite only looks for substrings.</li>
 *   <li>{@link #platformRateLimitsNextCall(Duration)}: the fake answers the next call with HTTP 429 and
 *       {@code Retry-After}.</li>
 *   <li>{@link #platformRejectsNextCallAsUnauthorized()}: the fake answers the next call like a revoked token.</li>
 *   <li>Optional: {@link #feedbackControlMarkers()} (how the resolve / hand-off controls appear in a post; default the
 *       Slack action ids), {@link #isItsOwnTicketSystem()} (true for Zendesk: the hand-off escalates the channel's
 *       own ticket instead of opening one at the desk) and {@link #confirmsResolutionInPlace()} (false for Zendesk,
 *       whose solved ticket is the confirmation).</li>
 * </ul>
 * Platform calls must not be retried inside the connector in a way that hides the 429 from the caller: the pipeline
 * retries {@link ChannelException#retriable()} failures itself, honouring {@link ChannelException#retryAfter()}.
 */
public abstract class ChannelConnectorContract {

    protected static final Citation CITATION = new Citation("src-1", "Resetting your password",
            "https://help.example.com/articles/reset-password", "Open Settings > Security and choose Reset password.");
    protected static final String ANSWER_TEXT = "Open Settings > Security and choose Reset password.";

    /** A desk that records what it was asked and hands out {@code HUB-42}. */
    protected final RecordingDesk desk = new RecordingDesk();
    private ChannelConnector connector;

    protected abstract ChannelConnectorFactory factory();

    protected abstract ChannelSettings validSettings();

    protected abstract ConversationRef conversation();

    protected abstract List<String> platformPosts();

    protected abstract void platformRateLimitsNextCall(Duration retryAfter);

    protected abstract void platformRejectsNextCallAsUnauthorized();

    /** Substrings by which the two feedback controls show in a rendered answer. */
    protected List<String> feedbackControlMarkers() {
        return List.of("hub_resolved", "hub_handoff");
    }

    /**
     * False when the platform itself shows the resolution (a solved Zendesk ticket), so confirming posts nothing;
     * otherwise the user sees in place that the conversation is marked solved.
     */
    protected boolean confirmsResolutionInPlace() {
        return true;
    }

    /** True when the channel is itself the ticket (Zendesk): its hand-off need not open a ticket at the desk. */
    protected boolean isItsOwnTicketSystem() {
        return false;
    }

    @BeforeEach
    void createConnector() {
        connector = factory().create(conversation().tenant(), validSettings());
    }

    @AfterEach
    void closeConnector() {
        connector.close();
    }

    protected ChannelConnector connector() {
        return connector;
    }

    @Test
    void describesItsSettingsWithUniqueNamesAndAtMostOneAccountKey() {
        List<ChannelConfigProperty> properties = factory().configProperties();
        assertThat(properties).isNotEmpty();
        Set<String> names = new HashSet<>();
        for (ChannelConfigProperty p : properties) {
            assertThat(names.add(p.name())).as("duplicate setting " + p.name()).isTrue();
            assertThat(p.label()).as("label of " + p.name()).isNotBlank();
        }
        assertThat(properties.stream().filter(ChannelConfigProperty::accountKey).count()).isLessThanOrEqualTo(1);
    }

    @Test
    void verifyNamesAMissingRequiredSetting() {
        ChannelConfigProperty required = factory().configProperties().stream().filter(ChannelConfigProperty::required)
                .findFirst().orElseThrow(() -> new AssertionError("a channel needs at least one required setting"));
        Map<String, String> values = new java.util.HashMap<>(validSettings().values());
        values.remove(required.name());

        Verification verification = factory().verify(new ChannelSettings(values));

        assertThat(verification.ok()).isFalse();
        assertThat(verification.detail()).contains(required.name());
    }

    @Test
    void createsAConnectorWithoutTalkingToThePlatform() {
        factory().create(conversation().tenant(), validSettings()).close();
        assertThat(platformPosts()).isEmpty();
    }

    @Test
    void sendsAnAnswerWithItsSourcesAndFeedbackControlsInPlace() {
        DeliveryReceipt receipt = connector.send(new OutboundMessage(conversation(),
                Answer.answer(ANSWER_TEXT, 0.9, List.of(CITATION)), true));

        assertThat(receipt).isNotNull();
        assertThat(platformPosts()).isNotEmpty();
        String post = String.join("\n", platformPosts());
        assertThat(post).contains("Reset password").contains(CITATION.title()).contains(CITATION.url());
        for (String marker : feedbackControlMarkers()) {
            assertThat(post).contains(marker);
        }
    }

    @Test
    void aReplyResumedAfterACrashPostsOnlyThePartsThatDidNotGoOut() {
        Answer longAnswer = Answer.answer(("Open the export page and choose the format you need for your data. "
                .repeat(40) + "\n\n").repeat(6), 0.9, List.of(CITATION));
        List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
        connector.send(new OutboundMessage(conversation(), longAnswer, true,
                SentParts.resuming(0, null, (count, id) -> recorded.add(count + ":" + id))));
        List<String> firstRun = List.copyOf(platformPosts());
        int parts = recorded.size();
        assertThat(parts).as("every part is reported as it goes out").isPositive();
        int perPart = firstRun.size() / parts; // what platformPosts() shows of one platform message

        connector.send(new OutboundMessage(conversation(), longAnswer, true,
                SentParts.resuming(1, recorded.getFirst().substring(2), (count, id) -> { })));

        // counted, not compared: a platform's post may carry its own timestamp
        assertThat(platformPosts().subList(firstRun.size(), platformPosts().size()))
                .as("the re-run posts parts 2.." + parts + " only").hasSize(firstRun.size() - perPart);
    }

    @Test
    void sendsAClarifyingQuestionWithoutFeedbackControls() {
        connector.send(new OutboundMessage(conversation(),
                Answer.clarify("Which workspace do you mean?", 0.4, List.of()), false));

        String post = String.join("\n", platformPosts());
        assertThat(post).contains("Which workspace do you mean?");
        for (String marker : feedbackControlMarkers()) {
            assertThat(post).doesNotContain(marker);
        }
    }

    @Test
    void handOffReturnsTheTicketAndTellsTheUserInPlace() {
        HandoffRequest request = new HandoffRequest(transcript(), HandoffReason.USER_REQUEST, desk,
                "A person will follow up (ticket {ticket}).");

        TicketRef ticket = connector.handOff(request);

        assertThat(ticket).isNotNull();
        assertThat(ticket.id()).isNotBlank();
        if (!isItsOwnTicketSystem()) {
            assertThat(ticket).isEqualTo(RecordingDesk.TICKET);
            assertThat(desk.opened()).singleElement().satisfies(view ->
                    assertThat(view.turns()).extracting(TranscriptTurn::text).contains("How do I reset my password?"));
        }
        assertThat(String.join("\n", platformPosts())).contains(ticket.id()).contains("A person will follow up");
    }

    @Test
    void confirmsAResolutionInPlaceWhereTheUserSeesIt() {
        connector.send(new OutboundMessage(conversation(), Answer.answer(ANSWER_TEXT, 0.9, List.of(CITATION)), true));
        int before = platformPosts().size();

        connector.confirmResolved(conversation());

        List<String> after = platformPosts();
        if (confirmsResolutionInPlace()) {
            assertThat(after.subList(before, after.size())).as("what the user sees after confirming")
                    .anySatisfy(post -> assertThat(post).containsIgnoringCase("solved"));
        } else {
            assertThat(after).as("the platform's own status shows the resolution; nothing more is posted").hasSize(before);
        }
    }

    @Test
    void reportsARateLimitAsARetriableChannelExceptionWithRetryAfter() {
        platformRateLimitsNextCall(Duration.ofSeconds(7));

        assertThatThrownBy(() -> connector.send(new OutboundMessage(conversation(),
                Answer.answer(ANSWER_TEXT, 0.9, List.of()), true)))
                .isInstanceOfSatisfying(ChannelException.class, e -> {
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
    }

    @Test
    void reportsARejectedTokenAsAPermanentChannelException() {
        platformRejectsNextCallAsUnauthorized();

        assertThatThrownBy(() -> connector.send(new OutboundMessage(conversation(),
                Answer.answer(ANSWER_TEXT, 0.9, List.of()), true)))
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.retriable()).isFalse());
    }

    /** A short transcript: the user's question and an AI answer with its confidence and source. */
    protected ConversationView transcript() {
        Instant at = Instant.parse("2026-11-29T10:00:00Z");
        return new ConversationView(conversation(), ConversationStatus.OPEN, List.of(
                new TranscriptTurn(ChatTurn.Role.USER, "How do I reset my password?", null, null, List.of(), at),
                new TranscriptTurn(ChatTurn.Role.ASSISTANT, ANSWER_TEXT, Decision.ANSWER, 0.42, List.of(CITATION),
                        at.plusSeconds(2))));
    }

    /** The desk the suite hands to {@code handOff}. */
    public static final class RecordingDesk implements TicketDesk {
        public static final TicketRef TICKET = new TicketRef("hub", "HUB-42", null);
        private final List<ConversationView> opened = new CopyOnWriteArrayList<>();

        @Override
        public TicketRef openTicket(ConversationView conversation, HandoffReason reason, String threadLink) {
            opened.add(conversation);
            return TICKET;
        }

        public List<ConversationView> opened() {
            return List.copyOf(opened);
        }
    }
}
