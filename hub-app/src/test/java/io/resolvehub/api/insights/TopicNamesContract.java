package io.resolvehub.api.insights;

import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Topic names from a language model (see the subclasses for each database), through LangChain4j's real OpenAI client
 * against a loopback model: a model that fails or hangs leaves the topics named by their terms and never holds up
 * {@code /insights}; a model that answers names them, and the names stay.
 */
abstract class TopicNamesContract {

    static final FakeLanguageModel MODEL = new FakeLanguageModel();

    @LocalServerPort
    int port;

    /** The hub asks the loopback model; topics are named every second, and core's scheduler looks every second. */
    static void settings(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        registry.add("hub.llm.provider", () -> "openai");
        registry.add("hub.llm.base-url", MODEL::baseUrl);
        registry.add("hub.llm.api-key", () -> "test-key");
        registry.add("hub.llm.model", () -> "gpt-test");
        registry.add("hub.llm.timeout", () -> "PT60S");
        registry.add("hub.insights.label-interval", () -> "PT1S");
        registry.add("hub.resolution.check-interval", () -> "PT1S");
    }

    @AfterAll
    static void stopModel() {
        MODEL.releaseStalled();
    }

    @Test
    void topicsAreNamedByTheModelInTheBackgroundAndByTheirTermsWhileItFailsOrHangs() {
        MODEL.naming.set(FakeLanguageModel.Naming.FAILS);
        SmallHelpCenter help = new SmallHelpCenter(new ApiClient(port), "namedco");
        help.open();
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            questions.add(SmallHelpCenter.PASSWORD_QUESTIONS.get(i));
            questions.add(SmallHelpCenter.PDF_QUESTIONS.get(i));
            if (i < SmallHelpCenter.API_KEY_QUESTIONS.size()) {
                questions.add(SmallHelpCenter.API_KEY_QUESTIONS.get(i));
            }
        }
        help.ask(questions);

        // the model fails: the report is whole, its topics named by their terms
        int failedBefore = MODEL.namingRequests.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> MODEL.namingRequests.get() > failedBefore);
        assertThat(labels(help.insights("?days=7"))).anySatisfy(label -> assertThat(label).contains("password"))
                .anySatisfy(label -> assertThat(label).contains("pdf"))
                .anySatisfy(label -> assertThat(label).contains("api"));

        // the model hangs on a name: the report is answered meanwhile, still by the terms
        int stalledBefore = MODEL.stalled.get(); // the model is shared by the H2 and PostgreSQL runs in one JVM
        MODEL.naming.set(FakeLanguageModel.Naming.STALLS);
        await().atMost(Duration.ofSeconds(60)).until(() -> MODEL.stalled.get() > stalledBefore);
        assertThat(labels(help.insights("?days=7"))).anySatisfy(label -> assertThat(label).contains("password"));

        // the model names them: each topic, and the gap, takes its name
        MODEL.naming.set(FakeLanguageModel.Naming.NAMES);
        MODEL.releaseStalled();
        await().atMost(Duration.ofSeconds(60)).until(() -> labels(help.insights("?days=7")).containsAll(
                List.of("Resetting a password", "Exporting notes to PDF", "Rotating API keys")));
        JsonNode insights = help.insights("?days=7");
        assertThat(insights.at("/gaps/0/label").stringValue()).isEqualTo("Rotating API keys");
        assertThat(insights.at("/gaps/0/count").intValue()).isEqualTo(10);

        // the names are kept: they stay while the model is down again and the topics grow
        MODEL.naming.set(FakeLanguageModel.Naming.FAILS);
        help.ask(List.of("How do I reset my password?"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                labels(help.insights("?days=7")).contains("Resetting a password"));

        // a topic is named again once it has doubled (13 questions when named, 26 now), and only then
        long namedBefore = MODEL.timesNamed("Resetting a password");
        MODEL.naming.set(FakeLanguageModel.Naming.NAMES);
        help.ask(SmallHelpCenter.PASSWORD_QUESTIONS.subList(0, 11));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                MODEL.timesNamed("Resetting a password") == namedBefore); // 25 questions: not yet
        help.ask(SmallHelpCenter.PASSWORD_QUESTIONS.subList(11, 12));
        await().atMost(Duration.ofSeconds(60)).until(() -> MODEL.timesNamed("Resetting a password") == namedBefore + 1);
        assertThat(labels(help.insights("?days=7"))).contains("Resetting a password");
    }

    private static List<String> labels(JsonNode insights) {
        return StreamSupport.stream(insights.get("topics").spliterator(), false)
                .map(topic -> topic.get("label").stringValue()).toList();
    }
}
