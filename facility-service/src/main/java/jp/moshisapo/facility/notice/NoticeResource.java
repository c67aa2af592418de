package jp.moshisapo.facility.notice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.moshisapo.facility.audit.CurrentStaff;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.problem.rest.JsonBody;
import jp.moshisapo.facility.text.VenueTexts;

/**
 * {@code /admin/notices}: staff draft a notice to the venues that opted in and see its audience; an approver
 * (another person) sends it; everyone reads the delivery report.
 */
@Path("/admin/notices")
@RolesAllowed("staff")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    static final int MAX_BODY_BYTES = 32 * 1024;

    private final Notices notices;
    private final CurrentStaff staff;
    private final JsonBody body;

    NoticeResource(Notices notices, CurrentStaff staff, JsonBody body) {
        this.notices = notices;
        this.staff = staff;
        this.body = body;
    }

    /** What the console shows of a notice: the text, the audience now (or as sent) and where its mails stand. */
    public record NoticeView(UUID id, String subject, String body, String surveyUrl, List<String> businessTypes,
            List<String> municipalities, String state, String createdBy, String approvedBy, long audience,
            Map<String, Long> delivery) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response draft(InputStream json) {
        Notice notice = notices.draft(staff.get(), body.read(json, NoticeRequest.class, MAX_BODY_BYTES));
        return Response.status(Response.Status.CREATED).entity(view(notice)).build();
    }

    @GET
    public List<NoticeView> list() {
        return notices.newest(50).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    public NoticeView get(@PathParam("id") String id) {
        return view(notices.get(parse(id)));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed("approver")
    public NoticeView approve(@PathParam("id") String id) {
        return view(notices.approve(staff.get(), parse(id)));
    }

    private NoticeView view(Notice notice) {
        long audience = notice.state() == Notice.State.APPROVED ? notice.recipients() : notices.audienceSize(notice);
        return new NoticeView(notice.id(), notice.subject(), notice.body(), notice.surveyUrl(),
                notice.audience().businessTypes().stream().map(Enum::name).toList(),
                notice.audience().municipalities(), notice.state().name(), notice.createdByName(),
                notice.approvedByName(), audience, notices.delivery(notice.id()));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Refusals.notFound(VenueTexts::problem_notice_not_found);
        }
    }
}
