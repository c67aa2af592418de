package jp.moshisapo.facility.poster;

import static jp.moshisapo.facility.poster.PosterRenderer.BOX;
import static jp.moshisapo.facility.poster.PosterRenderer.DARK_GREEN;
import static jp.moshisapo.facility.poster.PosterRenderer.LINE_GREEN;
import static jp.moshisapo.facility.poster.PosterRenderer.MARGIN;
import static jp.moshisapo.facility.poster.PosterRenderer.PAGE;
import static jp.moshisapo.facility.poster.PosterRenderer.QR_SIDE;
import static jp.moshisapo.facility.poster.PosterRenderer.STRESS;
import static jp.moshisapo.facility.poster.PosterRenderer.TEXT;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import jp.moshisapo.facility.qr.QrMatrix;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/** Draws one poster page top to bottom; {@code top} is the distance from the page's top edge. */
final class PosterPage {

    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float HEADER_HEIGHT = 80;

    private final PDPageContentStream content;
    private final PDType0Font font;
    private final PosterWording wording;
    private final Pen pen;
    private float top;

    PosterPage(PDPageContentStream content, PDType0Font font, PosterWording wording) {
        this.content = content;
        this.font = font;
        this.wording = wording;
        this.pen = new Pen(content, font);
    }

    void draw(Poster poster, QrMatrix qr) throws IOException {
        header();
        top = HEADER_HEIGHT + 34;
        centered(wording.serviceTagline(), 14, TEXT);
        top += 44;
        centered(wording.serviceName(), fit(wording.serviceName(), 38, WIDTH), DARK_GREEN);
        top += 26;
        paragraph(wording.explanation(), 10.5f, 16, MARGIN, WIDTH, TEXT);
        top += 12;
        venue(printable(poster.facilityName()), printable(poster.room()));
        top += 28;
        centered(wording.scanHere(), 17, DARK_GREEN);
        top += 6;
        qr(qr);
        top += 28;
        centered(poster.code().display(), 26, TEXT);
        top += 28;
        everyVisit();
        top += 16;
        boxes();
        footer();
    }

    private void header() throws IOException {
        fillRect(0, 0, PAGE.getWidth(), HEADER_HEIGHT, LINE_GREEN);
        top = 30;
        centered(wording.accountLabel(), 13, Color.WHITE);
        top = 62;
        centered(wording.accountName(), fit(wording.accountName(), 21, WIDTH), Color.WHITE);
    }

    /** The venue and room in a framed box, with the issuing office on the right. */
    private void venue(String name, String room) throws IOException {
        float nameSize = 24;
        List<String> nameLines = TextLines.wrap(font, nameSize, name, WIDTH - 24);
        while (nameLines.size() > 2 && nameSize > 12) {
            nameSize -= 2;
            nameLines = TextLines.wrap(font, nameSize, name, WIDTH - 24);
        }
        float roomSize = fit(room, 17, WIDTH - 24);
        float height = 14 + nameLines.size() * (nameSize * 1.3f) + roomSize * 1.4f + 20;
        content.setStrokingColor(LINE_GREEN);
        content.setLineWidth(2);
        content.addRect(MARGIN, y(top + height), WIDTH, height);
        content.stroke();
        float boxTop = top;
        top += 8;
        for (String line : nameLines) {
            top += nameSize * 1.3f;
            centered(line, nameSize, TEXT);
        }
        top += roomSize * 1.4f;
        centered(room, roomSize, TEXT);
        text(wording.issuer(), 8.5f, MARGIN + WIDTH - 8 - TextLines.width(font, 8.5f, wording.issuer()),
                boxTop + height - 6, TEXT);
        top = boxTop + height;
    }

    private void qr(QrMatrix qr) throws IOException {
        pen.qr(qr, (PAGE.getWidth() - QR_SIDE) / 2, top, QR_SIDE);
        top += QR_SIDE;
    }

