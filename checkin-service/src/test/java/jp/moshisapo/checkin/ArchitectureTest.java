package jp.moshisapo.checkin;

import jp.moshisapo.servers.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * The package rules of this service (docs/architecture.md, "Packages"): packages by feature, data flowing one way.
 * Break one (import a feature from a shared package, call another package's endpoint) and this test names the
 * classes.
 */
class ArchitectureTest {

    private static final PackageRules RULES = PackageRules.of("jp.moshisapo.checkin");
    /** Shared by the features, below them: they depend on no feature. */
    private static final String[] BOTTOM = {"config", "db", "metrics"};
    private static final String[] FEATURES = {"code", "dialogue", "health", "history", "kafka", "line", "processing",
        "resident", "retention", "webhook"};

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        RULES.packagesDependOnEachOtherOneWayOnly();
    }

    @Test
    void sharedPackagesDependOnNoFeature() {
        RULES.sharedPackagesDependOnNoFeature(BOTTOM, FEATURES);
    }

    @Test
    void noPackageReachesIntoAnotherPackagesEndpoint() {
        RULES.noPackageReachesIntoAnotherPackagesEndpoint();
    }
}
