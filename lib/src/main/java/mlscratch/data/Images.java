package mlscratch.data;

import java.awt.AWTError;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Colour images as data: a picture is an `n_pixels × 3` matrix of red, green and blue in [0, 1], one
/// pixel per row, read row by row from the top left — the shape clustering wants (each pixel a point
/// in the RGB cube). Reading and writing go through the JDK's `javax.imageio` (PNG, JPEG, GIF, BMP).
/// ```
/// var pic = Images.photo();                          // the bundled 256×171 photograph
/// var km  = KMeans.fit(pic.pixels(), 8);             // 8 colours
/// var q   = pic.recolour(km.predict(pic.pixels()), km.centroids());   // each pixel → its centroid's colour
/// Images.beside(pic, q, Images.palette(km.centroids(), 24)).show();
/// q.save(Path.of("out/china-8-colours.png"));
/// ```
/// Pixel i is at column `i % width`, row `i / width`; channel values are the 8-bit ones divided by 255,
/// and written back rounded to the nearest of the 256 levels.
public final class Images {
    private Images() {}

    /// A colour picture: `width × height` pixels, `pixels` holding one (r, g, b) row per pixel in [0, 1].
    /// The canonical constructor is public: any n×3 matrix with values in [0, 1] is a picture.
    public record Picture(int width, int height, Matrix pixels) {
        public Picture {
            String where = "Picture";
            Check.positive(where, "width", width);
            Check.positive(where, "height", height);
            Check.notNull(where, "pixels", pixels).requireFinite(where, "pixels");
            Check.that(pixels.cols() == 3, where, "pixels is %s but needs 3 columns (red, green, blue)", pixels.shape());
            Check.that((long) width * height == pixels.rows(), where, "pixels has %d rows but a %d×%d picture has %d pixels",
                    pixels.rows(), width, height, (long) width * height);
            double lo = pixels.min(), hi = pixels.max();
            Check.that(lo >= 0 && hi <= 1, where, "pixel values must be in [0, 1], got values from %s to %s", lo, hi);
        }

        /// The number of pixels, width · height.
        public int size() { return width * height; }

        /// The same size with other pixels (e.g. the clustered ones), clamped to [0, 1].
        public Picture withPixels(Matrix newPixels) {
            Check.notNull("withPixels", "pixels", newPixels);
            return new Picture(width, height, newPixels.map(v -> Math.min(1, Math.max(0, v))));
        }

        /// Each pixel replaced by row `labels[i]` of `palette` (k×3): the picture drawn with k colours.
        /// ```
        /// pic.recolour(km.predict(pic.pixels()), km.centroids())
        /// ```
        public Picture recolour(Vector labels, Matrix palette) {
            String where = "recolour";
            Check.notNull(where, "labels", labels);
            Check.notNull(where, "palette", palette);
            Check.that(labels.size() == size(), where, "labels has %d entries but the picture has %d pixels", labels.size(), size());
            Check.that(palette.cols() == 3, where, "palette is %s but needs 3 columns (red, green, blue)", palette.shape());
            int[] z = labels.toClassIndices(where, "labels", palette.rows());
            return withPixels(palette.selectRows(z));
        }

