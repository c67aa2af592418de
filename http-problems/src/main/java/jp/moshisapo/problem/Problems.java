package jp.moshisapo.problem;

import java.util.List;
import java.util.Map;

/**
 * The problems every service and the gateway answer alike, with their texts in both languages: one wording for
 * one situation, wherever in the house it arises. Service-specific refusals build their own
 * {@link BilingualProblem} with one of these slugs or their own.
 */
public final class Problems {

    private Problems() {
    }

    /** 400: some fields are wrong; {@code errors} says which and what to fix. */
    public static BilingualProblem invalidInput(List<InvalidField> errors) {
        return new BilingualProblem(400, "invalid-input",
                Text.of("入力内容に誤りがあります", "Some entries are not valid"),
                Text.of("各項目のメッセージを確認して、入力し直してください。",
                        "Check the message at each field and try again."), errors, Map.of());
    }

    /** 400: the body as a whole cannot be read (not JSON, not UTF-8, empty, not an object). */
    public static BilingualProblem malformedBody(Text detail) {
        return new BilingualProblem(400, "malformed-body",
                Text.of("送信内容を読み取れません", "The request could not be read"), detail);
    }

    public static BilingualProblem notJson() {
        return malformedBody(Text.of("送信内容が正しいJSON形式ではありません。", "The request body is not valid JSON."));
    }

    public static BilingualProblem emptyBody() {
        return malformedBody(Text.of("送信内容が空です。", "The request body is empty."));
    }

    public static BilingualProblem notAnObject() {
        return malformedBody(Text.of("送信内容はJSONオブジェクトにしてください。", "The request body must be a JSON object."));
    }

    public static BilingualProblem notUtf8() {
        return malformedBody(Text.of("送信内容が正しいUTF-8ではありません。", "The request body is not valid UTF-8."));
    }

    /** The field message for a value of the wrong JSON type (text where a number belongs, and so on). */
    public static Text wrongType() {
        return Text.of("形式が正しくありません。", "This value has the wrong format.");
    }

    /** The field message for a member the request does not take. */
    public static Text unknownField() {
        return Text.of("この項目は受け付けていません。", "This field is not accepted.");
    }

    /** 401 with the bearer challenge left to the caller: no valid token came with the request. */
    public static BilingualProblem unauthorized() {
        return new BilingualProblem(401, "unauthorized", Text.of("ログインが必要です", "Login required"),
                Text.of("有効なアクセストークンがありません。ログインし直してください。",
                        "There is no valid access token. Please log in again."));
    }

    public static BilingualProblem forbidden() {
        return new BilingualProblem(403, "forbidden", Text.of("アクセスできません", "Forbidden"),
                Text.of("この操作は許可されていません。", "You are not allowed to do this."));
    }

    public static BilingualProblem notFound() {
        return new BilingualProblem(404, "not-found", Text.of("見つかりません", "Not found"),
                Text.of("お探しのページまたはデータは見つかりませんでした。URLをご確認ください。",
                        "The page or data was not found. Please check the URL."));
    }

    public static BilingualProblem methodNotAllowed() {
        return new BilingualProblem(405, "method-not-allowed", Text.of("この操作はできません", "Method not allowed"),
                Text.of("このURLではこのHTTPメソッドは使用できません。", "This URL does not accept this HTTP method."));
    }

    public static BilingualProblem notAcceptable() {
        return new BilingualProblem(406, "not-acceptable", Text.of("応答の形式に対応していません", "Not acceptable"),
                Text.of("Acceptヘッダーを確認してください。", "Check the Accept header."));
    }

    public static BilingualProblem conflict(Text detail) {
        return new BilingualProblem(409, "state-conflict",
                Text.of("現在の状態ではこの操作はできません", "Not possible in the current state"), detail);
    }

    /** 413: the body is over the limit of the address it was sent to. */
    public static BilingualProblem bodyTooLarge(long maxBytes) {
        return new BilingualProblem(413, "body-too-large", Text.of("送信内容が大きすぎます", "Request too large"),
                Text.of("送信できるデータは" + readable(maxBytes, "バイト") + "までです。",
                        "At most " + readable(maxBytes, "bytes") + " can be sent."));
    }

    public static BilingualProblem unsupportedMediaType() {
        return new BilingualProblem(415, "unsupported-media-type",
                Text.of("送信形式に対応していません", "Unsupported content type"),
                Text.of("Content-Type: application/json で送信してください。", "Send Content-Type: application/json."));
    }

    /**
     * 500 for a bug: {@code incident} is logged with the stack trace, so a caller can quote it to support (null:
     * nothing to quote).
     */
    public static BilingualProblem internal(String incident) {
        String ja = "処理中にエラーが発生しました。しばらくしてから、もう一度お試しください。";
        String en = "Something went wrong. Please try again in a moment.";
        return new BilingualProblem(500, "internal", Text.of("エラーが発生しました", "Something went wrong"),
                incident == null ? Text.of(ja, en)
                        : Text.of(ja + "(エラーID: " + incident + ")", en + " (error id: " + incident + ")"));
    }

    /** 503: a backing service (the database) cannot be reached for the moment. */
    public static BilingualProblem unavailable() {
        return new BilingualProblem(503, "unavailable",
                Text.of("ただいまご利用いただけません", "Temporarily unavailable"),
                Text.of("一時的にご利用いただけません。しばらくしてから、もう一度お試しください。",
                        "The service is temporarily unavailable. Please try again in a moment."));
    }

    /** The problem for an HTTP status a framework raised itself (unknown path, wrong method, wrong type…). */
    public static BilingualProblem forStatus(int status) {
        return switch (status) {
            case 401 -> unauthorized();
            case 403 -> forbidden();
            case 404 -> notFound();
            case 405 -> methodNotAllowed();
            case 406 -> notAcceptable();
            case 413 -> new BilingualProblem(413, "body-too-large", Text.of("送信内容が大きすぎます", "Request too large"),
                    Text.of("送信内容が上限を超えています。", "The request is larger than allowed."));
            case 415 -> unsupportedMediaType();
            case 503 -> unavailable();
            default -> status >= 500 ? internal(null).withStatus(status)
                    : malformedBody(Text.of("リクエストを処理できません。", "The request cannot be processed."))
                            .withStatus(status);
        };
    }

    /** A byte count as people write it: 2 MB, 64 KB, 100 バイト. */
    static String readable(long bytes, String unit) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " " + unit;
    }
}
