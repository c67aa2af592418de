package jp.moshisapo.servers;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.IterativePollInterval;

/**
 * Polls a condition with a deadline: how the servers' starts and the drills wait, on Awaitility (the tests' one
 * poller), with a timeout that reads as a server that did not start.
 */
public final class Wait {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);

    private Wait() {
    }

    /** Returns once {@code condition} holds; throws with {@code what} when {@code timeout} passes first. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        try {
            Awaitility.await(what)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(new IterativePollInterval(Wait::longer, FIRST_PAUSE))
                    .pollInSameThread() // a condition may act for the caller (e.g. send again), as the caller would
                    // only the condition decides: Awaitility would otherwise fail the wait on any other thread's
                    // uncaught exception (a drill's simulator, clients, residents), which the hand-written loop
                    // this replaces never did
                    .dontCatchUncaughtExceptions()
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new ServerStartException("timed out after " + timeout.toSeconds() + " s waiting for " + what, e);
        }
    }

    /** Short pauses first (most waits end within a few), then no more than two polls a second. */
    private static Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
    }
}
