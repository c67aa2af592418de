package jp.moshisapo.facility.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.moshisapo.facility.text.Texts;
import jp.moshisapo.problem.Language;
import jp.moshisapo.protocol.stats.Statistics;

/** {@code GET /admin/stats/venues}: how many venues use the system, for the console's 統計 page. */
@Path("/admin/stats/venues")
@RolesAllowed("staff")
@Produces(MediaType.APPLICATION_JSON)
public class VenueStatsResource {

    private final VenueStats stats;

    VenueStatsResource(VenueStats stats) {
        this.stats = stats;
    }

    @GET
    public Statistics venues(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        return stats.venues(Texts.of(Language.resolve(lang, accept)));
    }
}
