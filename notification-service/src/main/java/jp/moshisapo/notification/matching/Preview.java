package jp.moshisapo.notification.matching;

import java.util.List;

/**
 * How many residents a case reaches, counted without reading any LINE user id.
 *
 * @param visits           matching visits
 * @param residents        distinct residents among them
 * @param unreachable      of those, residents who blocked the account (never sent to)
 * @param recentlyNotified of the reachable ones, residents notified for an overlapping case recently
 * @param recipients       who would get the message now: residents − unreachable − recentlyNotified
 * @param codes            per code: visits and distinct residents (a resident may count under several codes)
 */
public record Preview(int visits, int residents, int unreachable, int recentlyNotified, int recipients,
        List<CodeCount> codes) {

    /**
     * Matching visits and distinct residents of one code, and what each rule would reach there: residents whose
     * scan lies in a window, and residents whose stay overlaps one (the first are among the second).
     */
    public record CodeCount(String code, int visits, int residents, int scannedInWindow, int stayOverlaps) {
    }
}
