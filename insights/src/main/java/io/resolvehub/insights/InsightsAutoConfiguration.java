package io.resolvehub.insights;

import io.resolvehub.core.RecurringJob;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import io.resolvehub.core.tenant.Tenant;
import io.resolvehub.core.tenant.TenantDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Wires insights when the application supplies a {@link QuestionEmbedder}: the listener that keeps each opening
 * question, the topic assignment and the digests (each also a {@link RecurringJob} on core's scheduler) and the
 * reports. The {@link WordStems}, {@link KnowledgeLookup}, {@link CoinFigures}, {@link DigestSender} and
 * {@link TopicLabeller} beans are optional: without them labels use whole words, gaps name no closest source, no coins
 * are counted, digests fail and topics keep their terms as names.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnBean({DataSource.class, PlatformTransactionManager.class, QuestionEmbedder.class})
@EnableConfigurationProperties(InsightsProperties.class)
public class InsightsAutoConfiguration {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    InsightsAutoConfiguration(DataSource dataSource, PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Bean
    InsightQuestions insightQuestions() {
        return new InsightQuestions(jdbc);
    }

    @Bean
    InsightTopics insightTopics() {
        return new InsightTopics(jdbc);
    }

    @Bean
    InsightsEventListener insightsEventListener(InsightQuestions questions, QuestionEmbedder embedder) {
        return new InsightsEventListener(questions, embedder);
    }

    @Bean
    TopicAssigner topicAssigner(InsightQuestions questions, InsightTopics topics, QuestionEmbedder embedder,
                                InsightsProperties properties) {
        return new TopicAssigner(questions, topics, embedder, tx, clock, properties.topicSimilarity(),
                properties.topicDocumentMargin());
    }

    @Bean
    RecurringJob insightsTopicAssignment(TopicAssigner assigner, InsightsProperties properties) {
        return job("insights-topic-assignment", properties.assignInterval(), assigner::assignAllPending);
    }

    /** Names topics with the language model, when the application supplies one; off without it. */
    @Bean
    RecurringJob insightsTopicLabels(InsightQuestions questions, InsightTopics topics,
                                     ObjectProvider<TopicLabeller> labeller, InsightsProperties properties) {
        TopicLabeller model = labeller.getIfAvailable();
        if (model == null) {
            return job("insights-topic-labels", Duration.ZERO, () -> { });
        }
        TopicNaming naming = new TopicNaming(questions, topics, model);
        return job("insights-topic-labels", properties.labelInterval(), naming::nameWaiting);
    }

    @Bean
    Digests digests(Insights insights, ObjectProvider<CoinFigures> coins, ObjectProvider<TenantDirectory> tenants,
                    ObjectProvider<DigestSender> sender, InsightsProperties properties) {
        DigestSender none = (tenant, channel, target, digest) -> {
            throw new IllegalStateException("this hub has no way to send digests");
        };
        return new Digests(new DigestSettingsStore(jdbc), new DigestDeliveries(jdbc), insights,
                coins.getIfAvailable(CoinFigures::unmetered),
                id -> Optional.ofNullable(tenants.getIfAvailable()).flatMap(t -> t.find(id)).map(Tenant::name),
                sender.getIfAvailable(() -> none), clock, properties);
    }

    @Bean
    RecurringJob insightsDigests(Digests digests, InsightsProperties properties) {
        return job("insights-digests", properties.digestCheckInterval(), digests::runDue);
    }

    /** A job on core's scheduler, which runs it on one instance at a time; a zero interval leaves it off. */
    private static RecurringJob job(String name, Duration interval, Runnable body) {
        return new RecurringJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public void run() {
                body.run();
            }
        };
    }

    @Bean
    GapRecheck gapRecheck(InsightQuestions questions, TopicAssigner assigner, FirstTurnDryRun dryRun) {
        return new GapRecheck(questions, assigner, dryRun, clock);
    }

    @Bean
    Insights insights(InsightQuestions questions, InsightTopics topics, TopicAssigner assigner,
                      ObjectProvider<WordStems> stems, ObjectProvider<KnowledgeLookup> knowledge,
                      ObjectProvider<CoinFigures> coins, InsightsProperties properties) {
        return new Insights(questions, topics, assigner,
                stems.getIfAvailable(() -> word -> word.length() > 2 ? Optional.of(word) : Optional.empty()),
                knowledge.getIfAvailable(KnowledgeLookup::none), coins.getIfAvailable(CoinFigures::unmetered), clock,
                properties);
    }
}
