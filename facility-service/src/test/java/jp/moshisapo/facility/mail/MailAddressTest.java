package jp.moshisapo.facility.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"shop@example.jp", "o'neil+news@mail.example.co.jp", "a.b-c_d@x-y.example.com"})
    void oneMailboxIsTakenAsItIs(String address) {
        assertEquals(Optional.of(address), MailAddress.parse(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.jp, c@d.jp", "a@b.jp\r\nBcc: c@d.jp", "<a@b.jp>", "\"a\"@b.jp", "A <a@b.jp>",
            "a@b", "a@@b.jp", ".a@b.jp", "a..b@c.jp", "a@-b.jp", "a@例え.jp", "あ@b.jp", "a@b.jp>", "a b@c.jp", ""})
    void anythingElseIsRefused(String input) {
        assertEquals(Optional.empty(), MailAddress.parse(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ｓｈｏｐ＠ｅｘａｍｐｌｅ．ｊｐ", "  shop@example.jp "})
    void fullWidthAndSpacesAreFolded(String input) {
        assertEquals(Optional.of("shop@example.jp"), MailAddress.parse(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"件名\r\nBcc: x@example.jp", "件名\n"})
    void aHeaderCannotBeSplitOnTheWayOut(String subject) {
        assertThrows(IllegalArgumentException.class, () -> new OutgoingMail(MailKind.NOTICE, UUID.randomUUID(), null,
                "shop@example.jp", subject, "本文", "<p>本文</p>", null));
        assertTrue(new OutgoingMail(MailKind.NOTICE, null, null, "shop@example.jp", "件名", "本文", "<p>本文</p>", null)
                .subject().equals("件名"));
    }
}
