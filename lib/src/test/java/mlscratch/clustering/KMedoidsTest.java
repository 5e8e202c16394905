package mlscratch.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.clustering.KMedoids.Init;
import mlscratch.clustering.KMedoids.Options;
import mlscratch.data.Generators;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;

class KMedoidsTest {

    static Options k(int k) { return Options.defaults().withK(k); }

    @Test
    void handComputedBuildAndSwap() {
        // x = 0, 1, 2, 10, 11, 13, k = 2, d = |a − b|.
        // BUILD: Σᵢ d(xᵢ, c) = 37, 33, 31, 31, 33, 41 → the first medoid is row 2 (x = 2; tie with x = 10, lowest row)
        //   nearest distances now 2, 1, 0, 8, 9, 11; gain of adding c = Σ max(Dᵢ − d(xᵢ, c), 0):
        //   x=0: 2, x=1: 2, x=10: 8+8+8 = 24, x=11: 7+9+9 = 25, x=13: 5+7+11 = 23 → add row 4 (x = 11)
        //   J = (2 + 1 + 0) + (1 + 0 + 2) = 6
        // SWAP: x = 1 replacing x = 2 gives (1 + 0 + 1) + 3 = 5, Δ = −1, the best; then no swap helps.
        var m = KMedoids.fit(Matrix.of(6, 1, 0, 1, 2, 10, 11, 13), k(2));
        assertArrayEquals(new double[] {1, 4}, m.medoidIndices().toArray());
        assertArrayEquals(new double[] {1, 11}, m.medoids().toArray());
        assertEquals(5, m.cost(), 1e-12);
        assertArrayEquals(new double[] {6, 5}, m.trace().loss().toArray(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1}, m.labels().toArray());
        assertEquals(1, m.trace().iterations());
        assertTrue(m.trace().converged());
    }

    @Test
    void oneMedoidIsTheMedianIn1D() {
        // k = 1, d = |a − b|: J(c) = Σ |xᵢ − c| is least at the median, x = 2 (J = 2 + 1 + 0 + 1 + 98 = 102),
        // while the mean, 21.2, is dragged by the outlier 100
        var m = KMedoids.fit(Matrix.of(5, 1, 100, 0, 3, 1, 2), k(1));
        assertEquals(2, m.medoids().get(0, 0), 0);
        assertEquals(102, m.cost(), 1e-12);
    }

    @Test
    void costNeverIncreasesAcrossSwaps() {
        for (long seed = 1; seed <= 3; seed++)
            for (Distance dist : new Distance[] {Distance.EUCLIDEAN, Distance.MANHATTAN, Distance.COSINE})
                for (Init init : Init.values()) {
                    var X = Matrix.randn(80, 3, seed);
                    var m = KMedoids.fit(X, k(5).withDistance(dist).withInit(init).withSeed(seed));
                    Vector L = m.trace().loss();
                    for (int t = 1; t < L.size(); t++)
                        assertTrue(L.get(t) < L.get(t - 1), dist + " " + init + ": cost rose at swap " + t + ": " + L);
                    assertEquals(m.cost(), m.trace().finalLoss(), 1e-9);
                    assertTrue(m.trace().converged());
                }
    }

    @Test
    void swapDeltasEqualTheCostChangeRecomputedFromScratch() {
        var rng = Rng.of(3);
        for (int k = 1; k <= 4; k++) {
            int n = 25;
            double[] D = KMedoids.distances(Matrix.randn(n, 2, rng).toArray2D(), Distance.MANHATTAN);
            int[] M = java.util.Arrays.copyOf(Rng.permutation(n, rng), k);
            var s = new KMedoids.State(D, n, M);
            double[] delta = KMedoids.swapDeltas(s, D, n);
            for (int j = 0; j < k; j++)
                for (int o = 0; o < n; o++) {
                    final int oo = o;
                    if (java.util.Arrays.stream(M).anyMatch(m -> m == oo)) {
                        assertEquals(Double.POSITIVE_INFINITY, delta[j * n + o]);
                        continue;
                    }
                    int[] swapped = M.clone();
                    swapped[j] = o;
                    double direct = new KMedoids.State(D, n, swapped).cost - s.cost;   // J(M − mⱼ + o) − J(M)
                    assertEquals(direct, delta[j * n + o], 1e-9, "k = " + k + ", slot " + j + ", o = " + o);
                }
        }
    }

