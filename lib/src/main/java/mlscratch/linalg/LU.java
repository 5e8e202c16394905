package mlscratch.linalg;

import static mlscratch.linalg.Decompositions.EPS;
import static mlscratch.linalg.Decompositions.num;

import java.util.Arrays;

import mlscratch.util.Check;

/// LU decomposition with partial pivoting, `PA = LU`: Gaussian elimination written down.
///
/// Definition, for a square `n×n` matrix A:
/// ```
/// P A = L U      P  a permutation matrix (the rows of A reordered)
///                L  unit lower triangular (Lᵢᵢ = 1, |Lᵢⱼ| ≤ 1), the elimination multipliers
///                U  upper triangular, what elimination leaves behind
/// det A = det(P)·Πᵢ Uᵢᵢ = ±Πᵢ Uᵢᵢ          (+ for an even number of row swaps)
/// ```
/// Algorithm (right-looking elimination, step k = 0 … n−1, in place on a copy of A):
/// ```
/// p    = argmaxᵢ≥ₖ |Aᵢₖ|          partial pivoting: the largest entry of column k goes on the diagonal
/// swap rows k and p                (record the swap in P)
/// Lᵢₖ  = Aᵢₖ / Aₖₖ                 for i > k; |Lᵢₖ| ≤ 1 thanks to the pivoting, which keeps rounding small
/// Aᵢⱼ −= Lᵢₖ · Aₖⱼ                 for i, j > k: subtract Lᵢₖ × row k from row i, zeroing column k below the diagonal
/// ```
/// U is what remains on and above the diagonal; the multipliers are stored below it as L.
/// Then `Ax = b  ⇔  LUx = Pb`, two triangular sweeps:
/// ```
/// L y = P b     forward:   yᵢ = (Pb)ᵢ − Σₖ<ᵢ Lᵢₖ yₖ
/// U x = y       backward:  xᵢ = (yᵢ − Σⱼ>ᵢ Uᵢⱼ xⱼ) / Uᵢᵢ
/// ```
/// Singular matrices: a pivot with `|Uₖₖ| ≤ n·ε·max|Aᵢⱼ|` (ε ≈ 2.2e-16) is zero to working precision. The
/// factorisation still completes (`PA = LU` holds) and [#det()] returns 0, but [#solve(Vector)],
/// [#solve(Matrix)] and [#inverse()] throw [SingularMatrixException] naming the column.
///
/// Cost: factorisation ≈ ⅔n³ flops; each solve 2n²; [#inverse()] 2n³ in all (it solves for the n
/// columns of I). So factor once and solve many; and prefer `A.solve(b)` to `A.inverse().times(b)`:
/// it is 3× cheaper and more accurate.
///
/// When to use: square systems `Ax = b`, determinants, inverses. For a symmetric positive definite A
/// (a covariance, `XᵀX + λI`) [Cholesky] is twice as fast; for least squares with a tall X use [QR].
///
/// Example (arithmetic in `LUTest`):
/// ```
/// var A  = Matrix.of(new double[][] {{2, 1}, {4, 3}});
/// var lu = LU.of(A);          // pivot [1, 0]: row 1 (the 4) goes first
/// lu.U();                     // [[4, 3], [0, -0.5]]       U₁₁ = 1 − ½·3
/// lu.L();                     // [[1, 0], [0.5, 1]]        L₁₀ = 2 / 4
/// lu.det();                   // 2 = −(4 · −0.5)           one swap, so the sign flips
/// lu.solve(Vector.of(3, 7));  // [1, 1]
/// ```
/// References: Golub & Van Loan, *Matrix Computations* (4th ed.), §3.2–3.4; Trefethen & Bau,
/// *Numerical Linear Algebra*, lectures 20–23.
public final class LU {
    private final int n;
    private final double[] lu;          // n×n row-major: U on and above the diagonal, L below it (Lᵢᵢ = 1 not stored)
    private final int[] perm;           // row i of PA is row perm[i] of A
    private final int sign;             // det P = (−1)^(number of swaps)
    private final int singularColumn;   // first column whose pivot is zero to working precision, or −1
    private final double tol;           // n·ε·max|Aᵢⱼ|

