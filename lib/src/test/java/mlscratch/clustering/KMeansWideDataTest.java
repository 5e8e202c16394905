package mlscratch.clustering;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;

/// KMeans on data with d ≥ [KMeans#GEMM_MIN_D] features, where the assignment step runs through
/// `Matrix.squaredDistances` (one GEMM per block) instead of the fused loop: the result must still be a
/// fixed point of Lloyd's assignment under the definition `‖x − c‖² = Σₜ (xₜ − cₜ)²`, and both routes must
/// find the same clustering.
class KMeansWideDataTest {

    static double sq(Matrix X, int i, Matrix C, int j) {
        double s = 0;
        for (int t = 0; t < X.cols(); t++) {
            double diff = X.get(i, t) - C.get(j, t);
            s += diff * diff;
        }
        return s;
    }

    @Test void labelsAndInertiaAgreeWithTheDefinitionOnWideData() {
        int n = 3000, d = 40, k = 6;                                     // 3000 rows: two blocks of 2048, the second short
        assertTrue(d >= KMeans.GEMM_MIN_D);
        Matrix X = Matrix.randn(n, d, 51);
        var m = KMeans.fit(X, KMeans.Options.defaults().withK(k).withNInit(2).withMaxIter(50).withSeed(3));
        Matrix C = m.centroids();
        double J = 0;
        for (int i = 0; i < n; i++) {
            int z = (int) m.labels().get(i);
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) best = Math.min(best, sq(X, i, C, j));
            assertEquals(best, sq(X, i, C, z), 1e-9 * (1 + best), "row " + i + " is not with its nearest centroid");
            J += sq(X, i, C, z);
        }
        assertEquals(J, m.inertia(), 1e-9 * J);                          // J = Σᵢ ‖xᵢ − c_zᵢ‖²
        assertEquals(m.labels(), m.predict(X));
    }

    @Test void theGemmRouteFindsTheSameClustersAsTheFusedLoop() {
        // The route is picked by d, so fit three well-separated blobs (centres 10·e₀, 10·e₁, 10·e₂, spread 0.1)
        // with d = 40 (GEMM route) and the same points cut to their first 31 coordinates (fused loop).
        int n = 600, k = 3;
        double[] a = new double[n * 40];
        var rng = mlscratch.linalg.Rng.of(52);
        for (int i = 0; i < n; i++)
            for (int t = 0; t < 40; t++) a[i * 40 + t] = 0.1 * rng.nextGaussian() + (t < 3 && t == i % 3 ? 10 : 0);
        Matrix wide = Matrix.of(n, 40, a), narrow = wide.cols(0, 31);
        var opts = KMeans.Options.defaults().withK(k).withNInit(1).withSeed(4);
        var mw = KMeans.fit(wide, opts);
        var mn = KMeans.fit(narrow, opts);
        for (int i = 0; i < n; i++) assertEquals(mw.labels().get(i), mn.labels().get(i), "row " + i);   // same seed, same draws
        for (int i = 3; i < n; i++) assertEquals(mw.labels().get(i % 3), mw.labels().get(i));          // blob = i mod 3
    }
}
