package jp.moshisapo.facility.poster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import jp.moshisapo.facility.code.CodeLinks;
import jp.moshisapo.facility.config.FacilityConfig;
import jp.moshisapo.facility.support.FixedCodes;
import jp.moshisapo.facility.support.PdfReading;
import jp.moshisapo.facility.support.TestConfig;
import jp.moshisapo.protocol.code.PrintedCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PosterRendererTest {

    private static final PrintedCode CODE = PrintedCode.generate(FixedCodes.random(3));
    private static final CodeLinks LINKS = new CodeLinks(TestConfig.PUBLIC_BASE_URL);
    private static FacilityConfig config;
    private static PosterRenderer renderer;

    @BeforeAll
    static void renderer() {
        config = TestConfig.facility();
        renderer = new PosterRenderer(PosterFont.load(), PosterWording.from(config.prefecture()));
    }

    private static Poster poster(String name, String room, PrintedCode code) {
        return new Poster(name, room, code, LINKS.checkin(code));
    }

    @Test
    void theQrCodeOnThePrintedPosterLeadsToTheCheckinAddressOfItsCode() {
        byte[] pdf = renderer.render(poster("盛岡もしサポ食堂", "1階 客席", CODE));

        assertEquals(TestConfig.PUBLIC_BASE_URL + "/c/" + CODE.canonical(), PdfReading.qrContent(pdf, 0));
    }

    @Test
    void thePosterCarriesTheSeedFlyerTextTheVenueTheRoomAndThePrintedCode() {
        byte[] pdf = renderer.render(poster("盛岡もしサポ食堂 本店", "2階 宴会場", CODE));
        String text = PdfReading.flatText(pdf, 0);

        for (String expected : List.of(
                "LINE公式アカウント",
                "「岩手県-新型コロナ対策パーソナルサポート」",
                "もしもの時のサポートサービス",
                "『もしサポ岩手』",
                "この施設、店舗の利用者やイベント等参加者に新型コロナウイルスの感染が確認され、岩手県が不特定の方への"
                        + "感染の恐れが高いと判断した場合、LINEメッセージで、その情報をお知らせし、感染拡大防止に向けたお願いなどを"
                        + "ご案内します。",
                "盛岡もしサポ食堂本店",
                "2階宴会場",
                "岩手県庁健康国保課",
                "こちらを読み取ってください",
                CODE.display(),
                "同じ場所であっても訪問するたびに読み取ってください。",
                "QRコード読み取り",
                "スマートフォンでQRコードを読み取ってください。",
                "①LINEアプリの「ホーム」画面右上のボタンを押す",
                "②「友だち追加」画面の『QRコード』ボタンを押す",
                "県からお知らせ",
                "問合せ先：岩手県庁保健福祉部健康国保課医療情報担当電話019-629-5487",
                "※QRコードは株式会社デンソーウェーブの登録商標です。")) {
            assertTrue(text.contains(expected.replaceAll("[\\s\\u3000]+", "")), () -> "poster lacks «" + expected + "»:\n" + text);
        }
    }

    @Test
    void thePosterIsOneA4PageWithASubsetOfTheJapaneseFontEmbedded() throws Exception {
        byte[] pdf = renderer.render(poster("盛岡もしサポ食堂", "1階 客席", CODE));

        assertEquals(1, PdfReading.pages(pdf));
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var box = document.getPage(0).getMediaBox();
            assertEquals(595.27, box.getWidth(), 0.1);
            assertEquals(841.89, box.getHeight(), 0.1);
        }
        List<String> fonts = PdfReading.fontNames(pdf, 0);
        assertTrue(fonts.stream().allMatch(name -> name.matches("[A-Z]{6}\\+IPAexGothic")), fonts::toString);
        assertTrue(pdf.length <= 150 * 1024, () -> "poster is " + pdf.length + " bytes");
        Files.createDirectories(Path.of("target/posters"));
        Files.write(Path.of("target/posters/sample-poster.pdf"), pdf);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 100),
                    "png", Path.of("target/posters/sample-poster.png").toFile());
        }
    }

    @Test
    void aVeryLongVenueNameAndCharactersTheFontLacksStillGiveAReadablePoster() {
        String name = "岩手県盛岡市大通り商店街振興組合主催 第三十二回 さんさ踊り協賛 夏の夜市 特設会場 本部テント前 "
                + "ふれあい広場 Morioka Summer Night Market 2026";
        byte[] pdf = renderer.render(poster(name, "テーブル 12 🍜", CODE));

        String text = PdfReading.flatText(pdf, 0);
        assertTrue(text.contains("MoriokaSummerNightMarket2026"), text);
        assertTrue(text.contains("テーブル12〓"), text);
        assertEquals(TestConfig.PUBLIC_BASE_URL + "/c/" + CODE.canonical(), PdfReading.qrContent(pdf, 0));
    }

    @Test
    void aVenueWithManyRoomsGetsOnePageEachWithItsOwnCode() {
        List<Poster> posters = new ArrayList<>();
        List<PrintedCode> codes = new ArrayList<>();
        SecureRandom random = FixedCodes.random(5);
        for (int i = 1; i <= 5; i++) {
            PrintedCode code = PrintedCode.generate(random);
            codes.add(code);
            posters.add(poster("もしサポ会館", "テーブル " + i, code));
        }

        byte[] pdf = renderer.renderAll(posters, "もしサポ会館");

        assertEquals(5, PdfReading.pages(pdf));
        for (int i = 0; i < 5; i++) {
            assertTrue(PdfReading.flatText(pdf, i).contains("テーブル" + (i + 1)));
            assertTrue(PdfReading.flatText(pdf, i).contains(codes.get(i).display()));
            assertEquals(LINKS.checkin(codes.get(i)), PdfReading.qrContent(pdf, i));
        }
    }

    @Test
    void anotherPrefectureOnlyChangesConfiguration() {
        FacilityConfig.Prefecture miyagi = new FacilityConfig.Prefecture() {
            public String name() { return "宮城県"; }
            public String lineAccountName() { return "宮城県-新型コロナ対策パーソナルサポート"; }
            public String serviceName() { return "もしサポ宮城"; }
            public String issuer() { return "宮城県庁疾病・感染症対策課"; }
            public String contactOffice() { return "宮城県庁 保健福祉部 疾病・感染症対策課"; }
            public String contactPhone() { return "022-000-0000"; }
            public String contactHours() { return "8:30～17:15（平日のみ）"; }
        };
        byte[] pdf = new PosterRenderer(PosterFont.load(), PosterWording.from(miyagi))
                .render(poster("仙台もしサポ食堂", "1階", CODE));

        String text = PdfReading.flatText(pdf, 0);
        assertTrue(text.contains("『もしサポ宮城』"), text);
        assertTrue(text.contains("「宮城県-新型コロナ対策パーソナルサポート」"), text);
        assertTrue(text.contains("宮城県が不特定の方への感染の恐れが高いと判断した場合"), text);
        assertTrue(text.contains("022-000-0000"), text);
        assertTrue(!text.contains("岩手"), text);
    }
}
