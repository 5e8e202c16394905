package mlscratch.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

class ConfusionMatrixTest {

    // yTrue = [0,0,1,1,2], yPred = [0,1,1,1,2]: one cat taken for a dog, the rest right
    private static final ConfusionMatrix CM =
            ConfusionMatrix.of(Vector.of(0, 0, 1, 1, 2), Vector.of(0, 1, 1, 1, 2), List.of("cat", "dog", "eel"));

    @Test void countsTruePredictedPairs() {
        assertArrayEquals(new int[][] {{1, 1, 0}, {0, 2, 0}, {0, 0, 1}}, CM.toArray());
        assertEquals(Matrix.of(3, 3, 1, 1, 0, 0, 2, 0, 0, 0, 1), CM.counts());
        assertEquals(1, CM.count(0, 1));
        assertEquals(5, CM.n());
        assertEquals(3, CM.k());
        assertEquals(2, CM.support(0));
    }

    @Test void ratesByHand() {
        // dog: predicted 3 times (column), right twice → precision 2/3; all 2 dogs found → recall 1
        assertEquals(2.0 / 3, CM.precision(1), 1e-15);
        assertEquals(1.0, CM.recall(1));
        assertEquals(0.5, CM.recall(0));                        // 1 of 2 cats found
        assertEquals(2.0 * 2 / (2 * 2 + 1 + 0), CM.f1(1), 1e-15);   // F1 = 2TP/(2TP + FP + FN) = 4/5
        assertEquals(0.8, CM.accuracy(), 1e-15);                // (1 + 2 + 1)/5
    }

    @Test void toArrayIsACopy() {
        int[][] a = CM.toArray();
        a[0][0] = 99;
        assertEquals(1, CM.count(0, 0));
    }

    @Test void printsAnAlignedTableWithNamesRecallAndPrecision() {
        assertEquals("""
                ConfusionMatrix 3×3, n = 5 (rows = true class, columns = predicted class)
                             cat    dog    eel │ recall
                cat            1      1      0 │  0.500
                dog            0      2      0 │  1.000
                eel            0      0      1 │  1.000
                precision  1.000  0.667  1.000 │ accuracy 0.800""", CM.toString());
    }

    @Test void namesClassesByIndexWhenNoNamesAreGiven() {
        var cm = ConfusionMatrix.of(Vector.of(0, 2), Vector.of(0, 2));
        assertEquals(List.of("0", "1", "2"), cm.classNames());
        assertEquals(3, cm.k());
        assertTrue(cm.toString().contains("\n1              0      0      0 │  0.000\n"), cm.toString());
    }

    @Test void manyClassesAreTruncatedLikeNumPy() {
        var rng = Rng.of(1);
        double[] t = new double[200], p = new double[200];
        for (int i = 0; i < 200; i++) {
            t[i] = rng.nextInt(12);
            p[i] = rng.nextDouble() < 0.7 ? t[i] : rng.nextInt(12);
        }
        String s = ConfusionMatrix.of(Vector.of(t), Vector.of(p)).toString();
        String[] lines = s.split("\n");
        assertEquals(1 + 1 + 7 + 1, lines.length, s);           // title, header, 3 rows, ⋮, 3 rows, precision
        assertTrue(lines[1].contains("  …  ") && lines[5].startsWith("⋮"), s);
        for (int i = 2; i < lines.length; i++) assertEquals(lines[1].indexOf('│'), lines[i].indexOf('│'), "aligned: " + s);
    }

    @Test void rejectsLabelsBeyondTheClassNames() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(Vector.of(0, 1), Vector.of(0, 3), List.of("a", "b", "c")));
        assertEquals("ConfusionMatrix.of: yPred[1] = 3.0 is not a class index in 0..2 (there are 3 classes)", e.getMessage());
        assertEquals("ConfusionMatrix: counts is 2×3 but must be square k×k with k ≥ 1",
                assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(Matrix.zeros(2, 3), List.of("a", "b"))).getMessage());
    }

    @Test void rowsSumToTheSupportAndTheDiagonalToTheCorrectCount() {
        var rng = Rng.of(2);
        int n = 100, k = 4;
        double[] t = new double[n], p = new double[n];
        for (int i = 0; i < n; i++) { t[i] = rng.nextInt(k); p[i] = rng.nextInt(k); }
        var cm = ConfusionMatrix.of(Vector.of(t), Vector.of(p));
        assertEquals(n, cm.n());
        assertEquals(Metrics.accuracy(Vector.of(t), Vector.of(p)), cm.accuracy(), 1e-15);
        for (int c = 0; c < k; c++) {
            int support = 0;
            for (double v : t) if (v == c) support++;
            assertEquals(support, cm.support(c));
        }
    }
}
