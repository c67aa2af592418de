package jp.moshisapo.checkin.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import jp.moshisapo.protocol.code.PrintedCode;
import org.junit.jupiter.api.Test;

class PostbackDataTest {

    private static final PrintedCode CODE = PrintedCode.generate(new SecureRandom());

    @Test
    void consentCarriesTheCodeAndTheScanTimeToTheMillisecond() {
        PostbackData consent = new PostbackData.Consent(true, CODE, Instant.parse("2026-11-25T04:05:06.789Z"));
        assertEquals(Optional.of(consent), PostbackData.parse(consent.encode()));
    }

    @Test
    void refusalAndErasureAnswersSurviveTheRoundTrip() {
        PostbackData refusal = new PostbackData.Consent(false, CODE, Instant.ofEpochMilli(1));
        assertEquals(Optional.of(refusal), PostbackData.parse(refusal.encode()));
        assertEquals(Optional.of(new PostbackData.Erasure(true)), PostbackData.parse("erase=yes"));
        assertEquals(Optional.of(new PostbackData.Erasure(false)), PostbackData.parse("erase=no"));
    }

    @Test
    void dataFitsLinesPostbackLimit() {
        assertTrue(new PostbackData.Consent(true, CODE, Instant.now()).encode().length() <= 300);
    }

    @Test
    void foreignOrDamagedDataIsNotOurs() {
        assertEquals(Optional.empty(), PostbackData.parse("action=buy&item=1"));
        assertEquals(Optional.empty(), PostbackData.parse("consent=maybe&code=" + CODE.canonical() + "&scannedAt=1"));
        assertEquals(Optional.empty(), PostbackData.parse("consent=yes&code=NOTACODE&scannedAt=1"));
        assertEquals(Optional.empty(), PostbackData.parse("consent=yes&code=" + CODE.canonical() + "&scannedAt=x"));
        assertEquals(Optional.empty(), PostbackData.parse(null));
    }
}
