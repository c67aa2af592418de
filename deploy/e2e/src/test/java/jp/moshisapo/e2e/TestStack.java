package jp.moshisapo.e2e;

import java.nio.file.Path;
import java.util.Map;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.stack.LocalStack;
import jp.moshisapo.stack.Ports;
import jp.moshisapo.stack.StackSettings;

/**
 * One full stack per test JVM on free ports, started on first use and stopped at exit: every end-to-end test
 * talks to it only through the gateway, as users do.
 */
final class TestStack {

    /**
     * Every test client comes from 127.0.0.1, so the gateway's per-IP limits (10 registrations a minute) would
     * answer most of the bad-input corpus and the drills' bursts with 429 before a service saw them. The limits
     * themselves are proven by the gateway's LimitsIT against its defaults.
     */
    static final Map<String, String> GENEROUS_RATE_LIMITS = Map.of(
            "RATE_REGISTRATION_PER_MINUTE", "100000",
            "RATE_VENUE_API_PER_MINUTE", "100000",
            "RATE_CODE_IMAGES_PER_MINUTE", "100000",
            "RATE_CHECK_IN_PER_MINUTE", "100000",
            "RATE_VENUE_PAGES_PER_MINUTE", "100000",
            "RATE_STAFF_PER_MINUTE", "100000",
            "RATE_LINK_RECOVERY_PER_HOUR", "100000");

    private static LocalStack stack;

    private TestStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("moshisapo.root", "../..")).toAbsolutePath().normalize();
            // The environment is not passed on: a developer's KAFKA_BOOTSTRAP_SERVERS must not redirect the test.
            StackSettings settings = new StackSettings(root, GENEROUS_RATE_LIMITS, Ports.free(),
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
