package jp.moshisapo.facility.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** QR codes as PNG (for screens and quick printing) and SVG (for print shops and resizing). */
public final class QrImages {

    /** Pixels per module in the PNG: about 330 px for a typical code, enough for a phone screen or A6 print. */
    public static final int PNG_MODULE_PIXELS = 8;

    private QrImages() {
    }

    public static byte[] png(QrMatrix qr) {
        int side = (qr.size() + 2 * QrMatrix.QUIET_ZONE) * PNG_MODULE_PIXELS;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        var graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, side, side);
        graphics.setColor(java.awt.Color.BLACK);
        qr.forEachRun((x, y, length) -> graphics.fillRect((x + QrMatrix.QUIET_ZONE) * PNG_MODULE_PIXELS,
                (y + QrMatrix.QUIET_ZONE) * PNG_MODULE_PIXELS, length * PNG_MODULE_PIXELS, PNG_MODULE_PIXELS));
        graphics.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One path in module units; {@code shape-rendering="crispEdges"} keeps module edges sharp when scaled. */
    public static String svg(QrMatrix qr) {
        int side = qr.size() + 2 * QrMatrix.QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        qr.forEachRun((x, y, length) -> path.append('M').append(x + QrMatrix.QUIET_ZONE).append(' ')
                .append(y + QrMatrix.QUIET_ZONE).append('h').append(length).append("v1h-").append(length).append('z'));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" \
                shape-rendering="crispEdges"><rect width="%d" height="%d" fill="#fff"/>\
                <path fill="#000" d="%s"/></svg>
                """.formatted(side, side, side * PNG_MODULE_PIXELS, side * PNG_MODULE_PIXELS, side, side, path);
    }
}