        /// A copy scaled to `newWidth` pixels wide, the height in proportion (area averaging when shrinking).
        public Picture scaled(int newWidth) {
            Check.inRange("scaled", "newWidth", newWidth, 1, 8192);
            int newHeight = Math.max(1, (int) Math.round((double) height * newWidth / width));
            var img = new BufferedImage(newWidth, newHeight, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(toImage().getScaledInstance(newWidth, newHeight, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
            g.dispose();
            return fromImage(img);
        }

        /// The picture as a JDK image (`TYPE_INT_RGB`), e.g. to add to an `Animation`.
        public BufferedImage toImage() {
            var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            double[] p = pixels.toArray();
            for (int i = 0; i < size(); i++) {
                int r = level(p[3 * i]), g = level(p[3 * i + 1]), b = level(p[3 * i + 2]);
                img.setRGB(i % width, i / width, r << 16 | g << 8 | b);
            }
            return img;
        }

        /// Writes the picture as PNG (lossless; the file name must end in `.png`), creating missing
        /// folders; returns the path.
        public Path save(Path file) {
            Check.notNull("save", "file", file);
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            Check.that(name.toLowerCase(Locale.ROOT).endsWith(".png"), "save", "'file' must end in .png, got %s", file);
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                ImageIO.write(toImage(), "png", file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("save: cannot write " + file + ": " + e.getMessage(), e);
            }
            return file;
        }

        /// [#save(Path)] with the path as a string.
        public Path save(String file) { return save(Path.of(Check.notNull("save", "file", file))); }

        /// Shows the picture in a window when there is a display, otherwise writes it as
        /// `out/image-NNN-<title>.png` (the folder named by the system property `mlscratch.plot.dir`, as
        /// for charts) and prints the path. Returns at once.
        public void show(String title) {
            Check.notNull("show", "title", title);
            if (screen()) {
                try {
                    var frame = new javax.swing.JFrame(title.isEmpty() ? "mlscratch picture" : title);
                    frame.setDefaultCloseOperation(javax.swing.WindowConstants.DISPOSE_ON_CLOSE);
                    frame.setContentPane(new javax.swing.JLabel(new javax.swing.ImageIcon(toImage())));
                    frame.pack();
                    javax.swing.SwingUtilities.invokeLater(() -> {
                        frame.setLocationRelativeTo(null);
                        frame.setVisible(true);
                    });
                    return;
                } catch (HeadlessException | AWTError e) {
                    // no usable display after all: fall through to a file
                }
            }
            Path dir = Path.of(System.getProperty("mlscratch.plot.dir", "out"));
            String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            Path file;
            do {
                file = dir.resolve(String.format(Locale.ROOT, "image-%03d%s.png", SHOWN.incrementAndGet(), slug.isEmpty() ? "" : "-" + slug));
            } while (Files.exists(file));
            save(file);
            System.out.println("saved " + file + " (no display)");
        }

        /// [#show(String)] without a title.
        public void show() { show(""); }

        @Override public String toString() {
            return String.format(Locale.ROOT, "Picture(%d×%d, %d pixels × rgb in [0, 1])", width, height, size());
        }
    }

    private static final AtomicInteger SHOWN = new AtomicInteger();

    /// Reads an image file (PNG, JPEG, GIF, BMP: whatever `ImageIO` reads).
    /// ```
    /// var pic = Images.load(Path.of("holiday.jpg"));
    /// ```
    public static Picture load(Path file) {
        Check.notNull("Images.load", "file", file);
        if (!Files.isRegularFile(file)) throw Check.fail("Images.load", "no such file: " + file.toAbsolutePath());
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) throw Check.fail("Images.load", file + " is not an image format ImageIO can read (PNG, JPEG, GIF, BMP)");
            return fromImage(img);
        } catch (IOException e) {
            throw new UncheckedIOException("Images.load: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /// [#load(Path)] with the path as a string.
    public static Picture load(String file) { return load(Path.of(Check.notNull("Images.load", "file", file))); }

    /// The bundled photograph: a Chinese temple tower above a lake, 256×171 pixels — scikit-learn's
    /// `china.jpg` downscaled, by Flickr user danielbuechele, CC BY 2.0 (source and licence in
    /// `mlscratch/data/NOTICE.md`).
    public static Picture photo() {
        try (InputStream in = Images.class.getResourceAsStream("china-256.jpg")) {
            if (in == null) throw new IOException("resource mlscratch/data/china-256.jpg is missing from the class path");
            return fromImage(ImageIO.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Images.photo: " + e.getMessage(), e);
        }
    }

    /// A JDK image as a picture (alpha ignored).
    public static Picture fromImage(BufferedImage img) {
        Check.notNull("fromImage", "img", img);
        int w = img.getWidth(), h = img.getHeight();
        double[] p = new double[w * h * 3];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y), i = y * w + x;
                p[3 * i] = (rgb >> 16 & 0xff) / 255.0;                   // red
                p[3 * i + 1] = (rgb >> 8 & 0xff) / 255.0;                // green
                p[3 * i + 2] = (rgb & 0xff) / 255.0;                     // blue
            }
        return new Picture(w, h, Matrix.wrap(w * h, 3, p));
    }

    /// The colours of `palette` (k×3, rows in [0, 1]) as a column of `swatch × swatch` squares, one per
    /// row, top to bottom.
    /// ```
    /// Images.palette(km.centroids(), 24).show();
    /// ```
    public static Picture palette(Matrix palette, int swatch) {
        Check.notNull("palette", "palette", palette);
        Check.inRange("palette", "swatch", swatch, 1, 1024);
        Check.that(palette.cols() == 3 && palette.rows() >= 1, "palette", "palette is %s but needs k ≥ 1 rows of 3 columns (red, green, blue)",
                palette.shape());
        int k = palette.rows();
        double[] p = new double[swatch * swatch * k * 3];
        for (int i = 0; i < swatch * swatch * k; i++) {
            int colour = i / (swatch * swatch);                          // rows of swatch·swatch pixels per colour
            for (int c = 0; c < 3; c++) p[3 * i + c] = Math.min(1, Math.max(0, palette.get(colour, c)));
        }
        return new Picture(swatch, swatch * k, Matrix.wrap(swatch * swatch * k, 3, p));
    }

    /// Pictures side by side, left to right, top-aligned, 8 white pixels apart, on white.
    /// ```
    /// Images.beside(original, kmeans8, Images.palette(km.centroids(), 20)).show("8 colours");
    /// ```
    public static Picture beside(Picture... pictures) {
        Check.notNull("beside", "pictures", pictures);
        Check.that(pictures.length >= 1, "beside", "no pictures given");
        final int gap = 8;
        int w = -gap, h = 0;
        for (int i = 0; i < pictures.length; i++) {
            Check.notNull("beside", "pictures[" + i + "]", pictures[i]);
            w += pictures[i].width() + gap;
            h = Math.max(h, pictures[i].height());
        }
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int x = 0;
        for (Picture p : pictures) {
            g.drawImage(p.toImage(), x, 0, null);
            x += p.width() + gap;
        }
        g.dispose();
        return fromImage(img);
    }

    private static int level(double v) { return (int) Math.round(Math.min(1, Math.max(0, v)) * 255); }

    /// Whether a window can open. Runs the plot package's one-time X11 check first (it switches Java to
    /// headless mode when `DISPLAY` names no reachable server, so that no AWT call fails for the rest of
    /// the session); `mlscratch.headless=true` (tests, tutorials run headless) always writes files.
    private static boolean screen() {
        if (Boolean.getBoolean("mlscratch.headless")) return false;
        try {
            Class.forName("mlscratch.plot.Display");
        } catch (ClassNotFoundException e) {
            // no plot package: Java decides alone
        }
        return !GraphicsEnvironment.isHeadless();
    }
}
