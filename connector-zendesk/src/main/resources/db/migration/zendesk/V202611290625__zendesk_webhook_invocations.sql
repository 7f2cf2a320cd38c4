-- Zendesk webhook deliveries already handled, by X-Zendesk-Webhook-Invocation-Id: a redelivery is acknowledged
-- without reading the ticket again.
create table zendesk_webhook_invocations (
    tenant_id     varchar(40)              not null,
    invocation_id varchar(200)             not null,
    ticket_id     bigint                   not null,
    received_at   timestamp with time zone not null,
    primary key (tenant_id, invocation_id)
);
create index zendesk_webhook_invocations_received on zendesk_webhook_invocations (received_at);
