package io.resolvehub.agent;

import io.resolvehub.agent.answer.ConfidenceModel;
import io.resolvehub.agent.answer.ExtractiveAnswerEngine;
import io.resolvehub.agent.embed.MiniLmEmbedder;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.agent.ingest.Chunker;
import io.resolvehub.agent.ingest.Ingestor;
import io.resolvehub.agent.ingest.KnowledgeSources;
import io.resolvehub.agent.ingest.Parsers;
import io.resolvehub.agent.ingest.WebReader;
import io.resolvehub.agent.ingest.ZendeskGuideReader;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/** The agent engine wired by hand on a test database and a Lucene index in a temp directory: real parts throughout. */
public final class TestAgent implements AutoCloseable {

    /** One MiniLM per test JVM: loading it takes a second or two. */
    public static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder(8);

    public final DataSource dataSource;
    public final KnowledgeSources sources;
    public final KnowledgeIndex index;
    public final CountingEmbedder embedder = new CountingEmbedder(EMBEDDER);
    public final Ingestor ingestor;
    public final KnowledgeBase knowledge;
    public final VoiceSettingsRepository voices;
    public final ExtractiveAnswerEngine engine;
    private final Path indexDir;

    public TestAgent(TestDatabase database, Path dir) {
        this(database.freshDataSource("classpath:db/migration/core", "classpath:db/migration/agent"), dir);
    }

    public TestAgent(DataSource dataSource, Path dir) {
        this(dataSource, dir, new LuceneKnowledgeIndex(dir.resolve("index")));
    }

    /** On another index (the Elasticsearch one); it is closed with the agent. */
    public TestAgent(DataSource dataSource, Path dir, KnowledgeIndex index) {
        this.dataSource = dataSource;
        this.indexDir = dir.resolve("index");
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        sources = new KnowledgeSources(dataSource, tx);
        voices = new VoiceSettingsRepository(dataSource, tx);
        this.index = index;
        ingestor = new Ingestor(sources, index, embedder, new Parsers(50), new Chunker(180),
                new WebReader(20, 2, Duration.ZERO, Duration.ofSeconds(5), 1_000_000, "ResolveHubBot/0.1"),
                new ZendeskGuideReader(20, Duration.ZERO, Duration.ofSeconds(5), 1_000_000, "ResolveHubBot/0.1"), 1, 100);
        knowledge = new KnowledgeBase(sources, index, ingestor);
        engine = new ExtractiveAnswerEngine(index, embedder, voices, ConfidenceModel.CALIBRATED);
    }

    /** Adds the sample help center (the Lumen Notes articles) to a tenant and waits until every article is ready. */
    public void loadHelpCenter(TenantId tenant) {
        JsonNode articles = JsonMapper.builder().build().readTree(resource("demo-help-center/index.json"));
        for (JsonNode article : articles) {
            knowledge.addDocument(tenant, article.get("title").asString(), article.get("file").asString(),
                    resource("demo-help-center/" + article.get("file").asString()), article.get("url").asString());
        }
        awaitIdle();
    }

    public KnowledgeSource awaitFinished(TenantId tenant, String id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            SourceStatus status = sources.find(tenant, id).orElseThrow().status();
            return status == SourceStatus.READY || status == SourceStatus.FAILED;
        });
        return sources.find(tenant, id).orElseThrow();
    }

    public void awaitIdle() {
        await().atMost(Duration.ofSeconds(120)).until(ingestor::idle);
    }

    public static byte[] resource(String name) {
        try (InputStream in = TestAgent.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        ingestor.close();
        index.close();
    }

    /**
     * The real embedder, counting what it is asked: the texts embedded (a resync of unchanged content embeds nothing; what
     * an answer costs) and the size of every batch call (how the ingestion batches).
     */
    public static final class CountingEmbedder implements Embedder {
        private final Embedder delegate;
        public final AtomicInteger texts = new AtomicInteger();
        public final List<Integer> embedAllSizes = new CopyOnWriteArrayList<>();

        public CountingEmbedder(Embedder delegate) {
            this.delegate = delegate;
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public float[] embed(String text) {
            texts.incrementAndGet();
            return delegate.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            count(texts);
            return delegate.embedAll(texts);
        }

        @Override
        public List<float[]> embedAll(List<String> texts, int maxTokens) {
            count(texts);
            return delegate.embedAll(texts, maxTokens);
        }

        private void count(List<String> batch) {
            texts.addAndGet(batch.size());
            embedAllSizes.add(batch.size());
        }
    }
}
