package io.newsmonitor.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layout of the house, kept by a test rather than by good will: the topic contract at the bottom knowing no
 * role, the roles apart from each other, the process wiring ({@code app}) reaching each role only through its facade
 * (the role's root package) and its declared settings ({@code <role>.config}), and no production code leaning on test
 * support. Production classes only.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.newsmonitor");

    private static final String[] CONTRACT = {"io.newsmonitor.model..", "io.newsmonitor.topics..",
            "io.newsmonitor.json.."};
    private static final String[] ROLES_AND_ABOVE = {"io.newsmonitor.poller..", "io.newsmonitor.processor..",
            "io.newsmonitor.sink..", "io.newsmonitor.delivery..", "io.newsmonitor.web..", "io.newsmonitor.app.."};

    /** The rules below would pass on an empty import: make sure every module's classes are seen. */
    @Test
    void theRulesSeeEveryModule() {
        assertThat(List.of("io.newsmonitor.model.Announcement", "io.newsmonitor.config.Setting",
                "io.newsmonitor.runtime.MonitoringServer", "io.newsmonitor.streams.StreamsRole",
                "io.newsmonitor.text.TextAnalyzer", "io.newsmonitor.net.AddressPolicy", "io.newsmonitor.rules.Rules",
                "io.newsmonitor.poller.Poller", "io.newsmonitor.processor.Processor", "io.newsmonitor.sink.Sink",
                "io.newsmonitor.delivery.Delivery", "io.newsmonitor.web.WebServer",
                "io.newsmonitor.app.Main", "io.newsmonitor.testkit.KafkaBrokerExtension"))
                .allSatisfy(name -> assertThat(PRODUCTION.contain(name)).as(name).isTrue());
    }

    @Test
    void theContractKnowsNoRoleNorConfigurationNorRuntime() {
        noClasses().that().resideInAnyPackage(CONTRACT)
                .should().dependOnClassesThat().resideInAnyPackage(concat(ROLES_AND_ABOVE, "io.newsmonitor.config..",
                        "io.newsmonitor.runtime..", "io.newsmonitor.streams..", "io.newsmonitor.samples..",
                        "io.newsmonitor.net.."))
                .check(PRODUCTION);
    }

    @Test
    void configurationRuntimeTextAnalysisAddressChecksAndRulesKnowNoRole() {
        noClasses().that().resideInAnyPackage("io.newsmonitor.config..", "io.newsmonitor.runtime..",
                        "io.newsmonitor.streams..", "io.newsmonitor.text..", "io.newsmonitor.net..",
                        "io.newsmonitor.rules..")
                .should().dependOnClassesThat().resideInAnyPackage(ROLES_AND_ABOVE)
                .check(PRODUCTION);
        noClasses().that().resideInAnyPackage("io.newsmonitor.runtime..", "io.newsmonitor.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("io.newsmonitor.streams..",
                        "org.apache.kafka.streams..")
                .check(PRODUCTION);
        noClasses().that().resideInAPackage("io.newsmonitor.net..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(CONTRACT, "io.newsmonitor.config..",
                        "io.newsmonitor.runtime..", "io.newsmonitor.streams..", "io.newsmonitor.text..",
                        "org.apache.kafka.."))
                .check(PRODUCTION);
    }

    @Test
    void rolesNeverImportEachOther() {
        roleKnowsNot("poller", "processor", "sink", "delivery");
        roleKnowsNot("processor", "poller", "sink", "delivery");
        roleKnowsNot("sink", "poller", "processor", "delivery", "web");
        roleKnowsNot("delivery", "poller", "processor", "sink", "web");
        roleKnowsNot("web", "poller", "processor", "delivery");
    }

    /** The HTTP face of the sink asks the sink only what its facade answers (SinkQueries), and its settings. */
    @Test
    void theWebServerReachesTheSinkOnlyThroughItsFacadeAndSettings() {
        noClasses().that().resideInAPackage("io.newsmonitor.web..")
                .should().dependOnClassesThat(resideInAnyPackage("io.newsmonitor.sink..")
                        .and(not(resideInAnyPackage("io.newsmonitor.sink", "io.newsmonitor.sink.config")))
                        .as("the sink's internals"))
                .check(PRODUCTION);
    }

    private static void roleKnowsNot(String role, String... others) {
        String[] packages = new String[others.length + 1];
        for (int i = 0; i < others.length; i++) {
            packages[i] = "io.newsmonitor." + others[i] + "..";
        }
        packages[others.length] = "io.newsmonitor.app..";
        noClasses().that().resideInAPackage("io.newsmonitor." + role + "..")
                .should().dependOnClassesThat().resideInAnyPackage(packages)
                .check(PRODUCTION);
    }

    @Test
    void appReachesEachRoleOnlyThroughItsFacadeAndItsSettings() {
        DescribedPredicate<JavaClass> roleInternals = resideInAnyPackage("io.newsmonitor.poller..",
                "io.newsmonitor.processor..", "io.newsmonitor.sink..", "io.newsmonitor.delivery..",
                "io.newsmonitor.web..")
                .and(not(resideInAnyPackage("io.newsmonitor.poller", "io.newsmonitor.poller.config",
                        "io.newsmonitor.processor", "io.newsmonitor.processor.config",
                        "io.newsmonitor.sink", "io.newsmonitor.sink.config",
                        "io.newsmonitor.delivery", "io.newsmonitor.delivery.config",
                        "io.newsmonitor.web", "io.newsmonitor.web.config")));
        noClasses().that().resideInAPackage("io.newsmonitor.app..")
                .should().dependOnClassesThat(roleInternals.as("a role's internals"))
                .check(PRODUCTION);
    }

    @Test
    void thePackagesOfEachRoleDependOnEachOtherWithoutCircles() {
        for (String role : List.of("poller", "processor", "sink", "delivery", "web")) {
            slices().matching("io.newsmonitor." + role + ".(*)..").should().beFreeOfCycles().check(PRODUCTION);
        }
    }

    @Test
    void thePollerAndDeliveryDoNotRunKafkaStreams() {
        noClasses().that().resideInAnyPackage("io.newsmonitor.poller..", "io.newsmonitor.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.streams..",
                        "io.newsmonitor.streams..")
                .check(PRODUCTION);
    }

    @Test
    void productionCodeNeverImportsTestSupport() {
        noClasses().that().resideOutsideOfPackage("io.newsmonitor.testkit..")
                .should().dependOnClassesThat().resideInAPackage("io.newsmonitor.testkit..")
                .check(PRODUCTION);
    }

    @Test
    void theModulesDependOnEachOtherWithoutCircles() {
        slices().matching("io.newsmonitor.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