    private LU(int n, double[] lu, int[] perm, int sign, int singularColumn, double tol) {
        this.n = n;
        this.lu = lu;
        this.perm = perm;
        this.sign = sign;
        this.singularColumn = singularColumn;
        this.tol = tol;
    }

    /// Factors a square matrix. Never throws for a singular A (see [#isSingular()]); it fails only on a
    /// non-square, empty or non-finite A.
    public static LU of(Matrix A) {
        Decompositions.square("LU.of", A, " (LU needs a square matrix; for least squares use A.lstsq(b))");
        int n = A.rows;
        double[] a = A.a.clone();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        int sign = 1, singular = -1;
        double tol = n * EPS * Decompositions.maxAbs(A.a);

        for (int k = 0; k < n; k++) {
            int p = k;                                                      // p = argmaxᵢ≥ₖ |Aᵢₖ|
            for (int i = k + 1; i < n; i++) if (Math.abs(a[i * n + k]) > Math.abs(a[p * n + k])) p = i;
            if (p != k) {                                                   // swap rows k and p
                for (int j = 0; j < n; j++) {
                    double t = a[k * n + j]; a[k * n + j] = a[p * n + j]; a[p * n + j] = t;
                }
                int t = perm[k]; perm[k] = perm[p]; perm[p] = t;
                sign = -sign;
            }
            double pivot = a[k * n + k];                                    // Uₖₖ
            if (Math.abs(pivot) <= tol && singular < 0) singular = k;
            if (pivot == 0) continue;                                       // column k is already zero below the diagonal
            int rowK = k * n;
            for (int i = k + 1; i < n; i++) {
                int rowI = i * n;
                double l = a[rowI + k] / pivot;                             // Lᵢₖ = Aᵢₖ / Aₖₖ
                a[rowI + k] = l;
                if (l == 0) continue;
                for (int j = k + 1; j < n; j++) a[rowI + j] -= l * a[rowK + j];     // Aᵢⱼ −= Lᵢₖ · Aₖⱼ
            }
        }
        return new LU(n, a, perm, sign, singular, tol);
    }

    // ───────────────────────────── the factors ─────────────────────────────

