package jp.moshisapo.notification.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters of the fan-out, for dashboards and alerts (docs/notification.md lists them). */
@ApplicationScoped
@Startup
public class FanoutMetrics {

    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final Counter rateLimited;
    private final Counter recipients;
    private final Counter unreadableVisits;

    FanoutMetrics(MeterRegistry registry) {
        String batches = "moshisapo.notification.multicast.batches";
        String help = "Multicast batch attempts by outcome: sent (2xx or 409), retried (429/5xx/no answer), failed";
        this.sent = Counter.builder(batches).description(help).tag("outcome", "sent").register(registry);
        this.retried = Counter.builder(batches).description(help).tag("outcome", "retried").register(registry);
        this.failed = Counter.builder(batches).description(help).tag("outcome", "failed").register(registry);
        this.rateLimited = Counter.builder("moshisapo.line.api.rate.limited")
                .description("429 answers from the LINE Messaging API").tag("endpoint", "multicast")
                .register(registry);
        this.recipients = Counter.builder("moshisapo.notification.recipients.delivered")
                .description("Recipients of multicast batches LINE accepted").register(registry);
        this.unreadableVisits = Counter.builder("moshisapo.notification.planner.unreadable.visits")
                .description("Matching visits the planner skipped: sealed under a key no longer in the keyring")
                .register(registry);
    }

    void unreadableVisits(int count) {
        unreadableVisits.increment(count);
    }

    void sent(int recipientCount) {
        sent.increment();
        recipients.increment(recipientCount);
    }

    void retried() {
        retried.increment();
    }

    void failed() {
        failed.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }
}
