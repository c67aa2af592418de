package jp.moshisapo.facility.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import jp.moshisapo.protocol.code.PrintedCode;
import org.junit.jupiter.api.Test;

class CheckinLinkTest {

    @Test
    void theLineLinkOpensTheOfficialAccountWithTheDisplayedCodeTypedIn() {
        PrintedCode code = PrintedCode.parse("ABCD-EFGH-" + PrintedCode.parse(valid()).canonical().charAt(8));
        String url = CheckinLink.url("@moshisapo", code);

        URI uri = URI.create(url);
        assertEquals("line.me", uri.getHost());
        assertEquals("/R/oaMessage/%40moshisapo/", uri.getRawPath());
        assertEquals("チェックイン " + code.display(), URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8));
        assertEquals(-1, uri.getRawQuery().indexOf('+'), "LINE reads + literally: spaces must be %20");
    }

    /** A code with body ABCDEFGH and its right check character. */
    private static String valid() {
        for (char c : PrintedCode.ALPHABET.toCharArray()) {
            try {
                return PrintedCode.parse("ABCDEFGH" + c).canonical();
            } catch (IllegalArgumentException wrong) {
                // try the next check character
            }
        }
        throw new AssertionError("no check character fits");
    }
}
