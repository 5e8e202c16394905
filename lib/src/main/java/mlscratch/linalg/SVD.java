package mlscratch.linalg;

import static mlscratch.linalg.Decompositions.EPS;
import static mlscratch.linalg.Decompositions.num;

import mlscratch.util.Check;

/// Singular value decomposition `A = UΣVᵀ` of any `m×n` matrix (thin form): the decomposition that
/// answers rank, conditioning, least squares of rank-deficient systems, PCA and low-rank approximation.
///
/// Definition, with k = min(m, n):
/// ```
/// A = U Σ Vᵀ = Σⱼ σⱼ uⱼvⱼᵀ     U  m×k, orthonormal columns (UᵀU = I)
///                             Σ  = diag(σ₀ ≥ σ₁ ≥ … ≥ σₖ₋₁ ≥ 0), the singular values
///                             V  n×k, orthonormal columns (VᵀV = I)
/// A vⱼ = σⱼ uⱼ,   Aᵀuⱼ = σⱼ vⱼ,   σⱼ² = λⱼ(AᵀA)
/// ```
/// Algorithm: one-sided Jacobi (Hestenes, 1958). Rotate pairs of columns of A until all are mutually
/// orthogonal; the rotations, multiplied together, are V; the column lengths are σ. For m ≥ n, on the
/// working copy W = A (V = I to start), for every pair p < q:
/// ```
/// α = ‖wₚ‖²,  β = ‖w_q‖²,  γ = wₚ·w_q          the 2×2 Gram matrix [[α, γ], [γ, β]] of the pair
/// skip if |γ| ≤ tol·√(αβ)                     already orthogonal (tol = max(m, n)·ε)
/// ζ = (β − α) / 2γ,   t = sign(ζ) / (|ζ| + √(1 + ζ²)),   c = 1/√(1 + t²),   s = c·t
/// wₚ ← c·wₚ − s·w_q,   w_q ← s·wₚ + c·w_q      the rotation that makes wₚ·w_q = 0 (t solves t² + 2ζt − 1 = 0)
/// vₚ ← c·vₚ − s·v_q,   v_q ← s·vₚ + c·v_q      the same rotation, accumulated into V
/// ```
/// Sweeps over all pairs repeat until no pair needs a rotation (quadratic convergence: 5–10 sweeps). Then
/// `σⱼ = ‖wⱼ‖` and `uⱼ = wⱼ / σⱼ`; the columns are sorted by σ, and each pair (uⱼ, vⱼ) is signed so that vⱼ's
/// largest-magnitude entry is positive. A zero column gets a unit uⱼ orthogonal to the others (Gram–Schmidt),
/// so U stays orthonormal. For m < n the algorithm runs on Aᵀ = U'ΣV'ᵀ and returns U = V', V = U'.
/// Jacobi resolves tiny singular values as well as the data allows (to high relative accuracy when A is a
/// well-conditioned matrix with badly scaled columns, where bidiagonalisation loses them).
///
/// Cost: ≈ (4mn² + 3n³) flops per sweep, so ≈ 20–40·mn² in all: several times the Golub–Kahan
/// bidiagonalisation LAPACK uses, in exchange for about forty lines of code.
///
/// When to use: numerical rank ([#rank()]), condition number ([#cond()]), the pseudo-inverse
/// `A⁺ = VΣ⁺Uᵀ` ([#pseudoInverse()]) that gives the minimum-norm least-squares solution even when X is rank
/// deficient (`w = A⁺y`), PCA on centred data (`X = UΣVᵀ`: principal axes V, scores UΣ, variances σ²/(n−1)),
/// and the best rank-r approximation `Σⱼ<ᵣ σⱼuⱼvⱼᵀ` (Eckart–Young). For a full-rank least-squares fit [QR] is
/// cheaper.
///
/// Example (arithmetic in [SVDTest]):
/// ```
/// var A = Matrix.of(new double[][] {{3, 0}, {4, 5}});
/// var svd = SVD.of(A);
/// svd.S();        // [6.7082, 2.2361] = [√45, √5]     σ² are the eigenvalues of AᵀA = [[25, 20], [20, 25]]: 45, 5
/// svd.cond();     // 3 = √45 / √5
/// svd.rank();     // 2
/// ```
/// References: Hestenes, *Inversion of matrices by biorthogonalization* (1958); Demmel & Veselić, *Jacobi's
/// method is more accurate than QR* (1992); Golub & Van Loan, *Matrix Computations* (4th ed.), §8.6, §2.4.
public final class SVD {
    private static final int MAX_SWEEPS = 100;

