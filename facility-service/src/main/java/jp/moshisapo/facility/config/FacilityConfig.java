package jp.moshisapo.facility.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** facility-service settings ({@code moshisapo.facility.*}). */
@ConfigMapping(prefix = "moshisapo.facility")
public interface FacilityConfig {

    /** The public address residents and venues reach (the gateway); QR codes encode {@code <this>/c/<code>}. */
    String publicBaseUrl();

    /** The LINE official account's basic id (with {@code @}), target of the check-in redirect. */
    String lineBotBasicId();

    /** Who runs the service: names and contact printed on posters and shown on the form. */
    Prefecture prefecture();

    /** The relay that publishes outbox rows to Kafka. */
    Outbox outbox();

    /**
     * The prefecture running the service. The defaults are Iwate's (the seed); another prefecture changes only
     * these values.
     */
    interface Prefecture {

        /** 都道府県名, e.g. 岩手県. */
        @WithDefault("岩手県")
        String name();

        /** The LINE official account's display name. */
        @WithDefault("岩手県-新型コロナ対策パーソナルサポート")
        String lineAccountName();

        /** The service's name, printed as 『…』. */
        @WithDefault("もしサポ岩手")
        String serviceName();

        /** The office that issues the posters, printed beside the venue name. */
        @WithDefault("岩手県庁健康国保課")
        String issuer();

        /** Contact office on posters and pages. */
        @WithDefault("岩手県庁 保健福祉部 健康国保課 医療情報担当")
        String contactOffice();

        @WithDefault("019-629-5487")
        String contactPhone();

        @WithDefault("9:00～17:00（平日のみ）")
        String contactHours();
    }

    /** 「管理用リンクを再送する」. */
    Recovery recovery();

    /** Mail to venues: how fast the queue is sent and how it waits for the SMTP server. */
    Mail mail();

    /** How many PDFs (posters, a venue's all-rooms PDF, table cards) are drawn at once. */
    Posters posters();

    /**
     * Drawing a PDF holds a parsed 6 MB Japanese font and the document being built: unbounded, a burst of
     * downloads exhausts the heap (16 at once did, at 512 MB). Requests beyond the limit wait their turn, and
     * past the wait are answered 503 with Retry-After instead.
     */
    interface Posters {

        @WithDefault("4")
        int concurrentRenders();

        @WithDefault("10s")
        Duration renderWait();
    }

    /** Outbox relay settings. */
    interface Outbox {

        /** How long the relay waits for new rows when it is idle (commits also wake it at once). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows published per round. */
        @WithDefault("200")
        int batchSize();

        /** How long the producer keeps trying one record before the round counts as failed. */
        @WithDefault("30s")
        Duration deliveryTimeout();

        /** Longest pause between failed rounds (the pause doubles from the poll interval up to this). */
        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * How long a sent row stays once a later row for the same code has replaced it (OutboxPruner). The newest
         * row of each code stays: it is what the compacted topic holds, and what a republish sends.
         */
        @WithDefault("P7D")
        Duration sentRetention();

        /** How often the pruner runs (and how long after start it first runs). */
        @WithDefault("1h")
        Duration pruneEvery();
    }

    /**
     * Sending of queued mail. The SMTP server itself is Quarkus Mailer's ({@code quarkus.mailer.*}: host, port,
     * from, TLS, login; docs/operations.md).
     */
    interface Mail {

        /**
         * Mails handed to the SMTP server per second, for all instances together (a relay counts a notice to
         * thousands of venues as thousands of mails; the prefecture's relay limits senders).
         */
        @WithDefault("5")
        double ratePerSecond();

        /** How long the relay waits for new mail when it is idle (commits wake it at once). */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long one SMTP conversation may take before it counts as failed (and is retried). */
        @WithDefault("30s")
        Duration sendTimeout();

        /** Longest pause between attempts while the SMTP server is unreachable (doubles from the poll interval). */
        @WithDefault("5m")
        Duration maxBackoff();

        /** The right-hand side of every Message-ID ({@code <uuid@this>}); the public host when not set. */
        java.util.Optional<String> messageIdDomain();
    }

    /** Limits of management-link recovery by mail (per client, the gateway's route limit applies as well). */
    interface Recovery {

        /** Links mailed per address within {@link #window()}; further requests answer the same and send nothing. */
        @WithDefault("3")
        int perAddress();

        @WithDefault("1h")
        Duration window();
    }
}
