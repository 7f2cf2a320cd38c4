-- Finds the conversation handed off into a platform ticket (the Zendesk sidebar's lookup) without a table scan.
create index ix_conversations_ticket on conversations (tenant_id, ticket_system, ticket_id);
