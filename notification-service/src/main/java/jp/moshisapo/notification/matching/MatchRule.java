package jp.moshisapo.notification.matching;

/** How a case's windows decide whether a visit matches. */
public enum MatchRule {
    /**
     * The scan lies in a window: cases given as whole days, as before stays existed. A day is long enough that the
     * stay reaching past midnight is not what staff mean by "visitors of the 3rd".
     */
    SCAN,
    /**
     * The stay {@code [scan, scan + the venue's stay]} overlaps a window: cases given in hours, so a resident who
     * scanned at 17:30 at a restaurant (2 h) counts for an 18:00–20:00 window (Corona-Warn-App and SwissCovid give
     * every check-in a stay for the same reason).
     */
    STAY
}
