package io.resolvehub;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The module boundaries as ArchUnit rules, one constant per rule so {@link ModuleBoundariesTest} can hold the
 * production code to them and {@link ModuleRulesCatchViolationsTest} can show each one failing on a bad class.
 *
 * <p>A module is a base package: {@code core} (connector-core), {@code agent} (agent-engine), {@code billing},
 * {@code slack}, {@code teams}, {@code zendesk}, and the application (hub-app: the root package, {@code api},
 * {@code security}, {@code setup}, {@code admin}, {@code ops}). Dependencies run one way: every module may use core; only the application uses
 * the other modules; core uses none.
 */
final class ModuleRules {

    static final String CORE = "io.resolvehub.core..";
    static final String AGENT = "io.resolvehub.agent..";
    static final String AGENT_API = "io.resolvehub.agent";
    static final String BILLING = "io.resolvehub.billing..";
    static final String INSIGHTS = "io.resolvehub.insights..";
    static final String SLACK = "io.resolvehub.slack..";
    static final String TEAMS = "io.resolvehub.teams..";
    static final String ZENDESK = "io.resolvehub.zendesk..";
    static final String[] APPLICATION = {"io.resolvehub", "io.resolvehub.api..", "io.resolvehub.security..",
            "io.resolvehub.setup..", "io.resolvehub.admin..", "io.resolvehub.ops.."};

    /** Every package a rule names, each of which must hold production classes (see {@link ModuleBoundariesTest}). */
    static final java.util.List<String> MODULE_PACKAGES = java.util.List.of(CORE, AGENT, BILLING, INSIGHTS, SLACK, TEAMS,
            ZENDESK, APPLICATION[0], APPLICATION[1], APPLICATION[2], APPLICATION[3], APPLICATION[4], APPLICATION[5]);

    private ModuleRules() {
    }

    /** Every class of the product lives in one of the modules above: a new package is a decision, not an accident. */
    static final ArchRule EVERY_CLASS_BELONGS_TO_A_MODULE = classes().that().resideInAPackage("io.resolvehub..")
            .should().resideInAnyPackage(CORE, AGENT, BILLING, INSIGHTS, SLACK, TEAMS, ZENDESK, APPLICATION[0], APPLICATION[1],
                    APPLICATION[2], APPLICATION[3], APPLICATION[4], APPLICATION[5]);

    static final ArchRule MODULES_DEPEND_ONE_WAY = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("core").definedBy(CORE)
            .layer("agent").definedBy(AGENT)
            .layer("billing").definedBy(BILLING)
            .layer("insights").definedBy(INSIGHTS)
            .layer("slack").definedBy(SLACK)
            .layer("teams").definedBy(TEAMS)
            .layer("zendesk").definedBy(ZENDESK)
            .layer("application").definedBy(APPLICATION)
            .whereLayer("application").mayNotBeAccessedByAnyLayer()
            .whereLayer("agent").mayOnlyBeAccessedByLayers("application")
            .whereLayer("billing").mayOnlyBeAccessedByLayers("application")
            .whereLayer("insights").mayOnlyBeAccessedByLayers("application")
            .whereLayer("slack").mayOnlyBeAccessedByLayers("application")
            .whereLayer("teams").mayOnlyBeAccessedByLayers("application")
            .whereLayer("zendesk").mayOnlyBeAccessedByLayers("application")
            .whereLayer("core").mayOnlyBeAccessedByLayers("agent", "billing", "insights", "slack", "teams", "zendesk", "application");

