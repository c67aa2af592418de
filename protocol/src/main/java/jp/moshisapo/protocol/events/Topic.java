package jp.moshisapo.protocol.events;

/** Kafka topic names; the version is part of the name (docs/events/asyncapi.yaml). */
public final class Topic {

    /** {@link CodeState}, key = canonical code, compacted. */
    public static final String FACILITY_CODES = "facility.codes.v1";
    /** {@link VisitRecorded}, key = canonical code. */
    public static final String CHECKIN_VISITS = "checkin.visits.v1";
    /** {@link ResidentEvent}, key = the resident's pseudonym (hex), never the LINE user id. */
    public static final String CHECKIN_RESIDENTS = "checkin.residents.v1";
    /**
     * checkin-service's own: one LINE webhook event per record, minimised and {@link Sealed} as a whole
     * ({@link EventKeyring.Purpose#WEBHOOK_EVENT}), key = the resident's pseudonym (hex).
     */
    public static final String CHECKIN_WEBHOOK_EVENTS = "checkin.webhook-events.v1";

    private Topic() {
    }
}
