package jp.moshisapo.facility;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/**
 * The package rules of this service (docs/architecture.md, "Packages"): packages by feature, data flowing one way.
 * Break one (import a feature from a shared package, call another package's endpoint) and this test names the
 * classes.
 */
class ArchitectureTest {

    private static final String ROOT = "jp.moshisapo.facility";
    /** Shared by the features, below them: they depend on no feature. */
    private static final String[] BOTTOM = {"config", "jdbc", "problem", "qr", "text", "venue"};
    private static final String[] FEATURES = {"audit", "code", "mail", "management", "notice", "outbox", "poster",
        "recovery", "registration", "staff", "stats", "web"};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void sharedPackagesDependOnNoFeature() {
        noClasses().that().resideInAnyPackage(packages(BOTTOM)).should().dependOnClassesThat()
                .resideInAnyPackage(packages(FEATURES)).check(CLASSES);
    }

    /** An HTTP endpoint is an entry point, not an API: no class outside its package calls it. */
    @Test
    void noPackageReachesIntoAnotherPackagesEndpoint() {
        noClasses().should(new ArchCondition<JavaClass>("depend on an endpoint of another package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                origin.getDirectDependenciesFromSelf().stream()
                        .filter(dependency -> dependency.getTargetClass().isAnnotatedWith(Path.class))
                        .filter(dependency -> !dependency.getTargetClass().getPackageName()
                                .equals(origin.getPackageName()))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(origin,
                                dependency.getDescription())));
            }
        }).check(CLASSES);
    }

    private static String[] packages(String[] names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = ROOT + "." + names[i] + "..";
        }
        return packages;
    }
}
