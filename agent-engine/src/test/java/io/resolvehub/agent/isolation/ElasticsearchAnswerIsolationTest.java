package io.resolvehub.agent.isolation;

import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.index.ElasticsearchKnowledgeIndex;
import io.resolvehub.agent.index.ElasticsearchServer;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Answer isolation on a real Elasticsearch 8.19, where every tenant's chunks share one index. */
class ElasticsearchAnswerIsolationTest extends AnswerIsolationContract {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Override
    protected KnowledgeIndex createIndex(Path dir) {
        return new ElasticsearchKnowledgeIndex(ElasticsearchServer.url(), "isolation-" + COUNTER.incrementAndGet(), 384);
    }
}
