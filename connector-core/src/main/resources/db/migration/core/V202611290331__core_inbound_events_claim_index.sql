-- The workers' claim reads the oldest 'received' and the oldest 'processing' events in id order: with this index each
-- is a short range scan, however many events are done or waiting.
create index ix_inbound_events_status_id on inbound_events (status, id);
