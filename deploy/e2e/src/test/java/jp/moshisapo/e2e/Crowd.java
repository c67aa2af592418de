package jp.moshisapo.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import jp.moshisapo.linesim.LineSimulator;

/**
 * Residents checking in side by side during a drill, each with a LINE user of their own: the ids are fresh for every
 * crowd, so a drill run twice against one stack counts only its own residents.
 */
final class Crowd {

    /** What one resident of the crowd does. */
    interface Resident {
        void checkIn(String userId) throws Exception;
    }

    private Crowd() {
    }

    /** Sets {@code count} residents going on {@code pool}; {@link #await} waits for them. */
    static List<Future<?>> start(ExecutorService pool, String phase, int count, Resident resident) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Future<?>> residents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String userId = LineSimulator.userIdFor("crowd-" + run + "-" + phase + "-" + i);
            residents.add(pool.submit(() -> {
                resident.checkIn(userId);
                return null;
            }));
        }
        return residents;
    }

    /** Waits until every resident is done; the first one's failure fails the drill. */
    static void await(List<Future<?>> residents) throws Exception {
        for (Future<?> resident : residents) {
            resident.get();
        }
    }

    static void run(ExecutorService pool, String phase, int count, Resident resident) throws Exception {
        await(start(pool, phase, count, resident));
    }
}
