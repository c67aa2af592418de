package jp.moshisapo.linesim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineIdsTest {

    @Test
    void aNameAlwaysGivesTheSameLineFormatUserId() {
        String hanako = LineSimulator.userIdFor("hanako");
        assertTrue(hanako.matches("^U[0-9a-f]{32}$"), hanako);
        assertEquals(hanako, LineSimulator.userIdFor("hanako"));
        assertNotEquals(hanako, LineSimulator.userIdFor("taro"));
        assertEquals(LineSimulator.userIdFor("花子"), LineIds.userIdOrNameToId("花子"));
        assertEquals(hanako, LineIds.userIdOrNameToId(hanako));
    }

    @Test
    void onlyLineFormatUserIdsAreAccepted() {
        assertTrue(LineIds.isUserId("U" + "0123456789abcdef".repeat(2)));
        assertFalse(LineIds.isUserId("U" + "0123456789ABCDEF".repeat(2)));
        assertFalse(LineIds.isUserId("C" + "0123456789abcdef".repeat(2)));
        assertFalse(LineIds.isUserId("hanako"));
        assertThrows(IllegalArgumentException.class, () -> LineIds.requireUserId("U123"));
        assertTrue(LineIds.isPushTarget("C" + "0123456789abcdef".repeat(2)));
    }

    @Test
    void webhookEventIdsLookLikeLinesUlidsAndDoNotRepeat() {
        String a = LineIds.webhookEventId();
        assertTrue(a.matches("^[0-9A-HJKMNP-TV-Z]{26}$"), a);
        assertNotEquals(a, LineIds.webhookEventId());
        assertTrue(LineIds.replyToken().matches("^[0-9a-f]{32}$"));
        assertTrue(LineIds.messageId().matches("^[0-9]{18}$"));
    }

    @Test
    void randomPartsUseTheirWholeAlphabet() {
        java.util.Set<Character> quoteChars = new java.util.HashSet<>();
        java.util.Set<Character> eventChars = new java.util.HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String quote = LineIds.quoteToken();
            assertTrue(quote.matches("^[A-Za-z0-9_-]{43}$"), quote);
            quote.chars().forEach(c -> quoteChars.add((char) c));
            LineIds.webhookEventId().substring(10).chars().forEach(c -> eventChars.add((char) c));
        }
        assertEquals(64, quoteChars.size(), "every URL-safe character appears in quote tokens");
        assertEquals(32, eventChars.size(), "every Crockford character appears in event ids' random part");
        assertNotEquals(LineIds.quoteToken(), LineIds.quoteToken());
    }
}
