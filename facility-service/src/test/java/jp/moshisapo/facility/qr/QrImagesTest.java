package jp.moshisapo.facility.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import jp.moshisapo.facility.support.PdfReading;
import org.junit.jupiter.api.Test;

class QrImagesTest {

    private static final String URL = "https://moshisapo.example.jp/c/ABCDEFGHJ";

    @Test
    void thePngDecodesBackToTheCheckinUrl() throws Exception {
        byte[] png = QrImages.png(QrMatrix.encode(URL));

        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(URL, PdfReading.decode(image));
        assertEquals(image.getWidth(), image.getHeight());
    }

    @Test
    void theSvgIsOneSquarePathWithAQuietZone() {
        QrMatrix qr = QrMatrix.encode(URL);
        String svg = QrImages.svg(qr);

        int side = qr.size() + 2 * QrMatrix.QUIET_ZONE;
        assertTrue(svg.startsWith("<?xml"), svg);
        assertTrue(svg.contains("viewBox=\"0 0 " + side + " " + side + "\""), svg);
        assertTrue(svg.contains("<path fill=\"#000\" d=\"M"), svg);
    }
}
