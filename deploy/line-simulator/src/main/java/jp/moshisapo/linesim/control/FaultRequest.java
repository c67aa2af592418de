package jp.moshisapo.linesim.control;

import com.fasterxml.jackson.databind.JsonNode;
import jp.moshisapo.linesim.messaging.FaultRule;

import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/** Parses PUT /sim/faults/{endpoint} bodies: {"status","count","durationMs","delayMs"}, all optional numbers. */
final class FaultRequest {

    private static final Set<String> FIELDS = Set.of("status", "count", "durationMs", "delayMs");

    private FaultRequest() {
    }

    static FaultRule parse(JsonNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw Problem.invalidField(field, "unknown field; expected one of " + FIELDS);
            }
        }
        int status = (int) number(body, "status");
        int count = (int) number(body, "count");
        long durationMs = number(body, "durationMs");
        long delayMs = number(body, "delayMs");
        try {
            return new FaultRule(status, count, durationMs > 0 ? Duration.ofMillis(durationMs) : null,
                    delayMs > 0 ? Duration.ofMillis(delayMs) : null);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
    }

    private static long number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0
                || value.asLong() > Integer.MAX_VALUE) {
            throw Problem.invalidField(field, "must be a whole number >= 0");
        }
        return value.asLong();
    }
}
