package jp.moshisapo.problem.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import jp.moshisapo.problem.BilingualProblem;
import jp.moshisapo.problem.DatabaseOutage;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.Problem;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.problem.Problems;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place a service's errors become HTTP responses: every refusal, framework error and bug is answered with
 * {@code application/problem+json} in the caller's language ({@code ?lang=en}, {@code Accept-Language}), never
 * with a stack trace. A service gets these mappers by indexing this jar.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ObjectMapper json;

    ProblemMappers(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e, HttpServerRequest request) {
        Response.ResponseBuilder response = respond(e.problem(), request);
        e.headers().forEach(response::header);
        return response.build();
    }

    /** Missing, invalid or expired bearer token (the token's own content is never echoed). */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        return respond(Problems.unauthorized(), request).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(Problems.forbidden(), request).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return refused(JsonBody.unreadable(e), request);
    }

    /** Errors the framework raises itself: unknown path, wrong method, wrong content type, unreadable entity. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, request); // the JSON reader wraps its parse errors in a 400
        }
        Response.ResponseBuilder response = respond(Problems.forStatus(e.getResponse().getStatus()), request);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    /** Anything unforeseen: logged with an id the caller can quote; a database outage is 503 with Retry-After. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warnf("database unreachable on %s %s: %s", request.method(), request.path(), e.getMessage());
            return respond(Problems.unavailable(), request)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s %s", incident, request.method(), request.path());
        return respond(Problems.internal(incident), request).build();
    }

    private Response.ResponseBuilder respond(BilingualProblem problem, HttpServerRequest request) {
        Language language = Language.resolve(request.getParam("lang"),
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(serialise(problem.in(language, request.path()).members()));
    }

    private byte[] serialise(Map<String, Object> members) {
        try {
            return json.writeValueAsBytes(members);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a problem", e);
        }
    }
}
