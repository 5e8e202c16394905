package mlscratch.linalg;

import static mlscratch.linalg.Decompositions.EPS;

/// Eigendecomposition of a symmetric matrix, `A = VΛVᵀ`: the principal axes behind PCA, spectral
/// clustering and every quadratic form.
///
/// Definition: a real symmetric `n×n` A has n real eigenvalues and an orthonormal basis of eigenvectors:
/// ```
/// A vⱼ = λⱼ vⱼ        A V = V Λ        VᵀV = I        A = V Λ Vᵀ = Σⱼ λⱼ vⱼvⱼᵀ
/// ```
/// Here `values()` is `(λ₀ ≥ λ₁ ≥ … ≥ λₙ₋₁)`, largest first, and `vectors()` holds `vⱼ` in column j; each
/// vector's sign is fixed so that its largest-magnitude entry (the first, on a tie) is positive: eigenvectors
/// are only defined up to sign, and a fixed rule makes results reproducible.
///
/// Algorithm, two phases (EISPACK's `tred2` + `tql2`, as in JAMA):
/// ```
/// 1. tridiagonalise:  A = Q T Qᵀ,  Q = H₀H₁⋯Hₙ₋₃,  Hₖ = I − βvvᵀ zeroes column k below the subdiagonal.
///    Each two-sided reflection updates the trailing block B with a symmetric rank-2 update:
///      p = βBv,   K = β(pᵀv)/2,   q = p − Kv,   B ← HBH = B − vqᵀ − qvᵀ
/// 2. diagonalise T by implicit QL with Wilkinson-like shifts: rotations Gᵢ chase the bulge up the
///    tridiagonal until each subdiagonal |eₗ| ≤ ε·(|dₗ| + |eₗ|); then T = WΛWᵀ and V = QW.
/// ```
/// The QL iteration converges cubically: about two sweeps per eigenvalue.
///
/// Cost: ≈ 9n³ flops with eigenvectors (⁴⁄₃n³ for T, ⁴⁄₃n³ for Q, ≈ 6n³ for the rotations); n = 500 takes
/// under a second. A non-symmetric input is rejected with an `IllegalArgumentException`.
///
/// When to use: covariance matrices (PCA: the top eigenvectors of `XᵀX/(n−1)` with X centred), graph
/// Laplacians, Hessians (all λ > 0 ⇔ a strict local minimum). For PCA on a tall data matrix the [SVD] of
/// X itself is more accurate (it does not square the condition number); `λⱼ(XᵀX) = σⱼ(X)²`.
///
/// Example (arithmetic in `SymmetricEigenTest`):
/// ```
/// var A = Matrix.of(new double[][] {{2, 1}, {1, 2}});
/// var e = SymmetricEigen.of(A);
/// e.values();     // [3, 1]                 det(A − λI) = (2 − λ)² − 1 = 0
/// e.vectors();    // [[0.7071, 0.7071], [0.7071, -0.7071]]   columns (1, 1)/√2 and (1, −1)/√2
/// ```
/// References: Golub & Van Loan, *Matrix Computations* (4th ed.), §8.3; Wilkinson & Reinsch, *Handbook for
/// Automatic Computation II* (1971), procedures tred2 and tql2; JAMA (public domain), `EigenvalueDecomposition`.
public final class SymmetricEigen {
    private static final int MAX_ITERATIONS_PER_VALUE = 60;

    private final Vector values;    // λ, descending
    private final Matrix vectors;   // n×n, column j = vⱼ

    private SymmetricEigen(Vector values, Matrix vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /// Decomposes a symmetric matrix (`Aᵀ = A` up to 1e-10 relative rounding; otherwise an `IllegalArgumentException`).
    public static SymmetricEigen of(Matrix A) {
        Decompositions.symmetric("SymmetricEigen.of", A,
                " (the symmetric eigensolver needs Aᵀ = A; symmetrise with (A + Aᵀ)/2 if the difference is rounding, "
                        + "or use A.svd() for singular values)");
        int n = A.rows;
        double[] d = new double[n], e = new double[n];      // T: diagonal d, subdiagonal e (Tₖ₊₁,ₖ = eₖ; eₙ₋₁ = 0)
        double[] z = tridiagonalise(n, A.a.clone(), d, e);  // z = Qᵀ, row-major: row i = column i of Q
        ql(n, d, e, z);                                     // d = λ, rows of z = eigenvectors

        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (i, j) -> Double.compare(d[j], d[i]));   // descending
        double[] lambda = new double[n], V = new double[n * n];
        for (int j = 0; j < n; j++) {
            int src = order[j] * n;
            lambda[j] = d[order[j]];
            double sgn = Decompositions.sign(z, src, n);    // largest-magnitude entry positive
            for (int i = 0; i < n; i++) V[i * n + j] = sgn * z[src + i];
        }
        return new SymmetricEigen(new Vector(lambda), new Matrix(n, n, V));
    }

