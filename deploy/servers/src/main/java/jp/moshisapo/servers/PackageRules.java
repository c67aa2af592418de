package jp.moshisapo.servers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.stream.Stream;

/**
 * The package rules every module keeps (docs/architecture.md, "Packages"): packages by feature, data flowing one
 * way. Each module's {@code ArchitectureTest} names its own shared (bottom) packages and features and calls these;
 * a broken rule fails with the classes that break it.
 */
public final class PackageRules {

    private final String root;
    private final JavaClasses classes;

    private PackageRules(String root) {
        this.root = root;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** The main classes under {@code root} (e.g. {@code jp.moshisapo.checkin}), tests left out. */
    public static PackageRules of(String root) {
        return new PackageRules(root);
    }

    public JavaClasses classes() {
        return classes;
    }

    /** No cycle between the packages right below the root. */
    public void packagesDependOnEachOtherOneWayOnly() {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The shared packages sit below the features: none of their classes uses a feature. */
    public void sharedPackagesDependOnNoFeature(String[] shared, String[] features) {
        noClasses().that().resideInAnyPackage(packages(shared)).should().dependOnClassesThat()
                .resideInAnyPackage(packages(features)).check(classes);
    }

    /** An HTTP endpoint is an entry point, not an API: no class outside its package calls it. */
    public void noPackageReachesIntoAnotherPackagesEndpoint() {
        // classes().should(…), not noClasses(): the condition reports each offending dependency as a violation, which
        // noClasses() would turn around into a pass
        ArchRuleDefinition.classes().should(new ArchCondition<JavaClass>("not depend on an endpoint of another package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                origin.getDirectDependenciesFromSelf().stream()
                        .filter(dependency -> dependency.getTargetClass().isAnnotatedWith("jakarta.ws.rs.Path"))
                        .filter(dependency -> !dependency.getTargetClass().getPackageName()
                                .equals(origin.getPackageName()))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(origin,
                                dependency.getDescription())));
            }
        }).check(classes);
    }

    /** The named packages below the root, with their sub-packages, as ArchUnit patterns. */
    public String[] packages(String... names) {
        return Stream.of(names).map(name -> root + "." + name + "..").toArray(String[]::new);
    }
}
