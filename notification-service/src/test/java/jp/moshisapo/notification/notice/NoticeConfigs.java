package jp.moshisapo.notification.notice;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import jp.moshisapo.notification.config.NoticeConfig;

/** The notice settings exactly as the service's application.properties configures them (test profile). */
public final class NoticeConfigs {

    private NoticeConfigs() {
    }

    public static NoticeConfig configured() {
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withProfile("test")
                    .withSources(new PropertiesConfigSource(
                            NoticeConfigs.class.getClassLoader().getResource("application.properties")))
                    .withMapping(NoticeConfig.class)
                    .build();
            return config.getConfigMapping(NoticeConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
