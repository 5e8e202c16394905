package mlscratch.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

class ContourTest {

    private static double[][] grid(java.util.function.DoubleBinaryOperator f, double[] xs, double[] ys) {
        double[][] v = new double[ys.length][xs.length];
        for (int i = 0; i < ys.length; i++) for (int j = 0; j < xs.length; j++) v[i][j] = f.applyAsDouble(xs[j], ys[i]);
        return v;
    }

    private static double[] axis(double lo, double hi, int n) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) a[k] = lo + (hi - lo) * k / (n - 1);
        return a;
    }

    @Test
    void theUnitLevelOfXSquaredPlusYSquaredIsOneClosedCircle() {
        double[] xs = axis(-2, 2, 81), ys = axis(-2, 2, 81);
        var lines = Contour.lines(grid((x, y) -> x * x + y * y, xs, ys), xs, ys, 1.0);
        assertEquals(1, lines.size(), "one closed curve");
        double[] px = lines.get(0)[0], py = lines.get(0)[1];
        assertEquals(px[0], px[px.length - 1]);                     // closed: ends where it starts
        assertEquals(py[0], py[py.length - 1]);
        for (int k = 0; k < px.length; k++)                          // every vertex near the circle (grid step 0.05)
            assertEquals(1.0, Math.hypot(px[k], py[k]), 0.01, "vertex " + k);
        assertTrue(px.length > 50);
    }

    @Test
    void aLevelCutByTheWindowIsAnOpenCurveFromBorderToBorder() {
        // f = y crosses level 0.3 along a horizontal line from x = −1 to x = 1
        double[] xs = axis(-1, 1, 21), ys = axis(-1, 1, 21);
        var lines = Contour.lines(grid((x, y) -> y, xs, ys), xs, ys, 0.3);
        assertEquals(1, lines.size());
        double[] px = lines.get(0)[0], py = lines.get(0)[1];
        assertEquals(21, px.length);
        for (double v : py) assertEquals(0.3, v, 1e-12);
        assertEquals(2.0, Math.abs(px[px.length - 1] - px[0]), 1e-12);
    }

    @Test
    void plotContourDrawsLevelsAndPaths() {
        var chart = Plot.contour((x, y) -> x * x + 4 * y * y, -2, 2, -1, 1, Vector.of(0.5, 1),
                Map.of("path", Matrix.of(new double[][] {{-1.5, 0.8}, {-0.5, 0.1}, {0, 0}})));
        assertTrue(chart.toString().contains("f = 0.500"), chart.toString());
        assertTrue(chart.toString().contains("path"));
        assertTrue(chart.toText().contains("path"));
    }

    @Test
    void aWindowWithoutAnyLevelFailsClearly() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plot.contour((x, y) -> 5, 0, 1, 0, 1, Vector.of(1), Map.of()));
        assertTrue(e.getMessage().startsWith("contour: no level crosses the window"), e.getMessage());
        var bad = assertThrows(IllegalArgumentException.class,
                () -> Plot.contour((x, y) -> x, 1, 0, 0, 1, Vector.of(0.5), Map.of()));
        assertTrue(bad.getMessage().contains("empty"), bad.getMessage());
        var path = assertThrows(IllegalArgumentException.class,
                () -> Plot.contour((x, y) -> x, 0, 1, 0, 1, Vector.of(0.5), Map.of("p", Matrix.zeros(3, 3))));
        assertTrue(path.getMessage().contains("must be k×2"), path.getMessage());
    }
}
