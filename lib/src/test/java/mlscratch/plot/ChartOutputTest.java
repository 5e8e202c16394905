package mlscratch.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Saving, showing without a display, and the immutability of charts.
class ChartOutputTest {
    @TempDir Path dir;

    @Test
    void saveCreatesMissingFoldersAndReplacesAnOldFile() throws Exception {
        Path file = dir.resolve("a/b/c/plot.png");
        var chart = Plot.line(Vector.of(1, 2, 3));
        assertEquals(file, chart.save(file));
        long first = Files.size(file);
        chart.withSize(200, 100).save(file);
        assertEquals(200, Pixels.read(file).getWidth(), "the second save replaced the first");
        assertTrue(first > 0);
    }

    @Test
    void saveRefusesOtherFormats() {
        var chart = Plot.line(Vector.of(1, 2, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> chart.save(dir.resolve("plot.jpg")));
        assertTrue(e.getMessage().startsWith("save: 'file' must end in .png"), e.getMessage());
        assertTrue(e.getMessage().endsWith("plot.jpg"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chart.save(dir.resolve("noext")));
        assertTrue(Files.notExists(dir.resolve("plot.jpg")));
    }

    @Test
    void showWithoutADisplayWritesAPngUnderTheOutFolderAndSaysSo() {
        assertTrue(GraphicsEnvironment.isHeadless(), "surefire runs with -Djava.awt.headless=true");
        Path out = dir.resolve("out");
        String oldDir = System.getProperty(Chart.OUT_DIR_PROPERTY);
        PrintStream oldOut = System.out;
        var captured = new ByteArrayOutputStream();
        try {
            System.setProperty(Chart.OUT_DIR_PROPERTY, out.toString());
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Plot.scatter(PlotRenderTest.BLOBS, PlotRenderTest.BLOB_LABELS).withTitle("Iris blobs").show();
            Plot.scatter(PlotRenderTest.BLOBS, PlotRenderTest.BLOB_LABELS).withTitle("Iris blobs").show();
        } finally {
            System.setOut(oldOut);
            if (oldDir == null) System.clearProperty(Chart.OUT_DIR_PROPERTY); else System.setProperty(Chart.OUT_DIR_PROPERTY, oldDir);
        }
        var lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            assertTrue(line.matches("saved .*plot-\\d{3}-iris-blobs\\.png \\(no display\\)"), line);
            Path file = Path.of(line.substring("saved ".length(), line.length() - " (no display)".length()));
            assertEquals(out, file.getParent());
            assertEquals(800, Pixels.read(file).getWidth());
        }
        assertTrue(!lines.get(0).equals(lines.get(1)), "each show gets its own file");
    }

    @Test
    void anXServerThatIsNotThereCountsAsNoDisplay() {
        assertTrue(!Display.reachable(":54321"), "no socket /tmp/.X11-unix/X54321");
        assertTrue(Display.reachable("not a display name"), "an unknown form is left to Java");
    }

    @Test
    void fileNamesCarryACounterAndTheTitle() {
        assertEquals("plot-003-iris.png", Chart.fileName(3, "iris"));
        assertEquals("plot-012-loss-train-val.png", Chart.fileName(12, "Loss: train / val!"));
        assertEquals("plot-001.png", Chart.fileName(1, ""));
        assertEquals("plot-001-l-w.png", Chart.fileName(1, "∂L/∂w"));
        assertEquals("plot-001.png", Chart.fileName(1, "∂ ∂"));
    }

    @Test
    void withMethodsReturnNewChartsAndLeaveTheOriginal() {
        var a = Plot.histogram(Vector.of(1, 2, 3));
        var b = a.withTitle("t").withLabels("x", "n").withSize(300, 200);
        assertEquals("", a.title());
        assertEquals("value", a.xLabel());
        assertEquals(800, a.width());
        assertEquals("t", b.title());
        assertEquals("n", b.yLabel());
        assertEquals(300, b.width());
        assertEquals(200, b.toImage().getHeight());
    }

    @Test
    void toStringSaysWhatTheChartShows() {
        assertEquals("Chart[scatter: 90 points, 3 classes | title \"iris\" | 800×600]",
                Plot.scatter(PlotRenderTest.BLOBS, PlotRenderTest.BLOB_LABELS).withTitle("iris").toString());
        assertEquals("Chart[histogram: 4 values in 2 bins | 800×600]", Plot.histogram(Vector.of(1, 2, 3, 4), 2).toString());
        assertEquals("Chart[confusion matrix: 2×2 | 800×600]", Plot.confusionMatrix(Matrix.identity(2)).toString());
    }

    @Test
    void linesKeepTheOrderOfAnOrderedMapAndSortOthers() {
        var ordered = new java.util.LinkedHashMap<String, Vector>();
        ordered.put("val", Vector.of(1, 2));
        ordered.put("train", Vector.of(3, 4));
        var kept = (LineChart) Plot.lines(ordered).body();
        assertEquals(List.of("val", "train"), kept.series().stream().map(LineChart.Series::name).toList());
        var sorted = (LineChart) Plot.lines(java.util.Map.of("val", Vector.of(1, 2), "train", Vector.of(3, 4))).body();
        assertEquals(List.of("train", "val"), sorted.series().stream().map(LineChart.Series::name).toList());
    }
}
