package io.tinynets;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The direction of dependencies, as src/site/architecture.md draws it: each arrow may only point down, and the engine
 * stays plain Java and EJML so it runs from a main method, a test or a benchmark alone. Production classes only (tests
 * may reach across to set things up). A failure names the offending class and the line of the import.
 */
@AnalyzeClasses(packages = "io.tinynets", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ENGINE = "io.tinynets.engine..";
    private static final String DATA = "io.tinynets.data..";
    private static final String TRAINING = "io.tinynets.training..";
    private static final String EXPERIMENT = "io.tinynets.experiment..";
    private static final String CLASSROOM = "io.tinynets.classroom..";
    private static final String LAB = "io.tinynets.lab..";
    private static final String BASE = "io.tinynets.base..";
    private static final String VAADIN = "com.vaadin..";

    /** Java's own classes (java.sql is a database, not arithmetic), EJML and the engine itself. */
    private static final DescribedPredicate<JavaClass> JAVA_OR_EJML = resideInAnyPackage(ENGINE, "java..", "org.ejml..")
            .and(DescribedPredicate.not(resideInAPackage("java.sql..")));

    /** The same, looking through arrays to what they hold ({@code double[][]}, {@code Param[]}). */
    private static final DescribedPredicate<JavaClass> PLAIN_JAVA_OR_EJML = DescribedPredicate.describe(
            "java.* (not java.sql), org.ejml or the engine itself", c -> {
                JavaClass base = c.isArray() ? c.getBaseComponentType() : c;
                return base.isPrimitive() || JAVA_OR_EJML.test(base);
            });

    @ArchTest
    static final ArchRule theEngineUsesOnlyJavaAndEjml = classes().that().resideInAPackage(ENGINE)
            .should().onlyDependOnClassesThat(PLAIN_JAVA_OR_EJML)
            .because("the engine runs alone from a main method, a test or a benchmark: no Spring, Vaadin, Jackson "
                    + "or java.sql");

    @ArchTest
    static final ArchRule dataNeedsOnlyTheEngine = noClasses().that().resideInAPackage(DATA)
            .should().dependOnClassesThat().resideInAnyPackage(TRAINING, EXPERIMENT, CLASSROOM, LAB, BASE, VAADIN)
            .because("toy datasets and tasks sit right above the engine");

    @ArchTest
    static final ArchRule trainingKnowsNoFeatureAndNoUi = noClasses().that().resideInAPackage(TRAINING)
            .should().dependOnClassesThat().resideInAnyPackage(EXPERIMENT, CLASSROOM, LAB, BASE, VAADIN)
            .because("the runtime and the lab-neutral contracts (pictures, refusals, weights as JSON) are below "
                    + "every feature and every page");

    @ArchTest
    static final ArchRule experimentsKnowNoClassroomAndNoLab = noClasses().that().resideInAPackage(EXPERIMENT)
            .should().dependOnClassesThat().resideInAnyPackage(CLASSROOM, LAB)
            .because("a class gallery or an assignment is built on experiments, never the other way round");

    @ArchTest
    static final ArchRule labsKnowNoClassroom = noClasses().that().resideInAPackage(LAB)
            .should().dependOnClassesThat().resideInAPackage(CLASSROOM)
            .because("assignments reach a lab as an add-on of the lab frame, a bean found through base.ui");

    @ArchTest
    static final ArchRule theClassroomKnowsNoLab = noClasses().that().resideInAPackage(CLASSROOM)
            .should().dependOnClassesThat().resideInAPackage(LAB)
            .because("the dashboard projects a run through training.picture.LivePicture beans, whatever the lab");

    @ArchTest
    static final ArchRule theShellKnowsNoFeature = noClasses().that().resideInAPackage(BASE)
            .should().dependOnClassesThat().resideInAnyPackage(LAB, CLASSROOM, EXPERIMENT)
            .because("features plug into the shell (menus, the lab frame's add-ons, @PublicView), it never names them");

    @ArchTest
    static final ArchRule servicesNeverTouchVaadin = noClasses()
            .that().areAnnotatedWith(Service.class).or().haveSimpleNameEndingWith("Service")
            .or().areAnnotatedWith(Repository.class)
            .should().dependOnClassesThat().resideInAPackage(VAADIN)
            .because("a service answers any caller (a view, a test, another service) and never holds a component");

    @ArchTest
    static final ArchRule viewsNeverTouchRepositories = noClasses().that().resideInAPackage("io.tinynets..ui..")
            .should().dependOnClassesThat(annotatedWith(Repository.class)
                    .or(resideInAnyPackage("java.sql..", "org.springframework.jdbc.."))
                    .or(nameMatching("io\\.tinynets\\..*Repository")).as("a repository or the database"))
            .because("views go through services, which check who is acting and hold the transactions");
}
