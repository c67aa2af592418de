package jp.moshisapo.facility.support;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a poster the way a person and a phone do: the text on the page and the QR code in the rendered image. */
public final class PdfReading {

    private PdfReading() {
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of one page (0-based), as PDFTextStripper extracts it. */
    public static String text(byte[] pdf, int page) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page + 1);
            stripper.setEndPage(page + 1);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text without any whitespace, so a sentence wrapped over lines can be found whole. */
    public static String flatText(byte[] pdf, int page) {
        return text(pdf, page).replaceAll("[\\s\\u3000]+", "");
    }

    /** Decodes the QR code of a whole page (see {@link #qrContent(byte[], int, UnaryOperator)}). */
    public static String qrContent(byte[] pdf, int page) {
        return qrContent(pdf, page, UnaryOperator.identity());
    }

    /**
     * Decodes the QR code in the part of a page that {@code framing} cuts out of it, as a phone does: frame after
     * frame while it moves closer or away, so the page is rendered at 150 dpi and, if that frame does not read, at
     * {@link #SCANNING_DPI the other resolutions} in turn. zxing's detector misses about one printed code in a
     * thousand at any single resolution (a table card that reads at 100, 120, 200 and 300 dpi but not at 150); none
     * of those missed at every resolution.
     */
    public static String qrContent(byte[] pdf, int page, UnaryOperator<BufferedImage> framing) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int dpi : SCANNING_DPI) {
                Optional<String> read = read(framing.apply(renderer.renderImageWithDPI(page, dpi)));
                if (read.isPresent()) {
                    return read.get();
                }
            }
            throw new AssertionError("no QR code found on page " + page + " at " + Arrays.toString(SCANNING_DPI)
                    + " dpi");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolutions the page is read at, first the one the samples under {@code target/posters} are written at. */
    private static final int[] SCANNING_DPI = {150, 200, 120, 300};

    /**
     * Decodes the QR code in an image as phone scanners do: with a local-contrast threshold first and, when the text
     * around the code confuses that, with a whole-image threshold (one A4 poster in about a thousand needs the second).
     */
    public static String decode(BufferedImage image) {
        return read(image).orElseThrow(() -> new AssertionError("no QR code found in the image"));
    }

    private static Optional<String> read(BufferedImage image) {
        var source = new BufferedImageLuminanceSource(image);
        Map<DecodeHintType, Object> hints = Map.of(
                DecodeHintType.TRY_HARDER, Boolean.TRUE,
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        for (Binarizer binarizer : List.of(new HybridBinarizer(source), new GlobalHistogramBinarizer(source))) {
            try {
                return Optional.of(new MultiFormatReader().decode(new BinaryBitmap(binarizer), hints).getText());
            } catch (NotFoundException e) {
                // try the next threshold
            }
        }
        return Optional.empty();
    }

    /** The names of the fonts embedded in the page (a subset's name starts with a 6-letter tag and '+'). */
    public static java.util.List<String> fontNames(byte[] pdf, int page) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(page).getResources();
            java.util.List<String> names = new java.util.ArrayList<>();
            for (var name : resources.getFontNames()) {
                names.add(resources.getFont(name).getName());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
