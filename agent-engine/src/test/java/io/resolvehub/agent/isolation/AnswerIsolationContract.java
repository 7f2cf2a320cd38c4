package io.resolvehub.agent.isolation;

import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.TestAgent;
import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.Citation;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrieval isolation through the whole answer engine, on each index backend: two tenants whose help centers say
 * different things about the same topic, and one of which knows a topic the other does not. Asked in the words of the
 * other tenant's documents, misspelled or not, a tenant is answered from its own sources only: never a sentence,
 * a number or a citation of the other's, and no spelling correction toward the other's vocabulary.
 */
public abstract class AnswerIsolationContract {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    @TempDir
    Path dir;

    private TestAgent agent;
    private Set<String> acmeSources;
    private Set<String> globexSources;

    /** A fresh, empty index of the backend under test. */
    protected abstract KnowledgeIndex createIndex(Path dir);

    @BeforeEach
    void twoHelpCenters() {
        agent = new TestAgent(TestDatabase.H2.freshDataSource("classpath:db/migration/core", "classpath:db/migration/agent"),
                dir, createIndex(dir));
        acmeSources = TwoHelpCenters.ACME.stream().map(a -> agent.knowledge.addText(ACME, a.title(), a.text()).id())
                .collect(Collectors.toSet());
        globexSources = TwoHelpCenters.GLOBEX.stream().map(a -> agent.knowledge.addText(GLOBEX, a.title(), a.text()).id())
                .collect(Collectors.toSet());
        agent.awaitIdle();
    }

    @AfterEach
    void close() {
        agent.close();
    }

    private Answer ask(TenantId tenant, String question) {
        return agent.engine.answer(new AnswerRequest(tenant, question, List.of()));
    }

    private static Set<String> cited(Answer answer) {
        return answer.citations().stream().map(Citation::sourceId).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @MethodSource("io.resolvehub.agent.isolation.TwoHelpCenters#inGlobexsWords")
    void aTenantAskedInTheOtherTenantsWordsGetsNothingOfTheirs(String question) {
        Answer answer = ask(ACME, question);

        assertThat(cited(answer)).as(answer.toString()).isSubsetOf(acmeSources).doesNotContainAnyElementsOf(globexSources);
        assertThat(answer.text()).as(answer.toString()).doesNotContain("4242").doesNotContain("badge number")
                .doesNotContain("45 days").doesNotContain("GX-7 signed").doesNotContain("Payslips appear");
        assertThat(answer.citations()).extracting(Citation::snippet).noneMatch(s -> s != null
                && (s.contains("4242") || s.contains("45 days") || s.contains("GX-7")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"How long do refunds take?", "how long do refnds take", "refund time"})
    void theSameQuestionGetsEachTenantsOwnAnswer(String question) {
        Answer acme = ask(ACME, question);
        Answer globex = ask(GLOBEX, question);

        assertThat(cited(acme)).as(acme.toString()).isNotEmpty().isSubsetOf(acmeSources);
        assertThat(acme.text()).contains("14 days").doesNotContain("45 days");
        assertThat(cited(globex)).as(globex.toString()).isNotEmpty().isSubsetOf(globexSources);
        assertThat(globex.text()).contains("45 days").doesNotContain("14 days");
    }

    @org.junit.jupiter.api.Test
    void noWordIsCorrectedTowardTheOtherTenantsVocabulary() {
        List<String> misspelled = List.of("zorblx", "payrolll", "portl", "extenson", "payslps");
        // the same misspellings are corrected for the tenant whose words they are: isolation, not a blind corrector
        assertThat(agent.index.spellingSuggestions(GLOBEX, misspelled)).containsKeys("zorblx", "portl");
        assertThat(agent.index.spellingSuggestions(ACME, misspelled).values())
                .noneMatch(stem -> List.of("zorbl", "payr", "port", "exten", "paysl", "badg").stream().anyMatch(stem::startsWith));
        assertThat(agent.index.chunkFrequencies(ACME, List.of("zorblax", "payrol", "4242")).values()).containsOnly(0L);
        assertThat(agent.index.chunkFrequencies(GLOBEX, List.of("zorblax", "4242")).values()).containsOnly(1L);
    }
}
