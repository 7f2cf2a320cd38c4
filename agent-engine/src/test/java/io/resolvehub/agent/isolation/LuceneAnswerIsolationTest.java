package io.resolvehub.agent.isolation;

import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;

import java.nio.file.Path;

/** Answer isolation on the embedded Lucene index (the default backend). */
class LuceneAnswerIsolationTest extends AnswerIsolationContract {

    @Override
    protected KnowledgeIndex createIndex(Path dir) {
        return new LuceneKnowledgeIndex(dir.resolve("index"));
    }
}
