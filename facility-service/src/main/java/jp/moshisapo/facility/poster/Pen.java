package jp.moshisapo.facility.poster;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import jp.moshisapo.facility.qr.QrMatrix;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * What the poster and the table cards draw alike, on one page: text at a baseline, filled rectangles, the QR symbol
 * as vector rectangles, and venue-typed text made printable. Distances are measured from the page's top edge.
 */
final class Pen {

    private static final String MISSING_GLYPH = "〓"; // the typesetter's mark for a character the font lacks

    private final PDPageContentStream content;
    private final PDType0Font font;

    Pen(PDPageContentStream content, PDType0Font font) {
        this.content = content;
        this.font = font;
    }

    void text(String text, float size, float x, float baselineFromTop, Color color) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, y(baselineFromTop));
        content.showText(text);
        content.endText();
    }

    void fillRect(float x, float rectTop, float width, float height, Color color) throws IOException {
        content.setNonStrokingColor(color);
        content.addRect(x, y(rectTop + height), width, height);
        content.fill();
    }

    /** The largest size up to {@code size} at which {@code text} fits in {@code width}. */
    float fit(String text, float size, float width) {
        float natural = TextLines.width(font, size, text);
        return natural <= width ? size : Math.max(6, size * width / natural);
    }

    static float y(float fromTop) {
        return PosterRenderer.PAGE.getHeight() - fromTop;
    }

    /**
     * Draws {@code qr} with its quiet zone in the square {@code side} wide whose top-left corner is {@code left},
     * {@code top} (top measured from the page's top edge).
     */
    void qr(QrMatrix qr, float left, float top, float side) throws IOException {
        float module = side / (qr.size() + 2 * QrMatrix.QUIET_ZONE);
        float symbolLeft = left + QrMatrix.QUIET_ZONE * module;
        float symbolTop = top + QrMatrix.QUIET_ZONE * module;
        // Each row's runs reach a little into the row below: rows that merely touch leave a hairline seam when a viewer
        // or printer rasterises at a fractional pixel, and the seams made 1 poster in 500 unreadable to a scanner.
        float seamOverlap = module * 0.08f;
        content.setNonStrokingColor(Color.BLACK);
        qr.forEachRun((x, row, length) -> {
            try {
                content.addRect(symbolLeft + x * module, y(symbolTop + (row + 1) * module + seamOverlap),
                        length * module, module + seamOverlap);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        content.fill();
    }

    /** Venue-typed text with characters the font cannot draw (emoji…) replaced, so a page always renders. */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if ((codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF)) {
                return; // variation selectors: no glyph of their own
            }
            String character = new String(Character.toChars(codePoint));
            try {
                font.encode(character);
                out.append(character);
            } catch (IllegalArgumentException | IOException missing) {
                out.append(MISSING_GLYPH);
            }
        });
        return out.toString();
    }
}
