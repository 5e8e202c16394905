package mlscratch.linalg;

import java.util.Locale;

import mlscratch.util.Check;

/// Argument checks and small loops shared by [LU], [Cholesky], [QR], [SymmetricEigen] and [SVD].
final class Decompositions {
    private Decompositions() {}

    static final double EPS = Math.ulp(1.0);   // ε = 2⁻⁵² ≈ 2.2e-16, the spacing of doubles at 1

    /// A non-null, non-empty matrix of finite numbers.
    static Matrix input(String where, Matrix A) {
        Check.notNull(where, "A", A);
        if (A.rows == 0 || A.cols == 0) throw Check.fail(where, "A is " + A.shape() + " (the matrix is empty)");
        return A.requireFinite(where, "A");
    }

    static Matrix square(String where, Matrix A, String hint) {
        input(where, A);
        if (!A.isSquare()) throw Check.fail(where, "A is " + A.shape() + " but must be square" + hint);
        return A;
    }

    /// Square and symmetric up to rounding: `|Aᵢⱼ − Aⱼᵢ| ≤ 1e-10 · max|A|`; the message names the first pair that differs.
    static Matrix symmetric(String where, Matrix A, String hint) {
        square(where, A, hint);
        int n = A.rows;
        double tol = 1e-10 * maxAbs(A.a);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) {
                double aij = A.a[i * n + j], aji = A.a[j * n + i];
                if (Math.abs(aij - aji) > tol)
                    throw Check.fail(where, "A is not symmetric: A[" + i + "][" + j + "] = " + num(aij) + " but A[" + j + "][" + i
                            + "] = " + num(aji) + hint);
            }
        return A;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, Math.abs(x));
        return m;
    }

    /// A number for a message: `0`, `-3`, `1.5`, `0.333333`, `3.10e-17`.
    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return String.valueOf((long) x);
        double ax = Math.abs(x);
        if (ax >= 1e-3 && ax < 1e6) return String.format(Locale.ROOT, "%.6f", x).replaceAll("0+$", "");
        return String.format(Locale.ROOT, "%.2e", x).replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
    }

    /// `X[i,:] −= f · X[k,:]` on a row-major array with `cols` columns (row operations of elimination).
    static void axpyRow(double[] X, int cols, int i, int k, double f) {
        int oi = i * cols, ok = k * cols;
        for (int c = 0; c < cols; c++) X[oi + c] -= f * X[ok + c];
    }

    /// `±1`, the sign that makes the largest-magnitude entry of `x[from … from+len)` positive. Entries within
    /// a relative 1e-9 of the largest count as ties and the first of them decides, so rounding cannot flip
    /// the choice between (1, −1)/√2 and (−1, 1)/√2.
    static double sign(double[] x, int from, int len) {
        double max = maxAbs(java.util.Arrays.copyOfRange(x, from, from + len));
        for (int i = from; i < from + len; i++)
            if (Math.abs(x[i]) >= max * (1 - 1e-9)) return x[i] < 0 ? -1 : 1;
        return 1;
    }
}
