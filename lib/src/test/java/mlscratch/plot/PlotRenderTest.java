package mlscratch.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Every kind of chart, rendered headless to a PNG and read back.
class PlotRenderTest {
    @TempDir Path dir;

    /// Three blobs of 30 points, labels 0, 1, 2.
    static final Matrix BLOBS;
    static final Vector BLOB_LABELS;

    static {
        var rng = mlscratch.linalg.Rng.of(7);
        double[] x = new double[90 * 2], y = new double[90];
        for (int i = 0; i < 90; i++) {
            y[i] = i % 3;
            x[2 * i] = rng.nextGaussian() * 0.5 + 3 * y[i];
            x[2 * i + 1] = rng.nextGaussian() * 0.5 + (y[i] == 1 ? 3 : 0);
        }
        BLOBS = Matrix.of(90, 2, x);
        BLOB_LABELS = Vector.of(y);
    }

    private BufferedImage roundTrip(Chart chart, String name) {
        Path file = chart.save(dir.resolve(name));
        BufferedImage img = Pixels.read(file);
        assertEquals(chart.width(), img.getWidth());
        assertEquals(chart.height(), img.getHeight());
        return img;
    }

    private static void assertNotBlank(BufferedImage img) {
        assertTrue(Pixels.distinctColours(img) > 20, "only " + Pixels.distinctColours(img) + " colours: a blank chart?");
        assertTrue(Pixels.ink(img) > 0.01, "almost all white: ink " + Pixels.ink(img));
    }

    @Test
    void scatterOfClassZeroPointsShowsOnlyTheClassZeroColour() {
        var X = Matrix.randn(20, 2, 1);
        var img = roundTrip(Plot.scatter(X, Vector.zeros(20)).withTitle("class 0"), "zero.png");
        assertNotBlank(img);
        assertEquals(800, img.getWidth());
        assertEquals(600, img.getHeight());
        assertTrue(Pixels.count(img, Colors.of(0)) > 20 * 20, "the dots are filled with tab:blue");
        assertEquals(0, Pixels.count(img, Colors.of(1)), "no class-1 colour without class-1 points");
    }

    @Test
    void scatterColoursEachClassWithItsPaletteColour() {
        var img = roundTrip(Plot.scatter(BLOBS, BLOB_LABELS, List.of("a", "b", "c")), "blobs.png");
        assertNotBlank(img);
        for (int k = 0; k < 3; k++) assertTrue(Pixels.count(img, Colors.of(k)) > 200, "class " + k + " colour missing");
        assertEquals(0, Pixels.count(img, Colors.of(3)));
    }

    @Test
    void plainScatterOfTwoVectorsUsesTheFirstColour() {
        var x = Vector.linspace(0, 6, 40);
        var img = roundTrip(Plot.scatter(x, x.map(Math::sin)), "sin.png");
        assertNotBlank(img);
        assertTrue(Pixels.count(img, Colors.of(0)) > 200);
    }

    /// `predict(X) = [x₀ > 0]` over points in the four corners of [−1, 1]²: the plot area is symmetric
    /// around x = 0, so class 0's pale colour fills the left half and class 1's the right half.
    @Test
    void decisionRegionsOfAThresholdPaintEachSideInItsClassColour() {
        var X = Matrix.of(new double[][] {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}});
        var y = Vector.of(0, 0, 1, 1);
        var calls = new AtomicInteger();
        var rows = new AtomicInteger();
        var chart = Plot.decisionRegions(G -> {
            calls.incrementAndGet();
            rows.set(G.rows());
            return G.col(0).map(v -> v > 0 ? 1 : 0);
        }, X, y);
        assertEquals(1, calls.get(), "the grid is predicted in one batched call");
        assertEquals(200 * 200, rows.get());

