package io.resolvehub;

import io.resolvehub.admin.MailProperties;
import io.resolvehub.agent.Embedder;
import io.resolvehub.agent.KnowledgeBase;
import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.LlmProperties;
import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchMode;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.agent.TextTerms;
import io.resolvehub.agent.TopicLabelModel;
import io.resolvehub.agent.UserReferences;
import io.resolvehub.billing.EntryType;
import io.resolvehub.billing.Ledger;
import io.resolvehub.billing.TenantPricing;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.insights.CoinFigures;
import io.resolvehub.insights.DigestSender;
import io.resolvehub.insights.KnowledgeLookup;
import io.resolvehub.insights.QuestionEmbedder;
import io.resolvehub.insights.TopicLabeller;
import io.resolvehub.insights.WordStems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives insights the agent's embedding model, word stems and index, the language model when one is configured, the
 * coin meter's figures, and the channels.
 */
@Configuration
class InsightsWiring {

    /** A source is "closest" to a gap only when its best passage is at least this similar to the gap's centroid. */
    static final double CLOSEST_SOURCE_SIMILARITY = 0.3;

    /**
     * A question is grouped by what it asks, so its vector is of the text without the user's own references, as the
     * agent reads it ({@link UserReferences}): "(ref 20417)" says nothing about the topic. It is also the text the
     * person-request check and retrieval embedded moments before, so the model's vector of it is usually still at hand
     * instead of being computed a second time for every answered message.
     */
    @Bean
    QuestionEmbedder questionEmbedder(Embedder embedder) {
        return new QuestionEmbedder() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                return embedder.embedAll(texts.stream().map(UserReferences::strip).toList());
            }

            @Override
            public Optional<float[]> recent(String question) {
                return embedder.recent(UserReferences.strip(question));
            }
        };
    }

    @Bean
    WordStems wordStems() {
        return word -> TextTerms.of(word).stream().findFirst();
    }

    /** Topic names from the language model of {@code hub.llm.*}; without one, topics are named by their terms. */
    @Bean
    @ConditionalOnExpression("!'${hub.llm.provider:none}'.trim().equalsIgnoreCase('none')")
    TopicLabeller topicLabeller(LlmProperties llm) {
        return TopicLabelModel.of(llm)::label;
    }

    @Bean
    KnowledgeLookup knowledgeLookup(KnowledgeIndex index, KnowledgeBase knowledge) {
        return (tenant, direction) -> {
            List<SearchHit> hits = index.search(new SearchQuery(tenant, "", direction, 1, SearchMode.VECTOR));
            return hits.stream().filter(hit -> hit.similarity() >= CLOSEST_SOURCE_SIMILARITY).findFirst()
                    .map(hit -> new KnowledgeLookup.SourceRef(hit.sourceId(), knowledge.find(tenant, hit.sourceId())
                            .map(source -> source.title()).orElse(hit.title())));
        };
    }

    @Bean
    DigestSender digestSender(ChannelAccounts accounts, ObjectProvider<ChannelConnectorFactory> factories,
                              ObjectProvider<JavaMailSender> mail,
                              MailProperties mailProperties) {
        return new DigestChannels(accounts, factories, mail, mailProperties.from());
    }

    @Bean
    CoinFigures coinFigures(Ledger ledger, TenantPricing pricing) {
        return new CoinFigures() {
            @Override
            public long coinsSpent(TenantId tenant, Instant from, Instant to) {
                AtomicLong spent = new AtomicLong();
                ledger.forEachEntry(tenant, from, to, entry -> {
                    if (entry.type() == EntryType.CHARGE) {
                        spent.addAndGet(entry.coins());
                    } else if (entry.type() == EntryType.REFUND) {
                        spent.addAndGet(-entry.coins());
                    }
                });
                return spent.get();
            }

            @Override
            public long available(TenantId tenant) {
                return ledger.balance(tenant).available();
            }

            @Override
            public boolean lowBalance(TenantId tenant) {
                return available(tenant) < pricing.get(tenant).lowBalanceCoins();
            }
        };
    }
}
