package jp.moshisapo.facility.poster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Japanese TrueType font shipped in {@code resources/fonts} (IPAexGothic, IPA Font License). Each document
 * gets it with {@code PDType0Font.load(…, embedSubset = true)}, so a poster carries only the glyphs it prints
 * (tens of KB, not 6 MB).
 *
 * <p>The file is read once. Parsing it (its character maps cover ~20,000 characters) took 6–9 ms per document,
 * most of a poster's cost, so parsed fonts are kept in a small pool: a document borrows one for its lifetime and
 * returns it, so no parsed font is ever used by two threads at once (PDFBox fonts are not thread-safe).
 */
public final class PosterFont {

    public static final String RESOURCE = "/fonts/ipaexg.ttf";
    /** Enough for the worker threads that render at the same time on a small node; extra ones parse their own. */
    private static final int POOL_SIZE = 4;

    private final byte[] bytes;
    private final BlockingQueue<TrueTypeFont> pool = new ArrayBlockingQueue<>(POOL_SIZE);

    private PosterFont(byte[] bytes) {
        this.bytes = bytes;
    }

    public static PosterFont load() {
        try (InputStream in = PosterFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font " + RESOURCE + " is missing from the classpath");
            }
            return new PosterFont(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Borrows a parsed font for one document; close the lease after the document is saved and closed. */
    Lease lease() {
        TrueTypeFont font = pool.poll();
        if (font == null) {
            try {
                font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse " + RESOURCE, e);
            }
        }
        return new Lease(font);
    }

    /** One document's use of a parsed font. */
    final class Lease implements AutoCloseable {

        private final TrueTypeFont font;

        private Lease(TrueTypeFont font) {
            this.font = font;
        }

        /** Loads the font into {@code document} as a subset to embed. */
        PDType0Font loadInto(PDDocument document) throws IOException {
            return PDType0Font.load(document, font, true);
        }

        @Override
        public void close() {
            if (!pool.offer(font)) {
                try {
                    font.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
