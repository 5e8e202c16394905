package mlscratch.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

/// Every fast kernel against the textbook loop it replaces (`gemmReference`), over shapes that hit each
/// edge of the blocking: empty, one, odd row counts (the single-row tail), a k-range longer than one packed
/// panel (KC = 128), a column range longer than one panel (NC = 256), and the parallel split.
class KernelsTest {
    static final int[] SIZES = {0, 1, 7, 33, 65, 130};
    static final double TOL = 1e-12;

    static double[] uniform(int length, RandomGenerator rng) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) x[i] = 2 * rng.nextDouble() - 1;
        return x;
    }

    static double[] transpose(int rows, int cols, double[] A) {
        double[] T = new double[A.length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) T[j * rows + i] = A[i * cols + j];
        return T;
    }

    /// Checks `C ≈ A·B` entrywise to `TOL` relative to `(|A|·|B|)ᵢⱼ`, the size of the sum before cancellation.
    static void assertProduct(String what, int m, int n, int p, double[] A, double[] B, double[] C) {
        double[] R = new double[m * p], scale = new double[m * p];
        Kernels.gemmReference(m, n, p, A, B, R);
        Kernels.gemmReference(m, n, p, Arrays.stream(A).map(Math::abs).toArray(), Arrays.stream(B).map(Math::abs).toArray(), scale);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < p; j++) {
                int at = i * p + j;
                double err = Math.abs(C[at] - R[at]);
                if (!(err <= TOL * Math.max(scale[at], Double.MIN_NORMAL)))
                    fail(what + " " + m + "×" + n + "·" + n + "×" + p + ": C[" + i + "][" + j + "] = " + C[at]
                            + " but the textbook loop gives " + R[at]);
            }
    }

    /// A fresh output full of NaN: a kernel that forgets to overwrite an entry fails loudly.
    static double[] garbage(int length) {
        double[] C = new double[length];
        Arrays.fill(C, Double.NaN);
        return C;
    }

    @Test void gemmReferenceIsTheTextbookProduct() {
        // [1 2; 3 4]·[5 6; 7 8] = [1·5+2·7, 1·6+2·8; 3·5+4·7, 3·6+4·8] = [19 22; 43 50]
        double[] C = new double[4];
        Kernels.gemmReference(2, 2, 2, new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, C);
        assertArrayEquals(new double[] {19, 22, 43, 50}, C);
        // (1×3)·(3×2): [1 2 3]·[1 0; 0 1; 1 1] = [4 5]
        double[] D = new double[2];
        Kernels.gemmReference(1, 3, 2, new double[] {1, 2, 3}, new double[] {1, 0, 0, 1, 1, 1}, D);
        assertArrayEquals(new double[] {4, 5}, D);
    }

    @Test void everyGemmMatchesTheTextbookLoopOverAllShapes() {
        RandomGenerator rng = Rng.of(1);
        for (int m : SIZES)
            for (int n : SIZES)
                for (int p : SIZES) checkAllVariants(m, n, p, rng);
    }

    @Test void everyGemmMatchesTheTextbookLoopAcrossPanelBoundaries() {
        RandomGenerator rng = Rng.of(2);
        // p > NC = 256 (two column panels, the second short), n > KC = 128 (two k panels, one odd), odd m
        int[][] shapes = {{67, 131, 300}, {3, 257, 513}, {130, 2, 257}, {257, 129, 1}, {1, 300, 260}, {200, 128, 256}};
        for (int[] s : shapes) checkAllVariants(s[0], s[1], s[2], rng);
    }

    static void checkAllVariants(int m, int n, int p, RandomGenerator rng) {
        double[] A = uniform(m * n, rng), B = uniform(n * p, rng);
        double[] At = transpose(m, n, A), Bt = transpose(n, p, B);

        double[] C = garbage(m * p);
        Kernels.gemm(m, n, p, A, B, C);
        assertProduct("gemm", m, n, p, A, B, C);

        C = garbage(m * p);
        Kernels.gemmTransA(m, n, p, At, B, C);     // Aᵀ stored n×m, so (Aᵀ)ᵀB = AB
        assertProduct("gemmTransA", m, n, p, A, B, C);

        C = garbage(m * p);
        Kernels.gemmTransB(m, n, p, A, Bt, C);     // Bᵀ stored p×n, so A(Bᵀ)ᵀ = AB
        assertProduct("gemmTransB", m, n, p, A, B, C);

        for (boolean parallel : new boolean[] {false, true}) {
            C = garbage(m * p);
            Kernels.gemm(m, n, p, At, 1, m, Bt, 1, n, C, parallel);   // both through strides
            assertProduct("gemm(strided, parallel=" + parallel + ")", m, n, p, A, B, C);
        }
    }

    @Test void sequentialAndParallelGemmAgreeExactly() {
        // Same panels, same order of additions per entry: the split over threads must not change a bit.
        RandomGenerator rng = Rng.of(3);
        int m = 301, n = 257, p = 513;
        double[] A = uniform(m * n, rng), B = uniform(n * p, rng), C1 = garbage(m * p), C2 = garbage(m * p);
        Kernels.gemm(m, n, p, A, n, 1, B, p, 1, C1, false);
        Kernels.gemm(m, n, p, A, n, 1, B, p, 1, C2, true);
        assertArrayEquals(C1, C2);
    }

    @Test void gemmOfIdentityReturnsTheOtherFactor() {
        // I·B = B exactly: every sum has one nonzero term, and fma(1, b, 0) = b.
        RandomGenerator rng = Rng.of(4);
        int n = 140, p = 270;
        double[] I = new double[n * n], B = uniform(n * p, rng), C = garbage(n * p);
        for (int i = 0; i < n; i++) I[i * n + i] = 1;
        Kernels.gemm(n, n, p, I, B, C);
        assertArrayEquals(B, C);
    }

    @Test void gemvMatchesTheTextbookLoop() {
        RandomGenerator rng = Rng.of(5);
        // up to 600×500 = 300 000 ≥ GEMV_PARALLEL: the parallel split is exercised
        int[][] shapes = {{0, 3}, {3, 0}, {1, 1}, {7, 33}, {65, 130}, {130, 7}, {600, 500}, {1027, 301}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1];
            double[] A = uniform(m * n, rng), x = uniform(n, rng), y = garbage(m);
            Kernels.gemv(m, n, A, x, y);
            assertProduct("gemv", m, n, 1, A, x, y);
        }
    }

    @Test void gemvHandComputed() {
        // [1 2 3; 4 5 6]·[1, 0, −1] = [1 − 3, 4 − 6] = [−2, −2]
        double[] y = new double[2];
        Kernels.gemv(2, 3, new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 0, -1}, y);
        assertArrayEquals(new double[] {-2, -2}, y);
    }

    @Test void transposeSwapsIndices() {
        RandomGenerator rng = Rng.of(6);
        for (int[] s : new int[][] {{0, 4}, {1, 1}, {3, 70}, {33, 65}, {100, 1}}) {
            int m = s[0], n = s[1];
            double[] A = uniform(m * n, rng), T = garbage(m * n);
            Kernels.transpose(m, n, A, T);
            assertArrayEquals(transpose(m, n, A), T);
        }
    }

    @Test void dotUsesTheOffsetsAndEveryTerm() {
        // a[1..5) · b[0..4) = 2·1 + 3·1 + 4·1 + 5·1 = 14; 5 terms checks the scalar tail after the 4-wide loop
        double[] a = {1, 2, 3, 4, 5, 6}, b = {1, 1, 1, 1, 1};
        assertEquals(14, Kernels.dot(a, 1, b, 0, 4));
        assertEquals(2 + 3 + 4 + 5 + 6, Kernels.dot(a, 1, b, 0, 5));
        assertEquals(0, Kernels.dot(a, 0, b, 0, 0));
    }

    @Test void norm2DoesNotOverflowOrUnderflow() {
        assertEquals(5, Kernels.norm2(new double[] {3, 4}, 0, 2));
        assertEquals(5e200, Kernels.norm2(new double[] {3e200, 4e200}, 0, 2), 1e186);    // squares would be +Inf
        assertEquals(5e-200, Kernels.norm2(new double[] {3e-200, 4e-200}, 0, 2), 1e-214); // squares would be 0
        assertEquals(0, Kernels.norm2(new double[] {0, 0}, 0, 2));
        assertEquals(Double.POSITIVE_INFINITY, Kernels.norm2(new double[] {1, Double.NEGATIVE_INFINITY}, 0, 2));
    }

    @Test void closeIsAbsoluteNearZeroAndRelativeForLargeValues() {
        assertTrue(Kernels.close(0, 1e-10, 1e-9));
        assertFalse(Kernels.close(0, 1e-8, 1e-9));
        assertTrue(Kernels.close(1e12, 1e12 + 100, 1e-9));     // 100 ≤ 1e-9 · 1e12 = 1000
        assertFalse(Kernels.close(1e12, 1e12 + 1e4, 1e-9));
        assertTrue(Kernels.close(Double.NaN, Double.NaN, 0));
        assertFalse(Kernels.close(Double.NaN, 0, 1));
        assertTrue(Kernels.close(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0));
        assertFalse(Kernels.close(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1));
        assertFalse(Kernels.close(Double.POSITIVE_INFINITY, 1e300, 1));   // ∞ ≤ 1·∞ must not count as close
    }
}
