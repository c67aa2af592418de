package jp.moshisapo.gateway.problem;

/**
 * Every problem the gateway answers by itself. Japanese first: venues and residents see them in the web form and
 * the browser, and prefecture staff read Japanese too; English for clients that ask for it (Accept-Language).
 */
public final class Problems {

    private static final String TYPE = "urn:moshisapo:problem:";

    private Problems() {
    }

    public static Problem badRequest() {
        return new Problem(TYPE + "bad-request", 400, "リクエストが正しくありません",
                "URLに使用できない文字が含まれています。",
                "Bad request", "The URL contains characters that cannot be used.");
    }

    public static Problem unauthorized() {
        return new Problem(TYPE + "unauthorized", 401, "ログインが必要です",
                "有効なアクセストークンがありません。ログインし直してください。",
                "Login required", "There is no valid access token. Please log in again.");
    }

    public static Problem forbidden() {
        return new Problem(TYPE + "forbidden", 403, "アクセスできません",
                "この操作は許可されていません。",
                "Forbidden", "You are not allowed to do this.");
    }

    public static Problem sourceNotAllowed() {
        return new Problem(TYPE + "source-not-allowed", 403, "アクセスできません",
                "この送信元からのアクセスは許可されていません。",
                "Forbidden", "Requests from this address are not allowed.");
    }

    public static Problem notFound() {
        return new Problem(TYPE + "not-found", 404, "ページが見つかりません",
                "お探しのページは見つかりませんでした。URLをご確認ください。",
                "Not found", "The page was not found. Please check the URL.");
    }

    public static Problem methodNotAllowed() {
        return new Problem(TYPE + "method-not-allowed", 405, "この操作はできません",
                "このURLではこのHTTPメソッドは使用できません。",
                "Method not allowed", "This URL does not accept this HTTP method.");
    }

    public static Problem payloadTooLarge(long maxBytes) {
        return new Problem(TYPE + "payload-too-large", 413, "送信データが大きすぎます",
                "送信できるデータは" + readable(maxBytes) + "までです。",
                "Request too large", "At most " + readable(maxBytes).replace("バイト", "bytes") + " can be sent.");
    }

    public static Problem tooManyRequests(long retryAfterSeconds) {
        return new Problem(TYPE + "too-many-requests", 429, "アクセスが集中しています",
                "短い時間に多くのリクエストがありました。" + retryAfterSeconds + "秒ほど待ってから、もう一度お試しください。",
                "Too many requests", "Too many requests in a short time. Please wait about " + retryAfterSeconds
                        + " seconds and try again.");
    }

    public static Problem internalError() {
        return new Problem(TYPE + "internal-error", 500, "エラーが発生しました",
                "処理中にエラーが発生しました。しばらくしてから、もう一度お試しください。",
                "Error", "Something went wrong. Please try again in a moment.");
    }

    public static Problem badGateway() {
        return new Problem(TYPE + "upstream-unavailable", 502, "ただいま処理できません",
                "サービスに接続できませんでした。しばらくしてから、もう一度お試しください。",
                "Unavailable", "The service could not be reached. Please try again in a moment.");
    }

    public static Problem gatewayTimeout() {
        return new Problem(TYPE + "upstream-timeout", 504, "応答がありません",
                "サービスから時間内に応答がありませんでした。しばらくしてから、もう一度お試しください。",
                "No answer", "The service did not answer in time. Please try again in a moment.");
    }

    public static Problem issuerUnavailable() {
        return new Problem(TYPE + "issuer-unavailable", 503, "ただいまログインを確認できません",
                "認証サービスに接続できませんでした。しばらくしてから、もう一度お試しください。",
                "Login cannot be checked", "The sign-in service could not be reached. Please try again in a moment.");
    }

    static String readable(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " バイト";
    }
}
