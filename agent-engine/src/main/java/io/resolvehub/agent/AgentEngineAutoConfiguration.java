package io.resolvehub.agent;

import io.resolvehub.agent.answer.ConfidenceModel;
import io.resolvehub.agent.answer.ExtractiveAnswerEngine;
import io.resolvehub.agent.embed.MiniLmEmbedder;
import io.resolvehub.agent.index.ElasticsearchKnowledgeIndex;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.agent.ingest.Chunker;
import io.resolvehub.agent.ingest.Ingestor;
import io.resolvehub.agent.ingest.KnowledgeSources;
import io.resolvehub.agent.ingest.Parsers;
import io.resolvehub.agent.ingest.WebReader;
import io.resolvehub.agent.ingest.ZendeskGuideReader;
import io.resolvehub.agent.llm.ChatModels;
import io.resolvehub.agent.llm.LlmAnswerEngine;
import io.resolvehub.agent.person.PersonRequestsByMeaning;
import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.DataDirectory;
import io.resolvehub.core.PersonRequestDetector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires the agent engine: sources, ingestion, the index of {@code hub.search.backend}, and the answer engine. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@EnableConfigurationProperties({AgentProperties.class, SearchProperties.class, LlmProperties.class})
public class AgentEngineAutoConfiguration {

    @Bean
    KnowledgeSources knowledgeSources(DataSource dataSource, PlatformTransactionManager transactions) {
        return new KnowledgeSources(dataSource, new TransactionTemplate(transactions));
    }

    @Bean
    VoiceSettingsRepository voiceSettingsRepository(DataSource dataSource, PlatformTransactionManager transactions) {
        return new VoiceSettingsRepository(dataSource, new TransactionTemplate(transactions));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Embedder embedder(AgentProperties properties) {
        return new MiniLmEmbedder(properties.embeddingBatchSize());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "hub.search.backend", havingValue = "lucene", matchIfMissing = true)
    KnowledgeIndex luceneKnowledgeIndex(ObjectProvider<DataDirectory> dataDirectory) {
        // hub.data-dir is connector-core's setting; without core (the agent alone) the default directory
        return new LuceneKnowledgeIndex(dataDirectory.getIfAvailable(() -> new DataDirectory(DataDirectory.DEFAULT))
                .resolve("index"));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "hub.search.backend", havingValue = "elasticsearch")
    KnowledgeIndex elasticsearchKnowledgeIndex(SearchProperties search, Embedder embedder) {
        String url = search.elasticsearch().url();
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("hub.search.backend=elasticsearch needs hub.search.elasticsearch.url, e.g. http://127.0.0.1:9200");
        }
        return new ElasticsearchKnowledgeIndex(url, search.elasticsearch().index(), embedder.dimension());
    }

    @Bean(destroyMethod = "close")
    Ingestor ingestor(KnowledgeSources sources, KnowledgeIndex index, Embedder embedder, AgentProperties properties) {
        return new Ingestor(sources, index, embedder, new Parsers(properties.maxPdfPages()), new Chunker(properties.chunkWords()),
                new WebReader(properties.crawl().maxPages(), properties.crawl().maxDepth(), properties.crawl().delay(),
                        properties.crawl().timeout(), properties.crawl().maxBytes(), properties.crawl().maxTotalBytes().toBytes(),
                        properties.crawl().userAgent()),
                new ZendeskGuideReader(properties.crawl().maxPages(), properties.crawl().delay(), properties.crawl().timeout(),
                        properties.crawl().maxBytes(), properties.crawl().userAgent()),
                properties.ingestThreads(), properties.ingestQueue());
    }

    @Bean
    KnowledgeBase knowledgeBase(KnowledgeSources sources, KnowledgeIndex index, Ingestor ingestor, AgentProperties properties) {
        return new KnowledgeBase(sources, index, ingestor, properties.sources().limits());
    }

    /** Keeps url and sitemap sources in sync: run by connector-core's db-scheduler, once across the cluster. */
    @Bean
    KnowledgeResync knowledgeResync(KnowledgeSources sources, KnowledgeBase knowledge, AgentProperties properties,
                                    ObjectProvider<Clock> clock) {
        return new KnowledgeResync(sources, knowledge, properties.resyncInterval(), clock.getIfUnique(Clock::systemUTC));
    }

    /** The agent of the hub: extractive unless {@code hub.llm.provider} names a model. */
    @Bean
    @ConditionalOnMissingBean
    AnswerEngine answerEngine(KnowledgeIndex index, Embedder embedder, VoiceSettingsRepository voices, AgentProperties properties,
                              LlmProperties llm) {
        ExtractiveAnswerEngine extractive = new ExtractiveAnswerEngine(index, embedder, voices, ConfidenceModel.CALIBRATED);
        if ("none".equalsIgnoreCase(llm.provider())) {
            return extractive;
        }
        return new LlmAnswerEngine(ChatModels.create(llm), extractive, voices);
    }

    /** Recognises requests for a person by meaning, beyond the tenant's phrases (core asks it for every message). */
    @Bean
    @ConditionalOnMissingBean
    PersonRequestDetector personRequestDetector(Embedder embedder) {
        return new PersonRequestsByMeaning(embedder);
    }

    @Bean
    IngestionRecovery ingestionRecovery(Ingestor ingestor) {
        return new IngestionRecovery(ingestor);
    }

    /**
     * Restarts sources a crash left unfinished, once the schema is migrated and the context is up, but before the
     * application runners (the first-start demo adds sources there) so recovery never touches a fresh source.
     */
    static final class IngestionRecovery {
        private final Ingestor ingestor;

        IngestionRecovery(Ingestor ingestor) {
            this.ingestor = ingestor;
        }

        @EventListener(ApplicationStartedEvent.class)
        void resume() {
            ingestor.resumeUnfinished();
        }
    }
}
