package jp.moshisapo.linesim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.linesim.http.HttpIo;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.linesim.messaging.ChannelToken;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.linesim.messaging.MessageQuota;
import jp.moshisapo.linesim.messaging.EndpointStats;
import jp.moshisapo.linesim.messaging.FaultRule;
import jp.moshisapo.linesim.messaging.Stats;
import jp.moshisapo.linesim.webhook.WebhookResult;

import java.util.List;
import java.util.Map;

/** The control API's JSON shapes, written out explicitly so they stay stable for the CLI and other JVMs. */
final class JsonViews {

    private JsonViews() {
    }

    static JsonNode webhookResult(WebhookResult result) {
        return HttpIo.MAPPER.createObjectNode()
                .put("status", result.status())
                .put("webhookEventId", result.webhookEventId())
                .put("attempts", result.attempts())
                .put("ok", result.ok());
    }

    static JsonNode inbox(List<InboxMessage> messages) {
        ArrayNode array = HttpIo.MAPPER.createArrayNode();
        for (InboxMessage m : messages) {
            ObjectNode node = array.addObject()
                    .put("via", m.via())
                    .put("receivedAt", m.receivedAt().toString())
                    .put("retryKey", m.retryKey())
                    .put("type", m.type())
                    .put("text", m.text());
            ArrayNode labels = node.putArray("actions");
            m.actionLabels().forEach(labels::add);
            node.set("message", m.message());
        }
        return array;
    }

    static JsonNode counts(Map<String, Integer> counts) {
        ObjectNode node = HttpIo.MAPPER.createObjectNode();
        counts.forEach(node::put);
        return node;
    }

    static JsonNode stats(Stats stats) {
        ObjectNode node = HttpIo.MAPPER.createObjectNode();
        ObjectNode endpoints = node.putObject("endpoints");
        stats.endpoints().forEach((endpoint, s) -> endpoints.set(endpoint.name(), endpointStats(s)));
        node.put("messagesDelivered", stats.messagesDelivered());
        node.put("blockedSkipped", stats.blockedSkipped());
        node.put("usersWithMessages", stats.usersWithMessages());
        return node;
    }

    private static JsonNode endpointStats(EndpointStats s) {
        return HttpIo.MAPPER.createObjectNode()
                .put("requests", s.requests())
                .put("accepted", s.accepted())
                .put("rateLimited", s.rateLimited())
                .put("conflicts", s.conflicts())
                .put("clientErrors", s.clientErrors())
                .put("serverErrors", s.serverErrors())
                .put("recipients", s.recipients());
    }

    static JsonNode faults(Map<Endpoint, FaultRule> rules) {
        ObjectNode node = HttpIo.MAPPER.createObjectNode();
        rules.forEach((endpoint, rule) -> node.putObject(endpoint.name())
                .put("status", rule.status())
                .put("count", rule.count())
                .put("durationMs", rule.duration() == null ? 0 : rule.duration().toMillis())
                .put("delayMs", rule.delay() == null ? 0 : rule.delay().toMillis()));
        return node;
    }

    /** The channel's plan state: monthly limit (null: none), messages used this month, a revoked token. */
    static JsonNode channel(MessageQuota quota, ChannelToken token) {
        ObjectNode node = HttpIo.MAPPER.createObjectNode();
        if (quota.limit() == null) {
            node.putNull("monthlyLimit");
        } else {
            node.put("monthlyLimit", quota.limit());
        }
        return node.put("totalUsage", quota.used()).put("accessTokenRevoked", token.revoked());
    }

    /** The configuration without the channel secret and access token. */
    static JsonNode config(LineSimulatorConfig c) {
        return HttpIo.MAPPER.createObjectNode()
                .put("port", c.port())
                .put("botBasicId", c.botBasicId())
                .put("webhookUrl", c.webhookUrl() == null ? null : c.webhookUrl().toString())
                .put("multicastPerSecond", c.multicastPerSecond())
                .put("pushPerSecond", c.pushPerSecond())
                .put("replyPerSecond", c.replyPerSecond())
                .put("replyTokenTtlMs", c.replyTokenTtl().toMillis())
                .put("webhookTimeoutMs", c.webhookTimeout().toMillis())
                .put("webhookRedeliveries", c.webhookRedeliveries());
    }
}
