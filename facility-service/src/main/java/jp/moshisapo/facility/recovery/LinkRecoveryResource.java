package jp.moshisapo.facility.recovery;

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
import java.util.Map;
import jp.moshisapo.facility.mail.MailAddress;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.text.Texts;
import jp.moshisapo.facility.text.VenueTexts;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.rest.JsonBody;

/**
 * {@code POST /api/management-links}: a venue that lost its management link asks for a new one by mail. The
 * answer is the same 202 whether the address is registered, unknown or over its limit; only a malformed address
 * is refused (at its field), because that says nothing about anyone's registration. Per client, the gateway's
 * route limit applies.
 */
@Path("/api/management-links")
@PermitAll
public class LinkRecoveryResource {

    static final int MAX_BODY_BYTES = 4 * 1024;

    private final JsonBody body;
    private final LinkRecovery recovery;

    LinkRecoveryResource(JsonBody body, LinkRecovery recovery) {
        this.body = body;
        this.recovery = recovery;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response request(@QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, InputStream json) {
        LinkRecoveryRequest request = body.read(json, LinkRecoveryRequest.class, MAX_BODY_BYTES);
        String address = MailAddress.parse(request.email()).orElseThrow(() -> Refusals.invalid(
                FieldProblem.of("email", request.email() == null || request.email().isBlank()
                        ? VenueTexts::field_email_required : VenueTexts::field_email_invalid)));
        Language language = Language.resolve(lang, acceptLanguage);
        recovery.recover(address, language);
        return Response.accepted(Map.of("message", Texts.of(language).recovery_accepted())).build();
    }
}
