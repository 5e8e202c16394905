package mlscratch.classification;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.optim.StochasticObjective;
import mlscratch.optim.TwiceDifferentiable;
import mlscratch.optim.ValueAndGradient;
import mlscratch.util.Check;

/// The objective [LogisticRegression] minimises, as an [mlscratch.optim.Objective] any optimizer of
/// `mlscratch.optim` can take: the mean log-loss plus an L2 penalty on the weights (not on the intercept).
///
/// ```
/// θ = (w, b)                 the parameters: d weights, then the intercept (absent without one)
/// zᵢ = xᵢw + b               the logit of row i
/// L(θ) = (1/n) Σᵢ [log(1 + e^zᵢ) − yᵢzᵢ] + (λ/2)‖w‖²
/// ∇_w L = Xᵀ(p − y)/n + λw,   ∂L/∂b = Σᵢ (pᵢ − yᵢ)/n,   pᵢ = σ(zᵢ)
/// ∇²L = X̃ᵀSX̃/n + λI_w,      S = diag(pᵢ(1 − pᵢ)),  X̃ = [X 1]   (the intercept's diagonal entry gets no λ)
/// ```
/// The sum-of-losses form `½‖w‖² + C Σᵢ log-loss` of scikit-learn is this objective times `nC` with
/// `λ = 1/(nC)`; Smile's `Σᵢ log-loss + (λₛ/2)‖w‖²` is it times n with `λ = λₛ/n`. Same minimiser.
///
/// Numerics: `log(1 + eᶻ)` overflows for z > 709 if written that way, so each term is
/// `max(z, 0) + log1p(e^−|z|)` ([LogisticRegression#softplus(double)]), exact at z = ±1e4.
/// Cost of [#evaluate(Vector)]: one pass `Xw` and one pass `Xᵀr` over X (Matrix kernels), n exp and log1p.
/// As a [StochasticObjective] a mini-batch is the same formula over its rows (with the full λ), for SGD.
public final class LogisticObjective implements TwiceDifferentiable, StochasticObjective {

    private final Matrix X;                // n×d
    private final double[] y;              // n labels in {0, 1}
    private final double l2;               // λ
    private final boolean intercept;

    private LogisticObjective(Matrix X, double[] y, double l2, boolean intercept) {
        this.X = X;
        this.y = y;
        this.l2 = l2;
        this.intercept = intercept;
    }

    /// The objective for features `X` (n×d), labels `y` in {0, 1}, penalty λ = `l2` ≥ 0 and an intercept or not.
    public static LogisticObjective of(Matrix X, Vector y, double l2, boolean intercept) {
        String where = "LogisticObjective.of";
        Inputs.requireXy(where, X, y);
        y.toClassIndices(where, "y", 2);
        Check.nonNegative(where, "l2", l2);
        return new LogisticObjective(X, y.toArray(), l2, intercept);
    }

    /// Number of rows n.
    @Override public int n() { return X.rows(); }

    /// Number of parameters: d, plus 1 with an intercept.
    public int dim() { return X.cols() + (intercept ? 1 : 0); }

    /// L(θ) and ∇L(θ) over all rows: the forward pass `z = Xw + b` is shared by both.
    @Override public ValueAndGradient evaluate(Vector theta) {
        return evaluate(X, y, theta);
    }

    /// L(θ) and ∇L(θ) over the rows in `batch` (a mean over them), for [mlscratch.optim.SGD].
    @Override public ValueAndGradient evaluate(Vector theta, int[] batch) {
        double[] yb = new double[batch.length];
        for (int i = 0; i < batch.length; i++) yb[i] = y[batch[i]];
        return evaluate(X.selectRows(batch), yb, theta);
    }