    @Test
    void resultIsALocalOptimumAndBuildBeatsMostRandomSets() {
        var X = Generators.blobs(60, 3, 1.0, 4).X();
        var m = KMedoids.fit(X, k(3));
        double[] D = KMedoids.distances(X.toArray2D(), Distance.EUCLIDEAN);
        int n = 60;
        int[] M = java.util.Arrays.stream(m.medoidIndices().toArray()).mapToInt(v -> (int) v).toArray();
        for (int j = 0; j < 3; j++)
            for (int o = 0; o < n; o++) {
                int[] swapped = M.clone();
                swapped[j] = o;
                assertTrue(new KMedoids.State(D, n, swapped).cost >= m.cost() - 1e-9, "swap " + j + " → " + o + " improves");
            }
        var rng = Rng.of(1);
        for (int t = 0; t < 50; t++) {
            int[] R = java.util.Arrays.copyOf(Rng.permutation(n, rng), 3);
            assertTrue(new KMedoids.State(D, n, R).cost >= m.cost() - 1e-9);
        }
    }

    @Test
    void medoidsResistOutliersThatDragTheMean() {
        // 20 points around (0, 0), 20 around (10, 0), and 3 outliers near (25, 0). Both methods put the
        // outliers with the right-hand cluster; its mean is pulled to x ≈ 12, its medoid stays near 10.
        var rng = Rng.of(8);
        var A = Matrix.randn(20, 2, rng).scale(0.3);
        var B = Matrix.randn(20, 2, rng).scale(0.3).plusRowVector(Vector.of(10, 0));
        var O = Matrix.of(new double[][] {{25, 0}, {25.5, 0.5}, {24.5, -0.5}});
        var X = Matrix.vstack(A, B, O);
        var km = KMeans.fit(X, 2);
        var pam = KMedoids.fit(X, k(2));
        double meanX = Math.max(km.centroids().get(0, 0), km.centroids().get(1, 0));
        double medoidX = Math.max(pam.medoids().get(0, 0), pam.medoids().get(1, 0));
        assertTrue(meanX > 11.5, "k-means centre " + meanX);
        assertTrue(Math.abs(medoidX - 10) < 0.6, "medoid " + medoidX);
        assertEquals(pam.labels().get(20), pam.labels().get(42));     // the outliers joined cluster B
    }

    @Test
    void findsWellSeparatedBlobsWithEveryDistance() {
        var blobs = Generators.blobs(150, 3, 0.5, 6);
        for (Distance dist : new Distance[] {Distance.EUCLIDEAN, Distance.MANHATTAN})
            assertEquals(1.0, Metrics.adjustedRandIndex(KMedoids.fit(blobs.X(), k(3).withDistance(dist)).labels(), blobs.y()), 1e-12);
    }

    @Test
    void predictOnTrainingRowsGivesTheLabels() {
        var X = Matrix.randn(100, 4, 2);
        var m = KMedoids.fit(X, k(4));
        assertEquals(m.labels(), m.predict(X));
        assertEquals(m.medoids(), X.selectRows(java.util.Arrays.stream(m.medoidIndices().toArray()).mapToInt(v -> (int) v).toArray()));
    }

    @Test
    void sameOptionsSameModelAndTheSeedMattersForRandomStarts() {
        var X = Matrix.randn(120, 2, 5);
        var o = k(6).withInit(Init.RANDOM).withSeed(7).withMaxIter(1);
        assertEquals(KMedoids.fit(X, o), KMedoids.fit(X, o));
        assertNotEquals(KMedoids.fit(X, o).medoidIndices(), KMedoids.fit(X, o.withSeed(8)).medoidIndices());
        assertEquals(KMedoids.fit(X, k(6)), KMedoids.fit(X, k(6)));
    }

    @Test
    void customDistanceFromALambda() {
        // Chebyshev d = maxₜ |aₜ − bₜ| on the 4 corners of a square and its centre: k = 1 picks the centre,
        // at distance 1 from each corner (J = 4)
        Distance chebyshev = (a, b) -> Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
        var X = Matrix.of(new double[][] {{-1, -1}, {1, -1}, {0, 0}, {-1, 1}, {1, 1}});
        var m = KMedoids.fit(X, k(1).withDistance(chebyshev));
        assertEquals(2, m.medoidIndices().get(0));
        assertEquals(4, m.cost(), 0);
        assertTrue(m.toString().contains("custom distance"), m.toString());
    }