    /// Phase 1: `A = QTQᵀ` by Householder reflections; fills d and e, returns `Qᵀ` (row-major).
    /// `a` is a scratch copy of A; row k of it stores the reflection vector vₖ (entries k+1 … n−1).
    private static double[] tridiagonalise(int n, double[] a, double[] d, double[] e) {
        double[] beta = new double[n], p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            int r = n - k - 1;                                   // size of the trailing block B = A[k+1:, k+1:]
            d[k] = a[k * n + k];
            double x0 = a[(k + 1) * n + k], tail = 0;            // x = A[k+1:, k]
            for (int i = k + 2; i < n; i++) tail = Math.max(tail, Math.abs(a[i * n + k]));
            if (tail == 0) {                                     // already tridiagonal in this column: Hₖ = I
                e[k] = x0;
                continue;
            }
            double[] v = new double[r];
            for (int i = 0; i < r; i++) v[i] = a[(k + 1 + i) * n + k];
            double norm = Kernels.norm2(v, 0, r);
            double alpha = x0 >= 0 ? -norm : norm;               // α = −sign(x₀)‖x‖
            v[0] = x0 - alpha;                                   // v = x − αe₁
            double b = -1 / (alpha * v[0]);                      // β = 2/vᵀv = −1/(α v₀)
            e[k] = alpha;                                        // Tₖ₊₁,ₖ = α
            beta[k] = b;
            System.arraycopy(v, 0, a, k * n + k + 1, r);         // keep vₖ in row k (no longer needed)

            double pv = 0;                                       // p = βBv,  pᵀv
            for (int i = 0; i < r; i++) {
                p[i] = b * Kernels.dot(a, (k + 1 + i) * n + k + 1, v, 0, r);
                pv += p[i] * v[i];
            }
            double K = b * pv / 2;                               // K = β(pᵀv)/2
            for (int i = 0; i < r; i++) p[i] -= K * v[i];        // q = p − Kv
            for (int i = 0; i < r; i++) {                        // B ← B − vqᵀ − qvᵀ
                int row = (k + 1 + i) * n + k + 1;
                double vi = v[i], qi = p[i];
                for (int j = 0; j < r; j++) a[row + j] -= vi * p[j] + qi * v[j];
            }
        }
        if (n >= 2) {
            d[n - 2] = a[(n - 2) * n + n - 2];
            e[n - 2] = a[(n - 1) * n + n - 2];
        }
        d[n - 1] = a[(n - 1) * n + n - 1];
        e[n - 1] = 0;

        // Q = H₀(H₁(⋯(Hₙ₋₃ I))), accumulated backwards: when Hₖ is applied, the running product differs from
        // I only in rows and columns k+2…, so Hₖ touches only the block Q[k+1:, k+1:].
        double[] Q = new double[n * n];
        for (int i = 0; i < n; i++) Q[i * n + i] = 1;
        double[] s = new double[n];
        for (int k = n - 3; k >= 0; k--) {
            if (beta[k] == 0) continue;
            int r = n - k - 1, vk = k * n + k + 1;               // v = a[vk … vk + r)
            java.util.Arrays.fill(s, 0);
            for (int i = 0; i < r; i++) {                        // s = vᵀQ[k+1:, k+1:]
                double vi = a[vk + i];
                int row = (k + 1 + i) * n + k + 1;
                for (int j = 0; j < r; j++) s[j] += vi * Q[row + j];
            }
            for (int i = 0; i < r; i++) {                        // Q[k+1:, k+1:] −= β v sᵀ
                double f = beta[k] * a[vk + i];
                int row = (k + 1 + i) * n + k + 1;
                for (int j = 0; j < r; j++) Q[row + j] -= f * s[j];
            }
        }
        double[] Qt = new double[n * n];
        Kernels.transpose(n, n, Q, Qt);
        return Qt;
    }

    /// Phase 2: implicit QL on the tridiagonal (d, e) (EISPACK `tql2`). Each rotation `G` mixing eigenvector
    /// columns i and i+1 (`V ← VG`) acts on rows i and i+1 of `z = Vᵀ`, so the inner loop is contiguous.
    private static void ql(int n, double[] d, double[] e, double[] z) {
        double shift = 0, tst1 = 0;
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;                                           // find the first negligible subdiagonal eₘ, m ≥ l
            while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) m++;
            if (m > l) {                                         // the block l…m is unreduced: iterate
                int iter = 0;
                do {
                    if (++iter > MAX_ITERATIONS_PER_VALUE)
                        throw new ArithmeticException("SymmetricEigen.of: the QL iteration did not converge for eigenvalue " + l
                                + " after " + MAX_ITERATIONS_PER_VALUE + " iterations (the input may hold values near overflow)");
                    double g = d[l];                             // shift μ: the eigenvalue of the top 2×2 block nearer d[l]
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Math.hypot(p, 1);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1], h = g - d[l];
                    for (int i = l + 2; i < n; i++) d[i] -= h;   // T − μI
                    shift += h;

                    p = d[m];                                    // implicit QL sweep from the bottom of the block up
                    double c = 1, c2 = 1, c3 = 1, el1 = e[l + 1], s = 0, s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);                 // Givens rotation [c −s; s c] zeroing the bulge
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        int zi = i * n, zi1 = (i + 1) * n;       // V ← VG: rows i, i+1 of z = Vᵀ
                        for (int k = 0; k < n; k++) {
                            double t = z[zi1 + k];
                            z[zi1 + k] = s * z[zi + k] + c * t;
                            z[zi + k] = c * z[zi + k] - s * t;
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > EPS * tst1);           // converged: eₗ negligible, dₗ is an eigenvalue
            }
            d[l] += shift;
            e[l] = 0;
        }
    }

    /// The eigenvalues, largest first.
    public Vector values() { return values; }

    /// The eigenvectors as the columns of an orthonormal matrix V, in the order of [#values()].
    public Matrix vectors() { return vectors; }

    /// `SymmetricEigen 3×3 (A = VΛVᵀ), λ = [3, 1, 0.5]` followed by V.
    @Override public String toString() {
        int n = values.size();
        return "SymmetricEigen " + n + "×" + n + " (A = VΛVᵀ), λ = " + Format.vector(values.v) + "\nV = " + vectors;
    }
}
