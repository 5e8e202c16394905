package mlscratch.data;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Checks and printing shared by the preprocessing records.
final class PrepSupport {
    private PrepSupport() {}

    /// Fails unless X is non-null, has at least one row and is finite.
    static Matrix fitInput(String where, Matrix X) {
        Check.notNull(where, "X", X);
        Check.that(X.rows() >= 1, where, "X is %s but needs at least one row", X.shape());
        return X.requireFinite(where, "X");
    }

    /// `where: X has 3 columns but <fitted> was fitted on 4`.
    static Matrix transformInput(String where, Matrix X, int d, String fitted) {
        Check.notNull(where, "X", X);
        Check.that(X.cols() == d, where, "X has %d columns but %s was fitted on %d", X.cols(), fitted, d);
        return X.requireFinite(where, "X");
    }

    /// A vector printed without its `Vector(n)` prefix: `[1.0000, 2.0000]`.
    static String show(Vector v) {
        String s = v.toString();
        return s.substring(s.indexOf(' ') + 1);
    }

    /// The same data set with new features (same targets, name and description).
    static Dataset withX(Dataset data, Matrix X, java.util.List<String> featureNames) {
        return new Dataset(data.name(), X, data.y(), featureNames, data.classNames(), data.description());
    }
}
