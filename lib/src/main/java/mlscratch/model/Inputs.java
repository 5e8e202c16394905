package mlscratch.model;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// The data checks every estimator runs first, so that every estimator rejects bad data with the same
/// words. `where` is the method the user called (`fit`, `predict`, `KMeans.fit`).
///
/// ```
/// fit: 'X' must not be null
/// fit: X has 150 rows but y has 149
/// fit: X is empty (0 rows)
/// fit: X has 0 columns (no features)
/// fit: X[42][2] is NaN
/// fit: y[7] is +Infinity
/// predict: X has 3 columns but the model was fitted on 4
/// fit: y[3] = 1.5 is not a class index (labels must be 0, 1, …, k−1)
/// ```
/// A typical `fit` starts
/// ```
/// Inputs.requireXy("fit", X, y);
/// int k = Inputs.requireLabels("fit", y);          // classifiers only
/// ```
/// and `predict` starts `Inputs.requireX("predict", X, w.size());`.
/// The contract test suite (`EstimatorContract` in the test sources) checks that every estimator does.
public final class Inputs {
    private Inputs() {}

    /// Checks training data: both present, `X.rows() == y.size()`, at least one row and one column,
    /// every entry finite.
    public static void requireXy(String where, Matrix X, Vector y) {
        Check.notNull(where, "X", X);
        Check.notNull(where, "y", y);
        if (X.rows() != y.size()) throw Check.fail(where, "X has " + X.rows() + " rows but y has " + y.size());
        requireShape(where, X);
        X.requireFinite(where, "X");
        y.requireFinite(where, "y");
    }

    /// Checks features for `predict`: present, at least one row, exactly `expectedCols` columns (the
    /// number the model was fitted on), every entry finite.
    public static void requireX(String where, Matrix X, int expectedCols) {
        Check.notNull(where, "X", X);
        if (X.cols() != expectedCols)
            throw Check.fail(where, "X has " + X.cols() + (X.cols() == 1 ? " column" : " columns")
                    + " but the model was fitted on " + expectedCols);
        requireShape(where, X);
        X.requireFinite(where, "X");
    }

    /// Checks that `y` holds class indices (whole numbers ≥ 0) and returns the number of classes
    /// `k = max(y) + 1`. A class below k may be absent from `y` (a fold of cross-validation can miss one).
    public static int requireLabels(String where, Vector y) {
        Check.notNull(where, "y", y);
        y.requireFinite(where, "y");
        if (y.size() == 0) throw Check.fail(where, "y is empty");
        int max = 0;
        for (int c : y.toClassIndices(where, "y", 0)) max = Math.max(max, c);
        return max + 1;
    }


    private static void requireShape(String where, Matrix X) {
        if (X.rows() == 0) throw Check.fail(where, "X is empty (0 rows)");
        if (X.cols() == 0) throw Check.fail(where, "X has 0 columns (no features)");
    }
}
