package jp.moshisapo.notification.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import jp.moshisapo.notification.config.NoticeConfig;
import org.junit.jupiter.api.Test;

class NoticeMessageTest {

    private final NoticeText texts = new NoticeText(NoticeConfigs.configured());
    private final NoticeMessages messages = new NoticeMessages(NoticeConfigs.configured());

    @Test
    void theSeedNoticeIsTheBodyAndTheAltTextWithButtonsThatCallTheCentreAndOpenThePage() throws Exception {
        String text = texts.defaultText();
        JsonNode flex = new ObjectMapper().valueToTree(messages.of(text).toLine());

        assertEquals("flex", flex.path("type").asText());
        assertEquals(text, flex.path("altText").asText(), "the plain seed text fits LINE's 400 characters");
        assertEquals("bubble", flex.at("/contents/type").asText());
        assertEquals(text, flex.at("/contents/body/contents/0/text").asText());
        JsonNode buttons = flex.at("/contents/footer/contents");
        assertEquals("受診・相談センターに電話", buttons.at("/0/action/label").asText());
        assertEquals("tel:0196513175", buttons.at("/0/action/uri").asText());
        assertEquals("uri", buttons.at("/0/action/type").asText());
        assertEquals("https://www.pref.iwate.jp/", buttons.at("/1/action/uri").asText());
    }

    @Test
    void aLongTextIsCutForTheAltTextButSentWholeInTheBody() {
        String text = "【お知らせ】" + "🦠".repeat(600);
        NoticeMessage message = messages.of(text);

        assertEquals(400, message.altText().codePointCount(0, message.altText().length()));
        assertTrue(message.altText().endsWith("…"));
        assertEquals(text, message.body());
    }

    @Test
    void aPageThatIsNotHttpsStopsTheStart() {
        NoticeConfig configured = NoticeConfigs.configured();
        NoticeConfig plainHttp = new NoticeConfig() {
            @Override
            public String consultationCenterPhone() {
                return configured.consultationCenterPhone();
            }

            @Override
            public String consultationCenterHours() {
                return configured.consultationCenterHours();
            }

            @Override
            public URI pageUrl() {
                return URI.create("http://www.pref.iwate.jp/");
            }

            @Override
            public List<Template> templates() {
                return configured.templates();
            }
        };
        assertThrows(IllegalArgumentException.class, () -> new NoticeMessages(plainHttp));
    }
}
