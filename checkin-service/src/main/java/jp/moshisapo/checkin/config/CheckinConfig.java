package jp.moshisapo.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the check-in dialogue behaves and how long this service keeps what it keeps ({@code moshisapo.checkin.*}). */
@ConfigMapping(prefix = "moshisapo.checkin")
public interface CheckinConfig {

    /** Named in the completion text and the greeting: 「…{@code 岩手県}が不特定の方への感染の恐れが…」. */
    @WithDefault("岩手県")
    String prefectureName();

    /**
     * The prefecture's contact, answered to 「お問い合わせ」 (the seed: 岩手県庁 健康国保課 医療情報担当, its phone and
     * hours). From {@code PREFECTURE_CONTACT}; no default in production: a wrong number cannot be called back.
     */
    String contact();

    /** The service's name in the greeting. */
    @WithDefault("もしサポ岩手")
    String serviceName();

    /** A consent tapped later than this after the scan asks the resident to scan again. */
    @WithDefault("PT30M")
    Duration consentValidFor();

    /** How far back 「履歴」 looks, and how long a resident's own history is kept. */
    @WithDefault("P14D")
    Duration historyRetention();

    /** How long processed webhookEventIds are remembered to drop LINE's redeliveries. */
    @WithDefault("P7D")
    Duration processedEventRetention();

    /** Webhook bodies above this size are refused with 413 (LINE's own bodies are a few KB). */
    @WithDefault("1048576")
    int webhookMaxBodyBytes();

    /**
     * HMAC-SHA256 key that turns a LINE user id into the pseudonym the history is stored under. A secret: from
     * {@code RESIDENT_PSEUDONYM_KEY}; changing it orphans every stored history row.
     */
    String residentPseudonymKey();

    EventEncryption eventEncryption();

    Kafka kafka();

    /**
     * The keyring that seals LINE user ids and raw webhook events on Kafka, shared with notification-service
     * (docs/operations.md, "Key rotation"). Secrets: from {@code EVENT_ENCRYPTION_KEYS} and
     * {@code EVENT_ENCRYPTION_ACTIVE_KEY_ID}; no default in production.
     */
    interface EventEncryption {

        /** {@code keyId:base64(32-byte AES key)[,keyId:base64key...]}: every key still on the topics. */
        String keys();

        /** The key id new events are sealed with. */
        String activeKeyId();
    }

    /** Topics and consumer settings. */
    interface Kafka {

        /** Where the webhook puts accepted events, minimised and sealed, before they are processed (key = pseudonym). */
        @WithDefault("checkin.webhook-events.v1")
        String webhookEventsTopic();

        /** Consumer group of the webhook-event processors; the instances share the topic's partitions. */
        @WithDefault("checkin-service")
        String consumerGroup();

        /** The webhook answers 503 (LINE redelivers) when Kafka has not confirmed the events by then. */
        @WithDefault("PT1.5S")
        Duration acceptTimeout();

        /**
         * Consumer threads of this instance, each with its own share of the topic's partitions (6: more threads
         * than partitions in the whole group stay idle). Batches wait on Kafka's acks and LINE's reply API, so
         * parallel consumers keep throughput up and the residents' wait down.
         */
        @WithDefault("6")
        int consumers();

        /** Largest batch processed at once: one database round trip and one Kafka flush per batch. */
        @WithDefault("500")
        int maxBatch();
    }
}
