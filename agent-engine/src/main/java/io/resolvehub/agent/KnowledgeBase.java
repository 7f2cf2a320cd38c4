package io.resolvehub.agent;

import io.resolvehub.agent.ingest.CapReached;
import io.resolvehub.agent.ingest.Ingestor;
import io.resolvehub.agent.ingest.KnowledgeSources;
import io.resolvehub.core.TenantId;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/**
 * The knowledge sources of each tenant: what the REST layer and the first-start demo call. Every method validates its
 * input completely before it writes anything (bad input never half-applies); indexing happens in the background.
 */
public final class KnowledgeBase {

    static final int MAX_TITLE = 500;
    static final int MAX_TEXT_CHARS = 2_000_000;

    private final KnowledgeSources sources;
    private final KnowledgeIndex index;
    private final Ingestor ingestor;
    private final SourceQuota quota;

    /** Without limits on how many sources, or how many kept bytes, a tenant may have (tests of other things). */
    public KnowledgeBase(KnowledgeSources sources, KnowledgeIndex index, Ingestor ingestor) {
        this(sources, index, ingestor, SourceLimits.NONE);
    }

    public KnowledgeBase(KnowledgeSources sources, KnowledgeIndex index, Ingestor ingestor, SourceLimits limits) {
        this.sources = sources;
        this.index = index;
        this.ingestor = ingestor;
        this.quota = new SourceQuota(limits);
    }

    /**
     * Adds an uploaded file (PDF, Markdown, HTML, plain text). The type comes from the file name (or, without an
     * extension, the media type); the content is checked against it during ingestion, so a binary named {@code .md}
     * ends {@code failed} with a readable reason.
     *
     * @param title optional; the document's own title (first heading, PDF title) is used when null
     * @throws UnsupportedFileTypeException when the type is not one the hub reads
     * @throws SourceLimitException when the tenant or the hub holds as much knowledge as it may (as for every add)
     */
    public KnowledgeSource addFile(TenantId tenant, String title, String filename, String mediaType, byte[] content) {
        return addFile(tenant, title, filename, mediaType, content, null);
    }

    /**
     * As {@link #addFile(TenantId, String, String, String, byte[])}, with the URL where people can read the document
     * (cited with the answers it grounds); null when it has none.
     */
    public KnowledgeSource addFile(TenantId tenant, String title, String filename, String mediaType, byte[] content, String url) {
        String link = url == null || url.isBlank() ? null : checkUrl(url);
        FileFormat.declared(filename, mediaType).orElseThrow(() -> new UnsupportedFileTypeException(filename, mediaType));
        String name = filename != null && !filename.isBlank() ? baseName(filename)
                : "upload." + FileFormat.declared(null, mediaType).orElseThrow().name().toLowerCase(Locale.ROOT);
        return create(tenant, SourceType.FILE, checkTitle(title), link, name,
                new KnowledgeSources.StoredContent("base64", Base64.getEncoder().encodeToString(content)));
    }

    /** The first-start demo's entry point: a bundled document with a known title. */
    public KnowledgeSource addDocument(TenantId tenant, String title, String filename, byte[] content) {
        return addFile(tenant, title, filename, null, content, null);
    }

    /** The first-start demo's entry point, with the article's public URL for citations. */
    public KnowledgeSource addDocument(TenantId tenant, String title, String filename, byte[] content, String url) {
        return addFile(tenant, title, filename, null, content, url);
    }

