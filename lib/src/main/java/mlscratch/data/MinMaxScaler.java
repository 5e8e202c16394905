package mlscratch.data;

import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Min–max scaling: maps every column linearly onto `[lo, hi]` (default [0, 1]) using the smallest
/// and largest value seen in training.
///
/// ```
/// Notation   X is n×d; column j has minimum mⱼ and maximum Mⱼ; the target range is [lo, hi]
/// fit        mⱼ = minᵢ Xᵢⱼ,   Mⱼ = maxᵢ Xᵢⱼ,   rⱼ = Mⱼ − mⱼ
/// transform  Zᵢⱼ = lo + (Xᵢⱼ − mⱼ)/rⱼ · (hi − lo)
/// inverse    Xᵢⱼ = mⱼ + (Zᵢⱼ − lo)/(hi − lo) · rⱼ
/// ```
/// Training data lands inside `[lo, hi]`; new data outside the training range lands outside it (there
/// is no clipping). A constant column (`rⱼ < 10ε`) is treated as `rⱼ = 1`, as in scikit-learn, so it
/// maps to `lo` instead of NaN. One outlier squeezes the rest of its column; [StandardScaler] is less
/// sensitive.
///
/// @param min smallest training value per column, mⱼ
/// @param max largest training value per column, Mⱼ
/// @param lo  lower end of the target range
/// @param hi  upper end of the target range, `> lo`
public record MinMaxScaler(Vector min, Vector max, double lo, double hi) {

    public MinMaxScaler {
        Check.notNull("MinMaxScaler", "min", min);
        Check.notNull("MinMaxScaler", "max", max);
        Check.that(min.size() == max.size(), "MinMaxScaler", "min has size %d but max has size %d", min.size(), max.size());
        min.requireFinite("MinMaxScaler", "min");
        max.requireFinite("MinMaxScaler", "max");
        for (int j = 0; j < min.size(); j++)
            Check.that(min.get(j) <= max.get(j), "MinMaxScaler", "min[%d] = %s exceeds max[%d] = %s", j, min.get(j), j, max.get(j));
        checkRange("MinMaxScaler", lo, hi);
    }

    /// Learns each column's minimum and maximum; the target range is [0, 1].
    public static MinMaxScaler fit(Matrix X) { return fit(X, 0, 1); }

    /// Learns each column's minimum and maximum; the target range is `[lo, hi]`.
    public static MinMaxScaler fit(Matrix X, double lo, double hi) {
        PrepSupport.fitInput("MinMaxScaler.fit", X);
        checkRange("MinMaxScaler.fit", lo, hi);
        return new MinMaxScaler(X.min(0), X.max(0), lo, hi);
    }

    /// Number of columns it was fitted on.
    public int d() { return min.size(); }

    /// `Zᵢⱼ = lo + (Xᵢⱼ − mⱼ)/rⱼ · (hi − lo)`.
    public Matrix transform(Matrix X) {
        PrepSupport.transformInput("MinMaxScaler.transform", X, d(), "the scaler");
        int n = X.rows(), d = d();
        Vector r = range();
        double[] Z = new double[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                Z[i * d + j] = lo + (X.get(i, j) - min.get(j)) / r.get(j) * (hi - lo);   // lo + (x − m)/r·(hi − lo)
        return Matrix.wrap(n, d, Z);
    }

    /// The data set with rescaled features (same targets and names).
    public Dataset transform(Dataset data) {
        Check.notNull("MinMaxScaler.transform", "data", data);
        return PrepSupport.withX(data, transform(data.X()), data.featureNames());
    }

    /// `Xᵢⱼ = mⱼ + (Zᵢⱼ − lo)/(hi − lo) · rⱼ`, undoing [#transform(Matrix)].
    public Matrix inverseTransform(Matrix Z) {
        PrepSupport.transformInput("MinMaxScaler.inverseTransform", Z, d(), "the scaler");
        int n = Z.rows(), d = d();
        Vector r = range();
        double[] X = new double[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                X[i * d + j] = min.get(j) + (Z.get(i, j) - lo) / (hi - lo) * r.get(j);  // m + (z − lo)/(hi − lo)·r
        return Matrix.wrap(n, d, X);
    }

    /// `rⱼ = Mⱼ − mⱼ`, with 1 for constant columns (`rⱼ < 10ε`).
    public Vector range() {
        double tiny = 10 * Math.ulp(1.0);
        return max.minus(min).map(r -> r < tiny ? 1.0 : r);
    }

    private static void checkRange(String where, double lo, double hi) {
        Check.finite(where, "lo", lo);
        Check.finite(where, "hi", hi);
        Check.that(lo < hi, where, "the range [lo, hi] = [%s, %s] is empty (need lo < hi)", lo, hi);
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "MinMaxScaler d = %d to [%s, %s]%n  min %s%n  max %s", d(), lo, hi,
                PrepSupport.show(min), PrepSupport.show(max));
    }
}
