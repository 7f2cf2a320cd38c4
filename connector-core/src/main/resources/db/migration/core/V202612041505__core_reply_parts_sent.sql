-- A reply posted as several platform messages records each part as it goes out, so a re-run after a crash or a
-- failed call posts only the parts that are missing (platform_message_id holds the last part's id meanwhile).
alter table conversation_turns add column parts_sent integer not null default 0;