    /** Adds pasted text. */
    public KnowledgeSource addText(TenantId tenant, String title, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("'text' is required for a text source and must not be blank");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("'text' is longer than " + MAX_TEXT_CHARS + " characters: upload it as a file");
        }
        return create(tenant, SourceType.TEXT, checkTitle(title), null, null, new KnowledgeSources.StoredContent("text", text));
    }

    /**
     * Adds a web page ({@code URL}), a sitemap / same-site crawl ({@code SITEMAP}) starting at {@code url}, or a public
     * Zendesk Guide help center ({@code ZENDESK_GUIDE}: its root or a {@code /hc/<locale>} URL).
     */
    public KnowledgeSource addWeb(TenantId tenant, SourceType type, String url, String title) {
        if (type != SourceType.URL && type != SourceType.SITEMAP && type != SourceType.ZENDESK_GUIDE) {
            throw new IllegalArgumentException("type must be url, sitemap or zendesk_guide here");
        }
        return create(tenant, type, checkTitle(title), checkUrl(url), null, null);
    }

    public List<KnowledgeSource> list(TenantId tenant) {
        return sources.list(tenant);
    }

    public Optional<KnowledgeSource> find(TenantId tenant, String id) {
        return sources.find(tenant, id);
    }

    /**
     * Reads the source again; unchanged documents (same hash or ETag) keep their chunks. Empty when unknown.
     *
     * @throws IngestionBusyException when the ingestion queue is full; the source keeps its status, chunks and error
     */
    public Optional<KnowledgeSource> resync(TenantId tenant, String id) {
        Optional<KnowledgeSource> found = sources.find(tenant, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        KnowledgeSource before = found.get();
        // Pending before it is queued, not after: a quick worker's indexing or ready must not be overwritten.
        sources.setStatus(id, SourceStatus.PENDING, null, null);
        try {
            ingestor.submit(id);
        } catch (RejectedExecutionException e) {
            restore(tenant, before);
            throw new IngestionBusyException("The hub is still indexing many other sources; nothing was changed. "
                    + "Retry the resync in a minute.");
        }
        return sources.find(tenant, id);
    }

    /**
     * Undoes resync's {@code pending} after the queue refused the source. Nothing was queued, but a worker may still be
     * indexing this source from an earlier submit: when it has already moved the status on, its result stands.
     */
    private void restore(TenantId tenant, KnowledgeSource before) {
        sources.find(tenant, before.id())
                .filter(now -> now.status() == SourceStatus.PENDING)
                .ifPresent(now -> sources.setStatus(before.id(), before.status(), before.chunks(), before.error()));
    }

    /** Removes a source and all its chunks from the index. {@code false} when the tenant has no such source. */
    public boolean delete(TenantId tenant, String id) {
        if (!sources.delete(tenant, id)) {
            return false;
        }
        index.deleteSource(tenant, id);
        index.refresh();
        return true;
    }

    /** How many chunks the tenant has in the index. */
    public long chunkCount(TenantId tenant) {
        return index.count(tenant);
    }

    /** True when no ingestion is queued or running. */
    public boolean idle() {
        return ingestor.idle();
    }

    private KnowledgeSource create(TenantId tenant, SourceType type, String title, String url, String filename,
                                   KnowledgeSources.StoredContent content) {
        Instant now = Instant.now();
        KnowledgeSource source = new KnowledgeSource("src_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                tenant, type, title, url, filename, SourceStatus.PENDING, 0, null, null, now, now);
        try {
            sources.insert(source, content, quota.limits());
        } catch (CapReached reached) {
            throw quota.refusal(tenant, content == null ? 0 : content.bytes(), reached);
        }
        try {
            ingestor.submit(source.id());
        } catch (RejectedExecutionException e) {
            sources.delete(tenant, source.id());   // nothing half-applied: the caller may retry later
            throw new IngestionBusyException();
        }
        return source;
    }

    private static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        if (title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("'title' must be at most " + MAX_TITLE + " characters");
        }
        if (hasControlCharacters(title)) {
            throw new IllegalArgumentException("'title' holds control characters (such as NUL or an escape); send plain text");
        }
        return title.strip();
    }

    private static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("'url' is required for url, sitemap and zendesk_guide sources");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("'url' must be an absolute http(s) URL, e.g. https://help.example.com/");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'url' is not a valid URL: " + e.getMessage());
        }
    }

    /** Line breaks and tabs aside: PostgreSQL refuses a NUL in text, and the others garble logs and the admin page. */
    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    private static String baseName(String filename) {
        if (hasControlCharacters(filename)) {
            throw new IllegalArgumentException("The file name holds control characters (such as NUL); rename the file and upload it again");
        }
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.length() > MAX_TITLE ? name.substring(name.length() - MAX_TITLE) : name;
    }
}
