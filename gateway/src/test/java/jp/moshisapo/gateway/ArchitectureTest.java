package jp.moshisapo.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of this service (docs/architecture.md, "Packages"): packages by feature, data flowing one way.
 * Break one (import a feature from a shared package, a filter from another) and this test names the classes.
 */
class ArchitectureTest {

    private static final String ROOT = "jp.moshisapo.gateway";
    /** Shared by the features, below them: they depend on no feature. */
    private static final String[] BOTTOM = {"clientaddress", "config", "problem", "requestid", "route"};
    /** The handlers the router puts in front of the proxy. */
    private static final String[] FILTERS = {"accesslog", "allowlist", "auth", "bodylimit", "console", "headers",
        "ratelimit"};
    private static final String[] FEATURES = Stream.concat(Stream.of(FILTERS), Stream.of("routing"))
            .toArray(String[]::new);

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

    /** The filters know the route model, not each other and not the router that wires them in order. */
    @Test
    void onlyTheRouterWiresTheFilters() {
        for (String filter : FILTERS) {
            String[] others = Stream.concat(Stream.of("routing"), Stream.of(FILTERS).filter(f -> !f.equals(filter)))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + "." + filter + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(packages(others)).check(CLASSES);
        }
    }

    private static String[] packages(String[] names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = ROOT + "." + names[i] + "..";
        }
        return packages;
    }
}
