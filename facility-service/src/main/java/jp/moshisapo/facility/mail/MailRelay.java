package jp.moshisapo.facility.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jp.moshisapo.facility.config.FacilityConfig;
import org.jboss.logging.Logger;

/**
 * Sends the mail queue, oldest first, one mail per transaction at the configured rate. A mail leaves the queue
 * only with the SMTP server's final answer; while the server is unreachable (or answers 4xx) mail waits in the
 * database and is retried with growing pauses, across restarts. A crash between the server's acceptance and the
 * commit sends that one mail again, with the same Message-ID.
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);

    private final MailRows rows;
    private final MailSender sender;
    private final MailSignal signal;
    private final FacilityConfig.Mail config;
    private final MeterRegistry metrics;
    private final Map<MailStatus, Counter> outcomes = new EnumMap<>(MailStatus.class);
    private final Counter retries;
    private final Gauge pendingGauge;
    private final AtomicLong pending = new AtomicLong();
    private final Object stopping = new Object();
    private volatile boolean running;
    private Thread thread;

    MailRelay(MailRows rows, MailSender sender, MailSignal signal, FacilityConfig config, MeterRegistry metrics) {
        this.rows = rows;
        this.sender = sender;
        this.signal = signal;
        this.config = config.mail();
        this.metrics = metrics;
        for (MailStatus status : List.of(MailStatus.SENT, MailStatus.BOUNCED, MailStatus.REFUSED)) {
            outcomes.put(status, Counter.builder("moshisapo.facility.mail.sent")
                    .description("Mails the SMTP server answered for good, by outcome")
                    .tag("outcome", status.name().toLowerCase()).register(metrics));
        }
        this.retries = Counter.builder("moshisapo.facility.mail.retries")
                .description("Attempts the SMTP server did not answer for good (unreachable, 4xx, timeout)")
                .register(metrics);
        this.pendingGauge = Gauge.builder("moshisapo.facility.mail.pending", pending, AtomicLong::get)
                .description("Queued mails not yet answered by the SMTP server").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "mail-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        signal.signal();
        synchronized (stopping) {
            stopping.notifyAll();
        }
        if (thread != null) {
            thread.join(config.sendTimeout().plusSeconds(5).toMillis());
        }
        outcomes.values().forEach(metrics::remove);
        metrics.remove(retries);
        metrics.remove(pendingGauge);
    }

    private void run() {
        Duration backoff = config.pollInterval();
        boolean failing = false;
        long pauseNanos = (long) (1_000_000_000L / Math.max(0.001, config.ratePerSecond()));
        while (running) {
            Attempt attempt;
            try {
                attempt = QuarkusTransaction.requiringNew()
                        .timeout((int) config.sendTimeout().plusSeconds(30).toSeconds())
                        .call(() -> sendNext(config.maxBackoff()));
            } catch (RuntimeException e) {
                attempt = new Attempt(Outcome.RETRY, e.toString()); // the database itself is away
            }
            countPending();
            switch (attempt.outcome()) {
                case IDLE -> signal.await(config.pollInterval());
                case DONE -> {
                    if (failing) {
                        LOG.info("mail relay sends again");
                        failing = false;
                    }
                    backoff = config.pollInterval();
                    pause(Duration.ofNanos(pauseNanos));
                }
                case RETRY -> {
                    retries.increment();
                    if (!failing) {
                        LOG.warnf("mail relay cannot send (mail waits in the database and is retried): %s",
                                attempt.detail());
                        failing = true;
                    }
                    pause(backoff);
                    backoff = min(backoff.multipliedBy(2), config.maxBackoff());
                }
            }
        }
    }

    /** One mail in one transaction: lock, pick the oldest due mail, send it, record the answer. */
    private Attempt sendNext(Duration maxBackoff) {
        if (!rows.tryRelayLock()) {
            return new Attempt(Outcome.IDLE, null); // another instance is sending
        }
        QueuedMail mail = rows.nextDue().orElse(null);
        if (mail == null) {
            return new Attempt(Outcome.IDLE, null);
        }
        MailSender.Result result = sender.send(mail);
        if (result.retry()) {
            // This mail waits a little longer than the others: a recipient whose server keeps answering 4xx
            // must not hold up the queue behind it.
            Duration delay = min(config.pollInterval().multipliedBy(1L << Math.min(mail.attempts(), 16)), maxBackoff);
            rows.postpone(mail.id(), delay, result.answer());
            return new Attempt(Outcome.RETRY, result.answer());
        }
        rows.finish(mail.id(), result.status(), result.answer());
        outcomes.get(result.status()).increment();
        if (result.status() != MailStatus.SENT) {
            LOG.warnf("mail %s %s by the SMTP server: %s", mail.messageId(), result.status().name().toLowerCase(),
                    result.answer());
        }
        return new Attempt(Outcome.DONE, null);
    }

    private void countPending() {
        try {
            pending.set(QuarkusTransaction.requiringNew().call(rows::countPending));
        } catch (RuntimeException e) {
            LOG.debugf("cannot count pending mail: %s", e.toString());
        }
    }

    /** Waits without being woken by new mail (only a stop ends it early): the rate and backoff hold. */
    private void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (stopping) {
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                try {
                    stopping.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private enum Outcome { IDLE, DONE, RETRY }

    private record Attempt(Outcome outcome, String detail) {
    }
}
