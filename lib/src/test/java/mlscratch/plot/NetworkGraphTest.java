package mlscratch.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlscratch.linalg.Matrix;

/// [Plot#network]: edges coloured by the sign of their weight and drawn wider the larger it is, read back
/// from the rendered PNG by hue (edges are translucent and antialiased, so exact colours are rare).
class NetworkGraphTest {
    @TempDir Path dir;

    /// Pixels whose hue is clearly tab:blue-ish (blue channel well above red) — positive edges.
    static int bluish(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) {
                int c = Pixels.rgb(img, x, y), r = c >> 16 & 0xff, b = c & 0xff;
                if (b - r > 40) n++;
            }
        return n;
    }

    /// Pixels whose hue is clearly tab:red-ish (red channel well above blue and green) — negative edges.
    static int reddish(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) {
                int c = Pixels.rgb(img, x, y), r = c >> 16 & 0xff, g = c >> 8 & 0xff, b = c & 0xff;
                if (r - b > 40 && r - g > 40) n++;
            }
        return n;
    }

    /// Legend swatches are drawn in both colours whatever the weights: count below the legend only.
    static BufferedImage belowLegend(BufferedImage img) { return img.getSubimage(0, 50, img.getWidth(), img.getHeight() - 50); }

    private BufferedImage roundTrip(Chart chart, String name) {
        var img = Pixels.read(chart.save(dir.resolve(name)));
        assertEquals(chart.width(), img.getWidth());
        assertEquals(chart.height(), img.getHeight());
        return img;
    }

    static Matrix filled(int rows, int cols, double v) {
        double[] a = new double[rows * cols];
        Arrays.fill(a, v);
        return Matrix.of(rows, cols, a);
    }

    @Test
    void positiveWeightsAreBlueAndNegativeWeightsRed() {
        // 2 → 3 → 1 with every weight +1: 6 + 3 = 9 blue edges, no red; negated: the reverse.
        var pos = List.of(filled(2, 3, 1), filled(3, 1, 1));
        var neg = List.of(filled(2, 3, -1), filled(3, 1, -1));
        var p = belowLegend(roundTrip(Plot.network(pos), "pos.png"));
        var n = belowLegend(roundTrip(Plot.network(neg), "neg.png"));
        assertTrue(bluish(p) > 2000, "blue edges: " + bluish(p));
        assertEquals(0, reddish(p), "no red without a negative weight");
        assertTrue(reddish(n) > 2000, "red edges: " + reddish(n));
        assertEquals(0, bluish(n), "no blue without a positive weight");
    }

    @Test
    void edgeWidthGrowsWithTheMagnitudeOfItsWeight() {
        // 2 → 1: node 0 (top) joins the output with w = +1, node 1 (bottom) with w = −0.1. The two edges are
        // mirror images, so their pixel areas compare their widths: stroke 5 px against 0.5 + 4.5·0.1 = 0.95 px,
        // and the faint one is also more transparent (opacity 0.37 against 1).
        var img = belowLegend(roundTrip(Plot.network(List.of(Matrix.of(2, 1, 1, -0.1))), "width.png"));
        int blue = bluish(img), red = reddish(img);
        assertTrue(red > 0, "the small negative edge is still drawn");
        assertTrue(blue > 4 * red, "blue (|w| = 1) " + blue + " vs red (|w| = 0.1) " + red);
    }

    @Test
    void scalingEveryWeightLeavesThePictureUnchanged() {
        // Widths are relative to the largest |w|: W and 10·W draw the same edges.
        var W = List.of(Matrix.of(2, 2, 0.3, -0.7, 1.0, 0.1), Matrix.of(2, 1, -0.5, 0.2));
        var W10 = W.stream().map(m -> m.scale(10)).toList();
        var a = Plot.network(W).toImage();
        var b = Plot.network(W10).toImage();
        for (int y = 0; y < a.getHeight(); y++)
            for (int x = 0; x < a.getWidth(); x++)
                if (a.getRGB(x, y) != b.getRGB(x, y)) throw new AssertionError("pixel (" + x + ", " + y + ") differs");
    }

    @Test
    void zeroWeightsDrawNoEdges() {
        var img = belowLegend(roundTrip(Plot.network(List.of(filled(3, 4, 0), filled(4, 2, 0))), "zero.png"));
        assertEquals(0, bluish(img));
        assertEquals(0, reddish(img));
        assertTrue(Pixels.ink(img) > 0.001, "the nodes are still drawn");
    }

    @Test
    void wideLayersShowTheirFirstAndLastNodes() {
        assertArrayEquals(new int[] {0, 1, 2}, NetworkGraph.shown(3));
        int[] s = NetworkGraph.shown(784);
        assertEquals(NetworkGraph.MAX_NODES, s.length);
        assertEquals(0, s[0]);
        assertEquals(7, s[7]);
        assertEquals(776, s[8]);
        assertEquals(783, s[15]);
        // 784 → 128 → 10 renders, and only the drawn edges set the width scale: a huge weight on a hidden
        // node (here input 100 → hidden 0) does not thin out the rest.
        double[] w1 = new double[784 * 128];
        Arrays.fill(w1, 0.01);
        w1[100 * 128] = 1000;
        var graph = (NetworkGraph) Plot.network(List.of(Matrix.of(784, 128, w1), filled(128, 10, -0.02))).body();
        assertEquals(0.02, graph.maxAbs(), 0);
        var img = belowLegend(Plot.network(List.of(Matrix.of(784, 128, w1), filled(128, 10, -0.02))).toImage());
        assertTrue(bluish(img) > 1000 && reddish(img) > 1000, "both layers' edges are visible");
    }

    @Test
    void textSummarisesEachLayer() {
        var chart = Plot.network(List.of(Matrix.of(2, 3, 1, -1, 0.5, -0.2, 2, 1), Matrix.of(3, 1, 0, 4, -3))).withTitle("tiny");
        String text = chart.toText();
        assertTrue(text.startsWith("tiny\nnetwork 2 → 3 → 1: 2 weight matrices, 9 weights\n"), text);
        // W1 = [[1, −1, 0.5], [−0.2, 2, 1]]: max|w| 2, mean|w| 5.7/6 = 0.95, 4 positive, 2 negative.
        assertTrue(text.contains("W1   2×3        max|w| 2.000    mean|w| 0.9500   + 4  − 2"), text);
        // W2 = [0, 4, −3]: the zero counts as neither.
        assertTrue(text.contains("+ 1  − 1"), text);
        assertEquals("Chart[network 2 → 3 → 1: 2 weight matrices, 9 weights | title \"tiny\" | 800×600]", chart.toString());
    }

    @Test
    void badWeightsFailWithTheShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plot.network(List.of(filled(2, 4, 1), filled(5, 1, 1))));
        assertEquals("network: weights[1] is 5×1 but weights[0] is 2×4 (each matrix's rows must equal the previous one's columns)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plot.network(List.of()));
        var nan = assertThrows(IllegalArgumentException.class,
                () -> Plot.network(List.of(filled(2, 2, 1), Matrix.of(2, 1, 1, Double.NaN))));
        assertEquals("network: weights[1][1][0] is NaN", nan.getMessage());
    }
}
