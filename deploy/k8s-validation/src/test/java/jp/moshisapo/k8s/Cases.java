package jp.moshisapo.k8s;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Parameter sources: every overlay, and every (overlay, service) pair. */
public final class Cases {

    private Cases() {
    }

    public static Stream<Arguments> overlaysAndServices() {
        return Overlays.ALL.stream().flatMap(o -> Services.ALL.stream().map(s -> Arguments.of(o, s)));
    }
}
