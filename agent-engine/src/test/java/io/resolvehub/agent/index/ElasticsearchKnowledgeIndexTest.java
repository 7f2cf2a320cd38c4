package io.resolvehub.agent.index;

import io.resolvehub.agent.KnowledgeIndex;
import java.util.concurrent.atomic.AtomicInteger;

/** The index contract against a real Elasticsearch 8.19; each test gets its own index. */
class ElasticsearchKnowledgeIndexTest extends KnowledgeIndexContract {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Override
    protected KnowledgeIndex createIndex() {
        return new ElasticsearchKnowledgeIndex(ElasticsearchServer.url(), "contract-" + COUNTER.incrementAndGet(), 384);
    }
}
