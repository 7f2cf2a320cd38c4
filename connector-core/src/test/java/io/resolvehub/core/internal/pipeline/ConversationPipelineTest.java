package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.Answer;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.conversation.ConversationDetail;
import io.resolvehub.core.conversation.HandoffPolicy;
import io.resolvehub.core.conversation.InboxItem;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.event.HandoffRequested;
import io.resolvehub.core.event.MessageAnswered;
import io.resolvehub.core.internal.ConversationCore;
import io.resolvehub.core.internal.PipelineFixture;
import io.resolvehub.core.internal.RecordingPublisher;
import io.resolvehub.core.testing.FakeChannel;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import static io.resolvehub.core.internal.PipelineFixture.ACME;
import static io.resolvehub.core.internal.PipelineFixture.inbound;
import static io.resolvehub.core.internal.PipelineFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

class ConversationPipelineTest {

    private PipelineFixture f;
    private ConversationCore hub;

    @AfterEach
    void closeHub() {
        if (f != null) f.close();
    }

    private void start(TestDatabase db) {
        f = new PipelineFixture(db);
        hub = f.newInstance();
        f.connectChat(hub);
        hub.start();
    }

    private void say(String thread, String text) {
        hub.intake().accept(message(thread, text));
        f.awaitIdle();
    }

    private void press(String thread, InboundKind kind) {
        hub.intake().accept(inbound(thread, kind, ""));
        f.awaitIdle();
    }

    private InboxItem item(String thread) {
        return hub.inbox().list(ACME, null, null, false, 100).stream()
                .filter(i -> hub.conversations().find(i.id()).orElseThrow().threadKey().equals(thread))
                .findFirst().orElseThrow();
    }

    private List<HandoffReason> handoffReasons() {
        return f.publisher.of(HandoffRequested.class).stream().map(HandoffRequested::reason).toList();
    }