        var img = roundTrip(chart, "regions.png");
        assertNotBlank(img);
        int mid = img.getWidth() / 2;
        Color left = Colors.light(0), right = Colors.light(1);
        assertTrue(Pixels.countInColumns(img, left, 0, mid) > 50_000, "class 0 region on the left");
        assertTrue(Pixels.countInColumns(img, right, mid, img.getWidth()) > 50_000, "class 1 region on the right");
        assertEquals(0, Pixels.countInColumns(img, left, mid + 3, img.getWidth()), "no class 0 right of the threshold");
        assertEquals(0, Pixels.countInColumns(img, right, 0, mid - 3), "no class 1 left of the threshold");
        assertTrue(Pixels.count(img, Colors.of(0)) > 50 && Pixels.count(img, Colors.of(1)) > 50, "points in full colour");
    }

    @Test
    void decisionRegionGridCoversTheDataPaddedByFivePercent() {
        var X = Matrix.of(new double[][] {{0, 10}, {2, 30}});
        var chart = Plot.decisionRegions(G -> Vector.zeros(G.rows()), X, Vector.of(0, 0));
        var body = (RegionChart) chart.body();
        // x: [0, 2] widened by 0.05·2 = 0.1 each side; y: [10, 30] by 0.05·20 = 1
        assertEquals(-0.1, body.x0(), 1e-12);
        assertEquals(2.1, body.x1(), 1e-12);
        assertEquals(9, body.y0(), 1e-12);
        assertEquals(31, body.y1(), 1e-12);
    }

    @Test
    void decisionRegionsColourClassesLikeTheScatter() {
        var chart = Plot.decisionRegions(G -> G.col(0).map(v -> v < 1.5 ? 0 : v < 4.5 ? 1 : 2), BLOBS, BLOB_LABELS);
        var img = roundTrip(chart, "blob-regions.png");
        for (int k = 0; k < 3; k++) {
            assertTrue(Pixels.count(img, Colors.light(k)) > 10_000, "region " + k);
            assertTrue(Pixels.count(img, Colors.of(k)) > 100, "points and legend of class " + k);
        }
    }

    @Test
    void linesDrawEachSeriesInItsOwnColour() {
        var epoch = Vector.range(30);
        var chart = Plot.lines(Map.of("train", epoch.map(e -> Math.exp(-e / 8)), "val", epoch.map(e -> 0.2 + Math.exp(-e / 10))))
                .withLabels("epoch", "loss").withTitle("loss");
        var img = roundTrip(chart, "loss.png");
        assertNotBlank(img);
        assertTrue(Pixels.count(img, Colors.of(0)) > 300, "train (first alphabetically) in tab:blue");
        assertTrue(Pixels.count(img, Colors.of(1)) > 300, "val in tab:orange");
    }

    @Test
    void histogramBarsAreTabBlue() {
        var img = roundTrip(Plot.histogram(Vector.randn(500, 3), 12).withTitle("randn"), "hist.png");
        assertNotBlank(img);
        assertTrue(Pixels.count(img, Colors.of(0)) > 20_000);
    }

    @Test
    void confusionMatrixSpansTheWholeRamp() {
        var cm = Matrix.of(new double[][] {{50, 0, 0}, {0, 47, 3}, {0, 2, 48}});
        var img = roundTrip(Plot.confusionMatrix(cm, List.of("setosa", "versicolor", "virginica")), "cm.png");
        assertNotBlank(img);
        assertTrue(Pixels.count(img, Colors.ramp(1)) > 10_000, "the 50 cell is the darkest colour");
        assertTrue(Pixels.count(img, Colors.ramp(0)) > 10_000, "the 0 cells are the lightest");
        assertTrue(Pixels.count(img, Color.WHITE) > 0);
    }

    @Test
    void heatmapOfALargeMatrixRenders() {
        var img = roundTrip(Plot.heatmap(Matrix.random(30, 40, 5)).withTitle("random"), "heat.png");
        assertNotBlank(img);
        assertTrue(Pixels.distinctColours(img) > 100, "a ramp of many colours");
    }

    /// Two 4×4 images: the first with its left half at 1 (ink), the second all 0 (paper). The scale is
    /// round(96 / 4) = 24 screen pixels per image pixel.
    @Test
    void imageGridDrawsHighValuesDarkAtTheirPlace() {
        double[] px = new double[2 * 16];
        for (int p = 0; p < 16; p++) px[p] = p % 4 < 2 ? 1 : 0;
        var chart = Plot.images(Matrix.of(2, 16, px), 4, 4, 2, Vector.of(3, 7));
        var grid = (ImageGrid) chart.body();
        assertEquals(24, grid.scale());
        var img = roundTrip(chart, "images.png");
        int x0 = (img.getWidth() - grid.gridWidth()) / 2, y0 = ImageGrid.TITLE;
        assertEquals(0x000000, Pixels.rgb(img, x0 + 10, y0 + 50), "ink in the left half of image 0");
        assertEquals(0xffffff, Pixels.rgb(img, x0 + 80, y0 + 50), "paper in its right half");
        assertEquals(0xffffff, Pixels.rgb(img, x0 + 96 + ImageGrid.GAP + 10, y0 + 50), "image 1 is blank");
    }

    @Test
    void digitGridHasItsNaturalSize() {
        var chart = Plot.images(Matrix.random(20, 64, 1), 8, 8, 10);
        // 10 tiles of 8·12 = 96 px with 9 gaps of 6: 1014 px + 2·10 margin; 2 rows: 30 + 2·96 + 6 + 10
        assertEquals(1034, chart.width());
        assertEquals(238, chart.height());
        assertNotBlank(chart.toImage());
    }

    @Test
    void toImageHasTheRequestedSize() {
        for (var chart : List.of(Plot.scatter(BLOBS, BLOB_LABELS), Plot.line(Vector.of(1, 3, 2)),
                Plot.histogram(Vector.of(1, 2, 2, 3)), Plot.heatmap(Matrix.identity(3)),
                Plot.images(Matrix.random(3, 4, 1), 2, 2, 3))) {
            var img = chart.toImage(321, 123);
            assertEquals(321, img.getWidth(), chart.toString());
            assertEquals(123, img.getHeight(), chart.toString());
        }
    }

    @Test
    void degenerateDataStillRender() {
        assertNotBlank(Plot.line(Vector.of(5)).toImage());                       // one point
        assertNotBlank(Plot.line(Vector.full(10, 2)).toImage());                 // a constant
        assertNotBlank(Plot.scatter(Matrix.of(1, 2, 3, 4), Vector.of(1)).toImage());
        assertNotBlank(Plot.histogram(Vector.full(5, 1)).toImage());
        assertNotBlank(Plot.heatmap(Matrix.full(2, 2, 7)).toImage());
    }
}
