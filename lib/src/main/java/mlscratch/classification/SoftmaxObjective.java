package mlscratch.classification;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.optim.StochasticObjective;
import mlscratch.optim.ValueAndGradient;
import mlscratch.util.Check;

/// The objective [SoftmaxRegression] minimises: the mean cross-entropy of a softmax over k linear scores
/// plus an L2 penalty on the weights (not on the intercepts), as an [mlscratch.optim.Objective].
///
/// ```
/// θ = (vec W, b)             W k×d flattened row by row (class c's weights are row c), then b (k)
/// Z = XWᵀ + 1bᵀ              n×k scores,  Zᵢc = xᵢ·W_c + b_c
/// Pᵢc = e^Zᵢc / Σⱼ e^Zᵢⱼ     the softmax of row i;   Y the one-hot labels (n×k)
/// L(θ) = (1/n) Σᵢ [logΣⱼ e^Zᵢⱼ − Zᵢ,yᵢ] + (λ/2)‖W‖²_F
/// ∇_W L = (P − Y)ᵀX/n + λW,   ∇_b L = (P − Y)ᵀ1/n
/// ```
/// All k rows of W are penalised (the symmetric form of scikit-learn, `λ = 1/(nC)`). Smile fixes the last
/// class's row at 0 instead and penalises the other k−1: without a penalty (λ = 0) the two give the same
/// minimum, with one they differ slightly.
///
/// Numerics: `log Σ e^z` overflows for a score above 709, so each row subtracts its max first,
/// `m + log Σ e^(z − m)` (as [SoftmaxRegression#logSumExp(double[], int, int)]); the k values e^(z − m) are
/// kept and divided by their sum for P, one exp per score.
/// Cost of [#evaluate(Vector)]: two GEMMs, `XWᵀ` and `(P − Y)ᵀX` (2nkd flops each), and nk exps.
public final class SoftmaxObjective implements StochasticObjective {

    private final Matrix X;                // n×d
    private final int[] y;                 // n class indices in 0..k−1
    private final int k;
    private final double l2;
    private final boolean intercept;

    private SoftmaxObjective(Matrix X, int[] y, int k, double l2, boolean intercept) {
        this.X = X;
        this.y = y;
        this.k = k;
        this.l2 = l2;
        this.intercept = intercept;
    }

    /// The objective for features `X` (n×d), labels `y` in 0..k−1, penalty λ = `l2` ≥ 0.
    public static SoftmaxObjective of(Matrix X, Vector y, int k, double l2, boolean intercept) {
        String where = "SoftmaxObjective.of";
        Inputs.requireXy(where, X, y);
        Check.positive(where, "k", k);
        Check.nonNegative(where, "l2", l2);
        return new SoftmaxObjective(X, y.toClassIndices(where, "y", k), k, l2, intercept);
    }

    @Override public int n() { return X.rows(); }

    /// Number of classes k.
    public int k() { return k; }

    /// Number of parameters: k·d, plus k with intercepts.
    public int dim() { return k * X.cols() + (intercept ? k : 0); }

    /// `W` (k×d) from a parameter vector.
    public Matrix weights(Vector theta) {
        checkTheta(theta);
        return Matrix.wrap(k, X.cols(), theta.slice(0, k * X.cols()).toArray());
    }

    /// `b` (k) from a parameter vector (zeros without intercepts).
    public Vector intercepts(Vector theta) {
        checkTheta(theta);
        return intercept ? theta.slice(k * X.cols(), dim()) : Vector.zeros(k);
    }

    @Override public ValueAndGradient evaluate(Vector theta) { return evaluate(X, y, theta); }

    @Override public ValueAndGradient evaluate(Vector theta, int[] batch) {
        int[] yb = new int[batch.length];
        for (int i = 0; i < batch.length; i++) yb[i] = y[batch[i]];
        return evaluate(X.selectRows(batch), yb, theta);
    }

    private ValueAndGradient evaluate(Matrix X, int[] y, Vector theta) {
        Matrix W = weights(theta);                                        // k×d
        double[] b = intercepts(theta).toArray();
        int n = X.rows();
        double[] Z = X.timesTranspose(W).toArray();                       // Z = XWᵀ      (n×k)
        double[] sums = Blocks.sum(n, k + 1, (from, to, acc) -> {   // rows in parallel blocks; acc = (Σ R, loss)
            for (int i = from; i < to; i++) {
                int o = i * k;
                double m = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    Z[o + c] += b[c];                                     // + bᵀ
                    m = Math.max(m, Z[o + c]);                            // m = maxⱼ Zᵢⱼ
                }
                double zy = Z[o + y[i]], sum = 0;
                for (int c = 0; c < k; c++) sum += Z[o + c] = Math.exp(Z[o + c] - m);   // e^(z − m) ≤ 1: no overflow
                acc[k] += m + Math.log(sum) - zy;                         // −log Pᵢ,yᵢ = log Σⱼ e^Zᵢⱼ − Zᵢ,yᵢ
                for (int c = 0; c < k; c++) {
                    Z[o + c] /= sum;                                      // reuse Z as P = e^(z − m) / Σ
                    if (c == y[i]) Z[o + c] -= 1;                         // then as R = P − Y
                    acc[c] += Z[o + c];
                }
            }
        });
        double loss = sums[k];
        double[] sumR = java.util.Arrays.copyOf(sums, k);
        Matrix R = Matrix.wrap(n, k, Z);
        Matrix gradW = R.transposeTimes(X).scale(1.0 / n).plus(W.scale(l2));   // ∇_W L = RᵀX/n + λW   (k×d)
        double value = loss / n + 0.5 * l2 * W.dot(W);                          // mean CE + λ/2‖W‖²
        Vector grad = gradW.flatten();
        if (intercept) grad = Vector.concat(grad, Vector.wrap(sumR).scale(1.0 / n));   // ∇_b L = Rᵀ1/n
        return new ValueAndGradient(value, grad);
    }

    /// An upper bound on the curvature, `λmax(X̃ᵀX̃)/(2n) + λ` (the softmax Hessian is ≤ ½I, Böhning 1992).
    public double smoothness() {
        return LogisticObjective.lambdaMax(X, intercept, 30) / (2.0 * X.rows()) + l2;
    }

    private void checkTheta(Vector theta) {
        Check.notNull("SoftmaxObjective", "theta", theta);
        if (theta.size() != dim())
            throw Check.fail("SoftmaxObjective", "theta has " + theta.size() + " entries but the objective has "
                    + dim() + " parameters (k = " + k + " classes × (d = " + X.cols() + (intercept ? " + 1))" : "))"));
    }
}
