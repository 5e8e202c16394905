package mlscratch.linalg;

import static mlscratch.linalg.Decompositions.EPS;
import static mlscratch.linalg.Decompositions.num;

import mlscratch.util.Check;

/// Householder QR decomposition `A = QR` of a tall `m×n` matrix (m ≥ n), and least squares with it.
///
/// Definition (thin QR):
/// ```
/// A = Q R        Q  m×n with orthonormal columns (QᵀQ = I)
///                R  n×n upper triangular
/// ```
/// Algorithm: n Householder reflections `Hₖ = I − βₖvₖvₖᵀ` (mirrors, so `Hₖᵀ = Hₖ = Hₖ⁻¹`), each zeroing
/// column k below the diagonal: `Hₙ₋₁ ⋯ H₁H₀ A = R`, hence `Q = H₀H₁ ⋯ Hₙ₋₁` (first n columns). Step k,
/// with `x = A[k:m, k]`:
/// ```
/// α  = −sign(x₀)·‖x‖             the sign opposite to x₀ avoids cancellation in v₀
/// v  = x − α e₁                  so that Hx = α e₁: column k becomes (α, 0, …, 0)
/// β  = 2 / vᵀv = −1 / (α v₀)     since vᵀv = 2α² − 2αx₀ = −2αv₀
/// A[k:m, j] −= β (vᵀA[k:m, j]) v  for j > k: apply H to the remaining columns (never form H)
/// ```
/// Least squares: Q's columns and their complement form an orthonormal basis, and rotating the
/// residual does not change its length, so
/// ```
/// ‖Ax − b‖² = ‖Rx − (Qᵀb)₀:ₙ‖² + ‖(Qᵀb)ₙ:ₘ‖²     minimised by   R x = (Qᵀb)₀:ₙ  (back substitution)
/// ```
/// [#solve(Vector)] applies the stored reflections to b (`Qᵀb = Hₙ₋₁⋯H₀ b`) and back-substitutes; Q itself
/// is never formed ([#Q()] builds it only when asked).
///
/// Rank: a diagonal entry `|Rₖₖ| ≤ max(m, n)·ε·maxᵢ|Rᵢᵢ|` means column k is (numerically) a combination of
/// the columns before it; [#isFullRank()] is then false and `solve` throws [SingularMatrixException].
/// QR without column pivoting is not a rank-revealing tool in general: for the numerical rank use [SVD#rank()].
///
/// Cost: 2mn² − ⅔n³ flops to factor; forming Q another 2mn² − ⅔n³; each solve 4mn − n².
///
/// When to use: least squares `min ‖Xw − y‖`, the linear regression fit. Compared with the normal
/// equation `XᵀXw = Xᵀy` (solved by an inverse or by [Cholesky]): QR never forms XᵀX, whose condition
/// number is `κ(XᵀX) = κ(X)²`, so its error grows like κ(X)·ε instead of κ(X)²·ε. With a polynomial
/// (Vandermonde) design, κ(X) ≈ 1e7 is common: then κ(X)²·ε ≈ 0.01 and the normal equation keeps about
/// one correct digit, while κ(X)·ε ≈ 1e-9 leaves QR about eight (`QRTest` shows it on degree 10). QR costs
/// about twice as much as Cholesky when m ≫ n. The [SVD] is the next step when X is rank deficient.
///
/// Example (arithmetic in `QRTest`): fit a line y = w₀ + w₁t through (0, 1), (1, 2), (2, 2):
/// ```
/// var X = Matrix.of(new double[][] {{1, 0}, {1, 1}, {1, 2}});
/// var y = Vector.of(1, 2, 2);
/// QR.of(X).solve(y);           // [1.1667, 0.5]    the normal equation [[3, 3], [3, 5]] w = [5, 6]
/// QR.of(X).R();                // [[-1.7321, -1.7321], [0, -1.4142]]    |R₀₀| = ‖column 0‖ = √3
/// ```
/// References: Golub & Van Loan, *Matrix Computations* (4th ed.), §5.1–5.3; Trefethen & Bau, lectures 10–11, 18–19.
public final class QR {
    private final int m, n;
    private final double[] w;       // n×m row-major, row k = column k of the working matrix: Rₖⱼ = w[j·m + k] for k < j,
                                    // and the Householder vector vₖ in w[k·m + k … k·m + m)
    private final double[] rdiag;   // Rₖₖ = αₖ
    private final double[] beta;    // βₖ = 2 / vₖᵀvₖ, 0 when Hₖ = I (column k was already zero below the diagonal)
    private final double tol;       // max(m, n)·ε·maxₖ|Rₖₖ|

