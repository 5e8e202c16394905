package mlscratch.linalg;

/// The fast paths under [Matrix] and [Vector]: loops on row-major `double[]` writing into an explicit
/// output. Public types never expose these arrays; every kernel here is tested against the textbook
/// loop it replaces ([#gemmReference]).
final class Kernels {
    private Kernels() {}

    /// `Σᵢ a[ai+i]·b[bi+i]` for i < n.
    static double dot(double[] a, int ai, double[] b, int bi, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;   // four partial sums: independent adds pipeline better
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ai + i] * b[bi + i];
            s1 += a[ai + i + 1] * b[bi + i + 1];
            s2 += a[ai + i + 2] * b[bi + i + 2];
            s3 += a[ai + i + 3] * b[bi + i + 3];
        }
        for (; i < n; i++) s0 += a[ai + i] * b[bi + i];
        return (s0 + s1) + (s2 + s3);
    }

    /// `√(Σ a[i]²)` scaled by the largest magnitude first, so entries near 1e200 do not overflow.
    static double norm2(double[] a, int from, int n) {
        double scale = 0;
        for (int i = from; i < from + n; i++) scale = Math.max(scale, Math.abs(a[i]));
        if (scale == 0 || !Double.isFinite(scale)) return scale;
        double s = 0;
        for (int i = from; i < from + n; i++) {
            double x = a[i] / scale;
            s += x * x;
        }
        return scale * Math.sqrt(s);
    }

    /// `|x − y| ≤ tol · max(1, |x|, |y|)`; NaN is close only to NaN.
    static boolean close(double x, double y, double tol) {
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.isNaN(x) && Double.isNaN(y);
        if (x == y) return true;   // covers equal infinities
        return Math.abs(x - y) <= tol * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    /// The textbook triple loop `C[i][j] = Σₖ A[i][k]·B[k][j]`, kept as the reference every faster GEMM is tested against.
    static void gemmReference(int m, int n, int p, double[] A, double[] B, double[] C) {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += A[i * n + k] * B[k * p + j];
                C[i * p + j] = s;
            }
    }

    /// `C = A·B` for row-major `A (m×n)`, `B (n×p)`, `C (m×p)`; C is overwritten.
    /// The i-k-j order streams rows of B and C, which the JIT vectorises.
    static void gemm(int m, int n, int p, double[] A, double[] B, double[] C) {
        java.util.Arrays.fill(C, 0, m * p, 0.0);
        for (int i = 0; i < m; i++) {
            int ci = i * p;
            for (int k = 0; k < n; k++) {
                double aik = A[i * n + k];
                if (aik == 0) continue;
                int bk = k * p;
                for (int j = 0; j < p; j++) C[ci + j] += aik * B[bk + j];
            }
        }
    }

    /// `y = A·x` for row-major `A (m×n)`.
    static void gemv(int m, int n, double[] A, double[] x, double[] y) {
        for (int i = 0; i < m; i++) y[i] = dot(A, i * n, x, 0, n);
    }

    /// `out = Aᵀ` for row-major `A (m×n)`, in 32×32 tiles so both sides stay in cache.
    static void transpose(int m, int n, double[] A, double[] out) {
        final int T = 32;
        for (int i0 = 0; i0 < m; i0 += T)
            for (int j0 = 0; j0 < n; j0 += T)
                for (int i = i0; i < Math.min(i0 + T, m); i++)
                    for (int j = j0; j < Math.min(j0 + T, n); j++) out[j * m + i] = A[i * n + j];
    }
}
