package mlscratch.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import mlscratch.clustering.KMeans.Init;
import mlscratch.clustering.KMeans.Metric;
import mlscratch.clustering.KMeans.Options;
import mlscratch.data.Datasets;
import mlscratch.data.Generators;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// KMeans is unsupervised (`fit(X, options)`, no y), so it does not join `EstimatorContract` (whose
/// fitter takes (X, y) and checks y); the same contract checks on X, options and seeds are written here.
class KMeansTest {

    static Options k(int k) { return Options.defaults().withK(k); }

    @Test
    void handComputedOneDimensionalCase() {
        // points 0, 1, 10, 11 and k = 2: the clusters {0, 1} and {10, 11}
        // centroids 0.5 and 10.5; inertia = 4 · 0.5² = 1.0
        var m = KMeans.fit(Matrix.of(4, 1, 0, 1, 10, 11), k(2));
        double[] c = m.centroids().toArray();
        Arrays.sort(c);
        assertArrayEquals(new double[] {0.5, 10.5}, c, 1e-12);
        assertEquals(1.0, m.inertia(), 1e-12);
        assertEquals(m.labels().get(0), m.labels().get(1));
        assertEquals(m.labels().get(2), m.labels().get(3));
        assertNotEquals(m.labels().get(0), m.labels().get(2));
        assertTrue(m.trace().converged());
    }

    @Test
    void inertiaNeverIncreases() {
        for (long seed = 1; seed <= 4; seed++) {
            Matrix X = Matrix.randn(300, 3, seed);
            for (Init init : Init.values())
                for (Metric metric : Metric.values()) {
                    var m = KMeans.fit(X, k(6).withInit(init).withMetric(metric).withNInit(1).withTol(0).withSeed(seed));
                    Vector L = m.trace().loss();
                    assertTrue(L.size() >= 2, "at least one update");
                    for (int t = 1; t < L.size(); t++)
                        assertTrue(L.get(t) <= L.get(t - 1) * (1 + 1e-12),
                                metric + ": inertia rose at step " + t + ": " + L.get(t - 1) + " → " + L.get(t));
                    assertEquals(m.inertia(), m.trace().finalLoss(), 0);
                }
        }
    }

    @Test
    void inertiaIsTheSumOfSquaredDistancesToTheAssignedCentroids() {
        // two routes: the fit's inertia (from ‖x‖² − 2x·c + ‖c‖², 2×4 register blocks, parallel blocks of
        // rows) vs Σᵢ ‖xᵢ − c_zᵢ‖² recomputed with transform() (direct differences). The sizes cover an
        // odd last row, k not a multiple of 4, and the parallel path (n·k·d > 200 000).
        int[][] sizes = {{201, 4, 5}, {9001, 4, 7}, {37, 1, 1}};
        for (int[] s : sizes) {
            Matrix X = Matrix.randn(s[0], s[1], s[0]);
            var m = KMeans.fit(X, k(s[2]).withNInit(2));
            Matrix D = m.transform(X);
            double J = 0;
            for (int i = 0; i < X.rows(); i++) {
                int z = (int) m.labels().get(i);
                J += D.get(i, z) * D.get(i, z);
                for (int j = 0; j < m.k(); j++)
                    assertTrue(D.get(i, z) <= D.get(i, j) + 1e-9, "row " + i + " is nearest to its centroid");
            }
            assertEquals(J, m.inertia(), 1e-9 * J, "n, d, k = " + Arrays.toString(s));
        }
    }

    @Test
    void centroidsAreTheMeansOfTheirMembers() {
        Matrix X = Matrix.randn(150, 2, 11);
        var m = KMeans.fit(X, k(4));
        for (int j = 0; j < 4; j++) {
            final int jj = j;
            int[] members = java.util.stream.IntStream.range(0, X.rows()).filter(i -> m.labels().get(i) == jj).toArray();
            assertTrue(m.centroids().row(j).isClose(X.selectRows(members).mean(0), 1e-9));
        }
    }

    @Test
    void irisReachesTheKnownOptimum() {
        // the best known inertia of iris with k = 3 is 78.851 (scikit-learn: 78.85144142614601)
        var m = KMeans.fit(Datasets.iris().X(), k(3).withNInit(10));
        assertEquals(78.85144142614601, m.inertia(), 1e-6);
    }

    @Test
    void sameSeedGivesAnIdenticalModel() {
        Matrix X = Matrix.randn(500, 3, 5);
        for (Init init : Init.values()) {
            var a = KMeans.fit(X, k(7).withInit(init).withSeed(9));
            var b = KMeans.fit(X, k(7).withInit(init).withSeed(9));
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
        }
    }

    @Test
    void parallelBlocksGiveTheSameModelAsOneBlock() {
        // n large enough for several blocks and the parallel path; the block sums are added in block
        // order, so two fits agree exactly whatever the threads did
        Matrix X = Matrix.random(10_000, 8, 2);
        var a = KMeans.fit(X, k(5).withNInit(1).withSeed(3));
        var b = KMeans.fit(X, k(5).withNInit(1).withSeed(3));
        assertEquals(a, b);
    }

