package mlscratch.data;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// One-hot encoding of class labels: label c becomes the row `e_c` of the k×k identity, the target
/// format of softmax regression and of a network's cross-entropy loss.
///
/// ```
/// encode:  Yᵢc = 1 if yᵢ = c, else 0              y of size n with entries in {0 … k−1}  ↦  Y, n×k
/// decode:  yᵢ = argmax_c Yᵢc                      (the first maximum on ties)
/// ```
/// `decode(encode(y, k)) = y`, and `decode` also turns a matrix of class probabilities into predictions.
/// ```
/// OneHot.encode(Vector.of(0, 2, 1), 3);   // [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
/// ```
public final class OneHot {
    private OneHot() {}

    /// The n×k indicator matrix of the labels `y` (whole numbers in `0 … k−1`).
    public static Matrix encode(Vector y, int k) {
        String where = "OneHot.encode";
        Check.notNull(where, "y", y);
        Check.positive(where, "k", k);
        int[] c = y.toClassIndices(where, "y", k);
        int n = c.length;
        double[] Y = new double[n * k];
        for (int i = 0; i < n; i++) Y[i * k + c[i]] = 1;                   // Yᵢc = 1 when yᵢ = c
        return Matrix.wrap(n, k, Y);
    }

    /// The indicator matrix with `k = max(y) + 1` classes.
    public static Matrix encode(Vector y) {
        Check.notNull("OneHot.encode", "y", y);
        Check.that(y.size() >= 1, "OneHot.encode", "y is empty, so the number of classes is unknown; use encode(y, k)");
        double top = y.max();
        Check.that(top >= 0 && top == Math.rint(top) && top < Integer.MAX_VALUE, "OneHot.encode",
                "max(y) = %s is not a class index", top);
        return encode(y, (int) top + 1);
    }

    /// The class of each row: `yᵢ = argmax_c Yᵢc`.
    public static Vector decode(Matrix Y) {
        Check.notNull("OneHot.decode", "Y", Y);
        Check.that(Y.cols() >= 1, "OneHot.decode", "Y is %s but needs at least one column", Y.shape());
        Y.requireFinite("OneHot.decode", "Y");
        return Vector.ofInts(Y.argmax(1));
    }
}
