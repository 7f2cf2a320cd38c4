-- API tokens bound to one tenant (e.g. for the Zendesk sidebar app): read-only, stored as SHA-256 hashes only.
create table tenant_api_tokens (
    token_hash varchar(64)  not null primary key,
    tenant_id  varchar(40)  not null,
    name       varchar(100) not null,
    created_by varchar(200) not null,
    created_at timestamp with time zone not null,
    constraint uq_tenant_api_tokens_name unique (tenant_id, name)
);
