package io.resolvehub.admin;

import io.resolvehub.agent.Embedder;
import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchMode;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.core.TenantId;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The Knowledge page's search: the passages the agent's retrieval finds for a question (the same hybrid search,
 * keywords and meaning, over the same index), best first, so a lead can see what an answer would be built from.
 */
@Component
class PassageSearch {

    static final int SHOWN = 5;

    /** One passage as the page shows it. */
    record Passage(String title, String url, String headings, String text, String score) {
    }

    private final KnowledgeIndex index;
    private final Embedder embedder;

    PassageSearch(KnowledgeIndex index, Embedder embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    List<Passage> search(TenantId tenant, String question) {
        String text = question.strip();
        List<SearchHit> hits = index.search(new SearchQuery(tenant, text, embedder.embed(text), SHOWN, SearchMode.HYBRID));
        return hits.stream().map(h -> new Passage(h.title(), h.url(), String.join(" › ", h.headingPath()),
                h.text().length() > 600 ? h.text().substring(0, 600) + "…" : h.text(),
                Format.confidence(h.similarity()))).toList();
    }
}
