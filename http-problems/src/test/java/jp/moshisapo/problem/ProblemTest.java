package jp.moshisapo.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every service and the gateway write one document shape; clients (the console) read only that one. */
class ProblemTest {

    @Test
    void errorsAreAlwaysAnArrayOfFieldAndMessage() {
        Problem none = Problems.notFound().in(Language.JA, "/api/x");
        assertEquals(List.of(), none.members().get("errors"));

        Problem some = Problems.invalidInput(List.of(InvalidField.of("rooms[2]",
                Text.of("部屋名を入力してください。", "Enter the room's name.")))).in(Language.EN, null);
        assertEquals(List.of(Map.of("field", "rooms[2]", "message", "Enter the room's name.")),
                some.members().get("errors"));
    }

    @Test
    void membersComeInTheDocumentedOrderWithExtensionsBeside() {
        Problem problem = Problems.forbidden().withExtension("requestId", "r-1").in(Language.JA, "/admin/cases");
        assertEquals(List.of("type", "title", "status", "detail", "instance", "errors", "requestId"),
                List.copyOf(problem.members().keySet()));
        assertEquals("https://moshisapo.jp/problems/forbidden", problem.members().get("type"));
        assertEquals(403, problem.members().get("status"));
        assertFalse(Problems.forbidden().in(Language.JA, null).members().containsKey("instance"));
    }

    @Test
    void textsFollowTheCallersLanguage() {
        assertEquals("見つかりません", Problems.notFound().in(Language.JA, null).title());
        assertEquals("Not found", Problems.notFound().in(Language.EN, null).title());
        assertEquals("送信できるデータは64 KBまでです。", Problems.bodyTooLarge(64 * 1024).in(Language.JA, null).detail());
        assertEquals("At most 100 bytes can be sent.", Problems.bodyTooLarge(100).in(Language.EN, null).detail());
    }

    @Test
    void aFrameworkStatusKeepsItsStatus() {
        assertEquals(405, Problems.forStatus(405).status());
        assertEquals(414, Problems.forStatus(414).status());
        assertEquals(502, Problems.forStatus(502).status());
        assertEquals("internal", Problems.forStatus(502).slug());
    }
}
