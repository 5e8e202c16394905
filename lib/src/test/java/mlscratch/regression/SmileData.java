package mlscratch.regression;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// (X, y) as a Smile DataFrame with columns x0 … x{d−1}, y, and the formula `y ~ .`, for cross-checks.
///
/// Smile's penalised regressions standardise each column by its sample standard deviation s_j before
/// penalising; on data whose columns share one s (diabetes: ‖xⱼ − x̄ⱼ‖² = 1, so s² = 1/(n − 1)) its λ maps to
/// ours as (checked by the tests that use it):
/// ```
/// RidgeRegression(λ)           ‖r‖² + λ‖v‖²,  v = s·w            ⇒  Ridge α = λ s²
/// LASSO(λ)                     ‖r‖² + λ‖v‖₁                       ⇒  Lasso α = λ s / (2n)
/// ElasticNet(λ₁, λ₂) (naive)    ‖r‖² + λ₁‖v‖₁ + λ₂‖v‖²             ⇒  αρ = λ₁ s/(2n),  α(1 − ρ) = λ₂ s²/n
/// ```
final class SmileData {
    private SmileData() {}

    static smile.data.DataFrame frame(Matrix X, Vector y) {
        int n = X.rows(), d = X.cols();
        String[] names = new String[d + 1];
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) rows[i] = Vector.concat(X.row(i), Vector.of(y.get(i))).toArray();
        for (int j = 0; j < d; j++) names[j] = "x" + j;
        names[d] = "y";
        return smile.data.DataFrame.of(rows, names);
    }

    static smile.data.formula.Formula formula() { return smile.data.formula.Formula.lhs("y"); }

    static Vector coefficients(smile.regression.LinearModel m) { var c = m.coefficients();
        double[] w = new double[c.size()];
        for (int j = 0; j < w.length; j++) w[j] = c.get(j);
        return Vector.wrap(w); }
}