    private final Matrix U;   // m×k
    private final Vector S;   // k, descending, ≥ 0
    private final Matrix V;   // n×k

    private SVD(Matrix U, Vector S, Matrix V) {
        this.U = U;
        this.S = S;
        this.V = V;
    }

    /// Decomposes any non-empty matrix of finite numbers.
    public static SVD of(Matrix A) {
        Decompositions.input("SVD.of", A);
        if (A.rows < A.cols) {                              // wide: Aᵀ = U'ΣV'ᵀ  ⇒  A = V'ΣU'ᵀ
            SVD t = tall(A.transpose());
            return new SVD(t.V, t.S, t.U);
        }
        return tall(A);
    }

    /// One-sided Jacobi on an `m×n` matrix with m ≥ n.
    private static SVD tall(Matrix A) {
        int m = A.rows, n = A.cols;
        double[] w = new double[n * m];                     // row j = column j of the working copy W (contiguous)
        Kernels.transpose(m, n, A.a, w);
        double[] vt = new double[n * n];                    // row j = column j of V; V = I to start
        for (int j = 0; j < n; j++) vt[j * n + j] = 1;
        double[] norm2 = new double[n];                     // ‖wⱼ‖², kept current through the rotations
        double tol = Math.max(m, n) * EPS;

        boolean converged = false;
        for (int sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) {
            for (int j = 0; j < n; j++) norm2[j] = Kernels.dot(w, j * m, w, j * m, m);   // refresh: no drift across sweeps
            converged = true;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++) {
                    double alpha = norm2[p], beta = norm2[q];
                    if (alpha == 0 || beta == 0) continue;
                    double gamma = Kernels.dot(w, p * m, w, q * m, m);                   // γ = wₚ·w_q
                    if (Math.abs(gamma) <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) continue;   // already orthogonal
                    converged = false;
                    double zeta = (beta - alpha) / (2 * gamma);                          // ζ = (β − α) / 2γ
                    double t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));   // the smaller root: |θ| ≤ π/4
                    double c = 1 / Math.sqrt(1 + t * t), s = c * t;
                    rotate(w, p * m, q * m, m, c, s);                                    // wₚ ← c·wₚ − s·w_q,  w_q ← s·wₚ + c·w_q
                    rotate(vt, p * n, q * n, n, c, s);                                   // same for vₚ, v_q
                    norm2[p] = alpha - t * gamma;                                        // ‖wₚ‖² = α − tγ
                    norm2[q] = beta + t * gamma;                                         // ‖w_q‖² = β + tγ
                }
        }
        if (!converged)
            throw new ArithmeticException("SVD.of: one-sided Jacobi did not converge in " + MAX_SWEEPS
                    + " sweeps on a " + A.shape() + " matrix (the input may hold values near overflow)");

        double[] sigma = new double[n];
        for (int j = 0; j < n; j++) sigma[j] = Kernels.norm2(w, j * m, m);            // σⱼ = ‖wⱼ‖
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) order[j] = j;
        java.util.Arrays.sort(order, (i, j) -> Double.compare(sigma[j], sigma[i]));   // descending

        double[] ut = new double[n * m], vOut = new double[n * n], s = new double[n];
        boolean[] zero = new boolean[n];
        for (int j = 0; j < n; j++) {
            int src = order[j];
            s[j] = sigma[src];
            double sgn = Decompositions.sign(vt, src * n, n);                          // vⱼ's largest entry positive
            for (int i = 0; i < n; i++) vOut[i * n + j] = sgn * vt[src * n + i];
            if (s[j] == 0) { zero[j] = true; continue; }
            for (int i = 0; i < m; i++) ut[j * m + i] = sgn * w[src * m + i] / s[j];   // uⱼ = wⱼ / σⱼ
        }
        for (int j = 0; j < n; j++) if (zero[j]) completeBasis(ut, j, m, n, zero);
        double[] u = new double[m * n];
        Kernels.transpose(n, m, ut, u);
        return new SVD(new Matrix(m, n, u), new Vector(s), new Matrix(n, n, vOut));
    }

    /// `(x, y) ← (c·x − s·y, s·x + c·y)` for the rows of `a` at offsets `x` and `y`.
    private static void rotate(double[] a, int x, int y, int len, double c, double s) {
        for (int i = 0; i < len; i++) {
            double ax = a[x + i], ay = a[y + i];
            a[x + i] = c * ax - s * ay;
            a[y + i] = s * ax + c * ay;
        }
    }

    /// Fills row j of `ut` (a zero singular value's uⱼ) with a unit vector orthogonal to the other rows that
    /// are already set: the first standard basis vector eᵢ that survives Gram–Schmidt (done twice, for accuracy).
    private static void completeBasis(double[] ut, int j, int m, int n, boolean[] pending) {
        int uj = j * m;
        for (int e = 0; e < m; e++) {
            java.util.Arrays.fill(ut, uj, uj + m, 0);
            ut[uj + e] = 1;
            for (int pass = 0; pass < 2; pass++)
                for (int k = 0; k < n; k++) {
                    if (k == j || pending[k]) continue;
                    double proj = Kernels.dot(ut, k * m, ut, uj, m);                   // u −= (uₖ·u) uₖ
                    for (int i = 0; i < m; i++) ut[uj + i] -= proj * ut[k * m + i];
                }
            double norm = Kernels.norm2(ut, uj, m);
            if (norm > 0.5) {                                                          // eᵢ was far from the span: keep it
                for (int i = 0; i < m; i++) ut[uj + i] /= norm;
                pending[j] = false;
                return;
            }
        }
        throw new AssertionError("no basis vector left: m = " + m + " < " + n);        // impossible: m ≥ n columns fit
    }

    // ───────────────────────────── the factors ─────────────────────────────

    /// The left singular vectors, `m×k` with orthonormal columns.
    public Matrix U() { return U; }

    /// The singular values, largest first, all ≥ 0.
    public Vector S() { return S; }

    /// The right singular vectors, `n×k` with orthonormal columns (A = U·diag(S)·Vᵀ).
    public Matrix V() { return V; }

    // ───────────────────────────── what the singular values tell ─────────────────────────────

    /// The default rank tolerance, `max(m, n)·ε·σ₀` (NumPy's `matrix_rank`).
    public double defaultTolerance() { return Math.max(U.rows, V.rows) * EPS * S.v[0]; }

    /// The numerical rank with the default tolerance: the number of `σⱼ > max(m, n)·ε·σ₀`.
    public int rank() { return rank(defaultTolerance()); }

    /// The number of singular values above `tol`.
    public int rank(double tol) {
        Check.nonNegative("SVD.rank", "tol", tol);
        int r = 0;
        for (double s : S.v) if (s > tol) r++;
        return r;
    }

    /// The 2-norm condition number `κ(A) = σ₀ / σₖ₋₁`: how much relative errors in b can grow in the
    /// solution of `Ax = b` (roughly: expect to lose log₁₀ κ digits). `+∞` when the smallest σ is 0.
    public double cond() {
        double smallest = S.v[S.v.length - 1];
        return smallest == 0 ? Double.POSITIVE_INFINITY : S.v[0] / smallest;
    }

    /// The Moore–Penrose pseudo-inverse with the default tolerance (see [#pseudoInverse(double)]).
    public Matrix pseudoInverse() { return pseudoInverse(defaultTolerance()); }

    /// The Moore–Penrose pseudo-inverse, `n×m`:
    /// ```
    /// A⁺ = V Σ⁺ Uᵀ,   Σ⁺ = diag(1/σⱼ if σⱼ > tol, else 0)
    /// ```
    /// `A⁺b` is the least-squares solution of smallest norm; for an invertible A, `A⁺ = A⁻¹`.
    public Matrix pseudoInverse(double tol) {
        Check.nonNegative("SVD.pseudoInverse", "tol", tol);
        int m = U.rows, n = V.rows, k = S.v.length;
        double[] inv = new double[k];
        for (int j = 0; j < k; j++) inv[j] = S.v[j] > tol ? 1 / S.v[j] : 0;           // Σ⁺
        double[] ut = new double[k * m];
        Kernels.transpose(m, k, U.a, ut);                                              // row j of ut = uⱼ
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++)                                                    // row i of A⁺ = Σⱼ Vᵢⱼ (1/σⱼ) uⱼᵀ
            for (int j = 0; j < k; j++) {
                double f = V.a[i * k + j] * inv[j];
                if (f == 0) continue;
                for (int l = 0; l < m; l++) out[i * m + l] += f * ut[j * m + l];
            }
        return new Matrix(n, m, out);
    }

    /// `SVD 5×3 (A = UΣVᵀ), σ = [4.2, 1.1, 0.3], rank 3, cond 14`.
    @Override public String toString() {
        return "SVD " + U.rows + "×" + V.rows + " (A = UΣVᵀ), σ = " + Format.vector(S.v) + ", rank " + rank()
                + ", cond " + num(cond());
    }
}
