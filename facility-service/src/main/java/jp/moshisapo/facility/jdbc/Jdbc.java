package jp.moshisapo.facility.jdbc;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jp.moshisapo.database.Database;

/**
 * Plain SQL for what is not entity state (search, statistics, mail rows, audit entries, advisory locks; see
 * docs/adr/0005-data-access.md), through the shared {@link Database}: its statements join the caller's JTA
 * transaction ({@code @Transactional}) on the same connection Hibernate uses, so entity changes and these
 * statements commit or roll back together. Before each statement in a transaction, Hibernate's pending changes are
 * flushed: a mail row may reference the venue persisted a moment before, and a count must include it.
 */
@Singleton
public class Jdbc extends Database {

    private final EntityManager entities;

    Jdbc(AgroalDataSource dataSource, EntityManager entities) {
        super(dataSource);
        this.entities = entities;
    }

    @Override
    protected void beforeStatement() {
        if (QuarkusTransaction.isActive()) {
            entities.flush();
        }
    }
}
