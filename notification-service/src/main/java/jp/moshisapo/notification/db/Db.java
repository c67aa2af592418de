package jp.moshisapo.notification.db;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import jp.moshisapo.database.Database;

/**
 * The service's plain SQL (visit ingest, preview, planner, retention, batches; docs/adr/0005-data-access.md)
 * through the shared {@link Database}: every unit of work is one JTA transaction on the connection Hibernate uses
 * in it, so a case or audit entry written through its entity and the SQL beside it commit or roll back together.
 * The repositories flush after each entity change, so the SQL that follows in the same unit sees it.
 */
@Singleton
public class Db extends Database {

    Db(AgroalDataSource dataSource) {
        super(dataSource);
    }
}
