package jp.moshisapo.e2e;

import java.nio.file.Path;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.stack.LocalStack;
import jp.moshisapo.stack.Ports;
import jp.moshisapo.stack.StackSettings;

/**
 * One full stack per test JVM on free ports, started on first use and stopped at exit: every end-to-end test
 * talks to it only through the gateway, as users do.
 */
final class TestStack {

    private static LocalStack stack;

    private TestStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("moshisapo.root", "../..")).toAbsolutePath().normalize();
            // The environment is not passed on: a developer's KAFKA_BOOTSTRAP_SERVERS must not redirect the test.
            StackSettings settings = new StackSettings(root, java.util.Map.of(), Ports.free(),
                    root.resolve("deploy/e2e/target/stack-logs"));
            stack = LocalStack.start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-test-stack"));
        }
        return stack;
    }

    static String gateway() {
        return get().gatewayUrl();
    }

    static LineSimulator line() {
        return get().simulator().orElseThrow();
    }
}
