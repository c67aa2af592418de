package jp.moshisapo.linesim.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import jp.moshisapo.linesim.messaging.ChannelToken;
import jp.moshisapo.linesim.messaging.MessageQuota;

/**
 * Applies PUT /sim/channel: {@code monthlyLimit} (a whole number, or null for none) and {@code accessTokenRevoked}
 * (true: every Messaging API call answers 401 as LINE does for an expired or revoked token). Unknown fields are
 * rejected, not ignored.
 */
final class ChannelUpdate {

    private ChannelUpdate() {
    }

    static void apply(JsonNode body, MessageQuota quota, ChannelToken token) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "monthlyLimit" -> {
                    if (!value.isNull() && !(value.isIntegralNumber() && value.canConvertToLong()
                            && value.asLong() >= 0)) {
                        throw Problem.invalidField("monthlyLimit", "must be a whole number from 0, or null for none");
                    }
                    quota.limit(value.isNull() ? null : value.asLong());
                }
                case "accessTokenRevoked" -> {
                    if (!value.isBoolean()) {
                        throw Problem.invalidField("accessTokenRevoked", "must be true or false");
                    }
                    token.revoked(value.asBoolean());
                }
                default -> throw Problem.invalidField(field.getKey(), "unknown setting");
            }
        }
    }
}
