package jp.moshisapo.facility;

import jp.moshisapo.servers.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * The package rules of this service (docs/architecture.md, "Packages"): packages by feature, data flowing one way.
 * Break one (import a feature from a shared package, call another package's endpoint) and this test names the
 * classes.
 */
class ArchitectureTest {

    private static final PackageRules RULES = PackageRules.of("jp.moshisapo.facility");
    /** Shared by the features, below them: they depend on no feature. */
    private static final String[] BOTTOM = {"config", "input", "jdbc", "problem", "qr", "text", "venue"};
    private static final String[] FEATURES = {"audit", "code", "mail", "management", "notice", "outbox", "poster",
        "recovery", "registration", "staff", "stats", "web"};

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
