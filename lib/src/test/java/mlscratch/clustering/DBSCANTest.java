package mlscratch.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.data.Generators;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;

class DBSCANTest {

    @Test
    void handComputedOneDimensionalCase() {
        // x = 0, 0.5, 1, 1.5, 3, 10, 10.4, 10.8, 20 with ε = 0.6, minPts = 3 (the point itself counts):
        // N(0) = {0, 0.5}            2 → not core        N(0.5) = {0, 0.5, 1}    3 → core
        // N(1) = {0.5, 1, 1.5}       3 → core            N(1.5) = {1, 1.5}       2 → border (of 1)
        // N(3) = {3}                 1 → noise           N(10)  = {10, 10.4}     2 → border (of 10.4)
        // N(10.4) = {10, 10.4, 10.8} 3 → core            N(10.8) = {10.4, 10.8}  2 → border
        // N(20) = {20}               1 → noise
        var X = Matrix.of(9, 1, 0, 0.5, 1, 1.5, 3, 10, 10.4, 10.8, 20);
        var m = DBSCAN.fit(X, 0.6, 3);
        assertArrayEquals(new double[] {0, 0, 0, 0, -1, 1, 1, 1, -1}, m.labels().toArray());
        assertArrayEquals(new double[] {1, 2, 6}, m.coreIndices().toArray());
        assertEquals(2, m.clusters());
        assertEquals(2, m.noise());
        assertTrue(m.isBorder(0) && m.isBorder(3) && m.isCore(1) && m.isNoise(4));
        assertArrayEquals(new double[] {4, 3}, m.clusterSizes().toArray());
        // predict: 0.2 is within ε of core 0.5 → 0; 10.9 within ε of core 10.4 → 1; 5 near nothing → −1
        assertArrayEquals(new double[] {0, 1, -1}, m.predict(Matrix.of(3, 1, 0.2, 10.9, 5)).toArray());
    }

    /// The labels scikit-learn 1.2.1 gives (`DBSCAN(eps=0.06, min_samples=5).fit(X).labels_`, run by hand
    /// with Debian's python3) on 300 points from the LCG below: '.' is −1, 'A' is 0, 'B' is 1, … Every
    /// label matches, border points included (both number clusters by their first core point and give
    /// a border point to the first cluster that reaches it).
    static final String SKLEARN = ".A...FBDSCBD.E.F..G..KACDHAG.OIJ.G.G...UE.A.JABJHGFK.LEMCK..GB.ND.CDN.GDD..DIBACDKOP..KK.DIQAHRO.LF...."
            + "JKVTJI....B.POMD.T..SO....GG.IA.FN.SCQ.K.BB.JSSOOQHOPHD.RC.G.M.G.MA.RFF.EAHC....CCI.KO.R.SGB.M..DP.CHOQT.E.BB.."
            + "OBIK.IF.K.O..DEJS..MU..AHQDM.HD..HNDUJU.HVNKR.F.DI..N.V.PH...L.G.CFUKASSD...DQH.T.AHAF";

