package io.resolvehub;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production classes of every module (hub-app's classpath holds them all) against {@link ModuleRules}.
 * {@link ModuleRulesCatchViolationsTest} shows that each rule fails on a class that breaks it.
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;
    private static JavaClasses otherModulesTests;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // test-jars of the reactor
                .importPackages("io.resolvehub");
    }

    /** A rule about a package that does not exist holds vacuously: each one the rules name must hold classes. */
    @Test
    void theRulesNameOnlyPackagesThatExist() {
        for (String pkg : ModuleRules.MODULE_PACKAGES) {
            assertThat(classes.that(JavaClass.Predicates.resideInAPackage(pkg))).as("production classes in " + pkg)
                    .isNotEmpty();
        }
    }

    @Test
    void everyClassBelongsToAModule() {
        ModuleRules.EVERY_CLASS_BELONGS_TO_A_MODULE.check(classes);
    }

    @Test
    void modulesDependOneWay() {
        ModuleRules.MODULES_DEPEND_ONE_WAY.check(classes);
    }

    @Test
    void coreInternalsStayInCore() {
        ModuleRules.CORE_INTERNALS_STAY_IN_CORE.check(classes);
    }

    /**
     * The test classes of every module hub-app depends on but connector-core, and hub-app's own (the deliberate
     * violations aside), as the reactor compiled them next to this module: a build of hub-app with {@code -am} compiles
     * them all before hub-app's tests run.
     */
    private static JavaClasses otherModulesTests() {
        if (otherModulesTests == null) {
            List<Path> dirs = Stream.of("agent-engine", "billing", "insights", "connector-slack", "connector-teams",
                    "connector-zendesk", "hub-app").map(module -> Path.of("..", module, "target", "test-classes")).toList();
            assertThat(dirs).as("compiled test classes (build with -am)").allSatisfy(dir -> assertThat(dir).isDirectory());
            JavaClasses tests = new ClassFileImporter()
                    .withImportOption(location -> !location.contains("/boundaryviolation"))
                    .importPaths(dirs);
            for (Path dir : dirs) {
                String path = dir.toAbsolutePath().normalize().toString();
                assertThat(tests.stream().anyMatch(c -> c.getSource().map(s -> s.getUri().getPath().startsWith(path))
                        .orElse(false))).as("test classes imported from " + path).isTrue();
            }
            otherModulesTests = tests;
        }
        return otherModulesTests;
    }

    @Test
    void testsOutsideCoreUseNoCoreInternals() {
        ModuleRules.TESTS_USE_NO_CORE_INTERNALS.check(otherModulesTests());
    }

    /** A platform's SDK stays in its connector's tests too (hub-app's tests sign Slack requests without it). */
    @Test
    void platformSdksStayInTheirConnectorsTests() {
        ModuleRules.SDKS_STAY_IN_THEIR_MODULE.check(otherModulesTests());
    }

    @Test
    void noBenchmarkOrEvaluationShipsInTheHub() {
        ModuleRules.NO_BENCHMARK_OR_EVALUATION_IN_PRODUCTION.check(classes);
    }

    @Test
    void coreApiHasNoSpringOrSdkTypes() {
        ModuleRules.CORE_API_HAS_NO_SPRING_OR_SDK_TYPES.check(classes);
    }

    @Test
    void platformSdksStayInTheirConnector() {
        ModuleRules.SDKS_STAY_IN_THEIR_MODULE.check(classes);
    }

    @Test
    void agentEngineIsUsedThroughItsApi() {
        ModuleRules.AGENT_IS_USED_THROUGH_ITS_API.check(classes);
    }

    @Test
    void billingInternalsArePackagePrivate() {
        ModuleRules.BILLING_INTERNALS_ARE_PACKAGE_PRIVATE.check(classes);
    }
}
