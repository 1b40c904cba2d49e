package org.planledger.infra;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules of DESIGN.md §3, checked on the production classes of every module: the
 * command side and the query side never know each other, neither knows Spring, HTTP or how the
 * application is configured, and the events depend on nothing but the JDK and the annotations
 * that fix their serialised shape.
 * <p>
 * Plain JUnit tests rather than {@code @ArchTest} fields: Maven Surefire 3.5.3 (the build's
 * version) silently skips ArchUnit's field rules (TNG/ArchUnit#1442), and a rule that never runs
 * guards nothing.
 */
class ArchitectureTest {

    private static final String COMMAND_SIDE = "org.planledger.command..";
    private static final String QUERY_SIDE = "org.planledger.query..";
    private static final String EVENTS = "org.planledger.events..";
    private static final String WEB = "org.planledger.infra.web..";
    private static final String PAGES = "org.planledger.infra.pages..";
    private static final String REFUSALS = "org.planledger.infra.refusals..";

    /** What only infra may know: Spring (Boot), servlets and HTTP clients, and wiring the application. */
    private static final DescribedPredicate<JavaClass> RUNTIME_AND_WIRING =
            resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.servlet..", "javax.servlet..", "jakarta.ws.rs..",
                    "java.net.http..", "org.apache.hc..", "org.apache.http..",
                    "org.axonframework.spring..", "org.axonframework.springboot..",
                    "org.planledger.infra..")
                // Axon's Configurer API belongs to infra; @ProcessingGroup is the one annotation
                // from that package a projection is meant to carry.
                .or(resideInAnyPackage("org.axonframework.config..").and(DescribedPredicate.not(type(ProcessingGroup.class))))
                .as("Spring, HTTP or application configuration classes");

    private static JavaClasses productionClasses;

    @BeforeAll
    static void importProductionClassesOfEveryModule() {
        productionClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.planledger");
    }

    @Test
    void theImportSeesEveryModule() {
        // Guards the rules below against passing on an empty import.
        assertThat(productionClasses.containPackage("org.planledger.events")).isTrue();
        assertThat(productionClasses.containPackage("org.planledger.command")).isTrue();
        assertThat(productionClasses.containPackage("org.planledger.infra")).isTrue();
    }

    @Test
    void commandSideDoesNotKnowTheQuerySide() {
        noClasses().that().resideInAPackage(COMMAND_SIDE)
                .should().dependOnClassesThat().resideInAPackage(QUERY_SIDE)
                .check(productionClasses);
    }

    @Test
    void querySideDoesNotKnowTheCommandSide() {
        noClasses().that().resideInAPackage(QUERY_SIDE)
                .should().dependOnClassesThat().resideInAPackage(COMMAND_SIDE)
                .check(productionClasses);
    }

    @Test
    void commandSideKnowsNoRuntime() {
        noClasses().that().resideInAPackage(COMMAND_SIDE)
                .should().dependOnClassesThat(RUNTIME_AND_WIRING)
                .check(productionClasses);
    }

    @Test
    void querySideKnowsNoRuntime() {
        noClasses().that().resideInAPackage(QUERY_SIDE)
                .should().dependOnClassesThat(RUNTIME_AND_WIRING)
                .check(productionClasses);
    }

    // ---- rooms inside infra ---------------------------------------------------------------------------

    /**
     * The API ({@code web}) and the web pages ({@code pages}) are two doors to the same things: they
     * share what both need (sending commands as the caller, asking queries, refusals, roles) from
     * their own packages, and neither reaches into the other.
     */
    @Test
    void theApiAndThePagesDoNotReachIntoEachOther() {
        noClasses().that().resideInAPackage(WEB)
                .should().dependOnClassesThat().resideInAPackage(PAGES)
                .check(productionClasses);
        noClasses().that().resideInAPackage(PAGES)
                .should().dependOnClassesThat().resideInAPackage(WEB)
                .check(productionClasses);
    }

    /** What went wrong is decided once for both doors, so it knows neither. */
    @Test
    void refusalsKnowNeitherTheApiNorThePages() {
        noClasses().that().resideInAPackage(REFUSALS)
                .should().dependOnClassesThat().resideInAnyPackage(WEB, PAGES)
                .check(productionClasses);
    }

    /** Axon's command interceptors and the command sender are not HTTP code. */
    @Test
    void commandPlumbingKnowsNoHttp() {
        noClasses().that().resideInAPackage("org.planledger.infra.command..")
                .should().dependOnClassesThat().resideInAnyPackage(WEB, PAGES, "org.springframework.web..",
                        "jakarta.servlet..")
                .check(productionClasses);
    }

    @Test
    void eventsDependOnlyOnTheJdkAndSerialisationAnnotations() {
        classes().that().resideInAPackage(EVENTS)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                            "java..", EVENTS,
                            "org.axonframework.serialization..",
                            "com.fasterxml.jackson.annotation..")
                .check(productionClasses);
    }
}
