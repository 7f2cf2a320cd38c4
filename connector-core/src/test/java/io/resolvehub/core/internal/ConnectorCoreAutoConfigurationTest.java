package io.resolvehub.core.internal;

import io.resolvehub.core.autoconfigure.ConnectorCoreAutoConfiguration;
import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.Decision;
import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.conversation.ConversationInbox;
import io.resolvehub.core.conversation.HandoffPolicies;
import io.resolvehub.core.conversation.WebConversations;
import io.resolvehub.core.conversation.WebReply;
import io.resolvehub.core.event.MessageAnswered;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration wires a working pipeline from a database, an engine and nothing else. */
class ConnectorCoreAutoConfigurationTest {

    static class Listener {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MessageAnswered event) {
            events.add(event);
        }
    }

    @Test
    void wiresTheWebChannelThroughTheWholePipelineWithoutBilling(@TempDir Path dataDir) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, FlywayAutoConfiguration.class,
                        ConnectorCoreAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig;" + TestDatabase.H2_MODE + ";DB_CLOSE_DELAY=-1",
                        "spring.flyway.locations=classpath:db/migration/core", "hub.data-dir=" + dataDir,
                        "hub.resolution.silence-window=PT30S", "hub.pipeline.workers=1")
                .withBean(AnswerEngine.class, () -> request -> Answer.answer("Use the export button.", 0.8, List.of()))
                .withBean(Listener.class)
                .run(context -> {
                    assertThat(context).hasNotFailed()
                            .hasSingleBean(InboundIntake.class).hasSingleBean(ChannelAccounts.class)
                            .hasSingleBean(HandoffPolicies.class).hasSingleBean(ConversationInbox.class);
                    assertThat(context.getBean(ResolutionProperties.class).silenceWindow()).hasSeconds(30);
                    assertThat(dataDir.resolve("master-key")).exists();

                    WebConversations web = context.getBean(WebConversations.class);
                    TenantId tenant = new TenantId("acme");
                    WebReply reply = web.post(tenant, web.start(tenant, "dana"), "How do I export?");

                    assertThat(reply.reply().decision()).isEqualTo(Decision.ANSWER);
                    assertThat(context.getBean(Listener.class).events).hasSize(1);
                    assertThat(context.getBean(ConversationInbox.class).list(tenant, null, ChannelType.WEB, false, 10))
                            .hasSize(1);
                });
    }
}
