package mlscratch.linalg;

import static mlscratch.linalg.KernelsTest.garbage;
import static mlscratch.linalg.KernelsTest.uniform;
import static org.junit.jupiter.api.Assertions.*;

import java.util.random.RandomGenerator;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/// `X.squaredDistances(C)` and its kernel: the expansion `‖x‖² − 2x·c + ‖c‖²` (one GEMM) against the
/// definition `Σₜ (xₜ − cₜ)²`, to an absolute tolerance scaled by `‖x‖² + ‖c‖²` (the size of the terms
/// that cancel).
class SquaredDistancesTest {
    static final int[] SIZES = {0, 1, 7, 33};

    /// `|D − R| ≤ tol·(‖xᵢ‖² + ‖cⱼ‖²)` entrywise, R from the definition.
    static void assertDistances(int n, int d, int k, double[] X, double[] C, double[] D, double tol) {
        double[] R = new double[n * k];
        Kernels.squaredDistancesReference(n, d, k, X, C, R);
        double[] xx = Kernels.rowNormsSquared(n, d, X), cc = Kernels.rowNormsSquared(k, d, C);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++) {
                double got = D[i * k + j], want = R[i * k + j];
                assertTrue(got >= 0, "D[" + i + "][" + j + "] = " + got + " is negative");
                assertTrue(Math.abs(got - want) <= tol * Math.max(xx[i] + cc[j], Double.MIN_NORMAL),
                        n + "×" + d + " vs " + k + "×" + d + ": D[" + i + "][" + j + "] = " + got + " but Σ(x − c)² = " + want);
            }
    }

    @Test void handComputed() {
        // X = [0 0; 3 4; 1 1], C = [0 0; 1 0]:
        //   ‖(0,0) − (0,0)‖² = 0     ‖(0,0) − (1,0)‖² = 1
        //   ‖(3,4) − (0,0)‖² = 25    ‖(3,4) − (1,0)‖² = 4 + 16 = 20
        //   ‖(1,1) − (0,0)‖² = 2     ‖(1,1) − (1,0)‖² = 1
        Matrix X = Matrix.of(3, 2, 0, 0, 3, 4, 1, 1), C = Matrix.of(2, 2, 0, 0, 1, 0);
        assertEquals(Matrix.of(3, 2, 0, 1, 25, 20, 2, 1), X.squaredDistances(C));
    }

    @Test void matchesTheDefinitionOverAllShapes() {
        RandomGenerator rng = Rng.of(21);
        for (int n : SIZES)
            for (int d : SIZES)
                for (int k : SIZES) {
                    double[] X = uniform(n * d, rng), C = uniform(k * d, rng), D = garbage(n * k);
                    Kernels.squaredDistances(n, d, k, X, C, D);
                    assertDistances(n, d, k, X, C, D, 1e-14);
                }
    }

    @Test void matchesTheDefinitionOnLargeAndNonSquareShapes() {
        // 1023 rows: the parallel GEMM with odd row blocks; k = 300 > one 256-column panel; d = 257 > one KC panel
        RandomGenerator rng = Rng.of(22);
        int[][] shapes = {{1023, 16, 8}, {1023, 33, 7}, {65, 257, 300}, {1, 784, 1023}, {1023, 1, 1}};
        for (int[] s : shapes) {
            int n = s[0], d = s[1], k = s[2];
            double[] X = uniform(n * d, rng), C = uniform(k * d, rng), D = garbage(n * k);
            Kernels.squaredDistances(n, d, k, X, C, D);
            assertDistances(n, d, k, X, C, D, 1e-14);
        }
    }

    @Test void distancesOfARowSetToItselfAreSymmetricWithAZeroDiagonal() {
        // D(X, X) = D(X, X)ᵀ; Dᵢᵢ = 0 up to the cancellation error ε·2‖xᵢ‖²
        Matrix X = Matrix.randn(50, 6, 23);
        Matrix D = X.squaredDistances(X);
        assertTrue(D.isClose(D.transpose(), 1e-13));
        double[] xx = Kernels.rowNormsSquared(50, 6, X.a);
        for (int i = 0; i < 50; i++) assertEquals(0, D.get(i, i), 1e-14 * xx[i]);
    }

    @Test void centroidsFarFromTheOriginStillNeverGiveNegativeDistances() {
        // rows 1e4 from the origin with spread 1: ‖x‖² ≈ 1e8 cancels to ≈ 1, rounding can go below 0 → clamped
        RandomGenerator rng = Rng.of(24);
        int n = 200, d = 5;
        double[] X = uniform(n * d, rng);
        for (int q = 0; q < X.length; q++) X[q] += 1e4;
        double[] D = garbage(n * n);
        Kernels.squaredDistances(n, d, n, X, X, D);
        assertDistances(n, d, n, X, X, D, 1e-14);                 // includes D ≥ 0
    }

    @Test void nanPropagatesAndIsNotClampedAway() {
        Matrix X = Matrix.of(2, 2, 0, Double.NaN, 1, 1), C = Matrix.of(1, 2, 0, 0);
        Matrix D = X.squaredDistances(C);
        assertTrue(Double.isNaN(D.get(0, 0)));
        assertEquals(2, D.get(1, 0), 1e-15);
    }

    @Test void shapeMismatchNamesBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(3, 2).squaredDistances(Matrix.zeros(4, 3)));
        assertEquals("squaredDistances: X is 3×2 but C is 4×3 (X.cols must equal C.cols)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(3, 2).squaredDistances(null));
        assertEquals("squaredDistances: 'C' must not be null", e.getMessage());
    }

    @Property(tries = 60)
    void equalsTheDefinitionAndTranslationDoesNotChangeIt(@ForAll @IntRange(min = 0, max = 40) int n,
                                                          @ForAll @IntRange(min = 0, max = 40) int d,
                                                          @ForAll @IntRange(min = 0, max = 20) int k,
                                                          @ForAll long seed) {
        RandomGenerator rng = Rng.of(seed);
        double[] X = uniform(n * d, rng), C = uniform(k * d, rng), D = garbage(n * k);
        Kernels.squaredDistances(n, d, k, X, C, D);
        assertDistances(n, d, k, X, C, D, 1e-14);
        // ‖(x + s) − (c + s)‖ = ‖x − c‖: shift both by the same vector s = (0, 0.25, 0.5, …); the shifted norms
        // are larger, and so is the cancellation error: the tolerance scales with them
        double[] Xs = X.clone(), Cs = C.clone(), Ds = garbage(n * k);
        for (int q = 0; q < Xs.length; q++) Xs[q] += 0.25 * (q % Math.max(d, 1));
        for (int q = 0; q < Cs.length; q++) Cs[q] += 0.25 * (q % Math.max(d, 1));
        Kernels.squaredDistances(n, d, k, Xs, Cs, Ds);
        double[] xx = Kernels.rowNormsSquared(n, d, Xs), cc = Kernels.rowNormsSquared(k, d, Cs);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++) assertEquals(D[i * k + j], Ds[i * k + j], 2e-14 * (1 + xx[i] + cc[j]));
    }
}
