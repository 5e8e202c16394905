package mlscratch.linalg;

import static mlscratch.linalg.Decompositions.EPS;
import static mlscratch.linalg.Decompositions.num;

import mlscratch.util.Check;

/// Cholesky decomposition `A = LLᵀ` of a symmetric positive definite matrix: the square root of a matrix.
///
/// Definition: A is `n×n`, symmetric (`Aᵀ = A`) and positive definite (`xᵀAx > 0` for every x ≠ 0, i.e.
/// every eigenvalue > 0). Then exactly one lower triangular L with a positive diagonal satisfies
/// ```
/// A = L Lᵀ        det A = Πᵢ Lᵢᵢ²        log det A = 2 Σᵢ log Lᵢᵢ
/// ```
/// Algorithm (Cholesky–Banachiewicz, row by row): equate entry (i, j ≤ i) of `A = LLᵀ`,
/// `Aᵢⱼ = Σₖ≤ⱼ LᵢₖLⱼₖ`, and solve for the one unknown in it:
/// ```
/// Lᵢⱼ = (Aᵢⱼ − Σₖ<ⱼ Lᵢₖ Lⱼₖ) / Lⱼⱼ          j < i
/// Lᵢᵢ = √(Aᵢᵢ − Σₖ<ᵢ Lᵢₖ²)                  the pivot under the root must be > 0
/// ```
/// A pivot `≤ n·ε·max Aᵢᵢ` means A is not positive definite (to working precision) and throws
/// [NotPositiveDefiniteException] naming the row. That makes the factorisation the cheapest test of
/// positive definiteness. Only the lower triangle of A is read; the upper must match it (else an
/// `IllegalArgumentException`).
///
/// Solving `Ax = b` is two triangular sweeps, `Ly = b` then `Lᵀx = y`.
///
/// Cost: ⅓n³ flops, half of [LU], no pivoting, and stable for every SPD matrix. Each solve 2n².
///
/// When to use: covariance matrices (Gaussian log-likelihood needs `log det Σ` and `Σ⁻¹(x − μ)`; sampling
/// uses `μ + Lz`), kernel matrices, and the normal equation of least squares. Three routes to `w`:
/// ```
/// w = (XᵀX)⁻¹ Xᵀy          inverse: the formula, never the computation (≈ 2n³ more work, less accurate)
/// XᵀX = LLᵀ, solve twice   Cholesky: mn² to form XᵀX + ⅓n³; fast and fine while X is well conditioned,
///                          and always SPD for Ridge, XᵀX + λI with λ > 0
/// X = QR, Rw = Qᵀy         QR: 2mn² − ⅔n³; never forms XᵀX, whose condition number is κ(X)², so it
///                          stays accurate when X is ill conditioned (see [QR])
/// ```
/// Example (arithmetic in `CholeskyTest`):
/// ```
/// var A = Matrix.of(new double[][] {{4, 2}, {2, 3}});
/// var c = Cholesky.of(A);
/// c.L();                       // [[2, 0], [1, 1.4142]]    L₀₀ = √4, L₁₀ = 2/2, L₁₁ = √(3 − 1²)
/// c.logDet();                  // log 8 = 2(log 2 + log √2)
/// c.solve(Vector.of(6, 5));    // [1, 1]
/// ```
/// References: Golub & Van Loan, *Matrix Computations* (4th ed.), §4.2; Trefethen & Bau, lecture 23.
public final class Cholesky {
    private final int n;
    private final double[] l;   // n×n row-major: L on and below the diagonal, zeros above

    private Cholesky(int n, double[] l) {
        this.n = n;
        this.l = l;
    }