    @Test
    void differentSeedsMayGiveDifferentStarts() {
        // uniform data has no clusters: single random starts land in different local minima
        Matrix X = Matrix.random(400, 2, 8);
        var models = new HashSet<Matrix>();
        for (long seed = 0; seed < 5; seed++)
            models.add(KMeans.fit(X, k(10).withInit(Init.RANDOM).withNInit(1).withSeed(seed)).centroids());
        assertTrue(models.size() > 1, "five seeds gave one model");
    }

    @Test
    void predictOnTheTrainingDataGivesTheLabels() {
        Matrix X = Generators.blobs(300, 4, 1.5, 4).X();
        for (Metric metric : Metric.values()) {
            var m = KMeans.fit(X, k(4).withMetric(metric));
            assertEquals(m.labels(), m.predict(X));
            for (int i = 0; i < 20; i++) assertEquals(m.labels().get(i), m.predict(X.rows(i, i + 1)).get(0));
        }
    }

    @Test
    void anEmptyClusterIsReseededAndNoted() {
        // nine points at 0 and one at 10, k = 2, random starts: a start that picks two of the zeros puts
        // both centroids at 0; every point goes to centroid 0 (ties go to the first), cluster 1 is empty
        // and is re-seeded with the farthest point, 10. Then the fit ends at {0, 10}, inertia 0.
        double[] v = new double[10];
        v[9] = 10;
        Matrix X = Matrix.of(10, 1, v);
        int noted = 0;
        for (long seed = 0; seed < 10; seed++) {
            var m = KMeans.fit(X, k(2).withInit(Init.RANDOM).withNInit(1).withSeed(seed));
            assertEquals(0.0, m.inertia(), 0);
            double[] c = m.centroids().toArray();
            Arrays.sort(c);
            assertArrayEquals(new double[] {0, 10}, c, 0);
            if (m.trace().notes().stream().anyMatch(s -> s.contains("cluster 1 was empty; re-seeded with sample 9"))) noted++;
        }
        assertTrue(noted > 0, "no seed out of 10 produced an empty cluster (each should with probability 0.8)");
    }

    @Test
    void cosineClustersByDirection() {
        // two directions, 45° apart, at very different lengths: Euclidean k-means splits by length,
        // cosine k-means by direction
        var rng = mlscratch.linalg.Rng.of(1);
        int n = 200;
        double[] x = new double[2 * n];
        double[] direction = new double[n];
        for (int i = 0; i < n; i++) {
            int dir = i % 2;
            double angle = (dir == 0 ? 0 : Math.PI / 4) + 0.05 * rng.nextGaussian();
            double r = i < n / 2 ? 1 : 20;                                 // short and long vectors
            x[2 * i] = r * Math.cos(angle);
            x[2 * i + 1] = r * Math.sin(angle);
            direction[i] = dir;
        }
        Matrix X = Matrix.wrap(n, 2, x);
        var cos = KMeans.fit(X, k(2).withMetric(Metric.COSINE));
        for (int i = 1; i < n; i++)
            assertEquals(direction[i] == direction[0], cos.labels().get(i) == cos.labels().get(0), "row " + i);
        for (int j = 0; j < 2; j++) assertEquals(1.0, cos.centroids().row(j).norm(), 1e-12);
        // cosine inertia = Σ (1 − cos θᵢ) recomputed from the angles
        double J = 0;
        for (int i = 0; i < n; i++) {
            Vector xi = X.row(i), c = cos.centroids().row((int) cos.labels().get(i));
            J += 1 - xi.dot(c) / xi.norm();
        }
        assertEquals(J, cos.inertia(), 1e-9);
        var euclid = KMeans.fit(X, k(2));
        boolean byLength = true;
        for (int i = 1; i < n; i++) byLength &= (i < n / 2) == (euclid.labels().get(i) == euclid.labels().get(0));
        assertTrue(byLength, "Euclidean k-means splits short from long vectors");
    }

    @Test
    void cosineRejectsAZeroRow() {
        Matrix X = Matrix.of(3, 2, 1, 0, 0, 0, 0, 1);
        assertRejects(() -> KMeans.fit(X, k(2).withMetric(Metric.COSINE)), "row 1 of X is all zeros");
    }

    @Test
    void transformGivesEuclideanDistances() {
        // centroids 0.5 and 10.5: x = 3 is 2.5 and 7.5 away
        var m = KMeans.fit(Matrix.of(4, 1, 0, 1, 10, 11), k(2));
        Matrix D = m.transform(Matrix.of(1, 1, 3));
        int near = m.centroids().get(0, 0) < 5 ? 0 : 1;
        assertEquals(2.5, D.get(0, near), 1e-12);
        assertEquals(7.5, D.get(0, 1 - near), 1e-12);
    }

