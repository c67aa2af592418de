package jp.moshisapo.linesim.resident;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OaMessageLinkTest {

    @Test
    void percentEncodedBasicIdAndJapaneseTextAreDecoded() {
        OaMessageLink link = OaMessageLink.parse(
                "https://line.me/R/oaMessage/%40moshisapo/?%E3%83%81%E3%82%A7%E3%83%83%E3%82%AF%E3%82%A4%E3%83%B3%20A");
        assertEquals("@moshisapo", link.basicId());
        assertEquals("チェックイン A", link.text());
    }

    @Test
    void unencodedAtSignIsAcceptedAndPlusStaysAPlus() {
        OaMessageLink link = OaMessageLink.parse("https://line.me/R/oaMessage/@moshisapo/?a+b");
        assertEquals("@moshisapo", link.basicId());
        assertEquals("a+b", link.text());
    }

    @Test
    void linksThatAreNotOaMessageLinksAreRejected() {
        assertThrows(ResidentActionException.class, () -> OaMessageLink.parse("https://line.me/R/ti/p/@moshisapo"));
        assertThrows(ResidentActionException.class, () -> OaMessageLink.parse("https://line.me/R/oaMessage/@x?text"));
        assertThrows(ResidentActionException.class, () -> OaMessageLink.parse("https://line.me/R/oaMessage/@x/?"));
        assertThrows(ResidentActionException.class, () -> OaMessageLink.parse("https://line.me/R/oaMessage/@x/?%E3%8"));
    }
}
