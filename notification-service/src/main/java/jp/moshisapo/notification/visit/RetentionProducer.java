package jp.moshisapo.notification.visit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.moshisapo.notification.config.VisitStoreConfig;

/** The store's {@link Retention} from configuration: one definition of "kept" for ingest, matching and drops. */
public class RetentionProducer {

    @Produces
    @Singleton
    Retention retention(VisitStoreConfig config) {
        return new Retention(new Days(config.zone()), config.retentionDays(), config.partitionsAheadDays());
    }
}
