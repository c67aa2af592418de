package jp.moshisapo.facility.text;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jp.moshisapo.facility.config.FacilityConfig;

/** The configured prefecture's names, which texts read as {@code {cdi:prefecture.name}}, {@code .serviceName}…. */
final class PrefectureNames {

    PrefectureNames() {
        // package-private: ArC constructs the declaring bean of a producer, and warns of private members
    }

    @Produces
    @Named("prefecture")
    static FacilityConfig.Prefecture prefecture(FacilityConfig config) {
        return config.prefecture();
    }
}
