package mlscratch.plot;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Run by [PlotWindowTest] in a JVM with a display: opens a Smile chart window and an image-grid
/// window, waits until each is on screen, closes it, and checks `show()` opened a window instead of
/// writing a file. Prints `window ok` and exits 0 on success; any failure exits non-zero.
final class WindowProbe {
    private WindowProbe() {}

    public static void main(String[] args) throws Exception {
        if (GraphicsEnvironment.isHeadless()) throw new AssertionError("the probe needs a display");
        Path out = Files.createTempDirectory("plot-window");
        System.setProperty(Chart.OUT_DIR_PROPERTY, out.toString());
        var charts = List.of(
                Plot.scatter(Matrix.randn(50, 2, 1), Vector.zeros(50)).withTitle("window probe"),
                Plot.images(Matrix.random(4, 16, 1), 4, 4, 2).withTitle("images probe"));
        for (var chart : charts) {
            JFrame frame = chart.openWindow().orElseThrow();
            waitFor(frame, true);
            SwingUtilities.invokeAndWait(frame::dispose);
            waitFor(frame, false);
        }
        charts.getFirst().show();               // must open a window, not fall back to a file
        try (var files = Files.list(out)) {
            if (files.findAny().isPresent()) throw new AssertionError("show() wrote a file although there is a display");
        }
        for (var w : java.awt.Window.getWindows()) SwingUtilities.invokeAndWait(w::dispose);
        System.out.println("window ok");
        System.exit(0);
    }

    private static void waitFor(JFrame frame, boolean showing) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (frame.isShowing() == showing) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the window did not " + (showing ? "open" : "close") + " within 10 s");
    }
}
