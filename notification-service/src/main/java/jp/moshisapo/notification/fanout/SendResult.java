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
        FAILED
    }

    Verdict verdict() {
        if (status >= 200 && status < 300 || status == 409) {
            return Verdict.DELIVERED;
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
