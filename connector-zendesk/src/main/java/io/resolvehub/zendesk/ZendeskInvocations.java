package io.resolvehub.zendesk;

import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.ZoneOffset;
import java.time.Instant;

/**
 * Webhook invocations already handled ({@code zendesk_webhook_invocations}). Recorded in the intake's transaction with
 * the change notice the invocation brought ({@link ZendeskWebhook#storedWith}): both are kept, or neither.
 */
final class ZendeskInvocations {

    private final JdbcClient jdbc;

    ZendeskInvocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean seen(TenantId tenant, String invocationId) {
        return jdbc.sql("select count(*) from zendesk_webhook_invocations where tenant_id = ? and invocation_id = ?")
                .params(tenant.value(), invocationId).query(Long.class).single() > 0;
    }

    void record(TenantId tenant, String invocationId, long ticketId, Instant at) {
        // the same delivery handled twice at once on two instances: one row is enough (skipped, not caught)
        jdbc.sql("insert into zendesk_webhook_invocations (tenant_id, invocation_id, ticket_id, received_at) "
                        + "values (?, ?, ?, ?) on conflict do nothing")
                .params(tenant.value(), invocationId, ticketId, at.atOffset(ZoneOffset.UTC)).update();
    }

    int forgetBefore(Instant cutoff) {
        return jdbc.sql("delete from zendesk_webhook_invocations where received_at < ?").param(cutoff.atOffset(ZoneOffset.UTC)).update();
    }
}
