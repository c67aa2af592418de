package jp.moshisapo.checkin.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import jp.moshisapo.checkin.dialogue.PostbackData;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.webhook.SignedWebhook;
import jp.moshisapo.protocol.code.PrintedCode;

/**
 * Residents checking in as fast as the threads go (or at a fixed rate): each check-in is the text the QR redirect
 * prefills (a signed message webhook) followed by the tap on 同意する (a signed postback webhook), built and signed
 * by the LINE simulator exactly as LINE would. The postback carries the consent button's data for that scan; a
 * resident this quick taps before the prompt is on screen, which changes nothing for the service: one resident's
 * events are processed in order.
 *
 * <p>Two clients post them: {@link Client#LEAN} (the default) signs each event before its timer starts and posts it
 * on the thread's own kept-alive connection ({@link WebhookPoster}); {@link Client#SIMULATOR} lets the simulator
 * post it with its JDK {@code HttpClient}, recording it in the chat history and for redelivery, as the drills do.
 */
final class Load {

    private static final int USERS_PER_THREAD = 50;
    /** How long after the run's end a webhook may still be unanswered before its connection is closed. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(10);

    /** Who posts the webhooks. */
    enum Client {
        LEAN, SIMULATOR
    }

    private final LineSimulator sim;
    private final Client client;
    private final List<PrintedCode> codes;
    private final int threads;
    private final double ratePerThread;
    /** Every consent the webhook accepted: "userId|code|scannedAtMillis", to find each visit on the topic. */
    private final Set<String> acceptedConsents = ConcurrentHashMap.newKeySet();
    private final AtomicLong failedRequests = new AtomicLong();

    Load(LineSimulator sim, Client client, List<PrintedCode> codes, int threads, int checkinsPerSecond) {
        this.sim = sim;
        this.client = client;
        this.codes = codes;
        this.threads = threads;
        this.ratePerThread = checkinsPerSecond <= 0 ? 0 : (double) checkinsPerSecond / threads;
    }

    /** Runs for {@code duration}; returns the webhook response times and completed check-ins of this run. */
    Result run(Duration duration, String phase) throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            workers.add(new Worker(phase + "-" + t, end));
        }
        long started = System.nanoTime();
        workers.forEach(Thread::start);
        long stalledAfter = end + STALL_LIMIT.toNanos();
        for (Worker worker : workers) {
            worker.join(Math.max(1, (stalledAfter - System.nanoTime()) / 1_000_000));
            if (worker.isAlive()) {
                worker.poster.close(); // a webhook unanswered long after the run's end: its read fails, it stops
                worker.join();
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Result(elapsed, workers.stream().mapToLong(w -> w.checkins).sum(),
                Latencies.merge(workers.stream().map(w -> w.latencies).toList()));
    }

    Set<String> acceptedConsents() {
        return acceptedConsents;
    }

    long failedRequests() {
        return failedRequests.get();
    }

    record Result(Duration elapsed, long checkins, Latencies webhook) {

        double checkinsPerSecond() {
            return checkins / (elapsed.toNanos() / 1e9);
        }
    }

    private final class Worker extends Thread {

        private final long end;
        private final Latencies latencies = new Latencies();
        private final List<String> users = new ArrayList<>();
        private final WebhookPoster poster = new WebhookPoster(sim.config().webhookUrl());
        private long checkins;

        Worker(String name, long end) {
            super(name);
            this.end = end;
            for (int i = 0; i < USERS_PER_THREAD; i++) {
                users.add(LineSimulator.userIdFor(name + "-resident-" + i));
            }
        }

        @Override
        public void run() {
            long next = System.nanoTime();
            long interval = ratePerThread == 0 ? 0 : (long) (1e9 / ratePerThread);
            int turn = 0;
            while (System.nanoTime() < end) {
                if (interval > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        parkNanos(wait);
                    }
                    next += interval;
                }
                String user = users.get(turn++ % users.size());
                PrintedCode code = codes.get(ThreadLocalRandom.current().nextInt(codes.size()));
                if (checkIn(user, code)) {
                    checkins++;
                }
            }
            poster.close();
        }

        private boolean checkIn(String user, PrintedCode code) {
            Instant scannedAt = Instant.now();
            String text = "チェックイン " + code.display();
            boolean sent = client == Client.LEAN ? timed(sim.signedText(user, text))
                    : timed(() -> sim.sendText(user, text).status());
            if (!sent) {
                return false;
            }
            String consent = new PostbackData.Consent(true, code, scannedAt).encode();
            boolean consented = client == Client.LEAN ? timed(sim.signedPostback(user, consent))
                    : timed(() -> sim.postback(user, consent).status());
            if (!consented) {
                return false;
            }
            acceptedConsents.add(user + "|" + code.canonical() + "|" + scannedAt.toEpochMilli());
            return true;
        }

        private boolean timed(SignedWebhook webhook) {
            return timed(() -> poster.post(webhook));
        }

        /** Times one webhook request; true when it answered 2xx. */
        private boolean timed(IntSupplier request) {
            long start = System.nanoTime();
            int status = request.getAsInt();
            latencies.add(System.nanoTime() - start);
            boolean ok = status >= 200 && status < 300;
            if (!ok) {
                failedRequests.incrementAndGet();
            }
            return ok;
        }

        private static void parkNanos(long nanos) {
            java.util.concurrent.locks.LockSupport.parkNanos(nanos);
        }
    }
}
