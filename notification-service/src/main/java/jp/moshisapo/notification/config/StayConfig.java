package jp.moshisapo.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * How long a visit is assumed to last, by the venue's business type ({@code moshisapo.notification.stays.*}):
 * a case given in hours matches the visits whose stay [scan, scan + stay] overlaps its window.
 */
@ConfigMapping(prefix = "moshisapo.notification.stays")
public interface StayConfig {

    /** The stay of a code whose business type is unknown (records from before the field) or not listed. */
    @WithDefault("2h")
    Duration unknownType();

    /** Stay per business type as facility-service names it (FOOD_SERVICE, OUTDOOR_EVENT, ...). */
    Map<String, Duration> byBusinessType();

    /** The stay of a code of {@code businessType} (null when unknown). */
    default Duration of(String businessType) {
        return businessType == null ? unknownType() : byBusinessType().getOrDefault(businessType, unknownType());
    }
}
