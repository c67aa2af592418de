package jp.moshisapo.gateway.problem;

import jp.moshisapo.problem.BilingualProblem;
import jp.moshisapo.problem.Text;

/**
 * Every problem the gateway answers by itself. Japanese first: venues and residents see them in the web form and
 * the browser, and prefecture staff read Japanese too; English for clients that ask for it. The ones every service
 * answers alike (401, 403, 404, 405, 413, 500) are the house's shared texts ({@link jp.moshisapo.problem.Problems}).
 */
public final class Problems {

    private Problems() {
    }

    public static BilingualProblem badRequest() {
        return new BilingualProblem(400, "bad-request",
                Text.of("リクエストが正しくありません", "Bad request"),
                Text.of("URLに使用できない文字が含まれています。", "The URL contains characters that cannot be used."));
    }

    public static BilingualProblem unauthorized() {
        return jp.moshisapo.problem.Problems.unauthorized();
    }

    public static BilingualProblem forbidden() {
        return jp.moshisapo.problem.Problems.forbidden();
    }

    public static BilingualProblem sourceNotAllowed() {
        return new BilingualProblem(403, "source-not-allowed", Text.of("アクセスできません", "Forbidden"),
                Text.of("この送信元からのアクセスは許可されていません。", "Requests from this address are not allowed."));
    }

    public static BilingualProblem notFound() {
        return jp.moshisapo.problem.Problems.notFound();
    }

    public static BilingualProblem methodNotAllowed() {
        return jp.moshisapo.problem.Problems.methodNotAllowed();
    }

    public static BilingualProblem payloadTooLarge(long maxBytes) {
        return jp.moshisapo.problem.Problems.bodyTooLarge(maxBytes);
    }

    public static BilingualProblem tooManyRequests(long retryAfterSeconds) {
        return new BilingualProblem(429, "too-many-requests", Text.of("アクセスが集中しています", "Too many requests"),
                Text.of("短い時間に多くのリクエストがありました。" + retryAfterSeconds + "秒ほど待ってから、もう一度お試しください。",
                        "Too many requests in a short time. Please wait about " + retryAfterSeconds
                                + " seconds and try again."));
    }

    /** 500: the request id (sent with every problem) is what a caller quotes; the failure is logged with it. */
    public static BilingualProblem internalError() {
        return jp.moshisapo.problem.Problems.internal(null);
    }

    public static BilingualProblem badGateway() {
        return new BilingualProblem(502, "upstream-unavailable", Text.of("ただいま処理できません", "Unavailable"),
                Text.of("サービスに接続できませんでした。しばらくしてから、もう一度お試しください。",
                        "The service could not be reached. Please try again in a moment."));
    }

    public static BilingualProblem gatewayTimeout() {
        return new BilingualProblem(504, "upstream-timeout", Text.of("応答がありません", "No answer"),
                Text.of("サービスから時間内に応答がありませんでした。しばらくしてから、もう一度お試しください。",
                        "The service did not answer in time. Please try again in a moment."));
    }

    public static BilingualProblem issuerUnavailable() {
        return new BilingualProblem(503, "issuer-unavailable",
                Text.of("ただいまログインを確認できません", "Login cannot be checked"),
                Text.of("認証サービスに接続できませんでした。しばらくしてから、もう一度お試しください。",
                        "The sign-in service could not be reached. Please try again in a moment."));
    }
}
