package io.resolvehub.core.internal.conversation;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.ConversationDetail;
import io.resolvehub.core.conversation.ConversationInbox;
import io.resolvehub.core.conversation.InboxItem;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The inbox read model: conversations with their dead-lettered events counted in. */
public class JdbcConversationInbox implements ConversationInbox {

    private static final String SELECT = """
            select c.*,
              (select count(*) from inbound_events e where e.tenant_id = c.tenant_id and e.channel = c.channel
                 and e.thread_key = c.thread_key and e.status = 'dead') as dead_letters,
              (select max(e.last_error) from inbound_events e where e.tenant_id = c.tenant_id and e.channel = c.channel
                 and e.thread_key = c.thread_key and e.status = 'dead') as dead_error
            from conversations c
            """;

    private final JdbcClient jdbc;
    private final Transcripts transcripts;

    public JdbcConversationInbox(JdbcClient jdbc, Transcripts transcripts) {
        this.jdbc = jdbc;
        this.transcripts = transcripts;
    }

    @Override
    public List<InboxItem> list(TenantId tenant, ConversationStatus status, ChannelType channel, boolean deadLettersOnly,
                                int limit) {
        StringBuilder where = new StringBuilder("where c.tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        if (status != null) {
            where.append(" and c.status = ?");
            params.add(status.wire());
        }
        if (channel != null) {
            where.append(" and c.channel = ?");
            params.add(channel.id());
        }
        if (deadLettersOnly) {
            where.append(" and exists (select 1 from inbound_events d where d.tenant_id = c.tenant_id"
                    + " and d.channel = c.channel and d.thread_key = c.thread_key and d.status = 'dead')");
        }
        params.add(limit);
        return jdbc.sql(SELECT + where + " order by c.updated_at desc, c.id limit ?").params(params)
                .query(JdbcConversationInbox::item).list();
    }

    @Override
    public Optional<ConversationDetail> find(TenantId tenant, ConversationId id) {
        return jdbc.sql(SELECT + "where c.tenant_id = ? and c.id = ?").params(tenant.value(), id.value())
                .query(JdbcConversationInbox::item).optional()
                .map(item -> new ConversationDetail(item, transcripts.transcript(id), transcripts.events(id)));
    }

    @Override
    public Optional<ConversationDetail> findByTicket(TenantId tenant, String system, String ticketId) {
        return jdbc.sql("select c.id from conversations c where c.tenant_id = ? and ((c.channel = ? and c.thread_key = ?)"
                        + " or (c.ticket_system = ? and c.ticket_id = ?)) order by c.updated_at desc, c.id limit 1")
                .params(tenant.value(), system, ticketId, system, ticketId)
                .query(String.class).optional()
                .flatMap(id -> find(tenant, new ConversationId(id)));
    }

    private static InboxItem item(ResultSet rs, int row) throws SQLException {
        ConversationRecord c = Conversations.map(rs, row);
        return new InboxItem(c.id(), c.channel(), c.user(), c.status(), c.lastConfidence(), c.handoffReason(),
                c.ticket(), c.resolutionKind(), c.aiAnswers(), c.createdAt(), c.updatedAt(),
                rs.getInt("dead_letters"), rs.getString("dead_error"));
    }
}
