-- The size of the content each source keeps (an upload's bytes, pasted text's UTF-8 bytes; 0 for web sources, whose
-- pages are not kept): what the per-tenant and hub-wide storage caps add up without reading the contents.
ALTER TABLE agent_knowledge_sources ADD COLUMN stored_bytes bigint NOT NULL DEFAULT 0;
UPDATE agent_knowledge_sources SET stored_bytes = (
    SELECT CASE WHEN c.encoding = 'base64' THEN OCTET_LENGTH(c.content) * 3 / 4 ELSE OCTET_LENGTH(c.content) END
    FROM agent_source_contents c WHERE c.source_id = agent_knowledge_sources.id)
WHERE id IN (SELECT source_id FROM agent_source_contents);
