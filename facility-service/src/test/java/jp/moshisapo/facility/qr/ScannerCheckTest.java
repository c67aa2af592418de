package jp.moshisapo.facility.qr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScannerCheckTest {

    @Test
    void anOrdinaryCheckinLinkIsFound() {
        assertTrue(ScannerCheck.detectable("https://moshisapo.example.jp/c/ABCDEFGHJ"));
    }

    /** Two links found by rendering random codes: valid symbols that ZXing's detector does not find. */
    @Test
    void aSymbolTheScannerCannotFindIsRecognised() {
        assertFalse(ScannerCheck.detectable("https://moshisapo.example.jp/c/F8TD85F60"));
        assertFalse(ScannerCheck.detectable("https://moshisapo.example.jp/c/BCCYCDG5M"));
    }
}
