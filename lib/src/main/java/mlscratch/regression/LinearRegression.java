package mlscratch.regression;

import mlscratch.linalg.Cholesky;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.QR;
import mlscratch.linalg.SVD;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;
import mlscratch.model.Inputs;
import mlscratch.model.Regressor;
import mlscratch.util.Check;

/// Ordinary least squares: the straight line (plane, hyperplane) closest to the data in squared error.
///
/// ## Notation
/// ```
/// X  n×d   one example per row          y  n     targets
/// w  d     weights                      b  ℝ     intercept
/// x̄  d     column means of X            ȳ  ℝ     mean of y
/// ```
/// ## Model
/// ```
/// ŷ = Xw + b
/// ```
/// ## Objective
/// ```
/// L(w, b) = ½ ‖Xw + b − y‖²
/// ```
/// ## Gradient
/// ```
/// ∂L/∂w = Xᵀ(Xw + b − y)        ∂L/∂b = Σᵢ (xᵢw + b − yᵢ)
/// ```
/// ## Update — none: the minimum in closed form
/// Setting ∂L/∂b = 0 gives `b = ȳ − x̄ᵀw`. Substituting it back centres the data, `Xc = X − x̄`,
/// `yc = y − ȳ`, and ∂L/∂w = 0 becomes the normal equation
/// ```
/// XcᵀXc w = Xcᵀ yc        ⇒        w = (XcᵀXc)⁻¹ Xcᵀ yc
/// ```
/// Centring keeps the intercept out of the linear system (it is never mixed into `w`) and improves
/// its conditioning. The solver never inverts: [Solver#QR] (the default) factors `Xc = QR` and solves
/// `Rw = Qᵀyc`, which works with κ(X) instead of κ(XᵀX) = κ(X)²; [Solver#CHOLESKY] factors XcᵀXc = LLᵀ
/// (fastest, loses digits on ill-conditioned X); [Solver#SVD] uses the pseudo-inverse `w = V Σ⁺ Uᵀ yc`,
/// the minimum-norm solution even when columns are collinear.
///
/// ## Cost
/// QR: 2nd² − ⅔d³ flops; Cholesky: nd² + ⅓d³; SVD: about 4nd² + 8d³.
///
/// ## Example
/// ```
/// var data  = Datasets.diabetes();
/// var model = LinearRegression.fit(data.X(), data.y());
/// model.w();  model.b();  model.predict(data.X());  model.score(data.X(), data.y());   // R² ≈ 0.518
/// ```
/// ## References
/// Tutorial `tutorials/01-normal-equation.jsh` derives the normal equation and compares the three
/// solvers on an ill-conditioned X. Hastie, Tibshirani & Friedman, *The Elements of Statistical
/// Learning*, §3.2; Golub & Van Loan, *Matrix Computations*, §5.3.
///
/// @param w       weights, one per feature
/// @param b       intercept (0 when `options.intercept()` is false)
/// @param options the options it was fitted with
public record LinearRegression(Vector w, double b, Options options) implements Regressor {

    /// How the least-squares system is solved (all three give the same answer on well-conditioned data).
    public enum Solver { QR, CHOLESKY, SVD }

    /// @param intercept fit `b` (true, the default) or force `b = 0`
    /// @param solver    how to solve the normal equation; QR by default
    public record Options(boolean intercept, Solver solver) {
        public Options {
            Check.notNull("LinearRegression.Options", "solver", solver);
        }

        public static Options defaults() { return new Options(true, Solver.QR); }

        public Options withIntercept(boolean intercept) { return new Options(intercept, solver); }

        public Options withSolver(Solver solver) { return new Options(intercept, solver); }
    }

    public LinearRegression {
        Check.notNull("LinearRegression", "w", w).requireFinite("LinearRegression", "w");
        Check.finite("LinearRegression", "b", b);
        Check.notNull("LinearRegression", "options", options);
    }

    /// A model with hand-picked weights, e.g. to compare with a fitted one in a tutorial.
    public LinearRegression(Vector w, double b) { this(w, b, Options.defaults()); }

    /// Fits with [Options#defaults()]: intercept, QR.
    public static LinearRegression fit(Matrix X, Vector y) { return fit(X, y, Options.defaults()); }

    public static LinearRegression fit(Matrix X, Vector y, Options options) {
        Inputs.requireXy("LinearRegression.fit", X, y);
        Check.notNull("LinearRegression.fit", "options", options);
        Vector xMean = options.intercept() ? X.mean(0) : Vector.zeros(X.cols());   // x̄
        double yMean = options.intercept() ? y.mean() : 0.0;                       // ȳ
        Matrix Xc = X.minusRowVector(xMean);                                       // Xc = X − x̄
        Vector yc = y.minus(yMean);                                                // yc = y − ȳ
        Vector w = switch (options.solver()) {
            case QR -> {
                Check.that(X.rows() >= X.cols(), "LinearRegression.fit",
                        "the QR solver needs at least as many rows as columns, X is %s; use Solver.SVD", X.shape());
                yield QR.of(Xc).solve(yc);                                         // Rw = Qᵀyc
            }
            case CHOLESKY -> Cholesky.of(Xc.transposeTimes(Xc)).solve(Xc.transpose().times(yc)); // LLᵀw = Xcᵀyc
            case SVD -> SVD.of(Xc).pseudoInverse().times(yc);                      // w = VΣ⁺Uᵀyc
        };
        double b = yMean - xMean.dot(w);                                           // b = ȳ − x̄ᵀw
        return new LinearRegression(w, b, options);
    }

    /// `ŷ = Xw + b`.
    @Override public Vector predict(Matrix X) {
        Inputs.requireX("LinearRegression.predict", X, w.size());
        return X.times(w).plus(b);
    }

    /// The coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² of the predictions on (X, y).
    public double score(Matrix X, Vector y) { return Metrics.r2(y, predict(X)); }

    @Override public String toString() {
        return "LinearRegression(d = " + w.size() + ", b = " + String.format(java.util.Locale.ROOT, "%.4f", b)
                + ", solver " + options.solver() + ")\n  w = " + w;
    }
}