    /// Uniform points in the unit square from `s ← (1103515245 s + 12345) mod 2³¹`, x = s / 2³¹ (s₀ = 12345),
    /// exactly reproducible in Python.
    static Matrix lcgPoints(int n) {
        long s = 12345;
        double[] x = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            s = (s * 1103515245L + 12345) % (1L << 31);
            x[i] = s / (double) (1L << 31);
        }
        return Matrix.wrap(n, 2, x);
    }

    @Test
    void matchesScikitLearnLabelForLabel() {
        var m = DBSCAN.fit(lcgPoints(300), 0.06, 5);
        assertEquals(300, SKLEARN.length());
        for (int i = 0; i < 300; i++) {
            char c = SKLEARN.charAt(i);
            int expected = c == '.' ? -1 : c - 'A';
            assertEquals(expected, (int) m.labels().get(i), "row " + i);
        }
        assertEquals(22, m.clusters());
        assertEquals(103, m.noise());
        assertEquals(113, m.coreIndices().size());
    }

    @Test
    void samePartitionAsSmile() {
        // Smile's minPts does not count the point itself: our minPts = 5 is Smile's 4.
        var X = Matrix.vstack(Generators.blobs(600, 3, 0.4, 3).X(), Matrix.random(60, 2, 4).scale(16).minus(8));
        var ours = DBSCAN.fit(X, 0.5, 5);
        var ref = smile.clustering.DBSCAN.fit(X.toArray2D(), 4, 0.5);
        double[] theirs = new double[X.rows()];
        for (int i = 0; i < theirs.length; i++) {
            int g = ref.group(i);
            theirs[i] = g == smile.clustering.Clustering.OUTLIER ? -1 : g;
        }
        for (int i = 0; i < theirs.length; i++)
            assertEquals(theirs[i] == -1, ours.isNoise(i), "noise disagrees at row " + i);
        assertEquals(ref.k(), ours.clusters());
        assertEquals(1.0, Metrics.adjustedRandIndex(ours.labels(), Vector.wrap(theirs)), 1e-12);
    }

    @Test
    void everyCorePointsNeighboursShareItsClusterAndNoiseHasNoCoreNeighbour() {
        for (long seed = 1; seed <= 3; seed++) {
            var X = Matrix.vstack(Generators.moons(300, 0.08, seed).X(), Matrix.random(40, 2, seed).scale(3).minus(1));
            double eps = 0.12;
            int minPts = 4;
            var m = DBSCAN.fit(X, eps, minPts);
            int n = X.rows();
            for (int i = 0; i < n; i++) {
                int neighbours = 0;
                boolean coreNeighbour = false;
                for (int j = 0; j < n; j++) {
                    if (X.row(i).minus(X.row(j)).norm() > eps) continue;
                    neighbours++;
                    if (m.isCore(j)) coreNeighbour = true;
                    if (m.isCore(i)) assertEquals(m.labels().get(i), m.labels().get(j), "core " + i + " and neighbour " + j);
                }
                assertEquals(neighbours >= minPts, m.isCore(i), "row " + i + " has " + neighbours + " neighbours");
                if (m.isNoise(i)) assertFalse(coreNeighbour, "noise row " + i + " has a core neighbour");
                if (m.isBorder(i)) assertTrue(coreNeighbour, "border row " + i + " has no core neighbour");
            }
            assertTrue(m.clusters() >= 2 && m.noise() > 0, m.toString());
        }
    }

    @Test
    void gridBruteForceAndGeneralDistanceAgree() {
        // The same points in 2-D (grid), padded with two zero columns to 4-D (brute force), and with a
        // custom Euclidean lambda (the general path): distances are equal, so are the labels.
        var X2 = Generators.blobs(500, 4, 0.7, 11).X();
        var X4 = Matrix.hstack(X2, Matrix.zeros(500, 2));
        Distance euclid = (a, b) -> {
            double s = 0;
            for (int t = 0; t < a.length; t++) s += (a[t] - b[t]) * (a[t] - b[t]);
            return Math.sqrt(s);
        };
        var grid = DBSCAN.fit(X2, 0.3, 5);
        assertEquals(grid.labels(), DBSCAN.fit(X4, 0.3, 5).labels());
        assertEquals(grid.labels(), DBSCAN.fit(X2, DBSCAN.Options.defaults().withEps(0.3).withDistance(euclid)).labels());
        assertTrue(RangeSearch.of(X2.toArray(), 500, 2, 0.3, Distance.EUCLIDEAN) instanceof RangeSearch.Grid);
        assertTrue(RangeSearch.of(X4.toArray(), 500, 4, 0.3, Distance.EUCLIDEAN) instanceof RangeSearch.BruteForce);
    }

    @Test
    void gridFindsExactlyTheBruteForceNeighbourhoods() {
        var rng = Rng.of(5);
        for (int d = 1; d <= 3; d++) {
            int n = 200;
            var X = Matrix.randn(n, d, rng);
            double eps = 0.1 + rng.nextDouble();
            double[] x = X.toArray();
            var grid = RangeSearch.of(x, n, d, eps, Distance.EUCLIDEAN);
            var brute = new RangeSearch.BruteForce(x, n, d, eps * eps);
            assertTrue(grid instanceof RangeSearch.Grid);
            for (int i = 0; i < 50; i++) {
                double[] q = Matrix.randn(1, d, rng).scale(1.5).toArray();   // some queries outside the data's box
                var a = new java.util.TreeSet<Integer>();
                var b = new java.util.TreeSet<Integer>();
                grid.forEach(q, a::add);
                brute.forEach(q, b::add);
                assertEquals(b, a, "d = " + d + ", query " + i);
            }
        }
    }

    @Test
    void moonsAreTwoClustersWhereKMeansFails() {
        var moons = Generators.moons(400, 0.05, 7);
        var m = DBSCAN.fit(moons.X(), 0.2, 5);
        assertEquals(2, m.clusters());
        assertEquals(1.0, Metrics.adjustedRandIndex(m.labels(), moons.y()), 1e-12);
        var km = KMeans.fit(moons.X(), 2);
        assertTrue(Metrics.adjustedRandIndex(km.labels(), moons.y()) < 0.6);
    }

    @Test
    void predictGivesTrainingLabelsOfCorePoints() {
        var X = Generators.blobs(300, 3, 0.5, 2).X();
        var m = DBSCAN.fit(X, 0.4, 5);
        var p = m.predict(X);
        for (int i = 0; i < X.rows(); i++) {
            if (m.isCore(i)) assertEquals(m.labels().get(i), p.get(i), "core row " + i);
            if (m.isNoise(i)) assertEquals(-1, p.get(i), "noise row " + i);
        }
    }

    @Test
    void kDistancesByHand() {
        // points 0, 1, 3, 7: 1-distance = 1, 1, 2, 4; 2-distance = 3, 2, 3, 6
        var X = Matrix.of(4, 1, 0, 1, 3, 7);
        assertArrayEquals(new double[] {1, 1, 2, 4}, DBSCAN.kDistances(X, 1).toArray(), 0);
        assertArrayEquals(new double[] {3, 2, 3, 6}, DBSCAN.kDistances(X, 2).toArray(), 0);
        assertArrayEquals(new double[] {6, 3, 3, 2}, DBSCAN.sortedDescending(DBSCAN.kDistances(X, 2)).toArray(), 0);
    }

    @Test
    void kDistanceIsTheRadiusThatMakesEveryPointCore() {
        // with ε = max k-distance and minPts = k + 1, every point has ≥ k others within ε: all core
        var X = Matrix.randn(120, 3, 9);
        var kd = DBSCAN.kDistances(X, 4);
        var m = DBSCAN.fit(X, kd.max(), 5);
        assertEquals(120, m.coreIndices().size());
        var m2 = DBSCAN.fit(X, kd.min() * 0.999, 5);                     // below every 4-distance: nobody is core
        assertEquals(0, m2.coreIndices().size());
        assertEquals(120, m2.noise());
    }

    @Test
    void sameDataSameModel() {
        var X = Generators.moons(300, 0.1, 3).X();
        assertEquals(DBSCAN.fit(X, 0.15, 5), DBSCAN.fit(X, 0.15, 5));
    }

    @Test
    void badInputFailsWithClearMessages() {
        var X = Matrix.of(3, 1, 0, 1, 2);
        expect("DBSCAN.Options: 'eps' must be finite and > 0, got -0.1", () -> DBSCAN.Options.defaults().withEps(-0.1));
        expect("DBSCAN.Options: 'minPts' must be > 0, got 0", () -> DBSCAN.Options.defaults().withMinPts(0));
        expect("DBSCAN.fit: X[1][0] is NaN", () -> DBSCAN.fit(Matrix.of(3, 1, 0, Double.NaN, 2)));
        expect("DBSCAN.fit: X is empty (0 rows)", () -> DBSCAN.fit(Matrix.zeros(0, 2)));
        expect("DBSCAN.fit: 'X' must not be null", () -> DBSCAN.fit(null));
        expect("DBSCAN.predict: X has 2 columns but the model was fitted on 1", () -> DBSCAN.fit(X, 1.5, 2).predict(Matrix.zeros(1, 2)));
        expect("DBSCAN.kDistances: k = 3 needs at least k + 1 rows, but X has 3", () -> DBSCAN.kDistances(X, 3));
        var opts = DBSCAN.Options.defaults();
        expect("DBSCAN: coreIndices must ascend, but coreIndices[1] = 0.0 follows 2.0",
                () -> new DBSCAN(Vector.of(0, 0, 0), Vector.of(2, 0), Matrix.zeros(2, 1), opts));
        expect("DBSCAN: core point 1 has label -1.0; a core point is never noise",
                () -> new DBSCAN(Vector.of(0, -1, 0), Vector.of(1), Matrix.zeros(1, 1), opts));
    }

    @Test
    void toStringSummarises() {
        var s = DBSCAN.fit(Matrix.of(9, 1, 0, 0.5, 1, 1.5, 3, 10, 10.4, 10.8, 20), 0.6, 3).toString();
        assertTrue(s.startsWith("DBSCAN(eps = 0.6, minPts = 3, euclidean)"), s);
        assertTrue(s.contains("2 clusters; of n = 9: 3 core, 4 border, 2 noise"), s);
    }

    @Test
    void expandedIndexFindsExactlyTheBruteForceNeighbourhoods() {
        // d = 36 ≥ 32: blocks of queries × tiles of 512 points through one GEMM each (1100 points: two full
        // tiles and a partial one). Coordinates cₜ + {0, 1, 2} with cₜ in [1000, 1001) make ‖x‖² ≈ 3.6e7, so
        // the expansion ‖q‖² − 2q·x + ‖x‖² is off by ~1e-8 while many pairs sit exactly on ε² = 25 (the
        // differences are exact integers): those must be decided by the direct sum, as BruteForce decides them.
        int n = 1100, d = 36;
        var rng = Rng.of(21);
        double[] x = new double[n * d];
        double[] c = new double[d];
        for (int t = 0; t < d; t++) c[t] = 1000 + rng.nextDouble();
        for (int i = 0; i < x.length; i++) x[i] = c[i % d] + (rng.nextDouble() < 0.8 ? 0 : rng.nextInt(1, 3));
        var brute = new RangeSearch.BruteForce(x, n, d, 25.0);
        var index = RangeSearch.of(x, n, d, 5.0, Distance.EUCLIDEAN);
        assertTrue(index instanceof RangeSearch.Expanded, index.getClass().getSimpleName());

        int[] want = new int[n], got = new int[n];
        brute.countRows(x, d, 0, n, n, want);
        index.countRows(x, d, 0, 64, n, got);
        index.countRows(x, d, 64, n, n, got);
        assertArrayEquals(want, got);
        int ties = 0;                                                    // pairs exactly on the boundary
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) if (Rows.squaredDistance(x, i * d, x, j * d, d) == 25.0) ties++;
        assertTrue(ties > 0, "the data should put pairs exactly at ε");
        var raw = Matrix.wrap(n, d, x).squaredDistances(Matrix.wrap(n, d, x));   // the expansion alone
        int off = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if ((raw.get(i, j) <= 25.0) != (Rows.squaredDistance(x, i * d, x, j * d, d) <= 25.0)) off++;
        assertTrue(off > 0, "the expansion alone should misjudge some pairs here, or this test proves nothing");

        int[] rows = java.util.stream.IntStream.range(0, 70).map(r -> (r * 31) % n).toArray();
        var out = new RangeSearch.Hits[70];
        for (int r = 0; r < 70; r++) out[r] = new RangeSearch.Hits();
        index.neighboursOfRows(x, d, rows, 0, 70, out);
        for (int r = 0; r < 70; r++) {
            var one = brute.neighbours(x, rows[r] * d, new RangeSearch.Hits());
            assertArrayEquals(java.util.Arrays.copyOf(one.index, one.size), java.util.Arrays.copyOf(out[r].index, out[r].size), "query " + r);
        }
        Distance euclid = (a, b) -> Math.sqrt(Rows.squaredDistance(a, 0, b, 0, a.length));   // the General path
        var X = Matrix.wrap(n, d, x);
        var fast = DBSCAN.fit(X, 5.0, 20);
        assertEquals(DBSCAN.fit(X, DBSCAN.Options.defaults().withEps(5.0).withMinPts(20).withDistance(euclid)).labels(), fast.labels());
        assertTrue(fast.clusters() >= 1 && fast.noise() > 0, fast.toString());   // a partition where ties matter
    }

    @Test
    void blockedBruteForceEqualsOneQueryAtATime() {
        int n = 700, d = 5;                                              // 700 points: three tiles of 256
        double[] x = Matrix.randn(n, d, 13).toArray();
        var brute = new RangeSearch.BruteForce(x, n, d, 2.0 * 2.0);
        int[] counts = new int[n];
        brute.countRows(x, d, 10, 90, 7, counts);
        int[] rows = java.util.stream.IntStream.range(0, 80).map(r -> (r * 37) % n).toArray();
        var out = new RangeSearch.Hits[80];
        for (int r = 0; r < 80; r++) out[r] = new RangeSearch.Hits();
        brute.neighboursOfRows(x, d, rows, 1, 80, out);                // 79 queries: 19 groups of four, then 3 alone
        int full = 0;
        for (int i = 10; i < 90; i++) {
            assertEquals(brute.count(x, i * d, 7), counts[i], "row " + i);
            full += brute.count(x, i * d, n) >= 7 ? 1 : 0;
        }
        assertTrue(full > 10 && full < 80, "the limit matters for some rows and not others: " + full);
        for (int r = 1; r < 80; r++) {
            var one = brute.neighbours(x, rows[r] * d, new RangeSearch.Hits());
            assertTrue(one.size > 0);
            assertArrayEquals(java.util.Arrays.copyOf(one.index, one.size), java.util.Arrays.copyOf(out[r - 1].index, out[r - 1].size), "query " + r);
        }
    }

    @Test
    void irisMatchesScikitLearnCounts() {
        // scikit-learn 1.2.1, DBSCAN(eps=0.5, min_samples=5).fit(load_iris().data): 2 clusters of 49 and 84,
        // 17 noise points, 117 core samples
        var m = DBSCAN.fit(mlscratch.data.Datasets.iris().X(), 0.5, 5);
        assertEquals(2, m.clusters());
        assertEquals(17, m.noise());
        assertEquals(117, m.coreIndices().size());
        assertArrayEquals(new double[] {49, 84}, m.clusterSizes().toArray());
    }

    static void expect(String message, org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