    private QR(int m, int n, double[] w, double[] rdiag, double[] beta) {
        this.m = m;
        this.n = n;
        this.w = w;
        this.rdiag = rdiag;
        this.beta = beta;
        this.tol = Math.max(m, n) * EPS * Decompositions.maxAbs(rdiag);
    }

    /// Factors a tall or square matrix (rows ≥ cols). Never throws for a rank-deficient A (see [#isFullRank()]).
    public static QR of(Matrix A) {
        Decompositions.input("QR.of", A);
        int m = A.rows, n = A.cols;
        if (m < n)
            throw Check.fail("QR.of", "A is " + A.shape() + " but QR needs rows ≥ cols (an underdetermined system has many "
                    + "solutions; the minimum-norm one is A.svd().pseudoInverse().times(b))");
        double[] w = new double[n * m];
        Kernels.transpose(m, n, A.a, w);                // work on Aᵀ: each column of A is a contiguous row
        double[] rdiag = new double[n], beta = new double[n];
        for (int k = 0; k < n; k++) {
            int xk = k * m + k, len = m - k;            // x = A[k:m, k] = w[xk … xk + len)
            double norm = Kernels.norm2(w, xk, len);    // ‖x‖
            if (norm == 0) continue;                    // nothing to zero: Hₖ = I, Rₖₖ = 0
            double x0 = w[xk];
            double alpha = x0 >= 0 ? -norm : norm;      // α = −sign(x₀)·‖x‖
            double v0 = x0 - alpha;                     // v = x − αe₁ (only v₀ changes)
            w[xk] = v0;
            double b = -1 / (alpha * v0);               // β = 2 / vᵀv = −1 / (α v₀)
            rdiag[k] = alpha;                           // Rₖₖ = α
            beta[k] = b;
            for (int j = k + 1; j < n; j++) {           // A[k:m, j] −= β (vᵀA[k:m, j]) v
                int cj = j * m + k;
                double s = b * Kernels.dot(w, xk, w, cj, len);
                for (int i = 0; i < len; i++) w[cj + i] -= s * w[xk + i];
            }
        }
        return new QR(m, n, w, rdiag, beta);
    }

    // ───────────────────────────── the factors ─────────────────────────────

    /// The thin Q, `m×n` with orthonormal columns: `Q = H₀H₁⋯Hₙ₋₁` applied to the first n columns of I.
    public Matrix Q() {
        double[] qt = new double[n * m];                // row j = column j of Q
        for (int j = 0; j < n; j++) {
            int qj = j * m;
            qt[qj + j] = 1;                             // eⱼ
            for (int k = j; k >= 0; k--) {              // q = H₀(H₁(⋯Hⱼ eⱼ)); Hₖ eⱼ = eⱼ for k > j
                if (beta[k] == 0) continue;
                int vk = k * m + k, len = m - k;
                double s = beta[k] * Kernels.dot(w, vk, qt, qj + k, len);   // q[k:] −= β (vᵀq[k:]) v
                for (int i = 0; i < len; i++) qt[qj + k + i] -= s * w[vk + i];
            }
        }
        double[] q = new double[m * n];
        Kernels.transpose(n, m, qt, q);
        return new Matrix(m, n, q);
    }

    /// The `n×n` upper triangular R.
    public Matrix R() {
        double[] r = new double[n * n];
        for (int k = 0; k < n; k++) {
            r[k * n + k] = rdiag[k];
            for (int j = k + 1; j < n; j++) r[k * n + j] = w[j * m + k];
        }
        return new Matrix(n, n, r);
    }

    /// True when every `|Rₖₖ| > max(m, n)·ε·maxᵢ|Rᵢᵢ|`: the columns of A are linearly independent.
    public boolean isFullRank() { return firstDeficientColumn() < 0; }

    // ───────────────────────────── least squares ─────────────────────────────

