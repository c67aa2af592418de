package jp.moshisapo.notification.fanout;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.moshisapo.notification.audit.CurrentActor;

/** {@code GET /admin/cases/{id}/report}: the delivery report of a case. */
@Path("/admin/cases/{id}/report")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryReportResource {

    private final DeliveryReports reports;
    private final CurrentActor actor;

    DeliveryReportResource(DeliveryReports reports, CurrentActor actor) {
        this.reports = reports;
        this.actor = actor;
    }

    @GET
    @RolesAllowed("staff")
    public DeliveryReport report(@PathParam("id") long id) {
        return reports.report(id, actor.get());
    }
}
