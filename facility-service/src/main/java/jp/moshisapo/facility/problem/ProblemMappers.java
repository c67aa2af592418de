package jp.moshisapo.facility.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import jp.moshisapo.facility.web.Language;
import jp.moshisapo.facility.web.TextCatalog;
import jp.moshisapo.facility.web.Texts;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become HTTP responses: every refusal, framework error and bug is answered with
 * {@code application/problem+json} in the caller's language, never with a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final TextCatalog catalog;
    private final ObjectMapper json;

    ProblemMappers(TextCatalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Response.ResponseBuilder response = build(e.type(), e.detailKey(), e.errors(), uri, headers);
        if (e.type() == ProblemType.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return build(ProblemType.UNAUTHORIZED, ProblemType.UNAUTHORIZED.detailKey(), List.of(), uri, headers)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return build(ProblemType.UNAUTHORIZED, ProblemType.UNAUTHORIZED.detailKey(), List.of(), uri, headers)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return build(ProblemType.FORBIDDEN, ProblemType.FORBIDDEN.detailKey(), List.of(), uri, headers).build();
    }

    /** Errors the framework raises itself: unknown path, wrong method, wrong content type. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        ProblemType type = ProblemType.forStatus(e.getResponse().getStatus());
        Response.ResponseBuilder response = build(type, type.detailKey(), List.of(), uri, headers);
        if (type == ProblemType.METHOD_NOT_ALLOWED && e.getResponse().getHeaderString("Allow") != null) {
            response.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return response.build();
    }

    /** How long a caller should wait before trying again while the database is unreachable. */
    static final String RETRY_AFTER_SECONDS = "30";

    @ServerExceptionMapper
    public Response bug(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warnf("database unreachable on %s: %s", uri.getPath(), e.getMessage());
            return build(ProblemType.UNAVAILABLE, ProblemType.UNAVAILABLE.detailKey(), List.of(), uri, headers)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        UUID incident = UUID.randomUUID();
        LOG.errorf(e, "unexpected error %s on %s", incident, uri.getPath());
        return build(ProblemType.INTERNAL, ProblemType.INTERNAL.detailKey(), List.of(), uri, headers).build();
    }

    private Response.ResponseBuilder build(ProblemType type, String detailKey, List<FieldProblem> errors,
            UriInfo uri, HttpHeaders headers) {
        Texts texts = catalog.of(Language.resolve(uri.getQueryParameters().getFirst("lang"),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        Problem problem = new Problem(type.uri(), texts.get(type.titleKey()), type.status(),
                texts.get(detailKey), errors.stream()
                        .map(error -> new Problem.FieldError(error.field(),
                                texts.get(error.messageKey(), error.args().toArray())))
                        .toList());
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(serialise(problem));
    }

    private byte[] serialise(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a problem", e);
        }
    }
}
