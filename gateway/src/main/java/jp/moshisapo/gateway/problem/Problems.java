package jp.moshisapo.gateway.problem;

/**
 * Every problem the gateway answers by itself. Titles and details are Japanese: venues and residents see them
 * in the web form and the browser, and prefecture staff read Japanese too.
 */
public final class Problems {

    private static final String TYPE = "urn:moshisapo:problem:";

    private Problems() {
    }

    public static Problem badRequest() {
        return new Problem(TYPE + "bad-request", "リクエストが正しくありません", 400,
                "URLに使用できない文字が含まれています。");
    }

    public static Problem unauthorized() {
        return new Problem(TYPE + "unauthorized", "ログインが必要です", 401,
                "有効なアクセストークンがありません。ログインし直してください。");
    }

    public static Problem forbidden() {
        return new Problem(TYPE + "forbidden", "アクセスできません", 403,
                "この操作は許可されていません。");
    }

    public static Problem sourceNotAllowed() {
        return new Problem(TYPE + "source-not-allowed", "アクセスできません", 403,
                "この送信元からのアクセスは許可されていません。");
    }

    public static Problem notFound() {
        return new Problem(TYPE + "not-found", "ページが見つかりません", 404,
                "お探しのページは見つかりませんでした。URLをご確認ください。");
    }

    public static Problem methodNotAllowed() {
        return new Problem(TYPE + "method-not-allowed", "この操作はできません", 405,
                "このURLではこのHTTPメソッドは使用できません。");
    }

    public static Problem payloadTooLarge(long maxBytes) {
        return new Problem(TYPE + "payload-too-large", "送信データが大きすぎます", 413,
                "送信できるデータは" + readable(maxBytes) + "までです。");
    }

    public static Problem tooManyRequests(long retryAfterSeconds) {
        return new Problem(TYPE + "too-many-requests", "アクセスが集中しています", 429,
                "短い時間に多くのリクエストがありました。" + retryAfterSeconds + "秒ほど待ってから、もう一度お試しください。");
    }

    public static Problem internalError() {
        return new Problem(TYPE + "internal-error", "エラーが発生しました", 500,
                "処理中にエラーが発生しました。しばらくしてから、もう一度お試しください。");
    }

    public static Problem badGateway() {
        return new Problem(TYPE + "upstream-unavailable", "ただいま処理できません", 502,
                "サービスに接続できませんでした。しばらくしてから、もう一度お試しください。");
    }

    public static Problem gatewayTimeout() {
        return new Problem(TYPE + "upstream-timeout", "応答がありません", 504,
                "サービスから時間内に応答がありませんでした。しばらくしてから、もう一度お試しください。");
    }

    public static Problem issuerUnavailable() {
        return new Problem(TYPE + "issuer-unavailable", "ただいまログインを確認できません", 503,
                "認証サービスに接続できませんでした。しばらくしてから、もう一度お試しください。");
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
