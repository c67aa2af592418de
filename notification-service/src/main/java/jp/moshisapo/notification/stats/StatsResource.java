package jp.moshisapo.notification.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.moshisapo.protocol.stats.Statistics;

/** {@code /admin/stats/...}: this service's numbers for the console's 統計 page; counts only. */
@Path("/admin/stats")
@RolesAllowed("staff")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final StatsQueries queries;

    StatsResource(StatsQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("checkins")
    public Statistics checkins() {
        return queries.checkins();
    }

    @GET
    @Path("friends")
    public Statistics friends() {
        return queries.friends();
    }

    @GET
    @Path("cases")
    public Statistics cases() {
        return queries.cases();
    }
}
