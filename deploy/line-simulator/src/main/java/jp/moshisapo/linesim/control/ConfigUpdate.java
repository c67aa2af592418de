package jp.moshisapo.linesim.control;

import com.fasterxml.jackson.databind.JsonNode;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.LineSimulatorConfig;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/** Applies PUT /sim/config: any subset of the settings; unknown fields are rejected, not ignored. */
final class ConfigUpdate {

    private final LineSimulator sim;

    ConfigUpdate(LineSimulator sim) {
        this.sim = sim;
    }

    LineSimulatorConfig apply(JsonNode body) {
        LineSimulatorConfig next = sim.config();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            next = applyField(next, field.getKey(), field.getValue());
        }
        LineSimulatorConfig result = next;
        return sim.reconfigure(c -> result);
    }

    private static LineSimulatorConfig applyField(LineSimulatorConfig c, String name, JsonNode value) {
        try {
            return switch (name) {
                case "webhookUrl" -> c.withWebhookUrl(value.isNull() || value.asText().isEmpty() ? null
                        : URI.create(text(name, value)));
                case "multicastPerSecond" -> c.withMulticastPerSecond(number(name, value));
                case "pushPerSecond" -> c.withPushPerSecond(number(name, value));
                case "replyPerSecond" -> c.withReplyPerSecond(number(name, value));
                case "replyTokenTtlMs" -> c.withReplyTokenTtl(Duration.ofMillis(number(name, value)));
                case "webhookTimeoutMs" -> c.withWebhookTimeout(Duration.ofMillis(number(name, value)));
                case "webhookRedeliveries" -> c.withWebhookRedeliveries(number(name, value));
                case "channelSecret" -> c.withChannelSecret(text(name, value));
                case "channelAccessToken" -> c.withChannelAccessToken(text(name, value));
                case "botBasicId" -> c.withBotBasicId(text(name, value));
                default -> throw Problem.invalidField(name, "unknown setting");
            };
        } catch (IllegalArgumentException e) {
            throw Problem.invalidField(name, e.getMessage());
        }
    }

    private static String text(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw Problem.invalidField(name, "must be a string");
        }
        return value.asText();
    }

    private static int number(String name, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw Problem.invalidField(name, "must be a whole number");
        }
        return value.asInt();
    }
}
