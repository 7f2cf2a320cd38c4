-- Threads the hub has answered in, so a later message in the thread continues the conversation without a new mention.
create table slack_threads (
    team_id    varchar(32)              not null,
    channel_id varchar(32)              not null,
    thread_ts  varchar(32)              not null,
    created_at timestamp with time zone not null,
    primary key (team_id, channel_id, thread_ts)
);

-- OAuth install states: issued by /slack/install, consumed once by /slack/oauth_redirect (any instance).
create table slack_install_states (
    state      varchar(120)             not null primary key,
    tenant_id  varchar(40)              not null,
    expires_at timestamp with time zone not null
);
create index slack_install_states_expiry on slack_install_states (expires_at);
