package io.resolvehub.agent.index;

import io.resolvehub.agent.KnowledgeIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

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

    /** The probe found the index's segment files 0644 (created after the data dir was narrowed at start). */
    @Test
    void everyFileTheIndexWritesIsTheOwnersAlone() throws IOException {
        index.add(List.of(chunk(ACME, "s1", "d1", "c1", "Offline mode", "Notes sync when you reconnect.")));
        index.refresh();
        index.add(List.of(chunk(ACME, "s2", "d2", "c2", "Refunds", "Refunds take 14 days.")));
        index.deleteSource(ACME, "s1");
        index.refresh();

        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------"));
        }
    }
}
