package mlscratch.regression;

import java.util.Arrays;

import mlscratch.linalg.Cholesky;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.QR;
import mlscratch.linalg.Rng;
import mlscratch.linalg.SVD;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;
import mlscratch.model.Inputs;
import mlscratch.model.Regressor;
import mlscratch.model.Trace;
import mlscratch.optim.EarlyStopping;
import mlscratch.optim.GradientDescent;
import mlscratch.optim.Objectives;
import mlscratch.optim.Result;
import mlscratch.optim.SGD;
import mlscratch.optim.StochasticObjective;
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
/// ## Update — iterative, for when d is large or the data stream
/// [Solver#GD] (batch gradient descent, [GradientDescent]) and [Solver#SGD] (mini-batch, [SGD]) minimise
/// the mean squared error on the centred data, θ = (w, b_c) (b_c → 0 at the optimum):
/// ```
/// L(θ) = (1/2n)‖Xc w + b_c − yc‖²        ∇L = [Xc | 1]ᵀ r / n,  r = Xc w + b_c − yc        θ ← rule.step(θ, ∇L)
/// ```
/// Plain GD converges for η < 2/λmax(XcᵀXc/n): **standardise the features** ([mlscratch.data.StandardScaler]),
/// then λmax ≤ d and the default η = 0.1 works for d ≲ 20. With `validationFraction > 0` a seeded share of the
/// rows is held out and [EarlyStopping] ends the run once their loss stops improving for `patience` epochs,
/// restoring the best weights. The model's [#trace()] records the loss per iteration (GD) or epoch (SGD).
///
/// ## Cost
/// QR: 2nd² − ⅔d³ flops; Cholesky: nd² + ⅓d³; SVD: about 4nd² + 8d³; GD and SGD: O(nd) per pass.
///
/// ## Example
/// ```
/// var data  = Datasets.diabetes();
/// var model = LinearRegression.fit(data.X(), data.y());
/// model.w();  model.b();  model.predict(data.X());  model.score(data.X(), data.y());   // R² ≈ 0.518
/// ```
/// ## References
/// Tutorial `tutorials/01-normal-equation.jsh` derives the normal equation and compares the three
/// solvers on an ill-conditioned X; `tutorials/02-gradient-descent.jsh` runs the iterative ones. Hastie, Tibshirani & Friedman, *The Elements of Statistical
/// Learning*, §3.2; Golub & Van Loan, *Matrix Computations*, §5.3.
///
/// @param w       weights, one per feature
/// @param b       intercept (0 when `options.intercept()` is false)
/// @param options the options it was fitted with
/// @param trace   the iterations of GD / SGD; [Trace#closedForm()] for QR, Cholesky and SVD
public record LinearRegression(Vector w, double b, Options options, Trace trace) implements Regressor {

    /// How the least-squares problem is solved: three closed forms (the same answer on well-conditioned
    /// data) and two iterative ones (the same answer within their tolerance, on standardised features).
    public enum Solver { QR, CHOLESKY, SVD, GD, SGD }

    /// @param intercept          fit `b` (true, the default) or force `b = 0`
    /// @param solver             how to solve it; QR by default
    /// @param gd                 options of [Solver#GD] (default: Plain(0.1), 10 000 iterations, tol 1e-8)
    /// @param sgd                options of [Solver#SGD] (default: [SGD.Options#defaults()], 100 epochs of 32-row batches)
    /// @param validationFraction share of rows held out for early stopping with GD/SGD, in [0, 1) (default 0: none)
    /// @param patience           epochs without improvement before early stopping, ≥ 1 (default 5)
    /// @param seed               seeds the validation split (default 42; SGD's shuffles use `sgd.seed()`)
    public record Options(boolean intercept, Solver solver, GradientDescent.Options gd, SGD.Options sgd,
                          double validationFraction, int patience, long seed) {
        public Options {
            Check.notNull("LinearRegression.Options", "solver", solver);
            Check.notNull("LinearRegression.Options", "gd", gd);
            Check.notNull("LinearRegression.Options", "sgd", sgd);
            Check.finite("LinearRegression.Options", "validationFraction", validationFraction);
            Check.that(validationFraction >= 0 && validationFraction < 1, "LinearRegression.Options",
                    "'validationFraction' must be in [0, 1), got %s", validationFraction);
            Check.positive("LinearRegression.Options", "patience", patience);
        }

        /// Intercept and a closed-form `solver` with default iterative options.
        public Options(boolean intercept, Solver solver) {
            this(intercept, solver, GradientDescent.Options.defaults().withMaxIter(10_000).withTol(1e-8),
                    SGD.Options.defaults(), 0.0, 5, 42);
        }

        public static Options defaults() { return new Options(true, Solver.QR); }

        public Options withIntercept(boolean intercept) {
            return new Options(intercept, solver, gd, sgd, validationFraction, patience, seed);
        }

        public Options withSolver(Solver solver) {
            return new Options(intercept, solver, gd, sgd, validationFraction, patience, seed);
        }

        public Options withGd(GradientDescent.Options gd) {
            return new Options(intercept, solver, gd, sgd, validationFraction, patience, seed);
        }

        public Options withSgd(SGD.Options sgd) {
            return new Options(intercept, solver, gd, sgd, validationFraction, patience, seed);
        }

        public Options withValidationFraction(double validationFraction) {
            return new Options(intercept, solver, gd, sgd, validationFraction, patience, seed);
        }

        public Options withPatience(int patience) {
            return new Options(intercept, solver, gd, sgd, validationFraction, patience, seed);
        }

        public Options withSeed(long seed) {
            return new Options(intercept, solver, gd, sgd, validationFraction, patience, seed);
        }
    }