    /** 「同じ場所であっても訪問するたびに読み取ってください。」 with the seed's emphasis on 訪問するたびに. */
    private void everyVisit() throws IOException {
        float size = 15;
        String before = wording.scanEveryVisitBefore();
        String stress = wording.scanEveryVisitStress();
        String after = wording.scanEveryVisitAfter();
        float total = TextLines.width(font, size, before + stress + after);
        float x = (PAGE.getWidth() - total) / 2;
        text(before, size, x, top, TEXT);
        x += TextLines.width(font, size, before);
        // IPAexGothic has no bold face and the seed sets these words in bold: fill and stroke the glyphs.
        content.setRenderingMode(RenderingMode.FILL_STROKE);
        content.setStrokingColor(STRESS);
        content.setLineWidth(0.6f);
        text(stress, size, x, top, STRESS);
        content.setRenderingMode(RenderingMode.FILL);
        x += TextLines.width(font, size, stress);
        text(after, size, x, top, TEXT);
    }

    /** 「QRコード読み取り」 (how to scan with LINE) and 「県からお知らせ」 side by side. */
    private void boxes() throws IOException {
        float gap = 12;
        float boxWidth = (WIDTH - gap) / 2;
        float height = 138;
        float left = MARGIN;
        float right = MARGIN + boxWidth + gap;
        fillRect(left, top, boxWidth, height, BOX);
        fillRect(right, top, boxWidth, height, BOX);
        float boxTop = top;

        top = boxTop + 18;
        text(wording.howToTitle(), 12, left + 10, top, DARK_GREEN);
        top += 8;
        paragraph(wording.howToLead(), 9, 13, left + 10, boxWidth - 20, TEXT);
        paragraph(wording.howToExample(), 9, 13, left + 10, boxWidth - 20, TEXT);
        paragraph(wording.howToStep1(), 9, 13, left + 10, boxWidth - 20, TEXT);
        paragraph(wording.howToStep2(), 9, 13, left + 10, boxWidth - 20, TEXT);

        top = boxTop + 18;
        text(wording.noticeTitle(), 12, right + 10, top, DARK_GREEN);
        top += 8;
        paragraph(wording.noticeLead(), 9, 13, right + 10, boxWidth - 20, TEXT);
        paragraph(wording.noticeSampleTitle(), 8, 11.5f, right + 10, boxWidth - 20, TEXT);
        paragraph(wording.noticeSample(), 8, 11.5f, right + 10, boxWidth - 20, TEXT);
        top = boxTop + height;
    }

    private void footer() throws IOException {
        float bottom = PAGE.getHeight() - MARGIN + 10;
        text(wording.trademark(), 8, MARGIN, bottom, TEXT);
        List<String> contact = TextLines.wrap(font, 9, wording.contact(), WIDTH);
        float lineTop = bottom - 14 - (contact.size() - 1) * 13;
        for (String line : contact) {
            text(line, 9, MARGIN, lineTop, TEXT);
            lineTop += 13;
        }
    }

    private void paragraph(String text, float size, float leading, float left, float width, Color color)
            throws IOException {
        for (String line : TextLines.wrap(font, size, text, width)) {
            top += leading;
            text(line, size, left, top, color);
        }
    }

    private void centered(String text, float size, Color color) throws IOException {
        text(text, size, (PAGE.getWidth() - TextLines.width(font, size, text)) / 2, top, color);
    }

    /** Poster text is never set below 8 pt: the fallback for what does not fit is wrapping, not shrinking. */
    private float fit(String text, float size, float width) {
        return Math.max(8, pen.fit(text, size, width));
    }

    private void text(String text, float size, float x, float baselineFromTop, Color color) throws IOException {
        pen.text(text, size, x, baselineFromTop, color);
    }

    private void fillRect(float x, float rectTop, float width, float height, Color color) throws IOException {
        pen.fillRect(x, rectTop, width, height, color);
    }

    private static float y(float fromTop) {
        return Pen.y(fromTop);
    }

    private String printable(String text) {
        return pen.printable(text);
    }
}
