package mlscratch.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;

import javax.imageio.ImageIO;

/// Reading rendered charts back: exact-colour counts, distinct colours, ink.
final class Pixels {
    private Pixels() {}

    static BufferedImage read(Path png) {
        try {
            BufferedImage img = ImageIO.read(png.toFile());
            if (img == null) throw new AssertionError("not an image: " + png);
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int rgb(BufferedImage img, int x, int y) { return img.getRGB(x, y) & 0xffffff; }

    /// Pixels exactly of colour `c`.
    static int count(BufferedImage img, Color c) {
        int want = c.getRGB() & 0xffffff, n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if (rgb(img, x, y) == want) n++;
        return n;
    }

    /// Pixels of colour `c` in columns `[x0, x1)`.
    static int countInColumns(BufferedImage img, Color c, int x0, int x1) {
        int want = c.getRGB() & 0xffffff, n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = x0; x < x1; x++) if (rgb(img, x, y) == want) n++;
        return n;
    }

    static int distinctColours(BufferedImage img) {
        var set = new HashSet<Integer>();
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) set.add(rgb(img, x, y));
        return set.size();
    }

    /// Share of pixels that are not pure white.
    static double ink(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if (rgb(img, x, y) != 0xffffff) n++;
        return (double) n / ((long) img.getWidth() * img.getHeight());
    }
}