    public LinearRegression {
        Check.notNull("LinearRegression", "w", w).requireFinite("LinearRegression", "w");
        Check.finite("LinearRegression", "b", b);
        Check.notNull("LinearRegression", "options", options);
        Check.notNull("LinearRegression", "trace", trace);
    }

    /// A closed-form model.
    public LinearRegression(Vector w, double b, Options options) { this(w, b, options, Trace.closedForm()); }

    /// A model with hand-picked weights, e.g. to compare with a fitted one in a tutorial.
    public LinearRegression(Vector w, double b) { this(w, b, Options.defaults()); }

    /// Fits with [Options#defaults()]: intercept, QR.
    public static LinearRegression fit(Matrix X, Vector y) { return fit(X, y, Options.defaults()); }

    public static LinearRegression fit(Matrix X, Vector y, Options options) {
        Inputs.requireXy("LinearRegression.fit", X, y);
        Check.notNull("LinearRegression.fit", "options", options);
        if (options.solver() == Solver.GD || options.solver() == Solver.SGD) return fitIteratively(X, y, options);
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
            case GD, SGD -> throw new AssertionError("handled above");
        };
        double b = yMean - xMean.dot(w);                                           // b = ȳ − x̄ᵀw
        return new LinearRegression(w, b, options);
    }

    /// GD or SGD on θ = (w, b_c) over the centred training rows, optionally early-stopped on held-out rows.
    private static LinearRegression fitIteratively(Matrix X, Vector y, Options options) {
        int n = X.rows(), d = X.cols();
        int nVal = (int) Math.floor(options.validationFraction() * n);
        Check.that(options.validationFraction() == 0 || (nVal >= 1 && nVal < n), "LinearRegression.fit",
                "validationFraction = %s of n = %d rows leaves %d for validation and %d for training (each needs ≥ 1)",
                options.validationFraction(), n, nVal, n - nVal);
        int[] perm = nVal > 0 ? Rng.permutation(n, Rng.of(options.seed())) : null;
        int[] train = nVal > 0 ? Arrays.copyOfRange(perm, nVal, n) : null;
        Matrix Xt = nVal > 0 ? X.selectRows(train) : X;                                   // training rows
        Vector yt = nVal > 0 ? y.select(train) : y;
        var c = Centred.of(Xt, yt, options.intercept());
        StochasticObjective L = Objectives.leastSquares(design(c.Xc(), options.intercept()), c.yc());   // (1/2n)‖Aθ − yc‖²
        EarlyStopping stop = null;
        if (nVal > 0) {
            int[] val = Arrays.copyOfRange(perm, 0, nVal);
            Matrix Xv = X.selectRows(val).minusRowVector(c.xMean());                      // centred with the training x̄
            Vector yv = y.select(val).minus(c.yMean());
            stop = new EarlyStopping(Objectives.leastSquares(design(Xv, options.intercept()), yv), options.patience(), true);
        }
        Vector theta0 = Vector.zeros(d + (options.intercept() ? 1 : 0));
        Result r = options.solver() == Solver.GD
                ? GradientDescent.minimize(L, theta0, options.gd().withEarlyStopping(stop))
                : SGD.minimize(L, theta0, options.sgd().withEarlyStopping(stop));
        if (!isFinite(r.w()) || !Double.isFinite(r.trace().finalLoss()))
            throw Check.fail("LinearRegression.fit", options.solver() + " diverged (" + String.join("; ", r.trace().notes())
                    + "): lower the learning rate — plain GD needs η < 2/λmax(XcᵀXc/n) — and standardise X");
        Vector w = r.w().slice(0, d);
        double bc = options.intercept() ? r.w().get(d) : 0;
        return new LinearRegression(w, c.intercept(w) + bc, options, r.trace());          // b = ȳ − x̄ᵀw + b_c
    }

    private static boolean isFinite(Vector v) {
        for (int i = 0; i < v.size(); i++) if (!Double.isFinite(v.get(i))) return false;
        return true;
    }

    /// `[X | 1]` with an intercept, `X` without.
    private static Matrix design(Matrix X, boolean intercept) {
        return intercept ? Matrix.hstack(X, Matrix.ones(X.rows(), 1)) : X;
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
                + ", solver " + options.solver() + ")\n  w = " + w
                + (trace.iterations() > 0 || !trace.notes().isEmpty() ? "\n  " + trace : "");
    }
}
