package jp.moshisapo.facility.poster;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import jp.moshisapo.facility.qr.QrMatrix;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws the A4 poster of the seed's flyer, one page per code: the LINE account, the service, the explanation,
 * the venue and room, the QR code with the printed code under it, how to scan, and the contact. The QR is drawn
 * as vector rectangles, so it prints sharp at any size and costs a few hundred bytes.
 */
public final class PosterRenderer {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 40;
    static final float QR_SIDE = 210;

    static final Color LINE_GREEN = new Color(0x06, 0xC7, 0x55);
    static final Color DARK_GREEN = new Color(0x00, 0x7A, 0x3D);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color STRESS = new Color(0xD0, 0x1F, 0x1F);
    static final Color BOX = new Color(0xF2, 0xF7, 0xF3);

    private final PosterFont font;
    private final PosterWording wording;

    public PosterRenderer(PosterFont font, PosterWording wording) {
        this.font = font;
        this.wording = wording;
    }

    /** A one-page PDF. */
    public byte[] render(Poster poster) {
        return renderAll(List.of(poster), poster.facilityName() + " " + poster.room());
    }

    /** One PDF with a page per poster (a venue's posters, to print at once); the font is embedded once. */
    public byte[] renderAll(List<Poster> posters, String title) {
        return document(posters, title, " 掲示用QRコード", (content, pdfFont, poster) -> new PosterPage(content, pdfFont,
                wording).draw(poster.get(0), QrMatrix.encode(poster.get(0).qrContent())), 1);
    }

    /** A4 sheets of {@link TableCardSheet#PER_SHEET} table cards, one card per code, as many sheets as needed. */
    public byte[] renderTableCards(List<Poster> cards, String title) {
        return document(cards, title, " 卓上カード", (content, pdfFont, sheet) -> new TableCardSheet(content, pdfFont,
                wording).draw(sheet), TableCardSheet.PER_SHEET);
    }

    /** Draws one page's share of the items. */
    @FunctionalInterface
    private interface PageDrawer {
        void draw(PDPageContentStream content, PDType0Font font, List<Poster> items) throws IOException;
    }

    private byte[] document(List<Poster> items, String title, String subject, PageDrawer drawer, int perPage) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to render");
        }
        // The lease closes last: the font goes back to the pool only after the document is saved and closed.
        try (PosterFont.Lease lease = font.lease();
                PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PDType0Font pdfFont = lease.loadInto(document);
            for (int first = 0; first < items.size(); first += perPage) {
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    drawer.draw(content, pdfFont, items.subList(first, Math.min(first + perPage, items.size())));
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setSubject(wording.serviceName() + subject);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
