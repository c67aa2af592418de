package jp.moshisapo.linesim.inbox;

import java.time.Instant;

/**
 * Something the resident did in the chat (sent a text, tapped a button, followed, unfollowed), kept so the chat
 * page can show both sides of the conversation.
 *
 * @param at   when the simulator sent the webhook event
 * @param kind "text", "postback", "follow" or "unfollow"
 * @param text what the resident sees on their side (the text, the tapped label, or a short note)
 */
public record ResidentLine(Instant at, String kind, String text) {
}
