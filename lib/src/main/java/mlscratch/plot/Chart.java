package mlscratch.plot;

import java.awt.Color;
import java.awt.HeadlessException;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;
import javax.swing.ImageIcon;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import mlscratch.util.Check;

/// A finished plot: what to draw (made by a [Plot] factory) plus its title, axis labels and size.
/// Immutable: every `withX` returns a new chart, so one chart can be shown, saved and previewed in
/// any order, and a training loop can keep the charts it made.
///
/// ```
/// var chart = Plot.scatter(X, y).withTitle("iris").withLabels("petal length", "petal width");
/// chart.show();                          // a window, or out/plot-001-iris.png when there is no display
/// chart.save(Path.of("out/iris.png"));   // always a PNG file, display or not
/// chart.preview();                       // braille drawing in the terminal
/// BufferedImage img = chart.toImage(640, 480);
/// ```
public final class Chart {
    /// Title and axis labels as drawn (never null; empty means "none").
    record Decor(String title, String xLabel, String yLabel) {}

    /// Default pixel size of a saved or shown chart.
    static final int WIDTH = 800, HEIGHT = 600;
    /// Default character size of a terminal preview.
    static final int TEXT_COLS = 72, TEXT_ROWS = 20;
    /// System property naming the folder `show()` writes to when there is no display (default `out`).
    static final String OUT_DIR_PROPERTY = "mlscratch.plot.dir";

    private static final AtomicInteger SHOWN = new AtomicInteger();

    private final Body body;
    private final String title, xLabel, yLabel;
    private final int width, height;

    Chart(Body body) {
        this(body, "", body.xLabel(), body.yLabel(), body.width(), body.height());
    }

    private Chart(Body body, String title, String xLabel, String yLabel, int width, int height) {
        this.body = body;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.width = width;
        this.height = height;
    }

    // ───────────────────────────── decoration ─────────────────────────────

    /// The same chart with a title (`""` removes it).
    /// ```
    /// Plot.line(loss).withTitle("training loss")
    /// ```
    public Chart withTitle(String title) {
        return new Chart(body, Check.notNull("withTitle", "title", title), xLabel, yLabel, width, height);
    }

    /// The same chart with axis labels (`""` leaves an axis unlabelled).
    /// ```
    /// Plot.lines(Map.of("train", train, "val", val)).withLabels("epoch", "loss")
    /// ```
    public Chart withLabels(String x, String y) {
        return new Chart(body, title, Check.notNull("withLabels", "x", x), Check.notNull("withLabels", "y", y), width, height);
    }

    /// The same chart at another pixel size for [#show()], [#save(Path)] and [#toImage()]
    /// (default 800×600; an image grid defaults to its natural size).
    /// ```
    /// Plot.histogram(x, 30).withSize(1200, 400).save(Path.of("out/wide.png"))
    /// ```
    public Chart withSize(int width, int height) {
        Check.inRange("withSize", "width", width, 16, 10_000);
        Check.inRange("withSize", "height", height, 16, 10_000);
        return new Chart(body, title, xLabel, yLabel, width, height);
    }

    /// The title (`""` when there is none).
    public String title() { return title; }

    /// The label under the x axis (each factory sets a default, e.g. `X[:, 0]`, `epoch`, `predicted`).
    public String xLabel() { return xLabel; }

    /// The label beside the y axis.
    public String yLabel() { return yLabel; }

    /// Pixel width for [#show()], [#save(Path)] and [#toImage()].
    public int width() { return width; }

    /// Pixel height for [#show()], [#save(Path)] and [#toImage()].
    public int height() { return height; }

    Decor decor() { return new Decor(title, xLabel, yLabel); }

    Body body() { return body; }

    // ───────────────────────────── pixels ─────────────────────────────

    /// The chart drawn at its own size ([#withSize(int, int)]).
    public BufferedImage toImage() { return toImage(width, height); }

    /// The chart drawn into a new `width × height` RGB image (works headless).
    /// ```
    /// BufferedImage img = Plot.scatter(X, y).toImage(640, 480);
    /// ```
    public BufferedImage toImage(int width, int height) {
        Check.inRange("toImage", "width", width, 16, 10_000);
        Check.inRange("toImage", "height", height, 16, 10_000);
        Display.check();
        return body.render(decor(), width, height);
    }

