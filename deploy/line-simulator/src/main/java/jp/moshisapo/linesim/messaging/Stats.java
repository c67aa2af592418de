package jp.moshisapo.linesim.messaging;

import java.util.Map;

/**
 * What the simulated platform has seen since start or the last reset.
 *
 * @param endpoints         counters per Messaging API endpoint
 * @param messagesDelivered messages that reached an inbox (one per recipient and message)
 * @param blockedSkipped    deliveries dropped because the user had blocked the account
 * @param usersWithMessages distinct users holding at least one message
 */
public record Stats(Map<Endpoint, EndpointStats> endpoints, long messagesDelivered, long blockedSkipped,
                    int usersWithMessages) {

    public EndpointStats of(Endpoint endpoint) {
        return endpoints.get(endpoint);
    }
}
