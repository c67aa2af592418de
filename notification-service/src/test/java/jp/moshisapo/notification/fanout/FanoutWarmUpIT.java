package jp.moshisapo.notification.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.notification.StoreProbe;
import jp.moshisapo.servers.InjectLineSimulator;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up runs the planner's and the dispatcher's own code on made-up residents, so a case meets it
 * compiled; it must never leave a trace a resident or the report could see: no batch, no claim, no multicast.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class FanoutWarmUpIT {

    @InjectLineSimulator
    LineSimulator sim;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    FanoutWarmUp warmUp;

    @Test
    void theWarmUpPlansAndSendsMadeUpBatchesToItsOwnStandInAndStoresNothing() {
        StoreProbe store = new StoreProbe(dataSource);
        sim.reset();
        long batchesBefore = store.count("SELECT count(*) FROM delivery_batch");

        int batches = warmUp.run(2_600);

        assertEquals(6, batches, "2,600 made-up residents make five full batches of 500 and one of 100");
        assertEquals(batchesBefore, store.count("SELECT count(*) FROM delivery_batch"), "no batch stored");
        assertEquals(0, sim.stats().of(Endpoint.MULTICAST).requests(), "nothing sent to LINE");
    }
}
