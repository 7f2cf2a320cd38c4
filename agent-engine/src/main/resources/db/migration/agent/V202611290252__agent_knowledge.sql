-- Knowledge sources of each tenant (SPEC §3 sources) and the documents each one produced.
CREATE TABLE agent_knowledge_sources (
    id            varchar(40)  PRIMARY KEY,
    tenant        varchar(40)  NOT NULL,
    type          varchar(16)  NOT NULL,     -- file | text | url | sitemap
    title         varchar(500),
    url           text,
    filename      varchar(500),
    status        varchar(16)  NOT NULL,     -- pending | indexing | ready | failed
    chunks        integer      NOT NULL DEFAULT 0,
    error         text,
    content_hash  varchar(64),
    created_at    timestamp with time zone NOT NULL,
    updated_at    timestamp with time zone NOT NULL
);
CREATE INDEX agent_knowledge_sources_tenant ON agent_knowledge_sources (tenant, created_at);
CREATE INDEX agent_knowledge_sources_status ON agent_knowledge_sources (status);

-- The original upload (base64) or pasted text, kept so an interrupted ingestion can start again after a restart
-- and a resync of a file source needs no re-upload. Separate from the listing table so lists never load it.
CREATE TABLE agent_source_contents (
    source_id     varchar(40)  PRIMARY KEY,
    encoding      varchar(16)  NOT NULL,     -- base64 | text
    content       text         NOT NULL
);

-- One row per document a source produced (one for a file or text, one per page for a crawl): lets a resync
-- re-embed only documents whose hash or ETag changed and drop those that disappeared.
CREATE TABLE agent_source_documents (
    source_id     varchar(40)  NOT NULL,
    doc_key       varchar(1000) NOT NULL,
    title         varchar(500),
    url           text,
    content_hash  varchar(64)  NOT NULL,
    etag          varchar(500),
    chunks        integer      NOT NULL,
    PRIMARY KEY (source_id, doc_key)
);

-- The brand voice of each tenant (SPEC §3 /voice).
CREATE TABLE agent_voice_settings (
    tenant         varchar(40)  PRIMARY KEY,
    assistant_name varchar(100) NOT NULL,
    tone           varchar(40)  NOT NULL,
    greeting       varchar(500) NOT NULL,
    sign_off       varchar(500) NOT NULL,
    updated_at     timestamp with time zone NOT NULL
);
