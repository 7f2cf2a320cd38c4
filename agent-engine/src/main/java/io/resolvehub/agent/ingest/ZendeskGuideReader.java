package io.resolvehub.agent.ingest;

import io.resolvehub.agent.FileFormat;
import io.resolvehub.agent.IngestionException;
import io.resolvehub.agent.KnowledgeSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a public Zendesk Guide help center through the Help Center API: every published article of the help center
 * (or of one locale, when the source URL names it, e.g. {@code https://acme.zendesk.com/hc/de}) is one HTML document
 * keyed by the article id and cited by its {@code html_url}. Drafts and articles without text are skipped. An article whose {@code updated_at}
 * is the one indexed last time is reported unchanged, so a resync re-embeds only edited articles; articles the API no
 * longer lists are dropped by the ingestor.
 *
 * <p>Requests are anonymous: a help center that requires sign-in is not supported yet (it answers 401/403 and the source
 * fails with that reason). The web reader's limits apply: {@code maxPages} articles at most, {@code delay} between API
 * requests, {@code timeout} per request, {@code maxBytes} per API page. Pagination follows {@code next_page} (offset) or
 * {@code links.next} (cursor), on the help center's own host only.
 */
public final class ZendeskGuideReader implements DocumentReader {

    /** {@code /hc/en-us/...}: the locale segment of a help center URL. */
    private static final Pattern HC_LOCALE = Pattern.compile("^/hc/([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?:/.*)?$");
    /** Path segments after {@code /hc/} that are pages, not locales. */
    private static final Set<String> NOT_LOCALES = Set.of("articles", "sections", "categories", "requests", "search",
            "community", "signin", "profiles", "contributions", "subscriptions");
    private static final int PER_PAGE = 100;

    private final int maxArticles;
    private final HelpCenterApi api;

    public ZendeskGuideReader(int maxArticles, Duration delay, Duration timeout, long maxBytes, String userAgent) {
        this.maxArticles = maxArticles;
        this.api = new HelpCenterApi(delay, timeout, maxBytes, userAgent);
    }

    /** The first API page to ask for: the locale's articles when the help center URL names a locale, else the default's. */
    static URI articlesEndpoint(String helpCenterUrl) {
        URI url = URI.create(helpCenterUrl.strip());
        String origin = url.getScheme() + "://" + url.getRawAuthority();
        String locale = locale(url.getPath());
        return URI.create(origin + "/api/v2/help_center/" + (locale == null ? "" : locale + "/")
                + "articles.json?per_page=" + PER_PAGE);
    }

    private static String locale(String path) {
        Matcher m = HC_LOCALE.matcher(path == null ? "" : path);
        if (!m.matches() || NOT_LOCALES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            return null;
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    @Override
    public List<SourceDocument> read(KnowledgeSource source, Map<String, KnowledgeSources.DocumentState> known) {
        URI first = articlesEndpoint(source.url());
        List<SourceDocument> documents = new ArrayList<>();
        Set<URI> visited = new HashSet<>();
        HelpCenterApi.Session session = api.session();
        URI next = first;
        while (next != null && documents.size() < maxArticles && visited.add(next)) {
            JsonNode page = session.fetchJson(next, source.url());
            JsonNode articles = page.path("articles");
            if (!articles.isArray()) {
                throw new IngestionException(next + " answered JSON without an 'articles' list: is " + source.url()
                        + " a Zendesk help center?");
            }
            for (JsonNode article : articles) {
                if (documents.size() >= maxArticles) {
                    break;
                }
                if (!article.path("draft").asBoolean(false)) {
                    toDocument(article, known).ifPresent(documents::add);
                }
            }
            next = nextPage(page, first);
        }
        return documents;
    }

    private static Optional<SourceDocument> toDocument(JsonNode article, Map<String, KnowledgeSources.DocumentState> known) {
        String id = text(article.path("id"));
        String body = text(article.path("body"));
        if (id == null || body == null || Jsoup.parseBodyFragment(body).text().isBlank()) {
            // Nothing to answer from (an empty article, a video or image only): skipped, since a document without text
            // would fail the whole help center.
            return Optional.empty();
        }
        String title = text(article.path("title")) != null ? text(article.path("title")) : text(article.path("name"));
        String url = text(article.path("html_url"));
        String updatedAt = text(article.path("updated_at"));
        KnowledgeSources.DocumentState previous = known.get(id);
        if (updatedAt != null && previous != null && updatedAt.equals(previous.etag())) {
            return Optional.of(SourceDocument.unchanged(id, url, updatedAt));
        }
        return Optional.of(new SourceDocument(id, title, url, page(title, body), FileFormat.HTML, updatedAt, false));
    }

    /** A string or number as text; null when missing or JSON null. */
    private static String text(JsonNode node) {
        return node.isString() || node.isNumber() ? node.asString() : null;
    }

    /** The article as a page of its own: its title as the heading, so the HTML parser reads title and heading path. */
    private static byte[] page(String title, String body) {
        Document page = Document.createShell("");
        Element article = page.body().appendElement("article");
        if (title != null && !title.isBlank()) {
            page.title(title);
            article.appendElement("h1").text(title);
        }
        article.append(body);
        return page.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code next_page} (offset pagination) or {@code links.next} (cursor pagination), on the same host only. */
    private static URI nextPage(JsonNode page, URI first) {
        String next = text(page.path("next_page"));
        if (next == null || next.isBlank()) {
            next = page.path("meta").path("has_more").asBoolean(true) ? text(page.path("links").path("next")) : null;
        }
        if (next == null || next.isBlank()) {
            return null;
        }
        // Cursor links carry page[size] and page[after] unencoded; java.net.URI wants the brackets escaped.
        int query = next.indexOf('?');
        String escaped = query < 0 ? next.strip()
                : next.substring(0, query) + next.substring(query).replace("[", "%5B").replace("]", "%5D").strip();
        URI uri;
        try {
            uri = first.resolve(escaped);
        } catch (IllegalArgumentException e) {
            throw new IngestionException("the Help Center API answered an unreadable next page link: " + next);
        }
        if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(first.getHost())) {
            throw new IngestionException("the Help Center API pointed the next page to another host (" + uri.getHost() + ")");
        }
        return uri;
    }
}