    /// Factors a symmetric positive definite matrix; throws [NotPositiveDefiniteException] when it is not
    /// positive definite and `IllegalArgumentException` when it is not symmetric.
    public static Cholesky of(Matrix A) {
        Decompositions.symmetric("Cholesky.of", A, " (Cholesky needs Aᵀ = A; for a general square A use A.lu())");
        int n = A.rows;
        double maxDiag = 0;
        for (int i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(A.a[i * n + i]));
        double tol = n * EPS * maxDiag;
        double[] L = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = A.a[i * n + j] - Kernels.dot(L, i * n, L, j * n, j);   // Aᵢⱼ − Σₖ<ⱼ LᵢₖLⱼₖ
                L[i * n + j] = s / L[j * n + j];                                   // Lᵢⱼ = (…) / Lⱼⱼ
            }
            double pivot = A.a[i * n + i] - Kernels.dot(L, i * n, L, i * n, i);    // Aᵢᵢ − Σₖ<ᵢ Lᵢₖ²
            if (!(pivot > tol))
                throw new NotPositiveDefiniteException("Cholesky.of: A is not positive definite: pivot in row " + i + " is "
                        + num(pivot) + " (must be > " + num(tol) + " = n·ε·max Aᵢᵢ); add a small ridge λI to the diagonal "
                        + "(A + λI), or use A.lu() for a symmetric indefinite A", i, pivot);
            L[i * n + i] = Math.sqrt(pivot);                                        // Lᵢᵢ = √(Aᵢᵢ − Σₖ<ᵢ Lᵢₖ²)
        }
        return new Cholesky(n, L);
    }

    /// The lower triangular factor L (positive diagonal).
    public Matrix L() { return new Matrix(n, n, l.clone()); }

    /// `log det A = 2 Σᵢ log Lᵢᵢ`, without the overflow of forming `det A` (think of a 1000×1000 covariance).
    public double logDet() {
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.log(l[i * n + i]);
        return 2 * s;
    }

    /// The solution of `Ax = b`.
    public Vector solve(Vector b) {
        Check.notNull("Cholesky.solve", "b", b);
        if (b.size() != n)
            throw Check.fail("Cholesky.solve", "A is " + n + "×" + n + " but b has size " + b.size() + " (b needs one entry per row, " + n + ")");
        b.requireFinite("Cholesky.solve", "b");
        double[] x = b.v.clone();
        for (int i = 0; i < n; i++)                                   // Ly = b:   yᵢ = (bᵢ − Σₖ<ᵢ Lᵢₖyₖ) / Lᵢᵢ
            x[i] = (x[i] - Kernels.dot(l, i * n, x, 0, i)) / l[i * n + i];
        for (int i = n - 1; i >= 0; i--) {                            // Lᵀx = y:  xᵢ = yᵢ / Lᵢᵢ, then yₖ −= Lᵢₖ xᵢ for k < i
            x[i] /= l[i * n + i];                                     // (column i of Lᵀ is row i of L: a contiguous loop)
            double xi = x[i];
            for (int k = 0; k < i; k++) x[k] -= l[i * n + k] * xi;
        }
        return new Vector(x);
    }

    /// The solution of `AX = B`, one column of X per column of B.
    public Matrix solve(Matrix B) {
        Check.notNull("Cholesky.solve", "B", B);
        if (B.rows != n)
            throw Check.fail("Cholesky.solve", "A is " + n + "×" + n + " but B is " + B.shape() + " (B.rows must equal " + n + ")");
        B.requireFinite("Cholesky.solve", "B");
        int p = B.cols;
        double[] X = B.a.clone();
        for (int i = 0; i < n; i++) {                                 // LY = B, row by row
            for (int k = 0; k < i; k++) {
                double lik = l[i * n + k];
                if (lik != 0) Decompositions.axpyRow(X, p, i, k, lik);   // Yᵢ −= Lᵢₖ Yₖ
            }
            double d = l[i * n + i];
            for (int c = 0; c < p; c++) X[i * p + c] /= d;            // Yᵢ /= Lᵢᵢ
        }
        for (int i = n - 1; i >= 0; i--) {                            // LᵀX = Y
            double d = l[i * n + i];
            for (int c = 0; c < p; c++) X[i * p + c] /= d;            // Xᵢ = Yᵢ / Lᵢᵢ
            for (int k = 0; k < i; k++) {
                double lik = l[i * n + k];
                if (lik != 0) Decompositions.axpyRow(X, p, k, i, lik);   // Yₖ −= Lᵢₖ Xᵢ
            }
        }
        return new Matrix(n, p, X);
    }

    /// `Cholesky 3×3 (A = LLᵀ), log det = 1.2345` followed by L.
    @Override public String toString() {
        return "Cholesky " + n + "×" + n + " (A = LLᵀ), log det = " + num(logDet()) + "\nL = " + L();
    }
}
