package io.resolvehub.agent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which index serves retrieval ({@code hub.search.*}, see docs/configuration.md).
 *
 * @param backend       {@code lucene} (embedded, under {@code <hub.data-dir>/index}) or {@code elasticsearch}
 */
@ConfigurationProperties("hub.search")
public record SearchProperties(@DefaultValue("lucene") String backend, @DefaultValue Elasticsearch elasticsearch) {

    /**
     * @param url   e.g. {@code http://127.0.0.1:9200}
     * @param index the index holding every tenant's chunks
     */
    public record Elasticsearch(String url, @DefaultValue("resolvehub-chunks") String index) {
    }
}
