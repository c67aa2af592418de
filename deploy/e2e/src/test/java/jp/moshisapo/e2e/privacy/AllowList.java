package jp.moshisapo.e2e.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The places where docs/privacy.md says a resident's identifier must stay for a while, and nowhere else: every
 * finding not matched here fails the privacy drill. Each entry names the docs row that justifies it; an entry is
 * added or removed in the same change as that row. A second, separate list holds findings tolerated only while a
 * named gap is open: the drill prints them on every run, and the list should be empty.
 */
public final class AllowList {

    /** When the drill looks: right after the resident erased, or after every retention period has passed. */
    public enum Moment { AFTER_ERASURE, AFTER_RETENTION }

    /**
     * @param place      a regular expression over {@link Finding#place()}
     * @param form       a regular expression over {@link Trace#form()}
     * @param resident   a regular expression over {@link Trace#resident()}
     * @param moments    when the trace may be there
     * @param keptAtMost for a topic allowed after retention: the longest its production retention may keep a
     *                   record (retention.ms plus the segment roll), checked against the manifests by the drill
     * @param why        the row of docs/privacy.md that says the trace must stay, or the open gap that leaves it
     * @param gap        true for a finding tolerated only while a gap is open
     */
    public record Entry(Pattern place, Pattern form, Pattern resident, List<Moment> moments,
            Optional<Duration> keptAtMost, String why, boolean gap) {

        boolean allows(Finding finding, Moment moment) {
            return moments.contains(moment) && place.matcher(finding.place()).matches()
                    && form.matcher(finding.trace().form()).matches()
                    && resident.matcher(finding.trace().resident()).matches();
        }

        /** How a report names the reason. */
        public String reason() {
            return gap ? "TOLERATED while a gap is open: " + why : "allowed: docs/privacy.md, " + why;
        }
    }

    /** Who the drill plays: the resident who erases, and one who checks in, is told, and stays. */
    public static final String ERASED = "the resident who erased";
    public static final String STAYED = "the resident who stayed";

    private static final Pattern ANYONE = Pattern.compile(".*");

    public static final List<Entry> MUST_STAY = List.of(
            // Row `erased_resident` (notification-service database): the erasure tombstone, so a late redelivery of
            // a visit is not stored again; pruned once older than the visit retention (28 days).
            new Entry(Pattern.compile("db notification\\.[^.]+\\.erased_resident\\.resident_key"),
                    Pattern.compile("resident key \\(raw bytes\\)"), Pattern.compile(Pattern.quote(ERASED)),
                    List.of(Moment.AFTER_ERASURE), Optional.empty(), "notification-service database, erased_resident",
                    false),
            // Row `checkin.webhook-events.v1` (Kafka topics): the record key is the pseudonym (64 hex) so one
            // resident's events stay in order; the value is sealed. At most 25 h (retention.ms 24 h + segment.ms 1 h).
            new Entry(Pattern.compile("topic checkin\\.webhook-events\\.v1 key"), Pattern.compile("pseudonym \\(hex\\)"),
                    ANYONE, List.of(Moment.AFTER_ERASURE, Moment.AFTER_RETENTION), Optional.of(Duration.ofHours(25)),
                    "Kafka topics, checkin.webhook-events.v1", false),
            // Row `checkin.residents.v1` (Kafka topics): key = pseudonym, the erasure request itself must stay until
            // notification-service has applied it. At most 8 days (retention.ms 7 days + segment.ms 1 day).
            new Entry(Pattern.compile("topic checkin\\.residents\\.v1 key"), Pattern.compile("pseudonym \\(hex\\)"),
                    ANYONE, List.of(Moment.AFTER_ERASURE, Moment.AFTER_RETENTION), Optional.of(Duration.ofDays(8)),
                    "Kafka topics, checkin.residents.v1", false));

    /** Findings tolerated while the gap named in each is open; empty when every gap the drill covers is closed. */
    public static final List<Entry> OPEN_GAPS = List.of(
            // Found by this drill: notification-service stores the UNREACHABLE of a resident who erased and then
            // blocked the account, although that resident has no visits left for the marker to keep out of a
            // case. docs/privacy.md, "Gaps confirmed in the code", 13.
            new Entry(Pattern.compile("db notification\\.[^.]+\\.unreachable_resident\\.resident_key"),
                    Pattern.compile("resident key \\(raw bytes\\)"), Pattern.compile(Pattern.quote(ERASED)),
                    List.of(Moment.AFTER_ERASURE), Optional.empty(), "docs/privacy.md gap 13: an unreachable marker "
                    + "is written for a resident who erased and then blocked the account", true));

    private AllowList() {
    }

    /** The first entry that allows or tolerates {@code finding} at {@code moment}. */
    public static Optional<Entry> allowing(Finding finding, Moment moment) {
        List<Entry> all = new ArrayList<>(MUST_STAY);
        all.addAll(OPEN_GAPS);
        return all.stream().filter(e -> e.allows(finding, moment)).findFirst();
    }

    /** The findings no entry allows or tolerates at {@code moment}. */
    public static List<Finding> disallowed(List<Finding> findings, Moment moment) {
        return findings.stream().filter(f -> allowing(f, moment).isEmpty()).toList();
    }
}
