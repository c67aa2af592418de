package jp.moshisapo.checkin.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become HTTP responses: every refusal, framework error and bug is answered with
 * {@code application/problem+json}, never with a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ObjectMapper json;

    ProblemMappers(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return build(e.toProblem());
    }

    /** Errors the framework raises itself: unknown path, wrong method, wrong content type, body over 2 MB. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        ProblemType type = ProblemType.forStatus(e.getResponse().getStatus());
        Response response = build(new Problem(type.uri(), type.title(), type.status(), type.detail(), List.of()));
        if (type == ProblemType.METHOD_NOT_ALLOWED && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response bug(Throwable e, UriInfo uri) {
        UUID incident = UUID.randomUUID();
        // The message of a bug may quote input: log the type and incident only, with the stack for the trace.
        LOG.errorf(e, "unexpected error %s on %s", incident, uri.getPath());
        ProblemType type = ProblemType.INTERNAL;
        return build(new Problem(type.uri(), type.title(), type.status(), type.detail() + " Incident " + incident,
                List.of()));
    }

    private Response build(Problem problem) {
        try {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                    .entity(json.writeValueAsBytes(problem)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a problem", e);
        }
    }
}