    @Test
    void builtInDistancesByHand() {
        double[] a = {3, 0}, b = {0, 4};
        assertEquals(5, Distance.EUCLIDEAN.between(a, b), 0);            // √(9 + 16)
        assertEquals(7, Distance.MANHATTAN.between(a, b), 0);            // 3 + 4
        assertEquals(1, Distance.COSINE.between(a, b), 0);               // orthogonal: cos = 0
        assertEquals(0, Distance.COSINE.between(a, new double[] {6, 0}), 1e-15);   // same direction
        assertEquals(1, Distance.COSINE.between(a, new double[] {0, 0}), 0);       // zero vector: 1 by convention
        var P = Distance.MANHATTAN.pairwise(Matrix.of(2, 2, 3, 0, 0, 4), Matrix.of(1, 2, 1, 1));
        assertArrayEquals(new double[] {3, 4}, P.toArray(), 0);          // |3−1| + |0−1|, |0−1| + |4−1|
    }

    @Test
    void badInputFailsWithClearMessages() {
        expect("KMedoids.Options: 'k' must be > 0, got 0", () -> k(0));
        expect("KMedoids.Options: 'distance' must not be null", () -> k(2).withDistance(null));
        expect("KMedoids: k = 4 exceeds the number of samples n = 3", () -> KMedoids.fit(Matrix.of(3, 1, 0, 1, 2), 4));
        expect("KMedoids.fit: X[2][0] is +Infinity", () -> KMedoids.fit(Matrix.of(3, 1, 0, 1, Double.POSITIVE_INFINITY), 2));
        expect("KMedoids.fit: X is empty (0 rows)", () -> KMedoids.fit(Matrix.zeros(0, 3), 2));
        expect("KMedoids.predict: X has 3 columns but the model was fitted on 1",
                () -> KMedoids.fit(Matrix.of(3, 1, 0, 1, 2), 2).predict(Matrix.zeros(2, 3)));
        expect("KMedoids.fit: the distance between rows 0 and 1 is -1.0; a distance must be finite and ≥ 0",
                () -> KMedoids.fit(Matrix.of(3, 1, 0, 1, 2), k(2).withDistance((a, b) -> a[0] - b[0])));
        var e = assertThrows(IllegalArgumentException.class, () -> KMedoids.fit(Matrix.zeros(KMedoids.MAX_ROWS + 1, 1), 2));
        assertTrue(e.getMessage().startsWith("KMedoids.fit: X has 8001 rows; PAM keeps an n×n distance matrix"), e.getMessage());
    }

    @Test
    void ctrlCStopsAfterTheCurrentSwapKeepingAUsableModel() {
        var X = Matrix.randn(200, 2, 4);
        mlscratch.util.Progress.requestStop();                     // what the shell's Ctrl-C does
        KMedoids m;
        try {
            m = KMedoids.fit(X, k(6).withInit(Init.RANDOM).withSeed(3));
        } finally {
            mlscratch.util.Progress.clearStop();
        }
        assertEquals(1, m.trace().iterations(), "one swap, then the stop is seen");
        assertTrue(m.trace().notes().stream().anyMatch(s -> s.contains("Ctrl-C")), m.trace().toString());
        assertEquals(m.labels(), m.predict(X));                    // labels and cost belong to the medoids
        var full = KMedoids.fit(X, k(6).withInit(Init.RANDOM).withSeed(3));
        assertTrue(full.trace().iterations() > 1 && full.cost() < m.cost());
    }

    @Test
    void ctrlCInterruptsDBSCAN() {
        mlscratch.util.Progress.requestStop();
        try {
            assertThrows(mlscratch.util.TrainingInterrupted.class, () -> DBSCAN.fit(Matrix.randn(100, 2, 1), 0.3, 5));
        } finally {
            mlscratch.util.Progress.clearStop();
        }
    }

    @Test
    void noWorseThanSmilesKMedoids() {
        // Smile's KMedoids (a randomised swap search) as an independent reference: on separated blobs both
        // find the same partition, and PAM's cost (a local optimum over every single swap) is no higher.
        var blobs = Generators.blobs(300, 3, 0.8, 21);
        double[][] x = blobs.X().toArray2D();
        var ref = smile.clustering.KMedoids.fit(x, new smile.math.distance.EuclideanDistance(), 3);
        double refCost = 0;
        for (int i = 0; i < x.length; i++) refCost += Distance.EUCLIDEAN.between(x[i], ref.center(ref.group(i)));
        var ours = KMedoids.fit(blobs.X(), k(3));
        double[] theirs = new double[x.length];
        for (int i = 0; i < x.length; i++) theirs[i] = ref.group(i);
        assertEquals(1.0, Metrics.adjustedRandIndex(ours.labels(), Vector.wrap(theirs)), 1e-12);
        assertTrue(ours.cost() <= refCost + 1e-9, "ours " + ours.cost() + ", Smile " + refCost);
    }

    static void expect(String message, org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
