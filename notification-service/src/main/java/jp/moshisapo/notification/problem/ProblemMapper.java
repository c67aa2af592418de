package jp.moshisapo.notification.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become {@code application/problem+json}; nothing else builds error responses. Details and
 * field messages are Japanese, or English when the caller asks ({@code Accept-Language: en}, {@code ?lang=en}).
 */
public class ProblemMapper {

    /** How long a caller should wait before trying again while the database is unreachable. */
    static final String RETRY_AFTER_SECONDS = "30";

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e, request);
    }

    /** Missing, invalid or expired bearer token (the token's own content is never echoed). */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        ProblemException problem = new ProblemException(401, "unauthorized", "Unauthorized", Text.of(
                "有効なアクセストークンが必要です。ログインし直してください。",
                "A valid access token is required. Please log in again."));
        return Response.fromResponse(respond(problem, request)).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(new ProblemException(403, "forbidden", "Forbidden", Text.of(
                "この操作を行う権限がありません。", "You are not allowed to do this.")), request);
    }

    @ServerExceptionMapper({JsonProcessingException.class})
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return respond(unreadable(e), request);
    }

    /** A body that is not JSON, or JSON of the wrong shape: 400, naming the field when there is one. */
    static ProblemException unreadable(JsonProcessingException e) {
        List<FieldError> errors = List.of();
        Text detail = Text.of("リクエスト本文を JSON として読めません。", "The request body is not readable JSON.");
        if (e instanceof UnrecognizedPropertyException unknown) {
            detail = Text.of("不明な項目があります: " + unknown.getPropertyName(),
                    "Unknown field: " + unknown.getPropertyName());
            errors = List.of(FieldError.of(unknown.getPropertyName(),
                    Text.of("この項目は受け付けていません。", "This field is not accepted.")));
        } else if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = mismatched.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            detail = Text.of("項目の形式が正しくありません: " + field, "A field has the wrong type: " + field);
            errors = List.of(FieldError.of(field, Text.of("形式が正しくありません。", "Wrong type.")));
        }
        return new ProblemException(400, "invalid-request", "Invalid request", detail, errors, Map.of());
    }

    /** 404 for unknown paths, 405, 415 and the like: the framework's status, our body. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, request); // the JSON reader wraps its parse errors in a 400
        }
        int status = e.getResponse().getStatus();
        String reason = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(new ProblemException(status, "http-" + status, reason, reason), request);
    }

    /** Anything unforeseen: logged with an id the caller can quote, never a stack trace in the response. */
    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        if (DatabaseOutage.causedBy(e)) {
            Log.warnf("Database unreachable on %s %s: %s", request.method(), request.path(), e.getMessage());
            return Response.fromResponse(respond(new ProblemException(503, "unavailable", "Service unavailable",
                    Text.of("データベースに一時的に接続できません。しばらくしてから再度お試しください。",
                            "The database is unreachable for the moment. Please try again shortly.")), request))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error %s on %s %s", errorId, request.method(), request.path());
        return respond(new ProblemException(500, "internal-error", "Internal error", Text.of(
                "処理中にエラーが発生しました。時間をおいて再度お試しください。(エラーID: " + errorId + ")",
                "Something went wrong. Please try again later. (error id: " + errorId + ")")), request);
    }

    private static Response respond(ProblemException e, HttpServerRequest request) {
        Problem problem = e.problem(Language.resolve(request.getParam("lang"), request.getHeader("Accept-Language")));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(request.path())).build();
    }
}
