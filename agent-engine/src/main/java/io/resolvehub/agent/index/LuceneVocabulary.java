package io.resolvehub.agent.index;

import io.resolvehub.core.TenantId;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tenant's vocabulary in a Lucene index: chunk frequencies of search-field terms, and spelling suggestions from
 * Lucene's {@link DirectSpellChecker}. The spell checker reads the whole field (every tenant's terms), so each
 * suggestion is kept only when the tenant's own chunks hold it: a tenant's question is never steered by another
 * tenant's words.
 */
final class LuceneVocabulary {

    private static final int CANDIDATES = 5;
    private static final int MIN_LENGTH = 4;

    private final String tenantField;
    private final String searchField;
    private final DirectSpellChecker spelling = new DirectSpellChecker();

    LuceneVocabulary(String tenantField, String searchField) {
        this.tenantField = tenantField;
        this.searchField = searchField;
        spelling.setMinQueryLength(MIN_LENGTH);
        spelling.setMaxEdits(2);
    }

    Map<String, Long> chunkFrequencies(IndexSearcher searcher, TenantId tenant, Collection<String> terms) throws IOException {
        Map<String, Long> frequencies = new LinkedHashMap<>();
        for (String term : terms) {
            frequencies.put(term, LiveMatches.count(searcher, inTenant(tenant, term)));
        }
        return frequencies;
    }

    Map<String, String> spellingSuggestions(IndexSearcher searcher, TenantId tenant, Collection<String> terms) throws IOException {
        Map<String, String> suggestions = new LinkedHashMap<>();
        for (String term : terms) {
            if (term.length() < MIN_LENGTH || term.chars().anyMatch(Character::isDigit) || holds(searcher, tenant, term)) {
                continue;
            }
            for (SuggestWord word : spelling.suggestSimilar(new Term(searchField, term), CANDIDATES, searcher.getIndexReader(),
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                if (holds(searcher, tenant, word.string)) {
                    suggestions.put(term, word.string);
                    break;
                }
            }
        }
        return suggestions;
    }

    /** Whether one of the tenant's chunks holds the term. */
    private boolean holds(IndexSearcher searcher, TenantId tenant, String term) throws IOException {
        return LiveMatches.any(searcher, inTenant(tenant, term));
    }

    private BooleanQuery inTenant(TenantId tenant, String term) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(tenantField, tenant.value())), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(searchField, term)), BooleanClause.Occur.FILTER)
                .build();
    }
}
