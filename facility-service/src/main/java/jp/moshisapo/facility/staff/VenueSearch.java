package jp.moshisapo.facility.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import jp.moshisapo.facility.audit.Actor;
import jp.moshisapo.facility.audit.AuditAction;
import jp.moshisapo.facility.audit.StaffAuditLog;

/**
 * A staff search and its audit entry as one unit of work, like {@link StaffLookup}: the results and the entry that
 * records them commit together, and no result leaves the service if the entry cannot be written.
 */
@ApplicationScoped
public class VenueSearch {

    private final VenueSearchRepository venues;
    private final StaffAuditLog audit;

    VenueSearch(VenueSearchRepository venues, StaffAuditLog audit) {
        this.venues = venues;
        this.audit = audit;
    }

    /** The page of venues; the entry keeps the criteria and which venues were shown (ids, never contact data). */
    @Transactional
    public VenueHit.Page search(Actor staff, VenueQuery query) {
        VenueHit.Page page = venues.find(query);
        Map<String, Object> details = query.auditDetails();
        details.put("facilityIds", page.results().stream().map(venue -> venue.id().toString()).toList());
        audit.record(staff, AuditAction.FACILITIES_SEARCHED, details);
        return page;
    }
}
