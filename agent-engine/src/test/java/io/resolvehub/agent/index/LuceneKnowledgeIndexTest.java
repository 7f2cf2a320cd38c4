package io.resolvehub.agent.index;

import io.resolvehub.agent.KnowledgeIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LuceneKnowledgeIndexTest extends KnowledgeIndexContract {

    @TempDir
    Path dir;

    @Override
    protected KnowledgeIndex createIndex() {
        return new LuceneKnowledgeIndex(dir.resolve("index"));
    }

    @Test
    void committedChunksSurviveReopeningTheIndex() {
        index.add(List.of(chunk(ACME, "s1", "d1", "c1", "Offline mode", "Notes sync when you reconnect.")));
        index.refresh();
        index.close();
        index = createIndex();
        assertThat(index.count(ACME)).isEqualTo(1);
    }
}
