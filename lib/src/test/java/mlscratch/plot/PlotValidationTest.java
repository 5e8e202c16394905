package mlscratch.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Bad input fails at once, naming what is wrong.
class PlotValidationTest {

    static void fails(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void scatterNeedsTwoColumnsMatchingLabelsAndFiniteNumbers() {
        fails("scatter: X has 3 columns but a 2-D plot needs 2 (pick two: X.selectCols(0, 1))",
                () -> Plot.scatter(Matrix.zeros(4, 3), Vector.zeros(4)));
        fails("scatter: X has 4 rows but y has 3", () -> Plot.scatter(Matrix.zeros(4, 2), Vector.zeros(3)));
        fails("scatter: X[1] is NaN", () -> Plot.scatter(Matrix.of(2, 2, 0, 0, 0, Double.NaN), Vector.zeros(2)));
        fails("scatter: y[2] = 0.5 is not a class label (labels are whole numbers, e.g. 0, 1, 2)",
                () -> Plot.scatter(Matrix.zeros(3, 2), Vector.of(0, 1, 0.5)));
        fails("scatter: x has 2 entries but y has 3", () -> Plot.scatter(Vector.of(1, 2), Vector.of(1, 2, 3)));
    }

    @Test
    void decisionRegionsNeedClassLabelsFromPredict() {
        var X = Matrix.of(new double[][] {{0, 0}, {1, 1}});
        var y = Vector.of(0, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> Plot.decisionRegions(G -> Vector.full(G.rows(), 0.7), X, y));
        assertEquals(true, e.getMessage().startsWith("decisionRegions: predict returned 0.7 at grid point ("), e.getMessage());
        assertEquals(true, e.getMessage().endsWith("pass model::predict, not predictProba"), e.getMessage());
        fails("decisionRegions: predict returned 3 labels for a grid of 40000 points (one label per row expected)",
                () -> Plot.decisionRegions(G -> Vector.zeros(3), X, y));
    }

    @Test
    void linesNeedMatchingLengths() {
        fails("lines: x has 3 entries but val has 2", () -> Plot.lines(Vector.of(1, 2, 3), Map.of("val", Vector.of(1, 2))));
        fails("lines: 'series' is empty: pass at least one name → values pair", () -> Plot.lines(Map.of()));
        fails("line: y is empty: there is nothing to draw", () -> Plot.line(Vector.of()));
        fails("line: y[1] is +Infinity", () -> Plot.line(Vector.of(1, Double.POSITIVE_INFINITY)));
    }

    @Test
    void heatmapsNeedNamesForEveryRowAndSquareConfusionMatrices() {
        fails("confusionMatrix: counts is 2×3 but a confusion matrix is square (k×k)", () -> Plot.confusionMatrix(Matrix.zeros(2, 3)));
        fails("confusionMatrix: classNames has 1 names but the matrix needs 2",
                () -> Plot.confusionMatrix(Matrix.zeros(2, 2), List.of("a")));
        fails("heatmap: Z[0][1] is NaN", () -> Plot.heatmap(Matrix.of(1, 2, 0, Double.NaN)));
    }

    @Test
    void histogramsAndImagesCheckTheirSizes() {
        fails("histogram: 'bins' must be in [1, 10000], got 0", () -> Plot.histogram(Vector.of(1, 2), 0));
        fails("histogram: x is empty: there is nothing to count", () -> Plot.histogram(Vector.of()));
        fails("images: each row has 60 values but a 8×8 image needs 64", () -> Plot.images(Matrix.zeros(2, 60), 8, 8, 2));
        fails("images: 2000 images is too many for one grid (at most 1024): pass a slice, e.g. X.rows(0, 64)",
                () -> Plot.images(Matrix.zeros(2000, 4), 2, 2, 10));
        fails("images: there are 2 images but 3 labels", () -> Plot.images(Matrix.zeros(2, 4), 2, 2, 2, Vector.zeros(3)));
    }

    @Test
    void chartSizesAreChecked() {
        var chart = Plot.line(Vector.of(1, 2));
        fails("withSize: 'width' must be in [16, 10000], got 0", () -> chart.withSize(0, 100));
        fails("toText: 'rows' must be in [2, 500], got 1", () -> chart.toText(72, 1));
    }

    /// values 0, 1, 1, 2, 2, 2, 3 in 3 bins of width 1: [0, 1) holds 0; [1, 2) holds 1, 1; [2, 3] holds 2, 2, 2 and 3.
    @Test
    void histogramCountsByHand() {
        var body = (HistogramChart) Plot.histogram(Vector.of(0, 1, 1, 2, 2, 2, 3), 3).body();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 2, 4}, body.counts());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 1, 2, 3}, body.edges());
    }

    /// Sturges: ⌈log₂ 1000⌉ + 1 = 10 + 1 = 11 bins.
    @Test
    void defaultBinsFollowSturges() {
        assertEquals(11, ((HistogramChart) Plot.histogram(Vector.randn(1000, 1)).body()).counts().length);
    }
}
