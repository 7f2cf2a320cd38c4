package io.resolvehub.api.conversations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.resolvehub.core.Answer;
import io.resolvehub.core.Citation;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.channel.TranscriptTurn;
import io.resolvehub.core.conversation.ConversationDetail;
import io.resolvehub.core.conversation.ConversationEventView;
import io.resolvehub.core.conversation.InboxItem;

import java.util.List;

/** The JSON shapes of the conversations API: wire names in lower case, absent optionals left out. */
final class ConversationJson {

    private ConversationJson() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CitationView(String sourceId, String title, String url, String snippet) {
        static CitationView of(Citation c) {
            return new CitationView(c.sourceId(), c.title(), c.url(), c.snippet());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AnswerView(String decision, String text, double confidence, List<CitationView> citations, String reason) {
        static AnswerView of(Answer a) {
            return a == null ? null : new AnswerView(a.decision().wire(), a.text(), rounded(a.confidence()),
                    a.citations().stream().map(CitationView::of).toList(),
                    a.reason() == null ? null : a.reason().wire());
        }
    }

    /** Two decimals are all a person reads from a confidence; more only suggest a precision it does not have. */
    static Double rounded(Double confidence) {
        return confidence == null ? null : Math.round(confidence * 100) / 100.0;
    }

    /** "1 coin", "3 coins". */
    static String coins(long n) {
        return n + (n == 1 || n == -1 ? " coin" : " coins");
    }

    /** {@code reply} is null when the AI stays silent (a person owns the conversation). */
    record ReplyView(AnswerView reply, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TicketView(String system, String id, String url) {
        static TicketView of(TicketRef t) {
            return t == null ? null : new TicketView(t.system(), t.id(), t.url());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserView(String id, String name, String email) {
    }

    /** One inbox row; {@code deadLetters} > 0 marks events that failed for good (see {@code lastError}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InboxView(String id, String channel, UserView user, String status, Double lastConfidence,
                     String handoffReason, TicketView ticket, String resolution, int aiAnswers, String createdAt,
                     String updatedAt, int deadLetters, String lastError) {
        static InboxView of(InboxItem i) {
            return new InboxView(i.id().value(), i.channel().id(),
                    new UserView(i.user().platformId(), i.user().displayName(), i.user().email()), i.status().wire(),
                    rounded(i.lastConfidence()), i.handoffReason() == null ? null : i.handoffReason().wire(),
                    TicketView.of(i.ticket()), i.resolution() == null ? null : i.resolution().wire(), i.aiAnswers(),
                    i.createdAt().toString(), i.updatedAt().toString(), i.deadLetters(), i.lastError());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TurnView(String role, String text, String decision, Double confidence, List<CitationView> citations,
                    String at) {
        static TurnView of(TranscriptTurn t) {
            return new TurnView(t.role().wire(), t.text(), t.decision() == null ? null : t.decision().wire(),
                    rounded(t.confidence()), t.citations().stream().map(CitationView::of).toList(), t.at().toString());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventView(String type, String reason, String detail, String at) {
        static EventView of(ConversationEventView e) {
            return new EventView(e.type(), e.reason(), e.detail(), e.at().toString());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DetailView(String id, String channel, UserView user, String status, Double lastConfidence,
                      String handoffReason, TicketView ticket, String resolution, int aiAnswers, int deadLetters,
                      String lastError, List<TurnView> turns, List<EventView> events) {
        /** @param billingEvents the conversation's coin movements (hold, charge, release, refund), merged in by time */
        static DetailView of(ConversationDetail d, List<EventView> billingEvents) {
            InboxView s = InboxView.of(d.summary());
            List<EventView> events = new java.util.ArrayList<>(d.events().stream().map(EventView::of).toList());
            events.addAll(billingEvents);
            events.sort(java.util.Comparator.comparing(e -> java.time.Instant.parse(e.at())));
            return new DetailView(s.id(), s.channel(), s.user(), s.status(), s.lastConfidence(), s.handoffReason(),
                    s.ticket(), s.resolution(), s.aiAnswers(), s.deadLetters(), s.lastError(),
                    d.turns().stream().map(TurnView::of).toList(), events);
        }
    }
}
