package jp.moshisapo.facility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import jp.moshisapo.servers.ConnectionTimeouts;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Every pooled connection gives up instead of hanging: the server cancels a statement after 60 s, and the driver
 * stops waiting for an answer after 90 s (a half-open connection, whose answer never comes).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class DatabaseTimeoutsIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void pooledConnectionsCarryTheStatementAndSocketTimeouts() throws SQLException {
        assertEquals(new ConnectionTimeouts("1min", 90_000), ConnectionTimeouts.of(dataSource));
    }
}
