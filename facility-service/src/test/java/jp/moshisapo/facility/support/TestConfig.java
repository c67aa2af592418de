package jp.moshisapo.facility.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import jp.moshisapo.facility.config.FacilityConfig;

/** The service's typed configuration with its real defaults, for tests and benchmarks that run without Quarkus. */
public final class TestConfig {

    public static final String PUBLIC_BASE_URL = "https://moshisapo.example.jp";

    private TestConfig() {
    }

    public static FacilityConfig facility() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(FacilityConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // "30s", as Quarkus reads it
                .withDefaultValue("moshisapo.facility.public-base-url", PUBLIC_BASE_URL)
                .withDefaultValue("moshisapo.facility.line-bot-basic-id", "@moshisapo")
                .build();
        return config.getConfigMapping(FacilityConfig.class);
    }
}
