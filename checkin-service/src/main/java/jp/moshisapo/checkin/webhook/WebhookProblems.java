package jp.moshisapo.checkin.webhook;

import java.util.List;
import java.util.Map;
import jp.moshisapo.problem.BilingualProblem;
import jp.moshisapo.problem.InvalidField;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.problem.Text;

/**
 * The webhook's own refusals. Worded in English in both languages: the only HTTP caller is the LINE platform (and
 * operators reading its webhook error log), never a resident.
 */
final class WebhookProblems {

    private WebhookProblems() {
    }

    /** 400: not a LINE webhook request; {@code field} is the JSON path at fault (empty: the body as a whole). */
    static ProblemException malformed(String field, String message) {
        return new ProblemException(new BilingualProblem(400, "malformed-body", Text.same("Malformed webhook body"),
                Text.same("The body is not a LINE webhook request: a JSON object with an events array."),
                List.of(InvalidField.of(field, Text.same(message))), Map.of()));
    }

    static ProblemException invalidSignature() {
        return new ProblemException(new BilingualProblem(401, "invalid-signature", Text.same("Invalid signature"),
                Text.same("X-Line-Signature is missing or does not match the body and the channel secret.")));
    }

    static BilingualProblem bodyTooLarge(long maxBytes) {
        return new BilingualProblem(413, "body-too-large", Text.same("Body too large"),
                Text.same("The body is larger than this webhook accepts. Limit: " + maxBytes + " bytes."));
    }

    static ProblemException unavailable() {
        return new ProblemException(new BilingualProblem(503, "unavailable", Text.same("Temporarily unavailable"),
                Text.same("The events could not be stored durably right now; LINE redelivers them later.")));
    }
}