    /**
     * Billing's API: the public types other modules may use (the ledger, balances, top-ups, pricing, usage, its events
     * and its settings). Everything else in billing (the holds, the ledger's rows, the event listener) is
     * package-private, so a new public billing type is a decision to widen the API, made here.
     */
    static final ArchRule BILLING_INTERNALS_ARE_PACKAGE_PRIVATE = classes()
            .that().resideInAPackage(BILLING).and().arePublic().and().areTopLevelClasses()
            .should().haveNameMatching("io\\.resolvehub\\.billing\\.(Balance|BillingAutoConfiguration|BillingException"
                    + "|BillingProperties|ChargeRefunded|CoinsCharged|EntryType|HoldingCoinMeter|Ledger|LedgerCsv"
                    + "|LedgerEntry|LowBalanceAlerted|LowBalanceAlerts|Pricing|Receipt|Settlements|TenantPricing"
                    + "|TopUpResult|TopUps|UsageReports)")
            .as("only billing's API types are public");

    /**
     * agent-engine's API is its base package {@code io.resolvehub.agent}: the knowledge base and its sources, the
     * tenants' voice, the index and embedder behind passage search and insights, and the engine's settings. Its
     * sub-packages (ingestion, the readers and parsers, the index implementations, the answer engines, the model) are
     * its own: a dependency on any of them from another module fails, so the API widens only by moving a type into the
     * base package.
     */
    static final ArchRule AGENT_IS_USED_THROUGH_ITS_API = noClasses().that().resideOutsideOfPackage(AGENT)
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(AGENT)
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(AGENT_API))))
            .as("other modules use agent-engine through its API package " + AGENT_API + " only");

    /**
     * Benchmarks and evaluations are test code or agent-eval's (a module the hub does not depend on), never in the
     * production jar: the classes the hub ships hold none.
     */
    static final ArchRule NO_BENCHMARK_OR_EVALUATION_IN_PRODUCTION = noClasses().that().resideInAPackage("io.resolvehub..")
            .should().haveSimpleNameEndingWith("Benchmark").orShould().haveSimpleNameEndingWith("Evaluation")
            .as("no benchmark or evaluation code ships in the hub");

    /** Core's implementations are reached through its API packages and beans only. */
    static final ArchRule CORE_INTERNALS_STAY_IN_CORE = noClasses().that().resideOutsideOfPackage(CORE)
            .should().dependOnClassesThat().resideInAPackage("io.resolvehub.core.internal..");

    /**
     * The same boundary for test code: a test of another module reaches core through its API, as that module's code
     * does (core's own tests may use its internals; a test that needs one belongs in connector-core). Checked over the
     * other modules' test classes whatever package they are in, since a test can sit in any package.
     */
    static final ArchRule TESTS_USE_NO_CORE_INTERNALS = noClasses()
            .should().dependOnClassesThat().resideInAPackage("io.resolvehub.core.internal..")
            .as("no test outside connector-core uses io.resolvehub.core.internal");

    /** The channel-neutral API a connector codes against carries no framework or platform types. */
    static final ArchRule CORE_API_HAS_NO_SPRING_OR_SDK_TYPES = noClasses()
            .that().resideInAnyPackage("io.resolvehub.core", "io.resolvehub.core.channel", "io.resolvehub.core.event")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.slack..", "com.microsoft.bot..", "org.zendesk..",
                    "dev.langchain4j..", "org.apache.lucene..", "co.elastic..");

    /** A platform's SDK (and the agent's model and search libraries) never leave the module that wraps them. */
    static final ArchRule SDKS_STAY_IN_THEIR_MODULE = CompositeArchRule
            .of(noClasses().that().resideOutsideOfPackage(SLACK)
                    .should().dependOnClassesThat().resideInAPackage("com.slack.api.."))
            .and(noClasses().that().resideOutsideOfPackage(TEAMS)
                    .should().dependOnClassesThat().resideInAPackage("com.microsoft.bot.."))
            .and(noClasses().that().resideOutsideOfPackage(ZENDESK)
                    .should().dependOnClassesThat().resideInAPackage("org.zendesk.client.."))
            .and(noClasses().that().resideOutsideOfPackage(AGENT)
                    .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..", "org.apache.lucene..",
                            "co.elastic.."));
}