    @Test
    void agreesWithSmileOnBlobs() {
        // well-separated blobs: both reach the same partition, so the same inertia
        Matrix X = Generators.blobs(600, Matrix.of(3, 3, 0, 0, 0, 10, 0, 0, 0, 10, 0), 1.0, 6).X();
        var ours = KMeans.fit(X, k(3));
        var theirs = smile.clustering.KMeans.fit(X.toArray2D(), 3, 100);
        // Smile's distortion is the mean squared distance, J / n
        assertEquals(theirs.distortion() * X.rows(), ours.inertia(), 1e-6 * ours.inertia());
        int[] g = theirs.group();
        for (int i = 0; i < X.rows(); i++)
            for (int i2 = 0; i2 < i; i2 += 37)
                assertEquals(g[i] == g[i2], ours.labels().get(i) == ours.labels().get(i2));
    }

    @Test
    void toStringShowsKInertiaAndCentroids() {
        var m = KMeans.fit(Matrix.of(4, 1, 0, 1, 10, 11), k(2));
        String s = m.toString();
        assertTrue(s.startsWith("KMeans(k = 2, d = 1, inertia = 1.000, euclidean)"), s);
        assertTrue(s.contains("Trace:"), s);
    }

    // ─────────── the contract of EstimatorContract, for an estimator without y ───────────

    @Test
    void kLargerThanNIsRejected() {
        assertRejects(() -> KMeans.fit(Matrix.randn(6, 2, 1), k(10)), "KMeans: k = 10 exceeds the number of samples n = 6");
    }

    @Test
    void badDataIsRejected() {
        Matrix X = Matrix.randn(12, 3, 1);
        assertRejects(() -> KMeans.fit(null, k(2)), "'X'");
        assertRejects(() -> KMeans.fit(X, (Options) null), "'options'");
        assertRejects(() -> KMeans.fit(X.with(2, 1, Double.NaN), k(2)), "KMeans.fit: X[2][1] is NaN");
        assertRejects(() -> KMeans.fit(X.with(0, 0, Double.NEGATIVE_INFINITY), k(2)), "X[0][0] is -Infinity");
        assertRejects(() -> KMeans.fit(Matrix.zeros(0, 3), k(2)), "X is empty (0 rows)");
        assertRejects(() -> KMeans.fit(Matrix.zeros(12, 0), k(2)), "X has 0 columns");
    }

    @Test
    void badPredictInputIsRejected() {
        var m = KMeans.fit(Matrix.randn(12, 3, 1), k(2));
        assertRejects(() -> m.predict(null), "'X'");
        assertRejects(() -> m.predict(Matrix.randn(2, 4, 1)), "X has 4 columns but the model was fitted on 3");
        assertRejects(() -> m.predict(Matrix.randn(2, 3, 1).with(1, 0, Double.NaN)), "X[1][0] is NaN");
        assertRejects(() -> m.transform(Matrix.randn(2, 2, 1)), "X has 2 columns but the model was fitted on 3");
    }

    @Test
    void badOptionsAreRejectedNamingTheParameter() {
        assertRejects(() -> k(0), "KMeans.Options: 'k' must be > 0, got 0");
        assertRejects(() -> k(-3), "'k'");
        assertRejects(() -> k(2).withNInit(0), "'nInit'");
        assertRejects(() -> k(2).withMaxIter(0), "'maxIter'");
        assertRejects(() -> k(2).withTol(-1e-4), "'tol'");
        assertRejects(() -> k(2).withTol(Double.NaN), "'tol'");
        assertRejects(() -> k(2).withInit(null), "'init'");
        assertRejects(() -> k(2).withMetric(null), "'metric'");
    }

    @Test
    void oneSampleWithKEqualsOneFits() {
        var m = KMeans.fit(Matrix.of(1, 2, 3, 4), k(1));
        assertEquals(Matrix.of(1, 2, 3, 4), m.centroids());
        assertEquals(0.0, m.inertia(), 0);
        assertEquals(Vector.of(0, 0), m.predict(Matrix.of(2, 2, 0, 0, 9, 9)));
    }

    static void assertRejects(Executable call, String fragment) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" should contain \"" + fragment + "\"");
    }

    @Test
    void ctrlCStopsTheFitAndLeavesAUsableModel() {
        Matrix X = Matrix.random(500, 2, 3);
        mlscratch.util.Progress.requestStop();                     // what the shell's Ctrl-C does
        KMeans m;
        try {
            m = KMeans.fit(X, KMeans.Options.defaults().withK(3).withTol(0).withMaxIter(300));
        } finally {
            mlscratch.util.Progress.clearStop();
        }
        assertEquals(1, m.trace().iterations(), "one update, then the stop is seen");
        assertTrue(m.trace().notes().stream().anyMatch(s -> s.contains("Ctrl-C")), m.trace().toString());
        assertEquals(m.labels(), m.predict(X));                    // labels and inertia belong to the centroids
    }
}
