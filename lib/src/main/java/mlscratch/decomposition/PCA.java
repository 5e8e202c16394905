package mlscratch.decomposition;

import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.SVD;
import mlscratch.linalg.SymmetricEigen;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.util.Check;

/// Principal component analysis: the k orthonormal directions along which the centred data varies most,
/// and the coordinates of each row along them.
///
/// ## Notation
/// ```
/// X   n×d   one example per row            μ = (1/n) Σᵢ xᵢ, the mean row
/// Xc  n×d   X − 1μᵀ, the centred data       C = XcᵀXc / (n − 1), the d×d sample covariance
/// vⱼ  d     component j (unit length)       λⱼ = vⱼᵀCvⱼ, the variance along it (λ₀ ≥ λ₁ ≥ …)
/// W   k×d   the first k components as rows  Z = XcWᵀ, n×k, the scores
/// ```
/// ## Model
/// ```
/// transform(x)        z = W(x − μ)                 (whitened: zⱼ / √λⱼ, unit variance per column)
/// inverseTransform(z) x̂ = Wᵀz + μ                  (exact when k = rank(Xc))
/// ```
/// ## Objective — variance maximisation
/// ```
/// v₀ = argmax_{‖v‖=1} Var(Xc v) = argmax vᵀCv      Lagrangian vᵀCv − λ(vᵀv − 1), gradient 2Cv − 2λv = 0
///                                                  ⇒ Cv = λv: v₀ is the top eigenvector, and Var = λ₀
/// vⱼ = the same, orthogonal to v₀ … vⱼ₋₁           ⇒ the next eigenvectors, in order of λ
/// ```
/// Equivalently W minimises the reconstruction error `‖Xc − XcWᵀW‖²` (Eckart–Young).
/// ## Two routes ([Solver])
/// ```
/// SVD          Xc = UΣVᵀ      ⇒  C = VΣ²Vᵀ/(n − 1):  vⱼ = column j of V,  λⱼ = σⱼ²/(n − 1)
/// COVARIANCE   C = XcᵀXc/(n−1) = VΛVᵀ (SymmetricEigen); XcᵀXc is one fast product (transposeTimes)
/// ```
/// The SVD route never forms XcᵀXc, so it keeps the small variances accurate (κ, not κ²); the covariance
/// route is much faster when n ≫ d. Both give the same components up to sign; the sign is then fixed so
/// that each component's largest-magnitude entry is positive (the first, on a tie; like scikit-learn's
/// `svd_flip`), which makes the result deterministic and the two routes agree exactly in sign.
/// `explainedVarianceRatio` is λⱼ / trace(C), the share of the total variance each component keeps.
///
/// ## Cost
/// SVD: ≈ 4nd² + 5d³ per Jacobi sweep (d ≤ n). COVARIANCE: nd² for XcᵀXc (a GEMM) + ≈ 9d³ for the
/// eigendecomposition. AUTO (default) picks COVARIANCE when n·d > 10⁶ and n ≥ d, otherwise SVD;
/// [#solver()] says which route ran.
///
/// ## Example
/// ```
/// var X = Datasets.digits().X();                     // 1797×64
/// var pca = PCA.fit(X, 2);
/// pca.components();  pca.explainedVarianceRatio();   // ≈ [0.1489, 0.1362]
/// var Z = pca.transform(X);                          // 1797×2, ready to plot
/// var Xhat = pca.inverseTransform(Z);                // the best rank-2 approximation of X
/// ```
/// Tutorial 24 (tutorials/24-pca.jsh) derives it and projects the digits to 2-D.
///
/// ## References
/// Pearson, *On lines and planes of closest fit* (1901); Hotelling, *Analysis of a complex of statistical
/// variables into principal components* (1933); Jolliffe, *Principal Component Analysis* (2002);
/// Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, §14.5.1.
///
/// @param mean                   μ, the d column means of the training data
/// @param components             W, k×d, orthonormal rows, in order of decreasing variance
/// @param explainedVariance      λ₀ … λₖ₋₁, the variance of the scores along each component (divisor n − 1)
/// @param explainedVarianceRatio λⱼ / trace(C)
/// @param solver                 the route that computed it: SVD or COVARIANCE (AUTO resolved)
/// @param options                the options it was fitted with
public record PCA(Vector mean, Matrix components, Vector explainedVariance, Vector explainedVarianceRatio,
                  Solver solver, Options options) {

    /// How the components are computed. Both give the same answer up to rounding.
    public enum Solver {
        /// SVD of the centred data: accurate, slower for large n.
        SVD,
        /// Eigendecomposition of the covariance XcᵀXc/(n − 1): one GEMM, then a d×d problem.
        COVARIANCE,
        /// COVARIANCE when n·d > 10⁶ and n ≥ d, otherwise SVD.
        AUTO
    }

    /// @param nComponents how many components to keep; 0 keeps min(n, d), all of them (default 0)
    /// @param solver      the route ([Solver]); AUTO by default
    /// @param whiten      scale the scores to unit variance, zⱼ / √λⱼ (default false)
    public record Options(int nComponents, Solver solver, boolean whiten) {
        public Options {
            Check.nonNegative("PCA.Options", "nComponents", nComponents);
            Check.notNull("PCA.Options", "solver", solver);
        }

        public static Options defaults() { return new Options(0, Solver.AUTO, false); }

        public Options withNComponents(int nComponents) { return new Options(nComponents, solver, whiten); }

        public Options withSolver(Solver solver) { return new Options(nComponents, solver, whiten); }

        public Options withWhiten(boolean whiten) { return new Options(nComponents, solver, whiten); }
    }

    public PCA {
        String where = "PCA";
        Check.notNull(where, "mean", mean).requireFinite(where, "mean");
        Check.notNull(where, "components", components).requireFinite(where, "components");
        Check.notNull(where, "explainedVariance", explainedVariance).requireFinite(where, "explainedVariance");
        Check.notNull(where, "explainedVarianceRatio", explainedVarianceRatio);
        Check.notNull(where, "solver", solver);
        Check.notNull(where, "options", options);
        int k = components.rows(), d = components.cols();
        Check.that(k >= 1 && d >= 1, where, "components is %s but needs at least one row and one column", components.shape());
        Check.that(mean.size() == d, where, "mean has size %d but components has %d columns", mean.size(), d);
        Check.that(explainedVariance.size() == k && explainedVarianceRatio.size() == k, where,
                "explainedVariance has size %d and explainedVarianceRatio %d, but there are %d components",
                explainedVariance.size(), explainedVarianceRatio.size(), k);
    }

    /// All components (k = min(n, d)).
    public static PCA fit(Matrix X) { return fit(X, Options.defaults()); }

    /// The first `k` components.
    public static PCA fit(Matrix X, int k) {
        Check.positive("PCA.fit", "k", k);
        return fit(X, Options.defaults().withNComponents(k));
    }

    public static PCA fit(Matrix X, Options options) {
        String where = "PCA.fit";
        Check.notNull(where, "X", X);
        Inputs.requireX(where, X, X.cols());
        Check.notNull(where, "options", options);
        int n = X.rows(), d = X.cols(), r = Math.min(n, d);
        if (n < 2) throw Check.fail(where, "PCA needs at least 2 samples to estimate a variance, got n = " + n);
        int k = options.nComponents() == 0 ? r : options.nComponents();
        if (k > r) throw Check.fail(where, "'nComponents' = " + k + " exceeds min(n, d) = min(" + n + ", " + d + ") = " + r);
        Vector mu = X.mean(0);                                           // μ = (1/n) Σᵢ xᵢ
        Matrix Xc = X.minusRowVector(mu);                                // Xc = X − 1μᵀ
        Solver solver = options.solver();
        if (solver == Solver.AUTO) solver = (long) n * d > 1_000_000 && n >= d ? Solver.COVARIANCE : Solver.SVD;

        double[] V = null;                                               // d×r row-major, column j = vⱼ
        double[] lambda = new double[r];                                 // λⱼ, descending
        if (solver == Solver.SVD) {
            V = svdRoute(Xc, r, lambda);
        }
        if (solver == Solver.COVARIANCE) {
            Matrix C = Xc.transposeTimes(Xc).scale(1.0 / (n - 1));       // C = XcᵀXc/(n − 1), d×d
            SymmetricEigen eig = SymmetricEigen.of(symmetrise(C));       // C = VΛVᵀ
            double[] all = eig.vectors().toArray();                      // d×d
            V = new double[d * r];
            for (int i = 0; i < d; i++) System.arraycopy(all, i * d, V, i * r, r);
            for (int j = 0; j < r; j++) lambda[j] = Math.max(0, eig.values().get(j));   // rounding can give −1e−17
        }
        int cols = V.length / d;
        double[] W = new double[k * d];                                  // W = first k columns of V, as rows
        for (int j = 0; j < k; j++) {
            int big = 0;
            for (int i = 0; i < d; i++) if (Math.abs(V[i * cols + j]) > Math.abs(V[big * cols + j])) big = i;
            double sign = V[big * cols + j] < 0 ? -1 : 1;                // largest |loading| positive
            for (int i = 0; i < d; i++) W[j * d + i] = sign * V[i * cols + j];
        }
        double total = totalVariance(Xc);                                // trace(C) = Σ_f var(X[:, f])
        double[] var = new double[k], ratio = new double[k];
        for (int j = 0; j < k; j++) {
            var[j] = lambda[j];
            ratio[j] = total > 0 ? lambda[j] / total : 0;                // λⱼ / trace(C)
        }
        return new PCA(mu, Matrix.wrap(k, d, W), Vector.wrap(var), Vector.wrap(ratio), solver, options);
    }

    /// The scores `Z = (X − 1μᵀ)Wᵀ`, n×k (whitened: each column divided by √λⱼ; a component with λⱼ = 0
    /// gives a zero column).
    public Matrix transform(Matrix X) {
        Inputs.requireX("PCA.transform", X, mean.size());
        Matrix Z = X.minusRowVector(mean).timesTranspose(components);    // Z = XcWᵀ   (n, k)
        return options.whiten() ? Z.scaleColumns(whitening(false)) : Z;  // zⱼ / √λⱼ
    }

    /// Back to the original space: `X̂ = ZW + 1μᵀ`, n×d (whitened scores are first multiplied by √λⱼ).
    /// With every component kept (k = rank of the centred data) it reproduces X up to rounding.
    public Matrix inverseTransform(Matrix Z) {
        Inputs.requireX("PCA.inverseTransform", Z, components.rows());
        Matrix scores = options.whiten() ? Z.scaleColumns(whitening(true)) : Z;
        return scores.times(components).plusRowVector(mean);            // X̂ = ZW + 1μᵀ   (n, d)
    }

    /// The number of components kept.
    public int k() { return components.rows(); }

    /// Σ_{i≤j} ratioᵢ: the share of the variance the first j + 1 components keep.
    public Vector cumulativeVarianceRatio() {
        double[] c = explainedVarianceRatio.toArray();
        for (int j = 1; j < c.length; j++) c[j] += c[j - 1];
        return Vector.wrap(c);
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "PCA(k = %d of d = %d%s, via %s, variance kept %.4f)%n  explainedVariance      = %s%n"
                        + "  explainedVarianceRatio = %s%n  components = %s",
                k(), components.cols(), options.whiten() ? ", whitened" : "", solver.name().toLowerCase(Locale.ROOT),
                k() == 0 ? 0.0 : cumulativeVarianceRatio().get(k() - 1),
                explainedVariance, explainedVarianceRatio, components.toString().replace("\n", "\n  "));
    }

    // ───────────────────────────── helpers ─────────────────────────────

    /// 1/√λⱼ (or √λⱼ when `inverse`); 0 for λⱼ = 0.
    private Vector whitening(boolean inverse) {
        return explainedVariance.map(l -> l > 0 ? (inverse ? Math.sqrt(l) : 1 / Math.sqrt(l)) : 0);
    }

    /// Xc = UΣVᵀ: writes λⱼ = σⱼ²/(n − 1) and returns the d×r matrix V (row-major). A constant column of X
    /// (all zeros once centred, e.g. the blank corner pixels of the digits) has a zero loading in every
    /// component of positive variance, so the SVD runs on the other columns only (it is cheaper, and the
    /// Jacobi SVD does not have to rotate exact zeros); the constant columns' unit vectors eₓ then fill the
    /// remaining components, with λ = 0, orthogonal to all the others.
    private static double[] svdRoute(Matrix Xc, int r, double[] lambda) {
        int n = Xc.rows(), d = Xc.cols();
        double[] x = Xc.toArray();
        int[] keep = java.util.stream.IntStream.range(0, d).filter(f -> {
            for (int i = 0; i < n; i++) if (x[i * d + f] != 0) return true;
            return false;
        }).toArray();
        int[] constant = java.util.stream.IntStream.range(0, d).filter(f -> java.util.Arrays.binarySearch(keep, f) < 0).toArray();
        double[] V = new double[d * r];
        int j = 0;
        if (keep.length > 0) {
            SVD svd = SVD.of(keep.length == d ? Xc : Xc.selectCols(keep));   // Xc = UΣVᵀ
            Matrix Vk = svd.V();                                           // d'×min(n, d')
            for (; j < Math.min(r, Vk.cols()); j++) {
                double s = svd.S().get(j);
                lambda[j] = s * s / (n - 1);                               // λⱼ = σⱼ²/(n − 1)
                for (int t = 0; t < keep.length; t++) V[keep[t] * r + j] = Vk.get(t, j);
            }
        }
        for (int c = 0; j < r; j++, c++) V[constant[c] * r + j] = 1;       // eₓ of a constant column, λ = 0
        return V;
    }

    /// trace(XcᵀXc)/(n − 1), summed column by column.
    private static double totalVariance(Matrix Xc) {
        double[] x = Xc.toArray();
        double s = 0;
        for (double v : x) s += v * v;
        return s / (Xc.rows() - 1);
    }

    /// (C + Cᵀ)/2: a product XᵀX from a blocked kernel may differ from its transpose in the last bit.
    private static Matrix symmetrise(Matrix C) {
        return C.plus(C.transpose()).scale(0.5);
    }
}