    /// The unit lower triangular factor (ones on the diagonal, multipliers below).
    public Matrix L() {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(lu, i * n, out, i * n, i);
            out[i * n + i] = 1;
        }
        return new Matrix(n, n, out);
    }

    /// The upper triangular factor.
    public Matrix U() {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) System.arraycopy(lu, i * n + i, out, i * n + i, n - i);
        return new Matrix(n, n, out);
    }

    /// The permutation matrix P of `PA = LU`: `Pᵢⱼ = 1` when `j = pivot()[i]`.
    public Matrix P() {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) out[i * n + perm[i]] = 1;
        return new Matrix(n, n, out);
    }

    /// The row order as indices: row i of `PA` is row `pivot()[i]` of A (a copy).
    public int[] pivot() { return perm.clone(); }

    /// True when some pivot is zero to working precision, `|Uₖₖ| ≤ n·ε·max|Aᵢⱼ|`.
    public boolean isSingular() { return singularColumn >= 0; }

    /// `det A = det(P)·Πᵢ Uᵢᵢ`; exactly 0 when A is singular to working precision (where the product
    /// would be rounding noise such as 6.7e-16).
    public double det() {
        if (isSingular()) return 0;
        double d = sign;
        for (int i = 0; i < n; i++) d *= lu[i * n + i];             // det = ±Πᵢ Uᵢᵢ
        return d;
    }

    // ───────────────────────────── solving ─────────────────────────────

    /// The solution of `Ax = b`; throws [SingularMatrixException] when A is singular.
    public Vector solve(Vector b) {
        Check.notNull("LU.solve", "b", b);
        if (b.size() != n)
            throw Check.fail("LU.solve", "A is " + n + "×" + n + " but b has size " + b.size() + " (b needs one entry per row, " + n + ")");
        b.requireFinite("LU.solve", "b");
        requireNonSingular("LU.solve");
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = b.v[perm[i]];                           // y = Pb
        for (int i = 0; i < n; i++) x[i] -= Kernels.dot(lu, i * n, x, 0, i);         // yᵢ −= Σₖ<ᵢ Lᵢₖ yₖ
        for (int i = n - 1; i >= 0; i--)                                            // xᵢ = (yᵢ − Σⱼ>ᵢ Uᵢⱼ xⱼ) / Uᵢᵢ
            x[i] = (x[i] - Kernels.dot(lu, i * n + i + 1, x, i + 1, n - i - 1)) / lu[i * n + i];
        return new Vector(x);
    }

    /// The solution of `AX = B`, one column of X per column of B; throws [SingularMatrixException] when A is singular.
    public Matrix solve(Matrix B) {
        Check.notNull("LU.solve", "B", B);
        if (B.rows != n)
            throw Check.fail("LU.solve", "A is " + n + "×" + n + " but B is " + B.shape() + " (B.rows must equal " + n + ")");
        B.requireFinite("LU.solve", "B");
        requireNonSingular("LU.solve");
        return new Matrix(n, B.cols, solveRows(B.a, B.cols));
    }

    /// `A⁻¹`, by solving `AX = I`; throws [SingularMatrixException] when A is singular.
    /// To solve a system, [#solve(Vector)] is cheaper and more accurate than multiplying by the inverse.
    public Matrix inverse() {
        requireNonSingular("LU.inverse");
        return new Matrix(n, n, solveRows(Matrix.identity(n).a, n));
    }

    /// Row-oriented triangular sweeps on a row-major `n × p` right-hand side (each row operation is one contiguous loop).
    private double[] solveRows(double[] B, int p) {
        double[] X = new double[n * p];
        for (int i = 0; i < n; i++) System.arraycopy(B, perm[i] * p, X, i * p, p);   // Y = PB
        for (int i = 0; i < n; i++)                                                  // forward: Yᵢ −= Lᵢₖ Yₖ
            for (int k = 0; k < i; k++) {
                double l = lu[i * n + k];
                if (l != 0) Decompositions.axpyRow(X, p, i, k, l);
            }
        for (int i = n - 1; i >= 0; i--) {                                           // backward: Xᵢ = (Yᵢ − Σⱼ>ᵢ Uᵢⱼ Xⱼ) / Uᵢᵢ
            for (int j = i + 1; j < n; j++) {
                double u = lu[i * n + j];
                if (u != 0) Decompositions.axpyRow(X, p, i, j, u);
            }
            double d = lu[i * n + i];
            for (int c = 0; c < p; c++) X[i * p + c] /= d;
        }
        return X;
    }

    private void requireNonSingular(String where) {
        if (!isSingular()) return;
        int k = singularColumn;
        double pivot = lu[k * n + k];
        throw new SingularMatrixException(where + ": A is singular: pivot in column " + k + " is " + num(pivot)
                + " (|pivot| ≤ " + num(tol) + " = n·ε·max|Aᵢⱼ|); the columns are linearly dependent; "
                + "for least squares try A.lstsq(b) (QR), or Ridge with λ > 0", k, pivot);
    }

    /// `LU 3×3 (PA = LU), pivot [2, 0, 1], det = -6` followed by L and U.
    @Override public String toString() {
        return "LU " + n + "×" + n + " (PA = LU), pivot " + Arrays.toString(perm) + ", det = " + num(det())
                + "\nL = " + L() + "\nU = " + U();
    }
}
