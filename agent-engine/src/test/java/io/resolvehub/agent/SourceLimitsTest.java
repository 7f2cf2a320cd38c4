package io.resolvehub.agent;

import io.resolvehub.agent.ingest.KnowledgeSources;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The caps on how much knowledge a tenant and the hub may hold: a source past a cap is refused with a message that
 * says which cap and what to do, and nothing is stored; another tenant is not affected by one tenant's count; deleting
 * a source makes room again.
 */
class SourceLimitsTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final TenantId INITECH = new TenantId("initech");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTenantAtItsSourceCountIsRefusedAndOthersAreNot(TestDatabase database) {
        try (TestAgent agent = new TestAgent(database, dir)) {
            KnowledgeBase knowledge = new KnowledgeBase(agent.sources, agent.index, agent.ingestor, new SourceLimits(3, 100, 1_000_000, 10_000_000));
            KnowledgeSource first = knowledge.addText(ACME, "Refunds", "Refunds are issued within 14 days.");
            knowledge.addText(ACME, "Shipping", "Orders ship within two working days.");
            knowledge.addWeb(ACME, io.resolvehub.agent.SourceType.URL, "http://127.0.0.1:9/help", null);

            assertThatThrownBy(() -> knowledge.addText(ACME, "Returns", "Returns are free within 30 days."))
                    .isInstanceOf(SourceLimitException.class)
                    .hasMessageContaining("already has 3 knowledge sources")
                    .hasMessageContaining("nothing was added")
                    .hasMessageContaining("hub.agent.sources.max-per-tenant")
                    .satisfies(e -> assertThat(((SourceLimitException) e).bytes()).isFalse());
            assertThatThrownBy(() -> knowledge.addFile(ACME, null, "returns.md", null, "# Returns".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(SourceLimitException.class);
            assertThat(knowledge.list(ACME)).hasSize(3);

            assertThat(knowledge.addText(GLOBEX, "Payroll", "Payroll runs monthly.").id()).isNotBlank();
            agent.awaitIdle();
            assertThat(knowledge.delete(ACME, first.id())).isTrue();
            assertThat(knowledge.addText(ACME, "Returns", "Returns are free within 30 days.").id()).isNotBlank();
            assertThat(knowledge.list(ACME)).hasSize(3);
            agent.awaitIdle();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keptBytesPerTenantCountUploadsAsTheirOwnSizeAndPastedTextAsUtf8(TestDatabase database) {
        try (TestAgent agent = new TestAgent(database, dir)) {
            KnowledgeBase knowledge = new KnowledgeBase(agent.sources, agent.index, agent.ingestor, new SourceLimits(100, 100, 100, 10_000));
            knowledge.addText(ACME, "Umlauts", "Größe: " + "x".repeat(30));   // 39 UTF-8 bytes
            byte[] upload = markdown(61);
            knowledge.addFile(ACME, null, "exactly-the-rest.md", null, upload);     // 39 + 61 = 100: at the cap, allowed
            assertThat(agent.sources.usage(ACME).storedBytes()).isEqualTo(100);

            assertThatThrownBy(() -> knowledge.addFile(ACME, null, "one-byte.md", null, markdown(1)))
                    .isInstanceOf(SourceLimitException.class)
                    .hasMessageContaining("tenant 'acme' keeps to 101 bytes, over its 100 bytes")
                    .hasMessageContaining("hub.agent.sources.max-bytes-per-tenant")
                    .satisfies(e -> assertThat(((SourceLimitException) e).bytes()).isTrue());
            assertThatThrownBy(() -> knowledge.addText(ACME, "More", "y"))
                    .isInstanceOf(SourceLimitException.class);
            assertThat(knowledge.list(ACME)).hasSize(2);
            // a web source keeps no content: it is bounded by the count and the crawl limits, not by bytes
            assertThat(knowledge.addWeb(ACME, io.resolvehub.agent.SourceType.URL, "http://127.0.0.1:9/help", null).id())
                    .isNotBlank();
            assertThat(knowledge.addText(GLOBEX, "Payroll", "Payroll runs monthly.").id()).isNotBlank();
            agent.awaitIdle();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theHubWideCapsCountEveryTenant(TestDatabase database) {
        try (TestAgent agent = new TestAgent(database, dir)) {
            KnowledgeBase byCount = new KnowledgeBase(agent.sources, agent.index, agent.ingestor, new SourceLimits(10, 3, 10_000, 100_000));
            byCount.addText(ACME, "Refunds", "Refunds are issued within 14 days.");
            byCount.addText(GLOBEX, "Payroll", "Payroll runs monthly.");
            byCount.addText(GLOBEX, "Leave", "Leave is booked in the calendar.");
            assertThatThrownBy(() -> byCount.addText(INITECH, "TPS", "TPS reports have a cover sheet."))
                    .isInstanceOf(SourceLimitException.class)
                    .hasMessageContaining("The hub holds 3 knowledge sources")
                    .hasMessageContaining("hub.agent.sources.max-total");
            assertThat(byCount.list(INITECH)).isEmpty();

            long kept = agent.sources.usage().storedBytes();
            KnowledgeBase byBytes = new KnowledgeBase(agent.sources, agent.index, agent.ingestor, new SourceLimits(10, 10, 10_000, kept + 50));
            assertThat(byBytes.addFile(INITECH, null, "tps.md", null, markdown(50)).id()).isNotBlank();
            assertThatThrownBy(() -> byBytes.addFile(INITECH, null, "cover.md", null, markdown(1)))
                    .isInstanceOf(SourceLimitException.class)
                    .hasMessageContaining("The hub's storage for documents")
                    .hasMessageContaining("hub.agent.sources.max-bytes-total")
                    .satisfies(e -> assertThat(((SourceLimitException) e).bytes()).isTrue());
            assertThat(byBytes.list(INITECH)).hasSize(1);
            agent.awaitIdle();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sourcesAddedAtTheSameMomentNeverPassACapTogether(TestDatabase database) throws Exception {
        try (TestAgent agent = new TestAgent(database, dir)) {
            // 5 sources per tenant, 8 in the hub; then each text is 10 bytes and a tenant may keep 40
            KnowledgeBase knowledge = new KnowledgeBase(agent.sources, agent.index, agent.ingestor, new SourceLimits(5, 8, 10_000, 100_000));
            assertThat(addAtOnce(knowledge, ACME, 12)).as("ACME's adds that passed, its first source among them").isEqualTo(5);
            assertThat(knowledge.list(ACME)).hasSize(5);
            assertThat(addAtOnce(knowledge, GLOBEX, 12)).as("GLOBEX's, up to the hub's 8").isEqualTo(3);
            assertThat(knowledge.list(GLOBEX)).hasSize(3);

            KnowledgeBase byBytes = new KnowledgeBase(agent.sources, agent.index, agent.ingestor, new SourceLimits(100, 100, 40, 10_000));
            assertThat(addAtOnce(byBytes, INITECH, 12)).as("INITECH's, 40 of its bytes").isEqualTo(4);
            assertThat(agent.sources.usage(INITECH)).isEqualTo(new KnowledgeSources.Usage(4, 40));
            assertThat(agent.sources.usage()).isEqualTo(new KnowledgeSources.Usage(12, 120));
            agent.awaitIdle();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theKeptCountsFollowEveryAddAndDelete(TestDatabase database) {
        try (TestAgent agent = new TestAgent(database, dir)) {
            KnowledgeBase knowledge = new KnowledgeBase(agent.sources, agent.index, agent.ingestor, new SourceLimits(3, 100, 100, 10_000));
            KnowledgeSource text = knowledge.addText(ACME, "Refunds", "Refunds are issued within 14 days.");   // 34 bytes
            KnowledgeSource file = knowledge.addFile(ACME, null, "shipping.md", null, markdown(20));
            knowledge.addWeb(ACME, io.resolvehub.agent.SourceType.URL, "http://127.0.0.1:9/help", null);
            knowledge.addText(GLOBEX, "Payroll", "Payroll runs monthly.");   // 21 bytes
            assertThatThrownBy(() -> knowledge.addText(ACME, "Returns", "x")).isInstanceOf(SourceLimitException.class);
            assertThat(agent.sources.usage(ACME)).isEqualTo(new KnowledgeSources.Usage(3, 54));
            assertThat(agent.sources.usage()).isEqualTo(new KnowledgeSources.Usage(4, 75));
            agent.awaitIdle();

            assertThat(knowledge.delete(ACME, text.id())).isTrue();
            assertThat(knowledge.delete(ACME, text.id())).as("a second delete counts nothing out").isFalse();
            assertThat(knowledge.delete(GLOBEX, file.id())).as("another tenant's source").isFalse();
            assertThat(agent.sources.usage(ACME)).isEqualTo(new KnowledgeSources.Usage(2, 20));
            assertThat(agent.sources.usage()).isEqualTo(new KnowledgeSources.Usage(3, 41));
            assertThat(knowledge.addText(ACME, "Returns", "x").id()).isNotBlank();
            assertThat(agent.sources.usage(ACME)).isEqualTo(new KnowledgeSources.Usage(3, 21));
            assertThat(agent.sources.usage(INITECH)).isEqualTo(new KnowledgeSources.Usage(0, 0));
            agent.awaitIdle();
        }
    }

    /** Adds {@code count} 10-byte text sources from as many threads released at once; how many were accepted. */
    private static int addAtOnce(KnowledgeBase knowledge, TenantId tenant, int count) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
            List<Future<Boolean>> adds = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String text = String.format(java.util.Locale.ROOT, "Answer %03d", i);
                adds.add(threads.submit(() -> {
                    start.await();
                    try {
                        knowledge.addText(tenant, null, text);
                        return true;
                    } catch (SourceLimitException e) {
                        refused.incrementAndGet();
                        return false;
                    }
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> add : adds) {
                accepted += add.get() ? 1 : 0;   // any other failure (a lock timeout, a deadlock) fails the test here
            }
            assertThat(accepted + refused.get()).isEqualTo(count);
            return accepted;
        }
    }

    /** A Markdown file of exactly {@code size} bytes. */
    private static byte[] markdown(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }
}
