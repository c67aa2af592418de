package jp.moshisapo.facility.poster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import jp.moshisapo.facility.code.CodeLinks;
import jp.moshisapo.facility.support.FixedCodes;
import jp.moshisapo.facility.support.PdfReading;
import jp.moshisapo.facility.support.TestConfig;
import jp.moshisapo.protocol.code.PrintedCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TableCardsTest {

    private static final CodeLinks LINKS = new CodeLinks(TestConfig.PUBLIC_BASE_URL);
    private static final String EVERY_VISIT = "訪問するたびに読み取ってください";
    private static PosterRenderer renderer;

    @BeforeAll
    static void renderer() {
        renderer = new PosterRenderer(PosterFont.load(), PosterWording.from(TestConfig.facility().prefecture()));
    }

    @Test
    void elevenTablesFillTwoA4SheetsAndEveryCutOutCardScansToItsOwnCode() throws Exception {
        List<Poster> cards = cards(11, "もしサポ食堂 盛岡駅前店");

        byte[] pdf = renderer.renderTableCards(cards, "もしサポ食堂");

        assertEquals(2, PdfReading.pages(pdf));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Files.createDirectories(Path.of("target/posters"));
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 150), "png",
                    Path.of("target/posters/sample-table-cards.png").toFile());
        }
        for (int i = 0; i < cards.size(); i++) {
            // Cut the card out of the printed sheet, as the venue does, and scan it alone.
            int slot = i % TableCardSheet.PER_SHEET;
            UnaryOperator<BufferedImage> cutOut = sheet -> {
                int width = sheet.getWidth() / TableCardSheet.COLUMNS;
                int height = sheet.getHeight() / TableCardSheet.ROWS;
                return sheet.getSubimage((slot % TableCardSheet.COLUMNS) * width,
                        (slot / TableCardSheet.COLUMNS) * height, width, height);
            };
            assertEquals(cards.get(i).qrContent(),
                    PdfReading.qrContent(pdf, i / TableCardSheet.PER_SHEET, cutOut), "card " + (i + 1));
        }
    }

    @Test
    void everyCardNamesItsRoomAndCodeAndAsksForAScanAtEveryVisit() {
        List<Poster> cards = cards(11, "もしサポ食堂 盛岡駅前店");

        byte[] pdf = renderer.renderTableCards(cards, "もしサポ食堂");

        for (int page = 0; page < 2; page++) {
            String text = PdfReading.flatText(pdf, page);
            int onPage = page == 0 ? 8 : 3;
            assertEquals(onPage, text.split(EVERY_VISIT, -1).length - 1, text);
            assertEquals(onPage, text.split("『もしサポ岩手』", -1).length - 1, text);
            for (int i = page * 8; i < page * 8 + onPage; i++) {
                assertTrue(text.contains(cards.get(i).code().display()), text);
                assertTrue(text.contains("テーブル" + (i + 1) + "番"), text);
            }
        }
    }

    @Test
    void dashedCutLinesRunBetweenTheCards() throws Exception {
        byte[] pdf = renderer.renderTableCards(cards(8, "もしサポ食堂"), "もしサポ食堂");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage sheet = new PDFRenderer(document).renderImageWithDPI(0, 150);
            int middle = sheet.getWidth() / 2;
            int marked = 0;
            int blank = 0;
            for (int y = 0; y < sheet.getHeight(); y++) {
                int darkest = 255;
                for (int x = middle - 2; x <= middle + 2; x++) {
                    darkest = Math.min(darkest, sheet.getRGB(x, y) & 0xFF);
                }
                if (darkest < 230) {
                    marked++;
                } else {
                    blank++;
                }
            }
            // Dashes: the line is drawn along the whole height, with gaps.
            assertTrue(marked > sheet.getHeight() / 3 && blank > sheet.getHeight() / 5,
                    "marked " + marked + ", blank " + blank);
        }
    }

    @Test
    void aLongRoomNameAndEmojiStillGiveAReadableCard() {
        PrintedCode code = PrintedCode.generate(FixedCodes.random(7));
        byte[] pdf = renderer.renderTableCards(List.of(new Poster("岩手県盛岡市大通り商店街振興組合主催 夏の夜市 特設会場",
                "ふれあい広場 本部テント前 受付 カウンター席 🍜", code, LINKS.checkin(code))), "夏の夜市");

        String text = PdfReading.flatText(pdf, 0);
        assertTrue(text.contains("〓"), text);
        assertTrue(text.contains(code.display()), text);
        assertEquals(LINKS.checkin(code), PdfReading.qrContent(pdf, 0));
    }

    private static List<Poster> cards(int count, String venue) {
        SecureRandom random = FixedCodes.random(11);
        List<Poster> cards = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            PrintedCode code = PrintedCode.generate(random);
            cards.add(new Poster(venue, "テーブル " + i + "番", code, LINKS.checkin(code)));
        }
        return cards;
    }
}