    /// The least-squares solution `x = argmin ‖Ax − b‖` (the exact solution when A is square): applies the
    /// reflections to b, then back-substitutes `Rx = (Qᵀb)₀:ₙ`. Throws [SingularMatrixException] when A is rank deficient.
    public Vector solve(Vector b) {
        Check.notNull("QR.solve", "b", b);
        if (b.size() != m)
            throw Check.fail("QR.solve", "A is " + m + "×" + n + " but b has size " + b.size() + " (b needs one entry per row, " + m + ")");
        b.requireFinite("QR.solve", "b");
        requireFullRank("QR.solve");
        double[] y = b.v.clone();
        for (int k = 0; k < n; k++) {                                       // y = Qᵀb = Hₙ₋₁⋯H₀ b
            if (beta[k] == 0) continue;
            int vk = k * m + k, len = m - k;
            double s = beta[k] * Kernels.dot(w, vk, y, k, len);             // y[k:] −= β (vᵀy[k:]) v
            for (int i = 0; i < len; i++) y[k + i] -= s * w[vk + i];
        }
        double[] x = new double[n];
        System.arraycopy(y, 0, x, 0, n);
        for (int i = n - 1; i >= 0; i--) {                                  // R x = y₀:ₙ, column by column:
            x[i] /= rdiag[i];                                               //   xᵢ = yᵢ / Rᵢᵢ
            double xi = x[i];
            for (int k = 0; k < i; k++) x[k] -= w[i * m + k] * xi;          //   yₖ −= Rₖᵢ xᵢ  for k < i
        }
        return new Vector(x);
    }

    /// The least-squares solution of `AX ≈ B`, column by column of B.
    public Matrix solve(Matrix B) {
        Check.notNull("QR.solve", "B", B);
        if (B.rows != m)
            throw Check.fail("QR.solve", "A is " + m + "×" + n + " but B is " + B.shape() + " (B.rows must equal " + m + ")");
        B.requireFinite("QR.solve", "B");
        requireFullRank("QR.solve");
        int p = B.cols;
        double[] Y = B.a.clone();
        double[] s = new double[p];
        for (int k = 0; k < n; k++) {                                       // Y = QᵀB: Y[k:, :] −= β v (vᵀY[k:, :])
            if (beta[k] == 0) continue;
            int vk = k * m + k;
            java.util.Arrays.fill(s, 0);
            for (int i = k; i < m; i++) {                                   // s = vᵀY[k:, :], accumulated row by row
                double vi = w[vk + i - k];
                for (int c = 0; c < p; c++) s[c] += vi * Y[i * p + c];
            }
            for (int i = k; i < m; i++) {
                double f = beta[k] * w[vk + i - k];
                for (int c = 0; c < p; c++) Y[i * p + c] -= f * s[c];
            }
        }
        double[] X = java.util.Arrays.copyOf(Y, n * p);                     // keep the first n rows
        for (int i = n - 1; i >= 0; i--) {                                  // R X = Y₀:ₙ
            for (int c = 0; c < p; c++) X[i * p + c] /= rdiag[i];           // Xᵢ = Yᵢ / Rᵢᵢ
            for (int k = 0; k < i; k++) {
                double rki = w[i * m + k];
                if (rki != 0) Decompositions.axpyRow(X, p, k, i, rki);      // Yₖ −= Rₖᵢ Xᵢ
            }
        }
        return new Matrix(n, p, X);
    }

    private int firstDeficientColumn() {
        for (int k = 0; k < n; k++) if (!(Math.abs(rdiag[k]) > tol)) return k;
        return -1;
    }

    private void requireFullRank(String where) {
        int k = firstDeficientColumn();
        if (k < 0) return;
        throw new SingularMatrixException(where + ": A is rank deficient: R[" + k + "][" + k + "] = " + num(rdiag[k])
                + " (|Rₖₖ| ≤ " + num(tol) + " = max(m, n)·ε·max|Rᵢᵢ|), so column " + k + " is a linear combination of "
                + (k == 0 ? "nothing (it is zero)" : k == 1 ? "column 0" : "columns 0…" + (k - 1))
                + "; the columns are linearly dependent: drop or merge that column, use Ridge with λ > 0, "
                + "or the minimum-norm solution A.svd().pseudoInverse().times(b)", k, rdiag[k]);
    }

    /// `QR 5×3 (A = QR), full rank` followed by R.
    @Override public String toString() {
        return "QR " + m + "×" + n + " (A = QR), " + (isFullRank() ? "full rank" : "rank deficient") + "\nR = " + R();
    }
}
