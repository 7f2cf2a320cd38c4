package io.resolvehub;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.resolvehub.api.boundaryviolation.ApiUsingTheBotFramework;
import io.resolvehub.api.boundaryviolation.ApiUsingTheIngestor;
import io.resolvehub.api.boundaryviolation.ApiUsingTheSlackSdk;
import io.resolvehub.api.boundaryviolation.ApiUsingTheZendeskClient;
import io.resolvehub.billing.boundaryviolation.PublicBillingInternal;
import io.resolvehub.boundaryviolations.ClassOutsideAnyModule;
import io.resolvehub.boundaryviolations.ShippedBenchmark;
import io.resolvehub.core.boundaryviolation.CoreCallingTheBillingModule;
import io.resolvehub.core.channel.ChannelApiWithSpringType;
import io.resolvehub.slack.boundaryviolation.SlackReachingIntoCoreInternals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module rule fails on a deliberately bad class from test sources, and only because of that class: the same rule
 * run over a well-behaved class passes. Without this a rule that names a package which does not exist (as an earlier
 * version did) would pass forever.
 */
class ModuleRulesCatchViolationsTest {

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        return rule.evaluate(imported);
    }

    /**
     * @param others classes imported beside the bad one: a layer rule checks the accessed class, so it must be there
     */
    private static void assertCaught(ArchRule rule, Class<?> bad, String violationMentions, Class<?>... others) {
        Class<?>[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of(bad), java.util.Arrays.stream(others))
                .toArray(Class<?>[]::new);
        EvaluationResult result = evaluate(rule, all);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains(violationMentions));
        assertThat(evaluate(rule.allowEmptyShould(true), others.length > 0 ? others : new Class<?>[]{ModuleRules.class})
                .hasViolation()).as("the same rule without the bad class").isFalse();
    }

    @Test
    void aClassOutsideEveryModuleIsCaught() {
        assertCaught(ModuleRules.EVERY_CLASS_BELONGS_TO_A_MODULE, ClassOutsideAnyModule.class, "ClassOutsideAnyModule");
    }

    @Test
    void coreUsingAnotherModuleIsCaught() {
        assertCaught(ModuleRules.MODULES_DEPEND_ONE_WAY, CoreCallingTheBillingModule.class, "io.resolvehub.billing.Ledger",
                io.resolvehub.billing.Ledger.class);
    }

    @Test
    void aConnectorUsingCoreInternalsIsCaught() {
        assertCaught(ModuleRules.CORE_INTERNALS_STAY_IN_CORE, SlackReachingIntoCoreInternals.class,
                "io.resolvehub.core.internal.conversation.Conversations");
    }

    @Test
    void aTestUsingCoreInternalsIsCaught() {
        assertCaught(ModuleRules.TESTS_USE_NO_CORE_INTERNALS, SlackReachingIntoCoreInternals.class,
                "io.resolvehub.core.internal.conversation.Conversations");
    }

    @Test
    void aSpringTypeInTheCoreApiIsCaught() {
        assertCaught(ModuleRules.CORE_API_HAS_NO_SPRING_OR_SDK_TYPES, ChannelApiWithSpringType.class,
                "org.springframework.context.ApplicationContext");
    }

    @Test
    void aPlatformSdkOutsideItsConnectorIsCaught() {
        assertCaught(ModuleRules.SDKS_STAY_IN_THEIR_MODULE, ApiUsingTheSlackSdk.class, "com.slack.api.model.Message");
        assertCaught(ModuleRules.SDKS_STAY_IN_THEIR_MODULE, ApiUsingTheBotFramework.class,
                "com.microsoft.bot.schema.Activity");
        assertCaught(ModuleRules.SDKS_STAY_IN_THEIR_MODULE, ApiUsingTheZendeskClient.class,
                "org.zendesk.client.v2.model.Ticket");
    }

    @Test
    void aModuleUsingAgentEngineInternalsIsCaught() {
        assertCaught(ModuleRules.AGENT_IS_USED_THROUGH_ITS_API, ApiUsingTheIngestor.class,
                "io.resolvehub.agent.ingest.Ingestor");
    }

    @Test
    void aBenchmarkAmongTheShippedClassesIsCaught() {
        assertCaught(ModuleRules.NO_BENCHMARK_OR_EVALUATION_IN_PRODUCTION, ShippedBenchmark.class, "ShippedBenchmark");
    }

    @Test
    void aPublicBillingClassOutsideItsApiIsCaught() {
        assertCaught(ModuleRules.BILLING_INTERNALS_ARE_PACKAGE_PRIVATE, PublicBillingInternal.class,
                "PublicBillingInternal");
    }
}
