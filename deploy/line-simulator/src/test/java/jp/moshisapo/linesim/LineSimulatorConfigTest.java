package jp.moshisapo.linesim;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LineSimulatorConfigTest {

    @Test
    void defaultsAreLinesPublishedLimitsWithLocalCredentials() {
        LineSimulatorConfig d = LineSimulatorConfig.defaults();
        assertEquals(0, d.port());
        assertEquals("moshisapo-local-channel-secret", d.channelSecret());
        assertEquals("moshisapo-local-channel-token", d.channelAccessToken());
        assertEquals("@moshisapo", d.botBasicId());
        assertNull(d.webhookUrl());
        assertEquals(200, d.multicastPerSecond());
        assertEquals(2000, d.pushPerSecond());
        assertEquals(2000, d.replyPerSecond());
        assertEquals(Duration.ofMinutes(1), d.replyTokenTtl());
        assertEquals(Duration.ofSeconds(2), d.webhookTimeout());
        assertEquals(0, d.webhookRedeliveries());
    }

    @Test
    void environmentOverridesEachSettingAndBlankMeansDefault() {
        LineSimulatorConfig env = LineSimulatorConfig.fromEnv(Map.of(
                "LINE_CHANNEL_SECRET", "s3cret",
                "LINE_BOT_BASIC_ID", "@iwate",
                "LINE_SIM_MULTICAST_PER_SECOND", "50",
                "LINE_SIM_WEBHOOK_REDELIVERIES", "2",
                "LINE_CHANNEL_ACCESS_TOKEN", " "));
        assertEquals(8090, env.port());
        assertEquals("s3cret", env.channelSecret());
        assertEquals("@iwate", env.botBasicId());
        assertEquals(50, env.multicastPerSecond());
        assertEquals(2, env.webhookRedeliveries());
        assertEquals("moshisapo-local-channel-token", env.channelAccessToken());
        assertEquals(URI.create("http://127.0.0.1:8080/line/webhook"), env.webhookUrl());
    }

    @Test
    void nonsenseSettingsAreRefusedWithTheVariableName() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> LineSimulatorConfig.fromEnv(Map.of("LINE_SIM_PORT", "eighty")));
        assertEquals("LINE_SIM_PORT must be a whole number, was 'eighty'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineSimulatorConfig.defaults().withMulticastPerSecond(0));
    }

    @Test
    void textFormNeverShowsTheSecretOrTheToken() {
        String text = LineSimulatorConfig.defaults().toString();
        assertFalse(text.contains("moshisapo-local-channel-secret"));
        assertFalse(text.contains("moshisapo-local-channel-token"));
    }
}
