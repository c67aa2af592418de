package jp.moshisapo.facility.registration;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import jp.moshisapo.facility.code.CodeLinks;
import jp.moshisapo.facility.code.RoomView;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.facility.web.NoStore;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.rest.JsonBody;

/** {@code POST /api/facilities}: the venue form's submission. Open to anyone, like the seed's web form. */
@Path("/api/facilities")
@PermitAll
public class RegistrationResource {

    /** Far above any honest form (100 rooms × 50 characters), far below what could hurt the service. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final JsonBody body;
    private final FacilityRegistration registration;
    private final CodeLinks links;

    RegistrationResource(JsonBody body, FacilityRegistration registration, CodeLinks links) {
        this.body = body;
        this.registration = registration;
        this.links = links;
    }

    /**
     * The answer carries the management token, so no cache may keep it (NoStore). The confirmation mail is in the
     * form's language ({@code ?lang=en} or {@code Accept-Language}, as the form sends it).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, InputStream json) {
        NewFacility input = RegistrationValidator.validate(body.read(json, RegistrationRequest.class, MAX_BODY_BYTES));
        Registration done = registration.register(input, Language.resolve(lang, acceptLanguage));
        Facility facility = done.facility();
        return NoStore.apply(Response.created(URI.create(links.base() + "/api/facilities/" + facility.id())))
                .entity(new RegistrationResponse(facility.id(), facility.name(), done.managementToken(),
                        links.management(facility.id(), done.managementToken()),
                        done.codes().stream().map(code -> RoomView.of(code, links)).toList()))
                .build();
    }
}
