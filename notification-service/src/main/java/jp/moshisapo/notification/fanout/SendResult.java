package jp.moshisapo.notification.fanout;

import java.time.Duration;

/**
 * How LINE answered one multicast request.
 *
 * @param status     HTTP status, or 0 when no answer came (connection failure, timeout)
 * @param error      LINE's message or the transport failure, for the report (never contains user ids)
 * @param retryAfter LINE's Retry-After, when given
 */
record SendResult(int status, String error, Duration retryAfter) {

    /** What the status means for the batch. */
    enum Verdict {
        /** 2xx, or 409: this retry key was accepted before, so the recipients already have the message. */
        DELIVERED,
        /** 429, 5xx or no answer: send again later with the same retry key. */
        RETRY,
        /** Any other 4xx: the request itself is wrong; sending it again cannot help. */
        FAILED,
        /**
         * LINE refused for the whole channel, and no retry fixes it until a person acts: the monthly message limit
         * (429 with LINE's message) or the access token (401 expired/revoked, 403 channel not allowed). LINE
         * processed nothing, so the request may go again later with the same retry key.
         */
        PAUSE
    }

    /** Why sending must pause; the names are stored with the case (exposure_case.pause_cause). */
    enum PauseCause {
        MONTHLY_LIMIT, CHANNEL_AUTH
    }

    /**
     * LINE answers 429 for its rate limit and for the monthly limit alike; only the body tells them apart ("You
     * have reached your monthly limit."), as LINE's guide to 429 says to check before retrying.
     */
    PauseCause pauseCause() {
        if (status == 429 && error != null && error.toLowerCase(java.util.Locale.ROOT).contains("monthly limit")) {
            return PauseCause.MONTHLY_LIMIT;
        }
        return status == 401 || status == 403 ? PauseCause.CHANNEL_AUTH : null;
    }

    /** True when the request may have been processed by LINE: no answer, or a server error. */
    boolean mayHaveArrived() {
        return status == 0 || status >= 500;
    }

    Verdict verdict() {
        if (status >= 200 && status < 300 || status == 409) {
            return Verdict.DELIVERED;
        }
        if (pauseCause() != null) {
            return Verdict.PAUSE;
        }
        if (status == 0 || status == 429 || status >= 500) {
            return Verdict.RETRY;
        }
        return Verdict.FAILED;
    }

    String describe() {
        return (status == 0 ? "no answer" : "HTTP " + status) + (error == null || error.isEmpty() ? "" : ": " + error);
    }

    /** No answer: the request failed on our side after it may have left (the same retry key makes a retry safe). */
    static SendResult unanswered(Throwable failure) {
        return new SendResult(0, describe(failure), null);
    }

    /**
     * The exception's class and own message, for the report: our exceptions never carry user ids, and causes (whose
     * messages we do not control) are left out.
     */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        String text = e.getClass().getSimpleName() + message;
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
