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
/// Algorithm: one-sided Jacobi (Hestenes, 1958). Rotate pairs of columns of a matrix X until all are
/// mutually orthogonal; the rotations, multiplied together, are V; the column lengths are σ. On the working
/// copy W = X (V = I to start), for every pair p < q:
/// ```
/// α = ‖wₚ‖²,  β = ‖w_q‖²,  γ = wₚ·w_q          the 2×2 Gram matrix [[α, γ], [γ, β]] of the pair
/// skip if |γ| ≤ tol·√(αβ)                     already orthogonal (tol = n·ε)
/// ζ = (β − α) / 2γ,   t = sign(ζ) / (|ζ| + √(1 + ζ²)),   c = 1/√(1 + t²),   s = c·t
/// wₚ ← c·wₚ − s·w_q,   w_q ← s·wₚ + c·w_q      the rotation that makes wₚ·w_q = 0 (t solves t² + 2ζt − 1 = 0)
/// vₚ ← c·vₚ − s·v_q,   v_q ← s·vₚ + c·v_q      the same rotation, accumulated into V
/// ```
/// Sweeps over all pairs repeat until no pair needs a rotation (quadratic convergence: 5–10 sweeps). Then
/// `XV = W = U'Σ` with `σⱼ = ‖wⱼ‖`, `u'ⱼ = wⱼ/σⱼ`.
///
/// Preconditioning (Drmač & Veselić): for A of size m×n, m ≥ n, first `A = QR` ([QR]), then run Jacobi on
/// the small `X = Rᵀ` (n×n, not m×n; its columns are already closer to orthogonal, so fewer sweeps):
/// ```
/// Rᵀ = U'ΣV'ᵀ   ⇒   A = QR = (QV') Σ U'ᵀ   ⇒   U = QV',  V = U'
/// ```
/// The columns are sorted by σ, and each pair (uⱼ, vⱼ) is signed so that vⱼ's largest-magnitude entry is
/// positive (uⱼ's when m < n). A zero σⱼ gets a unit vⱼ orthogonal to the others (Gram–Schmidt), so V stays
/// orthonormal. For m < n everything runs on Aᵀ = U'ΣV'ᵀ and returns U = V', V = U'.
/// Jacobi resolves tiny singular values as well as the data allows (to high relative accuracy when A is a
/// well-conditioned matrix with badly scaled columns, where bidiagonalisation loses them).
///
/// Cost: QR and Q, ≈ 4mn²; Jacobi ≈ 5n³ flops per sweep; U = QV', 2mn². Measured on this project's 2-core
/// machine (busy): 200×200 in ≈ 0.1 s, 2000×100 in ≈ 0.13 s, 500×500 in ≈ 3 s; several times slower than
/// LAPACK's Golub–Kahan bidiagonalisation, in exchange for a short, checkable algorithm.
///
/// When to use: numerical rank ([#rank()]), condition number ([#cond()]), the pseudo-inverse
/// `A⁺ = VΣ⁺Uᵀ` ([#pseudoInverse()]) that gives the minimum-norm least-squares solution even when X is rank
/// deficient (`w = A⁺y`), PCA on centred data (`X = UΣVᵀ`: principal axes V, scores UΣ, variances σ²/(n−1)),
/// and the best rank-r approximation `Σⱼ<ᵣ σⱼuⱼvⱼᵀ` (Eckart–Young). For a full-rank least-squares fit [QR] is
/// cheaper.
///
/// Example (arithmetic in `SVDTest`):
/// ```
/// var A = Matrix.of(new double[][] {{3, 0}, {4, 5}});
/// var svd = SVD.of(A);
/// svd.S();        // [6.7082, 2.2361] = [√45, √5]     σ² are the eigenvalues of AᵀA = [[25, 20], [20, 25]]: 45, 5
/// svd.cond();     // 3 = √45 / √5
/// svd.rank();     // 2
/// ```
/// References: Hestenes, *Inversion of matrices by biorthogonalization* (1958); Demmel & Veselić, *Jacobi's
/// method is more accurate than QR* (1992); Drmač & Veselić, *New fast and accurate Jacobi SVD algorithm I*
/// (2008); Golub & Van Loan, *Matrix Computations* (4th ed.), §8.6, §2.4.
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

    /// An `m×n` matrix with m ≥ n: QR first, then one-sided Jacobi on the `n×n` matrix `X = Rᵀ`.
    private static SVD tall(Matrix A) {
        int n = A.cols;
        QR qr = QR.of(A);                                   // A = QR
        double[] w = qr.R().a;                              // X = Rᵀ, stored so that row j = column j of X (= row j of R)
        double[] vt = orthogonalise(w, n, n);               // X V' = W with orthogonal columns wⱼ; rows of vt = columns of V'

        double[] sigma = new double[n];
        double sigmaMax = 0;
        for (int j = 0; j < n; j++) sigmaMax = Math.max(sigmaMax, sigma[j] = Kernels.norm2(w, j * n, n));   // σⱼ = ‖wⱼ‖
        double noise = Math.max(n, A.rows) * EPS * sigmaMax;                        // below it, σⱼ is rounding noise
        for (int j = 0; j < n; j++) if (sigma[j] <= noise) sigma[j] = 0;            // rank deficient: σⱼ = 0 exactly
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) order[j] = j;
        java.util.Arrays.sort(order, (i, j) -> Double.compare(sigma[j], sigma[i]));   // descending

        // Rᵀ = U'ΣV'ᵀ with u'ⱼ = wⱼ/σⱼ, so A = QR = (QV') Σ U'ᵀ:  U = QV',  V = U'.
        double[] s = new double[n], vRows = new double[n * n], vPrime = new double[n * n];
        boolean[] zero = new boolean[n];
        for (int j = 0; j < n; j++) {
            int src = order[j];
            s[j] = sigma[src];
            if (s[j] == 0) zero[j] = true;
            else for (int i = 0; i < n; i++) vRows[j * n + i] = w[src * n + i] / s[j];   // vⱼ = u'ⱼ = wⱼ / σⱼ
        }
        for (int j = 0; j < n; j++) if (zero[j]) completeBasis(vRows, j, n, n, zero);
        for (int j = 0; j < n; j++) {
            double sgn = Decompositions.sign(vRows, j * n, n);                         // vⱼ's largest entry positive
            for (int i = 0; i < n; i++) {
                vRows[j * n + i] *= sgn;
                vPrime[i * n + j] = sgn * vt[order[j] * n + i];                        // column j of V' (same sign)
            }
        }
        Matrix U = qr.Q().times(new Matrix(n, n, vPrime));                            // uⱼ = Q v'ⱼ
        double[] v = new double[n * n];
        Kernels.transpose(n, n, vRows, v);
        return new SVD(U, new Vector(s), new Matrix(n, n, v));
    }

    /// One-sided Jacobi: rotates pairs of the `n` rows of `w` (each of length `len`, the columns of the matrix
    /// being decomposed) until all are mutually orthogonal; returns the product of the rotations, `V`, as rows.
    private static double[] orthogonalise(double[] w, int n, int len) {
        double[] vt = new double[n * n];                    // row j = column j of V; V = I to start
        for (int j = 0; j < n; j++) vt[j * n + j] = 1;
        double[] norm2 = new double[n];                     // ‖wⱼ‖², kept current through the rotations
        double tol = Math.max(len, n) * EPS;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double max2 = 0;
            for (int j = 0; j < n; j++) {
                norm2[j] = Kernels.dot(w, j * len, w, j * len, len);                   // refresh: no drift across sweeps
                max2 = Math.max(max2, norm2[j]);
            }
            // A column that has shrunk to rounding noise (‖wⱼ‖ ≤ tol·maxₖ‖wₖ‖: A is rank deficient) is treated as
            // zero: noise is never orthogonal to anything relative to its own norm, so rotating it never settles.
            double negligible = tol * tol * max2;
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++) {
                    double alpha = norm2[p], beta = norm2[q];
                    if (alpha <= negligible || beta <= negligible) continue;
                    double gamma = Kernels.dot(w, p * len, w, q * len, len);             // γ = wₚ·w_q
                    if (Math.abs(gamma) <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) continue;   // already orthogonal
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);                          // ζ = (β − α) / 2γ
                    double t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));   // the smaller root: |θ| ≤ π/4
                    double c = 1 / Math.sqrt(1 + t * t), s = c * t;
                    rotate(w, p * len, q * len, len, c, s);                              // wₚ ← c·wₚ − s·w_q,  w_q ← s·wₚ + c·w_q
                    rotate(vt, p * n, q * n, n, c, s);                                   // same for vₚ, v_q
                    norm2[p] = alpha - t * gamma;                                        // ‖wₚ‖² = α − tγ
                    norm2[q] = beta + t * gamma;                                         // ‖w_q‖² = β + tγ
                }
            if (!rotated) return vt;
        }
        throw new ArithmeticException("SVD.of: one-sided Jacobi did not converge in " + MAX_SWEEPS + " sweeps on "
                + n + " columns (the input may hold values near overflow)");
    }

    /// `(x, y) ← (c·x − s·y, s·x + c·y)` for the rows of `a` at offsets `x` and `y`.
    private static void rotate(double[] a, int x, int y, int len, double c, double s) {
        for (int i = 0; i < len; i++) {
            double ax = a[x + i], ay = a[y + i];
            a[x + i] = c * ax - s * ay;
            a[y + i] = s * ax + c * ay;
        }
    }

    /// Fills row j of `u` (`n` rows of length `m`; row j belongs to a zero singular value) with a unit vector
    /// orthogonal to the rows already set: the first standard basis vector eᵢ that keeps a good part of its
    /// length through Gram–Schmidt (done twice, for accuracy). Some eᵢ always does: with k < m rows set,
    /// `Σᵢ ‖P⊥eᵢ‖² = m − k ≥ 1`, so the largest `‖P⊥eᵢ‖ ≥ 1/√m`.
    private static void completeBasis(double[] u, int j, int m, int n, boolean[] pending) {
        int uj = j * m;
        double keep = 0.5 / Math.sqrt(m);
        for (int e = 0; e < m; e++) {
            java.util.Arrays.fill(u, uj, uj + m, 0);
            u[uj + e] = 1;                                                             // start from eᵢ
            for (int pass = 0; pass < 2; pass++)
                for (int k = 0; k < n; k++) {
                    if (k == j || pending[k]) continue;
                    double proj = Kernels.dot(u, k * m, u, uj, m);                     // u −= (uₖ·u) uₖ
                    for (int i = 0; i < m; i++) u[uj + i] -= proj * u[k * m + i];
                }
            double norm = Kernels.norm2(u, uj, m);
            if (norm > keep) {
                for (int i = 0; i < m; i++) u[uj + i] /= norm;
                pending[j] = false;
                return;
            }
        }
        throw new AssertionError("no basis vector left for row " + j + " of " + n + " in dimension " + m);   // impossible for n ≤ m
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
