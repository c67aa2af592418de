package jp.moshisapo.linesim.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.moshisapo.linesim.LineIds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class InboxesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Inboxes inboxes = new Inboxes();

    @Test
    void everyUserOfAFanOutKeepsExactlyTheirMessagesInOrder() {
        InboxMessage first = message("一通目");
        InboxMessage second = message("二通目");
        for (int i = 0; i < 50_000; i++) {
            inboxes.deliver(LineIds.userIdFor("u" + i), new InboxMessage[]{first});
        }
        for (int i = 0; i < 50_000; i += 2) {
            inboxes.deliver(LineIds.userIdFor("u" + i), new InboxMessage[]{second});
        }

        assertEquals(List.of(first, second), inboxes.inbox(LineIds.userIdFor("u0")));
        assertEquals(List.of(first), inboxes.inbox(LineIds.userIdFor("u1")));
        assertEquals(50_000, inboxes.userCount());
        assertEquals(50_000, inboxes.usersWithMessages());
        assertEquals(75_000, inboxes.delivered());
        assertEquals(0, inboxes.size(LineIds.userIdFor("nobody")));
    }

    @Test
    void recipientsShareTheMessageObjectRatherThanCopies() {
        InboxMessage shared = message("お知らせ");
        inboxes.deliver(LineIds.userIdFor("a"), new InboxMessage[]{shared});
        inboxes.deliver(LineIds.userIdFor("b"), new InboxMessage[]{shared});
        assertSame(inboxes.inbox(LineIds.userIdFor("a")).get(0), inboxes.inbox(LineIds.userIdFor("b")).get(0));
    }

    @Test
    void countsListEveryUserIdAsGivenIncludingGroupsAndResidentsWhoOnlyTalked() {
        String user = LineIds.userIdFor("talker");
        String group = "C" + "0123456789abcdef".repeat(2);
        inboxes.recordResident(user, new ResidentLine(Instant.now(), "text", "こんにちは"));
        inboxes.deliver(group, new InboxMessage[]{message("x"), message("y")});

        assertEquals(Map.of(user, 0, group, 2), inboxes.counts());
        assertEquals(1, inboxes.usersWithMessages(), "only the group received messages");
        assertEquals(user, inboxes.someUsers(10).get(0), "residents who talked are listed first");

        inboxes.clear();
        assertEquals(0, inboxes.userCount());
        assertEquals(List.of(), inboxes.residentLines(user));
    }

    private static InboxMessage message(String text) {
        return new InboxMessage(InboxMessage.MULTICAST, Instant.now(), null,
                JSON.createObjectNode().put("type", "text").put("text", text));
    }
}
