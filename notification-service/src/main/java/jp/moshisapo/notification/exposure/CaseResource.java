package jp.moshisapo.notification.exposure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import jp.moshisapo.notification.audit.CurrentActor;
import jp.moshisapo.notification.notice.NoticeText;
import jp.moshisapo.problem.InvalidField;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.problem.Text;
import jp.moshisapo.problem.rest.JsonBody;

/** The staff API of exposure cases. Roles come from the token; the gateway checks them too (defence in depth). */
@Path("/admin/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    /** A case is a few codes, dates and a message of at most 5,000 characters: 64 KB is ample. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final CaseService cases;
    private final CurrentActor actor;
    private final NoticeText notice;
    private final JsonBody json;

    CaseResource(CaseService cases, CurrentActor actor, NoticeText notice, JsonBody json) {
        this.cases = cases;
        this.actor = actor;
        this.notice = notice;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("staff")
    public Response create(InputStream body, @jakarta.ws.rs.core.Context UriInfo uri) {
        CaseRequest request = json.read(body, CaseRequest.class, MAX_BODY_BYTES);
        CaseView created = cases.create(request, actor.get());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed("staff")
    public List<CaseSummary> list(@QueryParam("state") String state, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 200) {
            throw ProblemException.invalid(List.of(InvalidField.of("limit", Text.of("1〜200 の範囲で指定してください。",
                    "Between 1 and 200."))));
        }
        return cases.list(state(state), before == null ? Long.MAX_VALUE : before, limit);
    }

    /** The default message of a new case, shown by the staff console for editing before a draft exists. */
    @GET
    @Path("template")
    @RolesAllowed("staff")
    public CaseTemplate template() {
        return new CaseTemplate(notice.defaultText(), NoticeText.MAX_LENGTH, notice.templates());
    }

    @GET
    @Path("{id}")
    @RolesAllowed("staff")
    public CaseView get(@PathParam("id") long id, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        return cases.get(id, actor.get(), actor.hasRole("approver"), Language.resolve(lang, acceptLanguage));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed("approver")
    public CaseView approve(@PathParam("id") long id) {
        return cases.approve(id, actor.get());
    }

    /** An approver resumes a case the fan-out paused, once the monthly limit is raised or the token is fixed. */
    @POST
    @Path("{id}/resume")
    @RolesAllowed("approver")
    public CaseView resume(@PathParam("id") long id) {
        return cases.resume(id, actor.get());
    }

    /** Any staff member may pull the kill switch: stopping is always safe. */
    @POST
    @Path("{id}/cancel")
    @RolesAllowed("staff")
    public CaseView cancel(@PathParam("id") long id) {
        return cases.cancel(id, actor.get());
    }

    private static CaseState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return CaseState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(InvalidField.of("state", Text.of(
                    "DRAFT, SENDING, PAUSED, DONE, FAILED, CANCELLED のいずれかを指定してください。",
                    "One of DRAFT, SENDING, PAUSED, DONE, FAILED, CANCELLED."))));
        }
    }
}
