package jp.moshisapo.stack.richmenu;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the rich menu: one column per item with its label in the bundled IPAex Gothic (the posters' font), on the
 * account's green, so the menu needs no designer's file and changes with the items. PNG, LINE's compact size.
 */
public final class RichMenuImage {

    /** LINE's compact rich menu size (2500 x 843); the areas divide the width evenly. */
    public static final int WIDTH = 2500;
    public static final int HEIGHT = 843;
    private static final Color BACKGROUND = new Color(0x06, 0xc7, 0x55);
    private static final Color DIVIDER = new Color(0xff, 0xff, 0xff, 0x99);
    private static final int MARGIN = 48;

    private RichMenuImage() {
    }

    /** The PNG for these labels, left to right. */
    public static byte[] draw(List<String> labels, Path fontFile) {
        Font base = font(fontFile);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int column = WIDTH / labels.size();
            for (int i = 0; i < labels.size(); i++) {
                if (i > 0) {
                    g.setColor(DIVIDER);
                    g.fillRect(i * column - 2, MARGIN, 4, HEIGHT - 2 * MARGIN);
                }
                label(g, base, labels.get(i), i * column, column);
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /** Centred in its column; long labels break in two lines at the middle, and the size shrinks to fit. */
    private static void label(Graphics2D g, Font base, String label, int left, int width) {
        List<String> lines = label.length() > 7
                ? List.of(label.substring(0, (label.length() + 1) / 2), label.substring((label.length() + 1) / 2))
                : List.of(label);
        float size = 110f;
        FontMetrics metrics;
        do {
            g.setFont(base.deriveFont(Font.BOLD, size));
            metrics = g.getFontMetrics();
            size -= 4f;
        } while (lines.stream().mapToInt(metrics::stringWidth).max().orElse(0) > width - 2 * MARGIN && size > 20f);
        g.setColor(Color.WHITE);
        int lineHeight = metrics.getHeight();
        int top = (HEIGHT - lineHeight * lines.size()) / 2 + metrics.getAscent();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            g.drawString(line, left + (width - metrics.stringWidth(line)) / 2, top + i * lineHeight);
        }
    }

    private static Font font(Path fontFile) {
        try (InputStream in = Files.newInputStream(fontFile)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rich menu's font " + fontFile, e);
        } catch (FontFormatException e) {
            throw new IllegalArgumentException("not a TrueType font: " + fontFile, e);
        }
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
