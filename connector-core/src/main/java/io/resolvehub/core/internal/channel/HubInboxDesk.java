package io.resolvehub.core.internal.channel;

import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Citation;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.channel.ConversationView;
import io.resolvehub.core.channel.TicketDesk;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.channel.TranscriptTurn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.time.Clock;
import java.util.Locale;

import static io.resolvehub.core.internal.support.Sql.ts;

/** The hub's own ticket inbox ({@code hub_tickets}) for tenants without a ticket system. Tickets are {@code HUB-<n>}. */
public class HubInboxDesk implements TicketDesk {

    public static final String SYSTEM = "hub";

    private final JdbcClient jdbc;
    private final Clock clock;

    public HubInboxDesk(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public TicketRef openTicket(ConversationView conversation, HandoffReason reason, String threadLink) {
        String subject = conversation.firstQuestion();
        if (subject.isBlank()) subject = "Conversation " + conversation.ref().id();
        if (subject.length() > 200) subject = subject.substring(0, 197) + "...";
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into hub_tickets (tenant_id, conversation_id, reason, subject, transcript, thread_link, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(conversation.ref().tenant().value(), conversation.ref().id().value(), reason.wire(), subject,
                        render(conversation), threadLink, ts(clock.instant()))
                .update(keys, "id");
        return new TicketRef(SYSTEM, "HUB-" + keys.getKey().longValue(), null);
    }

    /** The transcript as plain text: each turn, the AI's confidence and cited sources. */
    static String render(ConversationView view) {
        StringBuilder out = new StringBuilder();
        for (TranscriptTurn turn : view.turns()) {
            if (turn.role() == ChatTurn.Role.USER) {
                out.append(view.ref().user().label()).append(": ").append(turn.text()).append('\n');
            } else {
                out.append("AI");
                if (turn.decision() != null) out.append(" (").append(turn.decision().wire());
                if (turn.confidence() != null) {
                    out.append(", confidence ").append(String.format(Locale.ROOT, "%.2f", turn.confidence()));
                }
                if (turn.decision() != null) out.append(')');
                out.append(": ").append(turn.text()).append('\n');
                for (Citation c : turn.citations()) {
                    out.append("    source: ").append(c.title());
                    if (c.url() != null) out.append(" <").append(c.url()).append('>');
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}
