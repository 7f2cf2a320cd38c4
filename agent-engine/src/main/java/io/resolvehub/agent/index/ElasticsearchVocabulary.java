package io.resolvehub.agent.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.resolvehub.core.TenantId;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.spell.LevenshteinDistance;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tenant's vocabulary in Elasticsearch. Its search field keeps whole words (the minimal distribution has only the
 * standard analyzer), while the agent speaks English stems, so a stem is counted as a word prefix ("configur" finds
 * "configure" and "configuration"), and a spelling suggestion is the closest word of the chunks a fuzzy query finds,
 * stemmed back.
 */
final class ElasticsearchVocabulary {

    private static final int MIN_LENGTH = 4;
    private static final Class<Map> DOC = Map.class;

    private final ElasticsearchClient client;
    private final String index;
    private final Analyzer stemmer = new EnglishAnalyzer();
    private final LevenshteinDistance distance = new LevenshteinDistance();

    ElasticsearchVocabulary(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    Map<String, Long> chunkFrequencies(TenantId tenant, Collection<String> terms) throws IOException {
        Map<String, Long> frequencies = new LinkedHashMap<>();
        for (String term : terms) {
            frequencies.put(term, client.count(c -> c.index(index).query(inTenant(tenant,
                    Query.of(q -> q.prefix(p -> p.field("search").value(term)))))).count());
        }
        return frequencies;
    }

    Map<String, String> spellingSuggestions(TenantId tenant, Collection<String> terms) throws IOException {
        Map<String, String> suggestions = new LinkedHashMap<>();
        for (String term : terms) {
            if (term.length() < MIN_LENGTH || term.chars().anyMatch(Character::isDigit)
                    || chunkFrequencies(tenant, java.util.List.of(term)).get(term) > 0) {
                continue;
            }
            var response = client.search(s -> s.index(index).size(3).source(src -> src.filter(f -> f.includes("text")))
                    .query(inTenant(tenant, Query.of(q -> q.fuzzy(f -> f.field("search").value(term).fuzziness("2"))))), DOC);
            String best = null;
            float bestScore = 0;
            for (Hit<Map> hit : response.hits().hits()) {
                for (String word : String.valueOf(hit.source().get("text")).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    float score = distance.getDistance(term, word.length() > term.length() + 2 ? word.substring(0, term.length() + 2) : word);
                    if (word.length() >= MIN_LENGTH && score > bestScore) {
                        bestScore = score;
                        best = word;
                    }
                }
            }
            if (best != null && bestScore >= 0.6f) {
                suggestions.put(term, stem(best));
            }
        }
        return suggestions;
    }

    private String stem(String word) throws IOException {
        try (TokenStream stream = stemmer.tokenStream("t", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String stem = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return stem;
        }
    }

    private static Query inTenant(TenantId tenant, Query query) {
        return Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("tenant").value(FieldValue.of(tenant.value())))).filter(query)));
    }
}