    /// Writes the chart as a PNG at its own size, creating missing parent folders and replacing an
    /// existing file; returns the path. Works with or without a display. Only `.png` is accepted.
    /// ```
    /// Plot.line(loss).withTitle("loss").save(Path.of("out/loss.png"));   // out/loss.png
    /// ```
    public Path save(Path file) {
        Check.notNull("save", "file", file);
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".png"))
            throw Check.fail("save", "'file' must end in .png (charts are saved as PNG; use Gif.write or Animation for .gif), got " + file);
        writePng(toImage(), file);
        return file;
    }

    /// [#save(Path)] with the path as a string: `chart.save("out/iris.png")`.
    public Path save(String file) { return save(Path.of(Check.notNull("save", "file", file))); }

    static void writePng(BufferedImage img, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (!ImageIO.write(img, "png", file.toFile()))
                throw new IllegalStateException("save: the JDK has no PNG writer (ImageIO)");
        } catch (IOException e) {
            throw new UncheckedIOException("save: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /// Shows the chart: in a window when there is a display, otherwise as a PNG under `out/` (relative
    /// to the working folder; the system property `mlscratch.plot.dir` names another folder), printing
    /// `saved out/plot-003-iris.png (no display)`. Never throws [HeadlessException]. Returns at once;
    /// close the window when done (closing it does not end JShell).
    /// ```
    /// Plot.scatter(X, y).withTitle("iris").show();
    /// ```
    public void show() {
        if (Display.available()) {
            try {
                openWindow();
                return;
            } catch (HeadlessException | java.awt.AWTError e) {
                // no usable display after all (e.g. DISPLAY points nowhere): fall through to a file
            }
        }
        Path file = saveToOutDir();
        System.out.println("saved " + file + " (no display)");
    }

    /// The headless half of [#show()]: writes `<dir>/plot-NNN-<title>.png` and returns its path.
    Path saveToOutDir() {
        Path dir = Path.of(System.getProperty(OUT_DIR_PROPERTY, "out"));
        Path file;
        do {
            file = dir.resolve(fileName(SHOWN.incrementAndGet(), title));
        } while (Files.exists(file));
        writePng(toImage(), file);
        return file;
    }

    /// `plot-003-iris.png`: a counter, then the title in lower case with runs of other characters as `-`.
    static String fileName(int n, String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) slug = slug.substring(0, 40).replaceAll("-+$", "");
        return String.format(Locale.ROOT, "plot-%03d%s.png", n, slug.isEmpty() ? "" : "-" + slug);
    }

    /// Opens the chart in a window (package-private so a test with a display can close it again).
    Optional<JFrame> openWindow() {
        if (body instanceof SmileBody smile) {
            try {
                return Optional.of(smile.figure(decor()).show());   // Smile's window: zoom, save, print
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException("show: the plot window failed: " + e.getCause(), e.getCause());
            }
        }
        BufferedImage img = toImage();
        JFrame frame = new JFrame(title.isEmpty() ? "mlscratch plot" : title);
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.setContentPane(new JScrollPane(new JLabel(new ImageIcon(img))));
        frame.pack();
        SwingUtilities.invokeLater(() -> {
            frame.setLocationRelativeTo(null);
            frame.setVisible(true);
        });
        return Optional.of(frame);
    }

    // ───────────────────────────── terminal ─────────────────────────────

    /// A plain-text drawing, 72 characters wide and 20 high (plus axes, labels and legend):
    /// braille dots for scatter, line and decision-region charts, block bars for a histogram, a table
    /// for a heatmap.
    /// ```
    /// System.out.print(Plot.line(Vector.linspace(0, 1, 50)).toText());
    /// ```
    public String toText() { return toText(TEXT_COLS, TEXT_ROWS); }

    /// A plain-text drawing `cols` characters wide and `rows` high.
    public String toText(int cols, int rows) { return toText(cols, rows, false); }

    /// A text drawing; with `colour`, ANSI 24-bit colour escapes mark classes, series and regions.
    public String toText(int cols, int rows, boolean colour) {
        Check.inRange("toText", "cols", cols, 2, 1000);
        Check.inRange("toText", "rows", rows, 2, 500);
        return body.text(decor(), cols, rows, colour);
    }

    /// Prints [#toText()] — in colour when the output is a colour terminal (not with `NO_COLOR` set).
    /// ```
    /// Plot.lines(Map.of("train", train, "val", val)).preview();
    /// ```
    public void preview() { preview(colourTerminal()); }

    /// Prints the text drawing, in colour or not.
    public void preview(boolean colour) { System.out.print(toText(TEXT_COLS, TEXT_ROWS, colour)); }

    private static boolean colourTerminal() {
        var console = System.console();
        String term = System.getenv("TERM");
        return console != null && console.isTerminal() && System.getenv("NO_COLOR") == null
                && term != null && !term.equals("dumb");
    }

    /// `Chart[scatter: 150 points, 3 classes | title "iris" | 800×600]`.
    @Override public String toString() {
        return "Chart[" + body.describe() + (title.isEmpty() ? "" : " | title \"" + title + "\"")
                + " | " + width + "×" + height + "]";
    }

    // ───────────────────────────── shared rendering ─────────────────────────────

    /// Paints a Smile figure into a new RGB image, antialiased.
    static BufferedImage paint(smile.plot.swing.Figure figure, int width, int height) {
        var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            var renderer = new smile.plot.swing.Renderer(figure.projection(width, height));
            renderer.setGraphics(g);
            figure.paint(renderer);
        } finally {
            g.dispose();
        }
        return img;
    }

    /// `img` scaled to fit inside `width × height` (aspect kept, centred on white).
    static BufferedImage fit(BufferedImage img, int width, int height) {
        if (img.getWidth() == width && img.getHeight() == height) return img;
        double s = Math.min((double) width / img.getWidth(), (double) height / img.getHeight());
        int w = Math.max(1, (int) Math.round(img.getWidth() * s)), h = Math.max(1, (int) Math.round(img.getHeight() * s));
        var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, s >= 1
                    ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, (width - w) / 2, (height - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
