package mlscratch.data;

import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Standardisation: shifts every column to mean 0 and scales it to standard deviation 1, so that
/// features measured in different units weigh the same in a distance, a penalty or a gradient step.
///
/// ```
/// Notation   X is n×d; column j has mean μⱼ and population standard deviation σⱼ
/// fit        μⱼ = (1/n) Σᵢ Xᵢⱼ
///            σⱼ = √((1/n) Σᵢ (Xᵢⱼ − μⱼ)²)             ddof = 0, as in scikit-learn and NumPy
/// transform  Z = (X − μ) ⊘ σ                           Zᵢⱼ = (Xᵢⱼ − μⱼ)/σⱼ
/// inverse    X = Z ⊙ σ + μ
/// ```
/// A constant column has σⱼ = 0; like scikit-learn, the scaler then stores `scale[j] = 1`, so the column
/// becomes all zeros instead of NaN. "Constant" includes a variance that is only rounding error:
/// `σⱼ² ≤ n·ε·σⱼ² + (n·μⱼ·ε)²` (ε = 2⁻⁵², the bound scikit-learn uses).
///
/// Fit on the training part only and transform both parts with the same scaler, or the test set
/// leaks into training:
/// ```
/// var s = StandardScaler.fit(train.X());
/// var Ztrain = s.transform(train.X());
/// var Ztest  = s.transform(test.X());        // uses the training μ and σ
/// ```
///
/// @param mean  μ, one entry per column
/// @param scale σ, one entry per column, with 1 in place of 0 for constant columns
public record StandardScaler(Vector mean, Vector scale) {

    public StandardScaler {
        Check.notNull("StandardScaler", "mean", mean);
        Check.notNull("StandardScaler", "scale", scale);
        Check.that(mean.size() == scale.size(), "StandardScaler", "mean has size %d but scale has size %d",
                mean.size(), scale.size());
        mean.requireFinite("StandardScaler", "mean");
        for (int j = 0; j < scale.size(); j++)
            Check.that(scale.get(j) > 0 && Double.isFinite(scale.get(j)), "StandardScaler",
                    "scale[%d] must be finite and > 0, got %s", j, scale.get(j));
    }

    /// Learns μ and σ from the columns of X (at least one row, all finite).
    public static StandardScaler fit(Matrix X) {
        PrepSupport.fitInput("StandardScaler.fit", X);
        int n = X.rows();
        Vector mu = X.mean(0);                                              // μⱼ = (1/n) Σᵢ Xᵢⱼ
        Vector var = X.var(0);                                              // σⱼ² (two-pass, ddof = 0)
        double eps = Math.ulp(1.0);
        double[] sigma = new double[mu.size()];
        for (int j = 0; j < sigma.length; j++) {
            double v = var.get(j), m = mu.get(j);
            boolean constant = v <= n * eps * v + (n * m * eps) * (n * m * eps);   // variance is rounding noise
            sigma[j] = constant ? 1.0 : Math.sqrt(v);
        }
        return new StandardScaler(mu, Vector.wrap(sigma));
    }

    /// Number of columns it was fitted on.
    public int d() { return mean.size(); }

    /// `Z = (X − μ) ⊘ σ`.
    public Matrix transform(Matrix X) {
        PrepSupport.transformInput("StandardScaler.transform", X, d(), "the scaler");
        return X.minusRowVector(mean).divideColumns(scale);                 // (X − μ) ⊘ σ
    }

    /// The data set with standardised features (same targets and names).
    public Dataset transform(Dataset data) {
        Check.notNull("StandardScaler.transform", "data", data);
        return PrepSupport.withX(data, transform(data.X()), data.featureNames());
    }

    /// `X = Z ⊙ σ + μ`, undoing [#transform(Matrix)].
    public Matrix inverseTransform(Matrix Z) {
        PrepSupport.transformInput("StandardScaler.inverseTransform", Z, d(), "the scaler");
        return Z.scaleColumns(scale).plusRowVector(mean);                   // Z ⊙ σ + μ
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "StandardScaler d = %d%n  mean  %s%n  scale %s", d(),
                PrepSupport.show(mean), PrepSupport.show(scale));
    }
}
