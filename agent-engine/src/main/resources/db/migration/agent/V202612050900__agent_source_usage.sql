-- How many knowledge sources each tenant, and the whole hub (scope '*', never a tenant id), has and how many bytes of
-- content they keep: the caps (hub.agent.sources.*) are checked against these kept counts, in the transaction that
-- adds a source, instead of summing the sources table on every add. A conditional UPDATE of a row takes its count and
-- checks the cap in one step, so sources added at the same moment cannot pass a cap together.
CREATE TABLE agent_source_usage (
    scope         varchar(40)  PRIMARY KEY,  -- a tenant id, or '*' for all tenants together
    sources       bigint       NOT NULL,
    stored_bytes  bigint       NOT NULL
);
INSERT INTO agent_source_usage (scope, sources, stored_bytes)
SELECT tenant, COUNT(*), COALESCE(SUM(stored_bytes), 0) FROM agent_knowledge_sources GROUP BY tenant;
INSERT INTO agent_source_usage (scope, sources, stored_bytes)
SELECT '*', COUNT(*), COALESCE(SUM(stored_bytes), 0) FROM agent_knowledge_sources;
