package io.resolvehub.agent.ingest;

import io.resolvehub.agent.FileFormat;
import io.resolvehub.agent.IngestionException;
import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SourceType;
import io.resolvehub.agent.ingest.CrawlSession.Fetched;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads url and sitemap sources from the web. A {@code url} source is one page. A {@code sitemap} source is either a
 * sitemap XML (its {@code <loc>} pages, one level of sitemap index followed) or an HTML start page crawled breadth-first
 * on the same host. Honours robots.txt, waits {@code delay} between requests, stops at {@code maxPages} and
 * {@code maxDepth}, skips pages over {@code maxBytes}; single pages and sitemap pages are fetched conditionally
 * ({@code If-None-Match}) so a resync of an unchanged page costs one 304.
 */
public final class WebReader implements DocumentReader {

    private static final Logger log = LoggerFactory.getLogger(WebReader.class);
    private static final Pattern SKIPPED_LINK = Pattern.compile(".*\\.(png|jpe?g|gif|svg|webp|ico|css|js|zip|gz|mp4|mp3|woff2?)$",
            Pattern.CASE_INSENSITIVE);

    private final int maxPages;
    private final int maxDepth;
    private final Duration delay;
    private final Duration timeout;
    private final long maxBytes;
    private final long maxTotalBytes;
    private final String userAgent;
    private final HttpClient http;

    /** Without a limit on the bytes of a whole crawl (tests of other things). */
    public WebReader(int maxPages, int maxDepth, Duration delay, Duration timeout, long maxBytes, String userAgent) {
        this(maxPages, maxDepth, delay, timeout, maxBytes, Long.MAX_VALUE, userAgent);
    }

