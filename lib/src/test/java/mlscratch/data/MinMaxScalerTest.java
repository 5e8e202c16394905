package mlscratch.data;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

class MinMaxScalerTest {

    @Test
    void handCase() {
        // Column [2, 4, 10]: m = 2, M = 10, r = 8, so z = (x − 2)/8 = [0, 0.25, 1]; a new 14 maps to 1.5.
        var s = MinMaxScaler.fit(Matrix.of(3, 1, 2, 4, 10));
        assertEquals(Matrix.of(3, 1, 0, 0.25, 1), s.transform(Matrix.of(3, 1, 2, 4, 10)));
        assertEquals(Matrix.of(1, 1, 1.5), s.transform(Matrix.of(1, 1, 14)));
        // To [−1, 1]: z = −1 + (x − 2)/8·2 = [−1, −0.5, 1].
        var t = MinMaxScaler.fit(Matrix.of(3, 1, 2, 4, 10), -1, 1);
        assertEquals(Matrix.of(3, 1, -1, -0.5, 1), t.transform(Matrix.of(3, 1, 2, 4, 10)));
    }

    @Test
    void matchesScikitLearn() {
        // /usr/bin/python3, scikit-learn 1.2.1: MinMaxScaler(feature_range=(-1, 2)).fit_transform(X) with
        //   X = [[1, -2, 5], [4, .5, 5], [2.5, 3, 5], [-1, 7, 5]]  gives the matrix below (constant column → lo).
        var X = Matrix.of(new double[][] {{1, -2, 5}, {4, .5, 5}, {2.5, 3, 5}, {-1, 7, 5}});
        var expected = Matrix.of(new double[][] {
                {0.19999999999999996, -1, -1},
                {2, -0.1666666666666667, -1},
                {1.1, 0.6666666666666666, -1},
                {-1, 1.9999999999999996, -1}});
        assertTrue(MinMaxScaler.fit(X, -1, 2).transform(X).isClose(expected, 1e-14));
    }

    @Test
    void trainingDataLandsInTheTargetRangeAndTouchesBothEnds() {
        var rng = Rng.of(21);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rng.nextInt(50), d = 1 + rng.nextInt(5);
            var X = Matrix.randn(n, d, rng).scale(50);
            var Z = MinMaxScaler.fit(X).transform(X);
            for (int j = 0; j < d; j++) {
                assertEquals(0.0, Z.col(j).min());
                assertEquals(1.0, Z.col(j).max());
            }
            double lo = -3 * rng.nextDouble(), hi = lo + 0.5 + rng.nextDouble();
            var s = MinMaxScaler.fit(X, lo, hi);
            var W = s.transform(X);
            assertTrue(W.min() >= lo - 1e-12 && W.max() <= hi + 1e-12, () -> W.toString());
            assertTrue(s.inverseTransform(W).isClose(X, 1e-12));
        }
    }

    @Test
    void constantColumnMapsToLo() {
        var s = MinMaxScaler.fit(Matrix.of(3, 2, 1, 7, 2, 7, 3, 7), 5, 6);
        assertEquals(Vector.of(2, 1), s.range());
        assertEquals(Vector.of(5, 5, 5), s.transform(Matrix.of(3, 2, 1, 7, 2, 7, 3, 7)).col(1));
    }

    @Test
    void errorsNameTheProblem() {
        var e = assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(Matrix.ones(2, 2), 1, 1));
        assertEquals("MinMaxScaler.fit: the range [lo, hi] = [1.0, 1.0] is empty (need lo < hi)", e.getMessage());
        var s = MinMaxScaler.fit(Matrix.randn(3, 4, 2));
        e = assertThrows(IllegalArgumentException.class, () -> s.transform(Matrix.zeros(1, 2)));
        assertEquals("MinMaxScaler.transform: X has 2 columns but the scaler was fitted on 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MinMaxScaler(Vector.of(2), Vector.of(1), 0, 1));
        assertEquals("MinMaxScaler: min[0] = 2.0 exceeds max[0] = 1.0", e.getMessage());
    }
}
