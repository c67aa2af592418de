package jp.moshisapo.notification.matching;

import java.util.Collections;
import java.util.List;

/** Who a case reaches: visits to any of these codes (canonical) within any of these windows. */
public record CaseTarget(List<String> codes, MatchWindows windows) {

    public CaseTarget {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("a case needs at least one code");
        }
        codes = List.copyOf(codes);
    }

    /**
     * Two cases overlap when a visit could match both: a shared code and intersecting windows. A resident notified
     * for one is not notified again for an overlapping one within the recently-notified period.
     */
    public boolean overlaps(CaseTarget other) {
        return !Collections.disjoint(codes, other.codes) && windows.intersects(other.windows);
    }
}
