package mlscratch.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

class StandardScalerTest {

    @Test
    void handCase() {
        // X = [[1], [3]]: μ = (1 + 3)/2 = 2, σ² = ((1−2)² + (3−2)²)/2 = 1, so σ = 1 and Z = [−1, 1].
        var s = StandardScaler.fit(Matrix.of(new double[][] {{1}, {3}}));
        assertEquals(Vector.of(2), s.mean());
        assertEquals(Vector.of(1), s.scale());
        assertEquals(Matrix.of(2, 1, -1, 1), s.transform(Matrix.of(2, 1, 1, 3)));
        // A new point 6: (6 − 2)/1 = 4.
        assertEquals(Matrix.of(1, 1, 4), s.transform(Matrix.of(1, 1, 6)));
    }

    @Test
    void matchesScikitLearn() {
        // /usr/bin/python3, scikit-learn 1.2.1:
        //   X = [[1, -2, 5], [4, .5, 5], [2.5, 3, 5], [-1, 7, 5]]; s = StandardScaler().fit(X)
        //   s.mean_  = [1.625, 2.125, 5.]
        //   s.scale_ = [1.8498310733685928, 3.3236839500770827, 1.]       (constant column → 1)
        //   s.transform(X) and s.transform([[0, 1, 6]]) as below
        var X = Matrix.of(new double[][] {{1, -2, 5}, {4, .5, 5}, {2.5, 3, 5}, {-1, 7, 5}});
        var s = StandardScaler.fit(X);
        assertTrue(s.mean().isClose(Vector.of(1.625, 2.125, 5.0), 1e-15));
        assertTrue(s.scale().isClose(Vector.of(1.8498310733685928, 3.3236839500770827, 1.0), 1e-15));
        var expected = Matrix.of(new double[][] {
                {-0.33786868919974294, -1.2410927338335924, 0},
                {1.2839010189590232, -0.48891531938899097, 0},
                {0.47301616487964016, 0.26326209505561055, 0},
                {-1.4190484946389206, 1.4667459581669728, 0}});
        assertTrue(s.transform(X).isClose(expected, 1e-14), () -> s.transform(X).toString());
        assertTrue(s.transform(Matrix.of(1, 3, 0, 1, 6)).isClose(Matrix.of(1, 3, -0.8784585919193317, -0.3384798365000707, 1), 1e-14));
    }

    @Test
    void standardisedColumnsHaveMeanZeroAndStdOne() {
        var rng = Rng.of(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rng.nextInt(60), d = 1 + rng.nextInt(6);
            // columns with different offsets and spreads: Xᵢⱼ = 100·j + (j + 1)·zᵢⱼ
            var X = Matrix.randn(n, d, rng).scaleColumns(Vector.range(d).plus(1)).plusRowVector(Vector.range(d).scale(100));
            var Z = StandardScaler.fit(X).transform(X);
            assertTrue(Z.mean(0).isClose(Vector.zeros(d), 1e-12), () -> "means " + Z.mean(0));
            assertTrue(Z.std(0).isClose(Vector.ones(d), 1e-12), () -> "stds " + Z.std(0));
        }
    }

    @Test
    void inverseTransformUndoesTransform() {
        var rng = Rng.of(12);
        for (int trial = 0; trial < 10; trial++) {
            int n = 1 + rng.nextInt(30), d = 1 + rng.nextInt(5);
            var X = Matrix.randn(n, d, rng).scale(7).plus(3);
            var s = StandardScaler.fit(X);
            assertTrue(s.inverseTransform(s.transform(X)).isClose(X, 1e-12));
        }
    }

    @Test
    void constantColumnGetsScaleOneAndBecomesZero() {
        // Column 1 is constant 0.1 (whose mean is not exactly 0.1 in floating point: a variance of pure
        // rounding noise, which must count as zero), column 0 is not.
        var X = Matrix.of(new double[][] {{1, 0.1}, {2, 0.1}, {3, 0.1}, {4, 0.1}, {5, 0.1}, {6, 0.1}, {7, 0.1}});
        var s = StandardScaler.fit(X);
        assertEquals(1.0, s.scale().get(1));
        assertTrue(s.transform(X).col(1).isClose(Vector.zeros(7), 1e-15));
        // A single row: every column is constant.
        var one = StandardScaler.fit(Matrix.of(1, 2, 3, -4));
        assertEquals(Vector.of(1, 1), one.scale());
        assertEquals(Matrix.of(1, 2, 0, 0), one.transform(Matrix.of(1, 2, 3, -4)));
    }

    @Test
    void transformsADatasetKeepingTargetsAndNames() {
        var d = new Dataset("toy", Matrix.of(2, 2, 1, 10, 3, 30), Vector.of(0, 1), List.of("a", "b"), List.of("no", "yes"), "");
        var z = StandardScaler.fit(d.X()).transform(d);
        assertEquals(Matrix.of(2, 2, -1, -1, 1, 1), z.X());
        assertEquals(d.y(), z.y());
        assertEquals(d.featureNames(), z.featureNames());
        assertEquals(d.classNames(), z.classNames());
    }

    @Test
    void errorsNameTheProblem() {
        var s = StandardScaler.fit(Matrix.randn(5, 4, 1));
        var e = assertThrows(IllegalArgumentException.class, () -> s.transform(Matrix.zeros(2, 3)));
        assertEquals("StandardScaler.transform: X has 3 columns but the scaler was fitted on 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.inverseTransform(Matrix.zeros(2, 5)));
        assertEquals("StandardScaler.inverseTransform: X has 5 columns but the scaler was fitted on 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StandardScaler.fit(Matrix.of(2, 2, 1, 2, Double.NaN, 4)));
        assertEquals("StandardScaler.fit: X[1][0] is NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StandardScaler.fit(Matrix.zeros(0, 3)));
        assertEquals("StandardScaler.fit: X is 0×3 but needs at least one row", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StandardScaler(Vector.of(0, 0), Vector.of(1, 0)));
        assertEquals("StandardScaler: scale[1] must be finite and > 0, got 0.0", e.getMessage());
    }

    @Test
    void printsCompactly() {
        var s = StandardScaler.fit(Matrix.of(new double[][] {{1, 10}, {3, 30}}));
        assertEquals("StandardScaler d = 2\n  mean  [2, 20]\n  scale [1, 10]", s.toString().replace("\r", ""));
    }
}
