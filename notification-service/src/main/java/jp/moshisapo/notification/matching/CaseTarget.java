package jp.moshisapo.notification.matching;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Who a case reaches: visits to any of these codes (canonical) within any of these windows, under its rule.
 *
 * @param stays per code (same order as {@code codes}), how long a visit there is assumed to last; fixed when the
 *              case is created, so the count staff approve is the set the planner sends to
 */
public record CaseTarget(List<String> codes, MatchWindows windows, MatchRule rule, List<Duration> stays) {

    public CaseTarget {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("a case needs at least one code");
        }
        if (stays.size() != codes.size() || stays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("one stay (zero or more) per code: " + codes + " " + stays);
        }
        codes = List.copyOf(codes);
        stays = List.copyOf(stays);
    }

    /** A target whose stays are not known yet (all zero): {@link #withStays} sets them. */
    public static CaseTarget of(List<String> codes, MatchWindows windows, MatchRule rule) {
        return new CaseTarget(codes, windows, rule, Collections.nCopies(codes.size(), Duration.ZERO));
    }

    public CaseTarget withStays(Function<String, Duration> stayOfCode) {
        return new CaseTarget(codes, windows, rule, codes.stream().map(stayOfCode).toList());
    }

    /** The stays the rule applies: a scan-rule case matches as if every stay were zero. */
    public List<Duration> matchingStays() {
        return rule == MatchRule.STAY ? stays : Collections.nCopies(codes.size(), Duration.ZERO);
    }

    /**
     * Two cases overlap when a visit could match both: a shared code and intersecting windows, each window widened
     * back by the longest stay its rule applies. A resident notified for one is not notified again for an
     * overlapping one within the recently-notified period.
     */
    public boolean overlaps(CaseTarget other) {
        return !Collections.disjoint(codes, other.codes)
                && windows.widenedBack(longestStay()).intersects(other.windows.widenedBack(other.longestStay()));
    }

    private Duration longestStay() {
        return matchingStays().stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
