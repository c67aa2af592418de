package jp.moshisapo.stack.richmenu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.linesim.messaging.RichMenus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rich menu command against the simulator, which checks LINE's rules on every call. */
class RichMenuSetupIT {

    private static final Path FONT = RichMenuSetup.defaultFont(Path.of("../..").toAbsolutePath().normalize());
    private LineSimulator sim;

    @BeforeEach
    void start() {
        sim = LineSimulator.start(LineSimulatorConfig.defaults());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void runningTwiceLeavesExactlyOneDefaultMenuWithTheDrawnImage() throws Exception {
        assertEquals(RichMenuSetup.Result.CREATED, setup().run());
        assertEquals(RichMenuSetup.Result.KEPT, setup().run());

        assertEquals(1, sim.richMenus().all().size());
        RichMenus.RichMenu menu = sim.richMenus().defaultMenu().orElseThrow();
        assertEquals("image/png", menu.contentType());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(menu.image()));
        assertEquals(2500, image.getWidth());
        assertEquals(843, image.getHeight());
        assertTrue(menu.image().length < 1024 * 1024, "LINE takes at most 1 MB");
        assertTrue(whitePixels(image, 0, 625) > 1000, "the first column carries a drawn label");
        assertEquals(java.util.List.of("読み取り方", "履歴", "削除", "お問い合わせ"),
                menu.areas().stream().map(a -> a.path("action").path("text").asText()).toList());
    }

    @Test
    void aMenuDeletedByHandIsCreatedAgain() throws Exception {
        setup().run();
        String first = sim.richMenus().defaultMenu().orElseThrow().id();
        sim.richMenus().clear(); // an operator deleted it by hand in the LINE console
        assertEquals(RichMenuSetup.Result.CREATED, setup().run());
        assertTrue(sim.richMenus().defaultMenu().isPresent());
        assertTrue(!sim.richMenus().defaultMenu().get().id().equals(first));
        assertEquals(1, sim.richMenus().all().size());
    }

    @Test
    void theDataEndpointIsLinesOwnHostForLineAndTheSameServerOtherwise() {
        assertEquals(URI.create("https://api-data.line.me"),
                RichMenuSetup.dataEndpoint(URI.create("https://api.line.me"), null));
        assertEquals(sim.baseUrl(), RichMenuSetup.dataEndpoint(sim.baseUrl(), ""));
        assertEquals(URI.create("https://data.example"),
                RichMenuSetup.dataEndpoint(URI.create("https://api.line.me"), "https://data.example"));
    }

    private RichMenuSetup setup() {
        return new RichMenuSetup(sim.baseUrl(), sim.baseUrl(), sim.config().channelAccessToken(), FONT);
    }

    private static int whitePixels(BufferedImage image, int from, int to) {
        int white = 0;
        for (int x = from; x < to; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xffffff) == 0xffffff) {
                    white++;
                }
            }
        }
        return white;
    }
}
