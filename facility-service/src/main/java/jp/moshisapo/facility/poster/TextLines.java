package jp.moshisapo.facility.poster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Japanese line breaking for the poster: a line may break between any two characters except before closing
 * marks and small kana (禁則), and a run of Latin letters or digits is kept whole when it fits on a line.
 */
final class TextLines {

    private static final String NO_LINE_START = "、。，．,.・：:；;？?！!」』）)】〕〉》ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々";
    private static final String NO_LINE_END = "「『（(【〔〈《";

    private TextLines() {
    }

    static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits {@code text} into lines no wider than {@code maxWidth}. */
    static List<String> wrap(PDFont font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        int[] points = text.codePoints().toArray();
        int start = 0;
        while (start < points.length) {
            int end = start;
            float width = 0;
            while (end < points.length) {
                float next = width(font, size, new String(points, end, 1));
                if (width + next > maxWidth && end > start) {
                    break;
                }
                width += next;
                end++;
            }
            if (end < points.length) {
                end = adjustBreak(points, start, end);
            }
            lines.add(new String(points, start, end - start).strip());
            start = end;
            while (start < points.length && points[start] == ' ') {
                start++;
            }
        }
        return lines;
    }

    private static int adjustBreak(int[] points, int start, int end) {
        int candidate = end;
        // Keep a Latin word or number together when it started on this line.
        while (candidate > start + 1 && isWordChar(points[candidate - 1]) && isWordChar(points[candidate])) {
            candidate--;
        }
        if (candidate == start + 1 && isWordChar(points[start])) {
            candidate = end; // a single word longer than the line: break it
        }
        // 禁則: pull a closing mark or small kana back onto this line's end by breaking one earlier.
        while (candidate > start + 1 && (NO_LINE_START.indexOf(points[candidate]) >= 0
                || NO_LINE_END.indexOf(points[candidate - 1]) >= 0)) {
            candidate--;
        }
        return candidate;
    }

    private static boolean isWordChar(int codePoint) {
        return codePoint < 0x80 && Character.isLetterOrDigit(codePoint);
    }
}