    private String lastPosted() {
        List<FakeChannel.Posted> posted = f.channel.posted();
        return posted.get(posted.size() - 1).text();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersInPlaceWithCitationsAndFeedbackControls(TestDatabase db) {
        start(db);
        {
            say("t", "How do I reset my password?");

            assertThat(f.channel.sent()).singleElement().satisfies(m -> {
                assertThat(m.answer().decision()).isEqualTo(Decision.ANSWER);
                assertThat(m.answer().citations()).hasSize(1);
                assertThat(m.feedbackControls()).isTrue();
                assertThat(m.conversation().replyContext()).containsEntry("thread_ts", "t");
            });
            assertThat(f.publisher.all()).singleElement().satisfies(p -> {
                assertThat(p.event()).isInstanceOf(MessageAnswered.class);
                assertThat(p.inTransaction()).isTrue();
            });
            InboxItem item = item("t");
            assertThat(item.status().wire()).isEqualTo("open");
            assertThat(item.aiAnswers()).isEqualTo(1);
            assertThat(item.lastConfidence()).isEqualTo(0.9);
            ConversationDetail detail = hub.inbox().find(ACME, item.id()).orElseThrow();
            assertThat(detail.turns()).extracting(t -> t.role().wire()).containsExactly("user", "assistant");
            assertThat(detail.turns().get(1).citations()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aQuestionTooLongIsAnsweredWithAPoliteRequestToShortenItWithoutTheAgentOrACharge(TestDatabase db) {
        start(db);
        {
            hub.intake().accept(inbound("t", InboundKind.TOO_LONG, "x".repeat(4000)));
            f.awaitIdle();

            assertThat(f.engine.requests()).as("the agent is not asked").isEmpty();
            assertThat(f.channel.sent()).singleElement().satisfies(m -> {
                assertThat(m.answer().decision()).isEqualTo(Decision.CLARIFY);
                assertThat(m.answer().text()).contains("too long").contains("4,000 characters");
                assertThat(m.feedbackControls()).isFalse();
            });
            InboxItem item = item("t");
            assertThat(item.status().wire()).isEqualTo("open");
            assertThat(item.aiAnswers()).isZero();
            assertThat(hub.inbox().find(ACME, item.id()).orElseThrow().turns())
                    .extracting(t -> t.role().wire()).containsExactly("user", "assistant");

            say("t", "How do I export?");
            assertThat(f.engine.requests()).as("a shorter question is answered as usual").hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAnsweredEventIsDoneWithItsReplyMarkedDeliveredAndItsOnePartRecordedByTheSameWrite(TestDatabase db) {
        start(db);
        {
            say("t", "How do I export?");

            assertThat(f.channel.posted()).hasSize(1);
            assertThat(f.jdbc.sql("select status from inbound_events").query(String.class).single()).isEqualTo("done");
            assertThat(f.jdbc.sql("select parts_sent from conversation_turns where role = 'assistant' and delivered_at is not null")
                    .query(Integer.class).single()).as("the last part is recorded with the delivery mark").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMessageOpeningAThreadWhoseConversationAnotherInstanceCreatedMeanwhileIsAnsweredInThatConversation(TestDatabase db) {
        start(db);
        {
            // asked before the first step's transaction, after the worker found no conversation for the thread
            f.personRequests = text -> {
                hub.conversations().findOrCreate(ACME, PipelineFixture.CHAT, "t", message("t", "").user(),
                        java.util.Map.of("channel", "C1", "thread_ts", "t"), null, f.clock.instant());
                return false;
            };
            say("t", "How do I export?");

            String id = f.jdbc.sql("select id from conversations where thread_key = 't'").query(String.class).single();
            assertThat(f.channel.posted()).singleElement()
                    .satisfies(p -> assertThat(p.conversation().id().value()).isEqualTo(id));
            assertThat(f.jdbc.sql("select role from conversation_turns where conversation_id = ? order by id").param(id)
                    .query(String.class).list()).containsExactly("user", "assistant");
            assertThat(f.status("t")).isEqualTo("open");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReplyOfSeveralPartsInterruptedAfterItsFirstResumesWithoutRepeatingIt(TestDatabase db) {
        start(db);
        {
            String reply = String.join(FakeChannel.PART_BREAK, "Part one.", "Part two.", "Part three.");
            f.engine.script(request -> Answer.answer(reply, 0.9, List.of()));
            // not a platform error the connector retries: the event fails and is run again, as after a crash
            f.channel.failAfterFirstPart(() -> new IllegalStateException("process killed"));

            say("t", "How do I export?");

            assertThat(f.channel.posted()).extracting(FakeChannel.Posted::text)
                    .containsExactly("Part one.", "Part two.", "Part three.");
            assertThat(f.engine.requests()).as("the agent is asked once").hasSize(1);
            assertThat(f.jdbc.sql("select parts_sent from conversation_turns where role = 'assistant'")
                    .query(Integer.class).single()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHugeAnswerIsShownCutAtASentenceWithAPointerToItsSources(TestDatabase db) {
        start(db);
        {
            String sentence = "Open the export page and choose the format you need for your data. ";
            f.engine.script(request -> Answer.answer(sentence.repeat(2_000), 0.9,
                    List.of(new io.resolvehub.core.Citation("s1", "Export your data", "https://help.example.com/export", "Open"))));

            say("t", "How do I export?");

            assertThat(f.channel.sent()).singleElement().satisfies(m -> {
                assertThat(m.answer().text()).hasSizeLessThanOrEqualTo(ReplyLength.MAX_CHARS)
                        .endsWith("your data." + ReplyLength.MORE);
                assertThat(m.answer().citations()).hasSize(1);
            });
            ConversationDetail detail = hub.inbox().find(ACME, item("t").id()).orElseThrow();
            assertThat(detail.turns().get(1).text()).as("the transcript keeps what the user saw")
                    .hasSizeLessThanOrEqualTo(ReplyLength.MAX_CHARS);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void passesEarlierTurnsAsHistory(TestDatabase db) {
        start(db);
        {
            say("t", "How do I export?");
            say("t", "And as CSV?");
            assertThat(f.engine.requests().get(1).history()).extracting(turn -> turn.text())
                    .containsExactly("How do I export?", "Answer to: How do I export?");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void handsOffWhenTheUserAsksForAHumanInAnyCommonLanguage(TestDatabase db) {
        start(db);
        {
            List<String> asks = List.of("Can I talk to a human please?", "AGENT PLEASE", "Ich möchte mit einem Menschen sprechen",
                    "Quiero hablar con una persona", "Je veux parler a un humain !");
            for (int i = 0; i < asks.size(); i++) {
                say("h" + i, asks.get(i));
            }
            assertThat(handoffReasons()).hasSize(asks.size()).containsOnly(HandoffReason.USER_REQUEST);
            assertThat(f.engine.requests()).isEmpty();
            assertThat(f.channel.handoffs()).hasSize(asks.size());
            assertThat(lastPosted()).contains("#HUB-");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void handsOffWhenTheDetectorRecognisesARequestForAPersonOutsideThePhrases(TestDatabase db) {
        start(db);
        {
            f.personRequests = text -> text.contains("someone on your team");
            say("p", "put me through to someone on your team");
            say("q", "how do I add someone to my workspace");
            assertThat(handoffReasons()).containsExactly(HandoffReason.USER_REQUEST);
            assertThat(f.engine.requests()).extracting(r -> r.question()).containsExactly("how do I add someone to my workspace");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailingDetectorLeavesTheDecisionToThePhrases(TestDatabase db) {
        start(db);
        {
            f.personRequests = text -> {
                throw new IllegalStateException("model down");
            };
            say("p", "talk to a human");
            say("q", "how do I export?");
            assertThat(handoffReasons()).containsExactly(HandoffReason.USER_REQUEST);
            assertThat(lastPosted()).contains("Answer to: how do I export?");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void handsOffOnTheHandoffButton(TestDatabase db) {
        start(db);
        {
            say("t", "How do I export?");
            press("t", InboundKind.HANDOFF_REQUEST);
            assertThat(handoffReasons()).containsExactly(HandoffReason.USER_REQUEST);
            assertThat(item("t").ticket().system()).isEqualTo("hub");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void handsOffWhenTheCoinHoldIsRefused(TestDatabase db) {
        start(db);
        {
            f.coinMeter = (tenant, conversation, channel, answer) -> false;
            say("t", "How do I export?");
            assertThat(handoffReasons()).containsExactly(HandoffReason.INSUFFICIENT_BALANCE);
            assertThat(f.engine.requests()).as("nothing is answered on credit").isEmpty();
            assertThat(item("t").handoffReason()).isEqualTo(HandoffReason.INSUFFICIENT_BALANCE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void asksTheMeterToCoverEachAnswerBeforeItIsGiven(TestDatabase db) {
        start(db);
        {
            List<Integer> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
            f.coinMeter = (tenant, conversation, channel, answer) -> answers.add(answer);
            say("t", "How do I export?");
            say("t", "And as CSV?");
            assertThat(answers).containsExactly(1, 2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void handsOffALaterAnswerWhoseHoldCannotGrow(TestDatabase db) {
        start(db);
        {
            f.coinMeter = (tenant, conversation, channel, answer) -> answer == 1;
            say("t", "How do I export?");
            say("t", "And as CSV?");
            assertThat(f.engine.requests()).as("nothing is answered on credit").hasSize(1);
            assertThat(handoffReasons()).containsExactly(HandoffReason.INSUFFICIENT_BALANCE);
            assertThat(item("t").aiAnswers()).isEqualTo(1);
            assertThat(item("t").handoffReason()).isEqualTo(HandoffReason.INSUFFICIENT_BALANCE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void asksOneClarifyingQuestionBeforeHandingOffForLowConfidence(TestDatabase db) {
        start(db);
        {
            f.engine.always(Answer.answer("maybe this", 0.2, List.of()));
            say("t", "it does not work");
            assertThat(f.channel.sent()).singleElement().satisfies(m -> {
                assertThat(m.answer().decision()).isEqualTo(Decision.CLARIFY);
                assertThat(m.feedbackControls()).isFalse();
            });
            say("t", "the thing on the page");
            assertThat(handoffReasons()).containsExactly(HandoffReason.LOW_CONFIDENCE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void handsOffForLowConfidenceAtOnceWithoutClarifyFirst(TestDatabase db) {
        start(db);
        {
            hub.handoffPolicies().save(ACME, new HandoffPolicy(0.5, 3, List.of("human"), false));
            f.engine.always(Answer.answer("maybe this", 0.2, List.of()));
            say("t", "it does not work");
            assertThat(handoffReasons()).containsExactly(HandoffReason.LOW_CONFIDENCE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void handsOffWhenTheAiHasAnsweredMaxAiTurnsTimes(TestDatabase db) {
        start(db);
        {
            hub.handoffPolicies().save(ACME, new HandoffPolicy(0.5, 2, List.of("human"), true));
            say("t", "one");
            say("t", "two");
            assertThat(handoffReasons()).isEmpty();
            say("t", "three");
            assertThat(handoffReasons()).containsExactly(HandoffReason.MAX_TURNS);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void handsOffOnNegativeFeedbackByButtonOrWords(TestDatabase db) {
        start(db);
        {
            say("a", "How do I export?");
            press("a", InboundKind.NEGATIVE_FEEDBACK);
            say("b", "How do I export?");
            say("b", "That didn't help");
            assertThat(handoffReasons()).containsExactly(HandoffReason.NEGATIVE_FEEDBACK, HandoffReason.NEGATIVE_FEEDBACK);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void handsOffWhenTheEngineFindsNothing(TestDatabase db) {
        start(db);
        {
            f.engine.always(Answer.handoff("I don't know", 0.1, HandoffReason.NO_KNOWLEDGE));
            say("t", "What is the meaning of life?");
            assertThat(handoffReasons()).containsExactly(HandoffReason.NO_KNOWLEDGE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEngineOutageProducesAHandOffMessageNotSilence(TestDatabase db) {
        start(db);
        {
            f.engine.failWith(new IllegalStateException("index unavailable"));
            say("t", "How do I export?");
            assertThat(handoffReasons()).containsExactly(HandoffReason.ENGINE_ERROR);
            assertThat(lastPosted()).contains("a person will follow up").contains("#HUB-");
            assertThat(item("t").status().wire()).isEqualTo("escalated");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEngineThatHangsIsCutOffAndHandedOff(TestDatabase db) {
        f = new PipelineFixture(db);
        f.pipelineProperties = new io.resolvehub.core.internal.PipelineProperties(2, null, null, 3,
                java.time.Duration.ofMillis(10), null, java.time.Duration.ofMillis(300), null, null, null,
                java.time.Duration.ofMillis(5), null, null);
        hub = f.newInstance();
        f.connectChat(hub);
        hub.start();
        CountDownLatch never = new CountDownLatch(1);
        try {
            f.engine.script(request -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Answer.answer("too late", 0.9, List.of());
            });
            say("t", "How do I export?");
            assertThat(handoffReasons()).containsExactly(HandoffReason.ENGINE_ERROR);
        } finally {
            never.countDown();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aConversationAtItsTurnLimitGoesToAPersonOnceAndKeepsNothingMore(TestDatabase db) {
        f = new PipelineFixture(db);
        f.pipelineProperties = new io.resolvehub.core.internal.PipelineProperties(2, null, null, 3,
                java.time.Duration.ofMillis(10), null, null, null, null, null, java.time.Duration.ofMillis(5), 10, null);
        hub = f.newInstance();
        f.connectChat(hub);
        hub.start();
        hub.handoffPolicies().save(ACME, new HandoffPolicy(0.5, 50, List.of("human"), true));
        for (int i = 0; i < 5; i++) {
            say("t", "question " + i);      // a user turn and an answer each: ten turns
        }
        assertThat(handoffReasons()).isEmpty();
        int posted = f.channel.posted().size();

        say("t", "question 5");
        assertThat(handoffReasons()).containsExactly(HandoffReason.MAX_TURNS);
        assertThat(f.channel.posted()).hasSize(posted + 1);
        assertThat(lastPosted()).contains("a person will follow up");
        say("t", "question 6");
        say("t", "question 7");

        assertThat(f.channel.posted()).hasSize(posted + 1);
        assertThat(f.engine.requests()).hasSize(5);
        ConversationDetail detail = hub.inbox().find(ACME, item("t").id()).orElseThrow();
        assertThat(detail.turns()).hasSize(11);
        assertThat(detail.turns()).extracting(t -> t.text()).doesNotContain("question 5", "question 6", "question 7");
        assertThat(detail.events()).extracting(e -> e.type()).doesNotContain("ai_silent");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theAiStaysSilentAfterAHandOff(TestDatabase db) {
        start(db);
        {
            say("t", "talk to a human");
            int postedBefore = f.channel.posted().size();
            say("t", "hello? anyone?");
            press("t", InboundKind.HANDOFF_REQUEST);
            assertThat(f.channel.posted()).hasSize(postedBefore);
            assertThat(f.engine.requests()).isEmpty();
            ConversationDetail detail = hub.inbox().find(ACME, item("t").id()).orElseThrow();
            assertThat(detail.turns()).extracting(t -> t.text()).contains("hello? anyone?");
            assertThat(detail.events()).extracting(e -> e.type()).contains("handoff", "ticket", "ai_silent");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theHandOffTicketCarriesTheTranscriptWithConfidenceAndSources(TestDatabase db) {
        start(db);
        {
            say("t", "How do I reset my password?");
            say("t", "talk to a human");
            String transcript = f.jdbc.sql("select transcript from hub_tickets").query(String.class).single();
            assertThat(transcript).contains("Dana: How do I reset my password?")
                    .contains("AI (answer, confidence 0.90)").contains("source: Resetting your password");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void usesTheTenantsTicketSystemAndFallsBackToTheHubInboxWhenItFails(TestDatabase db) {
        start(db);
        {
            f.deskProviders.add(tenant -> Optional.of((view, reason, link) -> new TicketRef("zendesk", "4711", "https://z/4711")));
            say("a", "talk to a human");
            assertThat(item("a").ticket()).isEqualTo(new TicketRef("zendesk", "4711", "https://z/4711"));
            assertThat(lastPosted()).contains("#4711");

            f.deskProviders.clear();
            f.deskProviders.add(tenant -> Optional.of((view, reason, link) -> {
                throw new IllegalStateException("zendesk down");
            }));
            say("b", "talk to a human");
            assertThat(item("b").ticket().system()).isEqualTo("hub");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void resolvesOnConfirmationByButtonOrWordsOnce(TestDatabase db) {
        start(db);
        {
            say("a", "How do I export?");
            press("a", InboundKind.RESOLVED);
            press("a", InboundKind.RESOLVED);
            say("b", "How do I export?");
            say("b", "And as CSV?");
            say("b", "Thanks, that worked!");

            assertThat(f.publisher.of(ConversationResolved.class)).extracting(ConversationResolved::kind, ConversationResolved::aiAnswers)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ResolutionKind.CONFIRMED, 1),
                            org.assertj.core.groups.Tuple.tuple(ResolutionKind.CONFIRMED, 2));
            assertThat(f.channel.confirmations()).hasSize(1);
            assertThat(lastPosted()).contains("glad that solved it");
            assertThat(item("a").resolution()).isEqualTo(ResolutionKind.CONFIRMED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void neverResolvesAConversationInWhichTheAiOnlyAskedToClarify(TestDatabase db) {
        start(db);
        {
            f.engine.always(Answer.clarify("Which product do you mean?", 0.4, List.of()));
            say("t", "it is broken");
            press("t", InboundKind.RESOLVED);
            assertThat(f.publisher.of(ConversationResolved.class)).isEmpty();
            assertThat(item("t").status().wire()).isEqualTo("open");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailingBillingListenerRollsTheStateChangeBack(TestDatabase db) {
        start(db);
        {
            say("t", "How do I export?");
            java.util.concurrent.atomic.AtomicInteger charges = new java.util.concurrent.atomic.AtomicInteger();
            f.publisher.listener(event -> {
                if (event instanceof ConversationResolved) {
                    charges.incrementAndGet();
                    throw new IllegalStateException("ledger unavailable");
                }
            });
            hub.intake().accept(inbound("t", InboundKind.RESOLVED, ""));
            f.awaitIdle();
            assertThat(item("t").status().wire()).as("charge and state change commit together or not at all")
                    .isEqualTo("open");
            assertThat(item("t").deadLetters()).isEqualTo(1);
            assertThat(charges).as("every attempt reached billing").hasValue(3);
            assertThat(hub.inbox().find(ACME, item("t").id()).orElseThrow().events())
                    .extracting(e -> e.type()).doesNotContain("resolved").contains("dead_letter");

            f.publisher.listener(event -> { });
            press("t", InboundKind.RESOLVED);
            assertThat(item("t").status().wire()).isEqualTo("resolved");
            assertThat(f.publisher.all()).filteredOn(p -> p.event() instanceof ConversationResolved)
                    .allMatch(RecordingPublisher.Published::inTransaction);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTicketSolvedOnThePlatformResolvesWhatTheAiAnsweredAndIgnoresTheRest(TestDatabase db) {
        start(db);
        say("answered", "How do I export?");
        press("answered", InboundKind.CLOSED_BY_PLATFORM);
        f.engine.always(Answer.clarify("Which product?", 0.4, List.of()));
        say("clarified", "it is broken");
        press("clarified", InboundKind.CLOSED_BY_PLATFORM);
        press("never-seen", InboundKind.CLOSED_BY_PLATFORM);

        assertThat(f.publisher.of(ConversationResolved.class)).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ResolutionKind.TICKET_SOLVED));
        assertThat(f.status("clarified")).isEqualTo("unresolved");
        assertThat(hub.inbox().list(ACME, null, null, false, 100)).hasSize(2);
    }
}
