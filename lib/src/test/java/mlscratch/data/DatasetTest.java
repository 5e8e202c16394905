package mlscratch.data;

import java.util.ArrayList;
import java.util.List;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {

    /// Four examples, two features, classes a (three examples) and b (one).
    static Dataset toy() {
        return new Dataset("toy", Matrix.of(new double[][] {{1, 10}, {3, 20}, {2, 0}, {2, 10}}),
                Vector.of(0, 0, 1, 0), List.of("x1", "x2"), List.of("a", "b"), "A toy table.\nSecond line.");
    }

    @Test
    void toStringIsOneLineWithTheClassCounts() {
        assertEquals("Dataset toy: 4 × 2, 2 classes (a 3, b 1)", toy().toString());
    }

    @Test
    void toStringOfARegressionNamesTheTargetRange() {
        var d = new Dataset("r", Matrix.of(2, 1, 0, 1), Vector.of(1.5, 4), List.of("x"), List.of(), null);
        assertEquals("Dataset r: 2 × 1, regression (y from 1.5 to 4, mean 2.75)", d.toString());
    }

    @Test
    void toStringListsAtMostSixClasses() {
        List<String> names = List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7");
        var d = new Dataset("many", Matrix.zeros(8, 1), Vector.of(0, 1, 2, 3, 4, 5, 6, 7), List.of("x"), names, "");
        assertEquals("Dataset many: 8 × 1, 8 classes (c0 1, c1 1, c2 1, c3 1, c4 1, … 3 more)", d.toString());
    }

    @Test
    void describeIsAnAlignedTableOfHandComputedStatistics() {
        // x1 = 1, 3, 2, 2: min 1, mean 8/4 = 2, var (1 + 1 + 0 + 0)/4 = 0.5, std √0.5 = 0.70711 (5 digits), max 3
        // x2 = 10, 20, 0, 10: min 0, mean 40/4 = 10, var (0 + 100 + 100 + 0)/4 = 50, std √50 = 7.0711, max 20
        String expected = """
                Dataset toy: classification, n = 4, d = 2, 2 classes
                A toy table.
                feature  min  mean      std  max
                x1         1     2  0.70711    3
                x2         0    10   7.0711   20
                class  count  share
                a          3  75.0%
                b          1  25.0%""";
        assertEquals(expected, toy().describe());
    }

    @Test
    void describeOfARegressionSummarisesTheTarget() {
        var d = new Dataset("r", Matrix.of(2, 1, 0, 2), Vector.of(1, 3), List.of("x"), List.of(), "");
        // x = 0, 2: mean 1, std 1; y = 1, 3: mean 2, std 1
        assertEquals("""
                Dataset r: regression, n = 2, d = 1
                feature   min  mean  std  max
                x           0     1    1    2
                target y    1     2    1    3""", d.describe());
    }

    @Test
    void describeListsTwentyFeaturesAndCountsTheRest() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < 25; j++) names.add("f" + j);
        var d = new Dataset("wide", Matrix.zeros(3, 25), Vector.of(1, 2, 3), names, List.of(), "");
        String text = d.describe();
        assertTrue(text.contains("\nf19 "), text);
        assertTrue(!text.contains("\nf20 "), text);
        assertTrue(text.contains("… and 5 more features (25 in all; describe lists the first 20)"), text);
    }

    @Test
    void describeOfAnEmptyDatasetSaysSo() {
        var d = new Dataset("empty", Matrix.zeros(0, 2), Vector.zeros(0), List.of("a", "b"), List.of(), "");
        assertEquals("Dataset empty: regression, n = 0, d = 2\n(no examples)", d.describe());
        assertEquals("Dataset empty: 0 × 2, regression", d.toString());
    }

    @Test
    void classCountsCountEachIndex() {
        assertArrayEquals(new int[] {3, 1}, toy().classCounts());
        assertArrayEquals(new int[0], new Dataset("r", Matrix.zeros(1, 1), Vector.of(5), List.of("x"), List.of(), "").classCounts());
    }

    @Test
    void classificationTargetsMustBeClassIndices() {
        var X = Matrix.zeros(3, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", X, Vector.of(0, 2, 1), List.of("x"), List.of("a", "b"), ""));
        assertEquals("Dataset: y[1] = 2.0 is not a class index in 0..1 (there are 2 classes)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", X, Vector.of(0, 0.5, 1), List.of("x"), List.of("a", "b"), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", X, Vector.of(0, -1, 1), List.of("x"), List.of("a", "b"), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", X, Vector.of(0, Double.NaN, 1), List.of("x"), List.of("a", "b"), ""));
    }

    @Test
    void shapesMustAgree() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", Matrix.zeros(3, 1), Vector.zeros(2), List.of("x"), List.of(), ""));
        assertEquals("Dataset: X has 3 rows but y has 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", Matrix.zeros(2, 2), Vector.zeros(2), List.of("x"), List.of(), ""));
        assertEquals("Dataset: X has 2 columns but there are 1 feature names", e.getMessage());
    }

    @Test
    void numbersPrintAsPeopleReadThem() {
        assertEquals("3", Dataset.num(3.0));
        assertEquals("0.70711", Dataset.num(Math.sqrt(0.5)));
        assertEquals("746.89", Dataset.num(746.8932584));
        assertEquals("1.2346e+06", Dataset.num(1234567.8));
        assertEquals("2.5000e-05", Dataset.num(0.000025));
        assertEquals("NaN", Dataset.num(Double.NaN));
        assertEquals("-Inf", Dataset.num(Double.NEGATIVE_INFINITY));
    }
}
