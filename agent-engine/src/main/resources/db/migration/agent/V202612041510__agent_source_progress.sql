-- How far a source's indexing is while it is indexing: pages (documents) of a sitemap or help center, or passages
-- (chunks) embedded of a single document; the admin page shows it as "done of total".
ALTER TABLE agent_knowledge_sources ADD COLUMN progress_done integer NOT NULL DEFAULT 0;
ALTER TABLE agent_knowledge_sources ADD COLUMN progress_total integer NOT NULL DEFAULT 0;