    private ValueAndGradient evaluate(Matrix X, double[] y, Vector theta) {
        checkTheta(theta);
        int n = X.rows(), d = X.cols();
        Vector w = theta.slice(0, d);
        double b = intercept ? theta.get(d) : 0;
        double[] z = X.times(w).toArray();                         // z = Xw            (n)
        double[] sums = Blocks.sum(n, 2, (from, to, acc) -> {      // rows in parallel blocks
            double loss = 0, sumR = 0;
            for (int i = from; i < to; i++) {
                double zi = z[i] + b;                              // zᵢ = xᵢw + b
                double e = Math.exp(-Math.abs(zi));                // e^−|z| ≤ 1: never overflows
                loss += Math.max(zi, 0) + Math.log1p(e) - y[i] * zi;   // log(1 + e^z) − yz, stable form
                double p = zi >= 0 ? 1 / (1 + e) : e / (1 + e);    // p = σ(z), stable form
                z[i] = p - y[i];                                   // reuse z as r = p − y
                sumR += z[i];
            }
            acc[0] += loss;
            acc[1] += sumR;
        });
        double loss = sums[0], sumR = sums[1];
        Vector r = Vector.wrap(z);
        Vector gradW = X.transposeTimes(r).scale(1.0 / n).plus(w.scale(l2));   // ∇_w L = Xᵀr/n + λw
        double value = loss / n + 0.5 * l2 * w.dot(w);                          // L = mean log-loss + λ/2‖w‖²
        Vector grad = intercept ? Vector.concat(gradW, Vector.of(sumR / n))     // ∂L/∂b = Σr/n
                                : gradW;
        return new ValueAndGradient(value, grad);
    }

    /// ∇²L(θ) = X̃ᵀSX̃/n + λI (no λ on the intercept), `dim() × dim()`: Newton's method on it is IRLS.
    @Override public Matrix hessian(Vector theta) {
        checkTheta(theta);
        int n = X.rows(), d = X.cols();
        Vector w = theta.slice(0, d);
        double b = intercept ? theta.get(d) : 0;
        Vector s = X.times(w).map(z -> {
            double p = LogisticRegression.sigmoid(z + b);
            return p * (1 - p);                                   // sᵢ = pᵢ(1 − pᵢ)
        });
        Matrix XtSX = X.transposeTimes(X.scaleRows(s));           // XᵀSX        (d×d)
        int m = dim();
        double[] H = new double[m * m];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) H[i * m + j] = XtSX.get(i, j) / n + (i == j ? l2 : 0);
        if (intercept) {
            Vector XtS1 = X.transposeTimes(s);                    // XᵀS1: the intercept's column
            for (int j = 0; j < d; j++) H[d * m + j] = H[j * m + d] = XtS1.get(j) / n;
            H[d * m + d] = s.sum() / n;                           // 1ᵀS1/n
        }
        return Matrix.wrap(m, m, H);
    }

    /// An upper bound on the curvature, `λmax(X̃ᵀX̃)/(4n) + λ` (σ′ ≤ ¼), by 30 power iterations: gradient
    /// descent with step `1/smoothness()` decreases L at every step.
    public double smoothness() {
        return lambdaMax(X, intercept, 30) / (4.0 * X.rows()) + l2;
    }

    /// The largest eigenvalue of `X̃ᵀX̃` (X̃ = X with a column of ones when `intercept`), by power iteration.
    static double lambdaMax(Matrix X, boolean intercept, int iterations) {
        int d = X.cols();
        Vector v = Vector.ones(d);
        double vb = intercept ? 1 : 0, lambda = 0;
        for (int t = 0; t < iterations; t++) {
            double norm = Math.sqrt(v.dot(v) + vb * vb);
            v = v.scale(1 / norm);
            vb /= norm;
            Vector u = X.times(v).plus(vb);                       // u = X̃v
            Vector next = X.transposeTimes(u);                    // X̃ᵀu
            double nextB = intercept ? u.sum() : 0;
            lambda = v.dot(next) + vb * nextB;                    // Rayleigh quotient vᵀX̃ᵀX̃v
            v = next;
            vb = nextB;
        }
        return Math.max(lambda, 1e-12);
    }

    private void checkTheta(Vector theta) {
        Check.notNull("LogisticObjective", "theta", theta);
        if (theta.size() != dim())
            throw Check.fail("LogisticObjective", "theta has " + theta.size() + " entries but the objective has "
                    + dim() + " parameters (d = " + X.cols() + (intercept ? " weights + 1 intercept)" : " weights)"));
    }
}
