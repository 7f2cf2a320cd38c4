package io.resolvehub.core.testing;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Citation;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.channel.ConversationView;
import io.resolvehub.core.channel.DeliveryReceipt;
import io.resolvehub.core.channel.HandoffRequest;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.channel.SentParts;
import io.resolvehub.core.channel.TicketDesk;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.channel.TranscriptTurn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ChannelConnector} owes the pipeline when it delivers, whether the channel is a platform (Slack,
 * Teams, Zendesk: {@link PlatformConnectorContract} adds their settings and failures) or the hub's own web channel:
 * answers, clarifying questions, hand-offs and confirmations. An abstract JUnit 5 suite shipped in connector-core's
 * test-jar; a channel's test extends it and implements the hooks:
 * <ul>
 *   <li>{@link #newConnector()}: the tenant's connector for {@link #conversation()}.</li>
 *   <li>{@link #conversation()}: a conversation as the channel's own endpoint would produce it (thread key and reply
 *       context filled in), so {@code send} knows where to post.</li>
 *   <li>{@link #platformPosts()}: everything the channel posted where the user sees it (message bodies, blocks, cards,
 *       comments), each as raw text, oldest first. The suite only looks for substrings.</li>
 *   <li>Optional: {@link #repliesInPlace()} (false for the web channel, whose reply is the stored assistant turn the
 *       REST call returns), {@link #feedbackControlMarkers()}, {@link #isItsOwnTicketSystem()} and
 *       {@link #confirmsResolutionInPlace()}.</li>
 * </ul>
 */
public abstract class ChannelDeliveryContract {

    protected static final Citation CITATION = new Citation("src-1", "Resetting your password",
            "https://help.example.com/articles/reset-password", "Open Settings > Security and choose Reset password.");
    protected static final String ANSWER_TEXT = "Open Settings > Security and choose Reset password.";
    protected static final String NOTICE = "A person will follow up (ticket {ticket}).";

    /** A desk that records what it was asked and hands out {@code HUB-42}. */
    protected final RecordingDesk desk = new RecordingDesk();
    private ChannelConnector connector;

    /** The tenant's connector for {@link #conversation()}, pointed at the channel's fake platform if it has one. */
    protected abstract ChannelConnector newConnector();

    protected abstract ConversationRef conversation();

    protected abstract List<String> platformPosts();

    /**
     * False when the channel shows its replies some other way than by posting them (the web channel: the REST call
     * that posted the message returns the stored assistant turn), so {@code send} posts nothing.
     */
    protected boolean repliesInPlace() {
        return true;
    }

    /** Substrings by which the two feedback controls show in a rendered answer. */
    protected List<String> feedbackControlMarkers() {
        return List.of("hub_resolved", "hub_handoff");
    }

    /**
     * False when the user sees the resolution without a post (a solved Zendesk ticket, the status in the web channel's
     * REST reply), so confirming posts nothing; otherwise the user sees in place that the conversation is solved.
     */
    protected boolean confirmsResolutionInPlace() {
        return true;
    }

    /**
     * True when the connector can ask its platform whether a part went out (Slack message metadata, a Zendesk
     * ticket's comments), so a reply resumed after a crash between posting and recording does not post it twice.
     * False where the platform cannot be asked (Teams' Bot Connector): such a part goes out again, never lost.
     */
    protected boolean findsPartsAnInterruptedAttemptPosted() {
        return false;
    }

    /** True when the channel is itself the ticket (Zendesk): its hand-off need not open a ticket at the desk. */
    protected boolean isItsOwnTicketSystem() {
        return false;
    }

    @BeforeEach
    void createConnector() {
        connector = newConnector();
    }

    @AfterEach
    void closeConnector() {
        connector.close();
    }

    protected ChannelConnector connector() {
        return connector;
    }

    @Test
    void sendsAnAnswerWithItsSourcesAndFeedbackControlsInPlace() {
        DeliveryReceipt receipt = connector.send(new OutboundMessage(conversation(),
                Answer.answer(ANSWER_TEXT, 0.9, List.of(CITATION)), true));

        assertThat(receipt).as("the pipeline records the receipt").isNotNull();
        if (!repliesInPlace()) {
            assertThat(platformPosts()).isEmpty();
            return;
        }
        String post = String.join("\n", platformPosts());
        assertThat(post).contains("Reset password").contains(CITATION.title()).contains(CITATION.url());
        for (String marker : feedbackControlMarkers()) {
            assertThat(post).contains(marker);
        }
    }

    @Test
    void sendsAClarifyingQuestionWithoutFeedbackControls() {
        DeliveryReceipt receipt = connector.send(new OutboundMessage(conversation(),
                Answer.clarify("Which workspace do you mean?", 0.4, List.of()), false));

        assertThat(receipt).isNotNull();
        String post = String.join("\n", platformPosts());
        if (repliesInPlace()) {
            assertThat(post).contains("Which workspace do you mean?");
        }
        for (String marker : feedbackControlMarkers()) {
            assertThat(post).doesNotContain(marker);
        }
    }

    @Test
    void aReplyResumedAfterACrashPostsOnlyThePartsThatDidNotGoOut() {
        Answer longAnswer = Answer.answer(("Open the export page and choose the format you need for your data. "
                .repeat(40) + "\n\n").repeat(6), 0.9, List.of(CITATION));
        List<String> recorded = new CopyOnWriteArrayList<>();
        connector.send(new OutboundMessage(conversation(), longAnswer, true,
                SentParts.resuming("reply-6", false, 0, null, (count, id) -> recorded.add(count + ":" + id))));
        List<String> firstRun = List.copyOf(platformPosts());
        if (!repliesInPlace()) {
            assertThat(firstRun).isEmpty();
            assertThat(recorded).as("no part went anywhere to record").isEmpty();
            return;
        }
        int parts = recorded.size();
        assertThat(parts).as("every part is reported as it goes out").isPositive();
        int perPart = firstRun.size() / parts; // what platformPosts() shows of one platform message

        connector.send(new OutboundMessage(conversation(), longAnswer, true,
                SentParts.resuming("reply-6", false, 1, recorded.getFirst().substring(2), (count, id) -> { })));

        // counted, not compared: a platform's post may carry its own timestamp
        assertThat(platformPosts().subList(firstRun.size(), platformPosts().size()))
                .as("the re-run posts parts 2.." + parts + " only").hasSize(firstRun.size() - perPart);
    }

    @Test
    void aReplyResumedAfterACrashBetweenPostingAndRecordingPostsNothingTwiceWhereThePlatformCanTell() {
        Answer longAnswer = Answer.answer(("Open the export page and choose the format you need for your data. "
                .repeat(40) + "\n\n").repeat(6), 0.9, List.of(CITATION));
        // the hub dies after the platform took the first part and before recording it
        try {
            connector.send(new OutboundMessage(conversation(), longAnswer, true,
                    SentParts.resuming("reply-7", false, 0, null, (count, id) -> {
                        throw new IllegalStateException("killed before recording part " + count);
                    })));
        } catch (IllegalStateException killed) {
            assertThat(killed).hasMessageContaining("killed before recording part 1");
        }
        int onePart = platformPosts().size(); // what platformPosts() shows of one platform message

        List<String> resumedIds = new CopyOnWriteArrayList<>();
        connector.send(new OutboundMessage(conversation(), longAnswer, true,
                SentParts.resuming("reply-7", true, 0, null, (count, id) -> resumedIds.add(id))));

        int posted = platformPosts().size();
        if (findsPartsAnInterruptedAttemptPosted()) {
            assertThat(posted).as("every part once: the first found, not posted again").isEqualTo(resumedIds.size() * onePart);
        } else {
            assertThat(posted).as("the first part again: at least once, never lost")
                    .isEqualTo(repliesInPlace() ? (resumedIds.size() + 1) * onePart : 0);
        }
    }

    @Test
    void handOffReturnsTheTicketAndTellsTheUserInPlace() {
        TicketRef ticket = connector.handOff(new HandoffRequest(transcript(), HandoffReason.USER_REQUEST, desk, NOTICE));

        assertThat(ticket).isNotNull();
        assertThat(ticket.id()).isNotBlank();
        if (!isItsOwnTicketSystem()) {
            assertThat(ticket).isEqualTo(RecordingDesk.TICKET);
            assertThat(desk.opened()).singleElement().satisfies(view ->
                    assertThat(view.turns()).extracting(TranscriptTurn::text).contains("How do I reset my password?"));
        }
        if (repliesInPlace()) {
            assertThat(String.join("\n", platformPosts())).contains(ticket.id()).contains("A person will follow up");
        }
    }

    /**
     * A ticket the desk could not open is not reported as a hand-off: the desk's failure reaches the pipeline (which
     * retries it) and the user is not told about a ticket that does not exist.
     */
    @Test
    void aHandOffWhoseTicketCannotBeOpenedFailsWithoutTellingTheUser() {
        if (isItsOwnTicketSystem()) {
            assertThat(connector.handOff(new HandoffRequest(transcript(), HandoffReason.USER_REQUEST, desk, NOTICE)))
                    .as("the channel's own ticket; the desk is not asked").isNotNull();
            assertThat(desk.opened()).isEmpty();
            return;
        }
        desk.failNext(ChannelException.retriable("the help desk is down", Duration.ofSeconds(30), null));

        assertThatThrownBy(() -> connector.handOff(new HandoffRequest(transcript(), HandoffReason.USER_REQUEST, desk,
                NOTICE))).isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.retriable()).isTrue());
        assertThat(String.join("\n", platformPosts())).doesNotContain("A person will follow up");
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
            assertThat(after).as("the user sees the resolution without a post; nothing more is posted").hasSize(before);
        }
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
        private volatile RuntimeException failNext;

        @Override
        public TicketRef openTicket(ConversationView conversation, HandoffReason reason, String threadLink) {
            RuntimeException failure = failNext;
            if (failure != null) {
                failNext = null;
                throw failure;
            }
            opened.add(conversation);
            return TICKET;
        }

        /** The next ticket is not opened: {@code openTicket} throws {@code failure}. */
        public void failNext(RuntimeException failure) {
            this.failNext = failure;
        }

        public List<ConversationView> opened() {
            return List.copyOf(opened);
        }
    }
}