    /** @param maxTotalBytes the bytes one read of a source may fetch in all; more fails the source with that reason */
    public WebReader(int maxPages, int maxDepth, Duration delay, Duration timeout, long maxBytes, long maxTotalBytes,
                     String userAgent) {
        this.maxTotalBytes = maxTotalBytes;
        this.maxPages = maxPages;
        this.maxDepth = maxDepth;
        this.delay = delay;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public List<SourceDocument> read(KnowledgeSource source, Map<String, KnowledgeSources.DocumentState> known) {
        CrawlSession session = new CrawlSession(http, delay, timeout, maxBytes, maxTotalBytes, userAgent);
        URI start = URI.create(source.url());
        if (!session.allowed(start)) {
            throw new IngestionException("robots.txt of " + start.getHost() + " does not allow fetching " + start);
        }
        if (source.type() == SourceType.URL) {
            String key = normalise(start);
            KnowledgeSources.DocumentState state = known.get(key);
            Fetched page = session.get(start, state == null ? null : state.etag());
            return List.of(toDocument(key, start, page).orElseThrow(() -> new IngestionException(
                    start + " answered " + describe(page) + ": expected an HTML, PDF, Markdown or text page")));
        }
        Fetched first = session.get(start, null);
        if (first.status() != 200) {
            throw new IngestionException(start + " answered HTTP " + first.status());
        }
        return isSitemap(first) ? readSitemap(session, start, first, known) : crawl(session, start, first);
    }

    private List<SourceDocument> readSitemap(CrawlSession session, URI start, Fetched sitemap, Map<String, KnowledgeSources.DocumentState> known) {
        Set<URI> pages = new LinkedHashSet<>();
        Document xml = Jsoup.parse(new String(sitemap.body(), StandardCharsets.UTF_8), "", Parser.xmlParser());
        if (!xml.select("sitemapindex").isEmpty()) {
            for (Element loc : xml.select("sitemap > loc")) {
                if (pages.size() >= maxPages) {
                    break;
                }
                URI child = start.resolve(loc.text().strip());
                if (sameHost(start, child) && session.allowed(child)) {
                    Fetched childMap = session.get(child, null);
                    if (childMap.status() == 200) {
                        Jsoup.parse(new String(childMap.body(), StandardCharsets.UTF_8), "", Parser.xmlParser())
                                .select("url > loc").forEach(l -> pages.add(start.resolve(l.text().strip())));
                    }
                }
            }
        } else {
            xml.select("url > loc").forEach(l -> pages.add(start.resolve(l.text().strip())));
        }
        List<SourceDocument> documents = new ArrayList<>();
        for (URI page : pages) {
            if (documents.size() >= maxPages) {
                break;
            }
            if (!sameHost(start, page) || !session.allowed(page)) {
                continue;
            }
            String key = normalise(page);
            KnowledgeSources.DocumentState state = known.get(key);
            try {
                toDocument(key, page, session.get(page, state == null ? null : state.etag())).ifPresent(documents::add);
            } catch (IngestionException e) {
                if (session.exhausted()) {
                    throw e;
                }
                log.info("Skipping {}: {}", page, e.getMessage());
            }
        }
        return documents;
    }

    private List<SourceDocument> crawl(CrawlSession session, URI start, Fetched first) {
        List<SourceDocument> documents = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        ArrayDeque<Object[]> queue = new ArrayDeque<>();   // {URI, depth, Fetched or null}
        queue.add(new Object[]{start, 0, first});
        seen.add(normalise(start));
        while (!queue.isEmpty() && documents.size() < maxPages) {
            Object[] next = queue.poll();
            URI uri = (URI) next[0];
            int depth = (int) next[1];
            try {
                Fetched page = next[2] != null ? (Fetched) next[2] : session.get(uri, null);
                Optional<SourceDocument> document = toDocument(normalise(uri), uri, page);
                if (document.isEmpty()) {
                    continue;
                }
                documents.add(document.get());
                if (depth < maxDepth && document.get().format() == FileFormat.HTML) {
                    Document html = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), uri.toString());
                    for (Element link : html.select("a[href]")) {
                        String href = link.absUrl("href");
                        if (href.isEmpty() || SKIPPED_LINK.matcher(href.replaceAll("[?#].*", "")).matches()) {
                            continue;
                        }
                        URI target;
                        try {
                            target = URI.create(href.replaceAll("#.*", ""));
                        } catch (IllegalArgumentException e) {
                            continue;
                        }
                        if (sameHost(start, target) && seen.add(normalise(target)) && session.allowed(target)) {
                            queue.add(new Object[]{target, depth + 1, null});
                        }
                    }
                }
            } catch (IngestionException e) {
                if (session.exhausted()) {
                    throw e;
                }
                log.info("Skipping {}: {}", uri, e.getMessage());
            }
        }
        return documents;
    }

    private static Optional<SourceDocument> toDocument(String key, URI uri, Fetched page) {
        if (page.status() == 304) {
            return Optional.of(SourceDocument.unchanged(key, uri.toString(), page.etag()));
        }
        if (page.status() != 200) {
            return Optional.empty();
        }
        String type = page.contentType().toLowerCase(Locale.ROOT);
        FileFormat format = type.contains("html") ? FileFormat.HTML
                : type.contains("pdf") ? FileFormat.PDF
                : type.contains("markdown") ? FileFormat.MARKDOWN
                : type.startsWith("text/plain") ? FileFormat.TEXT
                : FileFormat.declared(uri.getPath(), null).orElse(null);
        if (format == null || page.body().length == 0) {
            return Optional.empty();
        }
        try {
            format.verify(page.body(), uri.toString());
        } catch (IngestionException e) {
            return Optional.empty();
        }
        return Optional.of(new SourceDocument(key, null, uri.toString(), page.body(), format, page.etag(), false));
    }

    private static boolean isSitemap(Fetched fetched) {
        String head = new String(fetched.body(), 0, Math.min(fetched.body().length, 500), StandardCharsets.UTF_8);
        return fetched.contentType().contains("xml") || head.contains("<urlset") || head.contains("<sitemapindex");
    }

    private static String describe(Fetched page) {
        return "HTTP " + page.status() + (page.contentType().isEmpty() ? "" : " (" + page.contentType() + ")");
    }

    private static boolean sameHost(URI a, URI b) {
        return b.getHost() != null && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && ("http".equals(b.getScheme()) || "https".equals(b.getScheme()));
    }

    private static String normalise(URI uri) {
        String s = uri.toString().replaceAll("#.*", "");
        return s.endsWith("/") && uri.getPath() != null && uri.getPath().length() > 1 ? s.substring(0, s.length() - 1) : s;
    }
}
