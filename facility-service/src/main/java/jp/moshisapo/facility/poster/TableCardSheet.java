package jp.moshisapo.facility.poster;

import static jp.moshisapo.facility.poster.PosterRenderer.DARK_GREEN;
import static jp.moshisapo.facility.poster.PosterRenderer.LINE_GREEN;
import static jp.moshisapo.facility.poster.PosterRenderer.PAGE;
import static jp.moshisapo.facility.poster.PosterRenderer.STRESS;
import static jp.moshisapo.facility.poster.PosterRenderer.TEXT;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import jp.moshisapo.facility.qr.QrMatrix;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One A4 sheet of table cards: 2 columns × 4 rows of 105 × 74 mm cards, separated by dashed cut lines, for the
 * seed's advice of a code per table (a restaurant with 30 tables prints 4 sheets, not 30 posters). Each card
 * carries the service's name, the room, the venue, the QR code, the printed code and the seed's one line
 * 「訪問するたびに読み取ってください」.
 */
final class TableCardSheet {

    static final int COLUMNS = 2;
    static final int ROWS = 4;
    static final int PER_SHEET = COLUMNS * ROWS;
    static final float CARD_WIDTH = PAGE.getWidth() / COLUMNS;
    static final float CARD_HEIGHT = PAGE.getHeight() / ROWS;
    /** Keeps everything 5 mm inside a card, clear of a cut that lands a little off the line and of printer margins. */
    private static final float PADDING = 15;
    private static final float QR_SIDE = 150;
    private static final Color CUT_LINE = new Color(0x99, 0x99, 0x99);

    private final PDPageContentStream content;
    private final PDType0Font font;
    private final PosterWording wording;
    private final Pen pen;

    TableCardSheet(PDPageContentStream content, PDType0Font font, PosterWording wording) {
        this.content = content;
        this.font = font;
        this.wording = wording;
        this.pen = new Pen(content, font);
    }

    /** Draws up to {@link #PER_SHEET} cards, left to right and top to bottom, then the cut lines. */
    void draw(List<Poster> cards) throws IOException {
        for (int i = 0; i < cards.size(); i++) {
            card(cards.get(i), (i % COLUMNS) * CARD_WIDTH, (i / COLUMNS) * CARD_HEIGHT);
        }
        cutLines();
    }

    private void card(Poster card, float left, float top) throws IOException {
        fillRect(left + PADDING, top + PADDING, CARD_WIDTH - 2 * PADDING, 4, LINE_GREEN);
        String service = wording.serviceName();
        text(service, 11, left + PADDING, top + PADDING + 18, DARK_GREEN);

        float qrTop = top + PADDING + 26;
        pen.qr(QrMatrix.encode(card.qrContent()), left + PADDING - 8, qrTop, QR_SIDE);

        float columnLeft = left + PADDING + QR_SIDE - 4;
        float columnWidth = CARD_WIDTH - PADDING - columnLeft + left;
        float line = lines(pen.printable(card.room()), 15, 2, columnLeft, columnWidth, qrTop + 30, TEXT);
        line = lines(pen.printable(card.facilityName()), 8, 2, columnLeft, columnWidth, line + 16, TEXT);
        line += 30;
        text(card.code().display(), fit(card.code().display(), 16, columnWidth), columnLeft, line, TEXT);
        // The seed's one line, split where it reads naturally: 訪問するたびに / 読み取ってください
        line += 28;
        text(wording.scanEveryVisitStress(), fit(wording.scanEveryVisitStress(), 12, columnWidth), columnLeft, line,
                STRESS);
        String after = wording.scanEveryVisitAfter().replace("。", "");
        text(after, fit(after, 12, columnWidth), columnLeft, line + 16, STRESS);
    }

    /**
     * Writes {@code value} wrapped to at most {@code maxLines} lines (shrinking it until it fits) from baseline
     * {@code baseline}; returns the last baseline.
     */
    private float lines(String value, float size, int maxLines, float left, float width, float baseline, Color color)
            throws IOException {
        List<String> wrapped = TextLines.wrap(font, size, value, width);
        while (wrapped.size() > maxLines && size > 6) {
            size -= 1;
            wrapped = TextLines.wrap(font, size, value, width);
        }
        float y = baseline;
        for (int i = 0; i < wrapped.size() && i < maxLines; i++) {
            if (i > 0) {
                y += size * 1.3f;
            }
            text(wrapped.get(i), size, left, y, color);
        }
        return y;
    }

    /** Dashed lines between the cards: where to cut; the paper's edges are the cards' outer edges. */
    private void cutLines() throws IOException {
        content.setStrokingColor(CUT_LINE);
        content.setLineWidth(0.5f);
        content.setLineDashPattern(new float[] {4, 3}, 0);
        for (int column = 1; column < COLUMNS; column++) {
            content.moveTo(column * CARD_WIDTH, 0);
            content.lineTo(column * CARD_WIDTH, PAGE.getHeight());
        }
        for (int row = 1; row < ROWS; row++) {
            content.moveTo(0, y(row * CARD_HEIGHT));
            content.lineTo(PAGE.getWidth(), y(row * CARD_HEIGHT));
        }
        content.stroke();
        content.setLineDashPattern(new float[0], 0);
    }

    private float fit(String value, float size, float width) {
        return pen.fit(value, size, width);
    }

    private void text(String value, float size, float x, float baselineFromTop, Color color) throws IOException {
        pen.text(value, size, x, baselineFromTop, color);
    }

    private void fillRect(float x, float rectTop, float width, float height, Color color) throws IOException {
        pen.fillRect(x, rectTop, width, height, color);
    }

    private static float y(float fromTop) {
        return Pen.y(fromTop);
    }
}
