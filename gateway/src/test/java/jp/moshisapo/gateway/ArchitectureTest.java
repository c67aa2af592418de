package jp.moshisapo.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.stream.Stream;
import jp.moshisapo.servers.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * The package rules of this service (docs/architecture.md, "Packages"): packages by feature, data flowing one way.
 * Break one (import a feature from a shared package, a filter from another) and this test names the classes.
 */
class ArchitectureTest {

    private static final PackageRules RULES = PackageRules.of("jp.moshisapo.gateway");
    /** Shared by the features, below them: they depend on no feature. */
    private static final String[] BOTTOM = {"clientaddress", "config", "problem", "requestid", "route"};
    /** The handlers the router puts in front of the proxy. */
    private static final String[] FILTERS = {"accesslog", "allowlist", "auth", "bodylimit", "console", "headers",
        "ratelimit"};
    private static final String[] FEATURES = Stream.concat(Stream.of(FILTERS), Stream.of("routing"))
            .toArray(String[]::new);

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        RULES.packagesDependOnEachOtherOneWayOnly();
    }

    @Test
    void sharedPackagesDependOnNoFeature() {
        RULES.sharedPackagesDependOnNoFeature(BOTTOM, FEATURES);
    }

    /** The filters know the route model, not each other and not the router that wires them in order. */
    @Test
    void onlyTheRouterWiresTheFilters() {
        for (String filter : FILTERS) {
            String[] others = Stream.concat(Stream.of("routing"), Stream.of(FILTERS).filter(f -> !f.equals(filter)))
                    .toArray(String[]::new);
            noClasses().that().resideInAnyPackage(RULES.packages(filter)).should().dependOnClassesThat()
                    .resideInAnyPackage(RULES.packages(others)).check(RULES.classes());
        }
    }
}
