package jp.moshisapo.facility.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;

/**
 * The modules of a QR code (ZXing), without the quiet zone; PNG, SVG and the poster each draw it their own way.
 * Error correction M (15 % of the symbol may be lost): the short check-in URL still gives a small symbol that
 * phones read from a distance, with room for a smudged or torn poster.
 */
public final class QrMatrix {

    /** The white border a reader needs around the symbol, in modules (the standard asks for 4). */
    public static final int QUIET_ZONE = 4;

    private final boolean[][] dark;

    private QrMatrix(boolean[][] dark) {
        this.dark = dark;
    }

    public static QrMatrix encode(String content) {
        try {
            ByteMatrix matrix = Encoder.encode(content, ErrorCorrectionLevel.M,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix();
            boolean[][] dark = new boolean[matrix.getHeight()][matrix.getWidth()];
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    dark[y][x] = matrix.get(x, y) == 1;
                }
            }
            return new QrMatrix(dark);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for " + content, e);
        }
    }

    /** Modules per side (without the quiet zone). */
    public int size() {
        return dark.length;
    }

    public boolean dark(int x, int y) {
        return dark[y][x];
    }

    /** Visits each horizontal run of dark modules once: far fewer shapes than one per module. */
    public void forEachRun(RunConsumer consumer) {
        for (int y = 0; y < dark.length; y++) {
            int x = 0;
            while (x < dark.length) {
                if (!dark[y][x]) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < dark.length && dark[y][x]) {
                    x++;
                }
                consumer.run(start, y, x - start);
            }
        }
    }

    /** Receives one run: {@code length} dark modules starting at column {@code x} of row {@code y}. */
    @FunctionalInterface
    public interface RunConsumer {
        void run(int x, int y, int length);
    }
}
