package jp.moshisapo.gateway.requestid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abcdefgh", "0d2f8a6c-5f0e-4f7e-9d7e-0c1f2e3d4c5b", "line.redelivery_01",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789AB"})
    void plainIdsOfEightToSixtyFourCharactersAreKept(String incoming) {
        assertEquals(Optional.of(incoming), RequestIds.sanitise(incoming));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "abc def ghi", "abcdefgh\nFAKE LOG LINE", "abcdefgh%0a", "<script>x</script>",
            "ＡＢＣＤＥＦＧＨ", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm"})
    void idsThatCouldForgeLogLinesOrCarryDataAreRefused(String incoming) {
        assertEquals(Optional.empty(), RequestIds.sanitise(incoming));
    }

    @Test
    void missingIdIsRefused() {
        assertEquals(Optional.empty(), RequestIds.sanitise(null));
    }

    @Test
    void generatedIdsAreSaneThemselvesAndDistinct() {
        String first = RequestIds.generate();
        String second = RequestIds.generate();

        assertTrue(first.matches("[0-9a-f]{32}"), first);
        assertEquals(Optional.of(first), RequestIds.sanitise(first));
        assertNotEquals(first, second);
    }
}
