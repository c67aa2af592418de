package jp.moshisapo.servers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.LineSimulatorConfig;

/**
 * Starts a LINE platform simulator for a Quarkus test and points the service's LINE settings at it. The test gets
 * the simulator in a field annotated {@link InjectLineSimulator} and sets its webhook URL once the app's port is
 * known.
 */
public final class LineSimulatorTestResource implements QuarkusTestResourceLifecycleManager {

    private LineSimulator simulator;

    @Override
    public Map<String, String> start() {
        LineSimulatorConfig config = LineSimulatorConfig.defaults();
        simulator = LineSimulator.start(config);
        return Map.of(
                "moshisapo.line.api-base-url", simulator.baseUrl().toString(),
                "moshisapo.line.channel-secret", config.channelSecret(),
                "moshisapo.line.channel-access-token", config.channelAccessToken(),
                "moshisapo.line.bot-basic-id", config.botBasicId());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectLineSimulator.class, LineSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
