package io.resolvehub;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency direction of STYLE.md, made executable: every module may depend on connector-core; nothing depends
 * on a connector, agent-engine or billing except hub-app; platform SDKs stay inside their connector.
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.resolvehub");
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.resolvehub.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.resolvehub.agent..", "io.resolvehub.billing..", "io.resolvehub.slack..",
                        "io.resolvehub.teams..", "io.resolvehub.zendesk..", "io.resolvehub.app..",
                        "io.resolvehub.api..", "io.resolvehub.admin..")
                .check(classes);
    }

    @Test
    void coreApiHasNoSpringOrSdkTypes() {
        noClasses().that().resideInAnyPackage("io.resolvehub.core", "io.resolvehub.core.channel", "io.resolvehub.core.event")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.slack..", "com.microsoft.bot..", "org.zendesk..",
                        "dev.langchain4j..", "org.apache.lucene..", "co.elastic..")
                .check(classes);
    }

    @Test
    void modulesDoNotDependOnEachOtherExceptThroughCore() {
        String[][] forbidden = {
                {"io.resolvehub.agent..", "io.resolvehub.billing..", "io.resolvehub.slack..", "io.resolvehub.teams..", "io.resolvehub.zendesk.."},
                {"io.resolvehub.billing..", "io.resolvehub.agent..", "io.resolvehub.slack..", "io.resolvehub.teams..", "io.resolvehub.zendesk.."},
                {"io.resolvehub.slack..", "io.resolvehub.agent..", "io.resolvehub.billing..", "io.resolvehub.teams..", "io.resolvehub.zendesk.."},
                {"io.resolvehub.teams..", "io.resolvehub.agent..", "io.resolvehub.billing..", "io.resolvehub.slack..", "io.resolvehub.zendesk.."},
                {"io.resolvehub.zendesk..", "io.resolvehub.agent..", "io.resolvehub.billing..", "io.resolvehub.slack..", "io.resolvehub.teams.."},
        };
        for (String[] rule : forbidden) {
            String[] targets = java.util.Arrays.copyOfRange(rule, 1, rule.length);
            noClasses().that().resideInAPackage(rule[0])
                    .should().dependOnClassesThat().resideInAnyPackage(targets)
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void platformSdksStayInTheirConnector() {
        noClasses().that().resideOutsideOfPackage("io.resolvehub.slack..")
                .should().dependOnClassesThat().resideInAPackage("com.slack.api..").check(classes);
        noClasses().that().resideOutsideOfPackage("io.resolvehub.teams..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft.bot..").check(classes);
        noClasses().that().resideOutsideOfPackage("io.resolvehub.zendesk..")
                .should().dependOnClassesThat().resideInAPackage("org.zendesk.client..").check(classes);
        noClasses().that().resideOutsideOfPackage("io.resolvehub.agent..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..", "org.apache.lucene..", "co.elastic..")
                .check(classes);
    }
}
