package mlscratch.clustering;

import mlscratch.linalg.Matrix;
import mlscratch.util.Check;

/// A dissimilarity between two points, for the clustering methods that accept any distance
/// ([KMedoids], [DBSCAN]). A plain interface, so a learner can write one in JShell:
/// ```
/// Distance chebyshev = (a, b) -> { double m = 0; for (int t = 0; t < a.length; t++) m = Math.max(m, Math.abs(a[t] - b[t])); return m; };
/// KMedoids.fit(X, KMedoids.Options.defaults().withK(3).withDistance(chebyshev));
/// ```
/// The built-in ones:
/// ```
/// EUCLIDEAN   d(a, b) = ‖a − b‖₂ = √(Σₜ (aₜ − bₜ)²)
/// MANHATTAN   d(a, b) = ‖a − b‖₁ = Σₜ |aₜ − bₜ|
/// COSINE      d(a, b) = 1 − a·b / (‖a‖ ‖b‖)         (1 when a or b is zero, as in scikit-learn)
/// ```
/// Euclidean and Manhattan are metrics (the triangle inequality holds); the cosine distance is not, but
/// k-medoids only needs `d(a, b) ≥ 0` and `d(a, a) = 0`. Arrays, not [mlscratch.linalg.Vector]s: the
/// methods call it n² times on rows they already hold, and must not copy a row per call.
@FunctionalInterface
public interface Distance {

    /// The distance between two points of the same length. Must not modify them.
    double between(double[] a, double[] b);

    /// `‖a − b‖₂`.
    Distance EUCLIDEAN = Builtin.EUCLIDEAN;
    /// `‖a − b‖₁`, the city-block distance: less swayed than Euclidean by one large coordinate.
    Distance MANHATTAN = Builtin.MANHATTAN;
    /// `1 − cos(a, b)`: compares directions, ignoring lengths.
    Distance COSINE = Builtin.COSINE;

    /// The n×m matrix `D[i][j] = d(Aᵢ, Bⱼ)` of distances from each row of `A` to each row of `B`.
    /// ```
    /// Distance.MANHATTAN.pairwise(X, X)      // n×n, zero diagonal
    /// ```
    default Matrix pairwise(Matrix A, Matrix B) {
        Check.notNull("pairwise", "A", A);
        Check.notNull("pairwise", "B", B);
        Check.that(A.cols() == B.cols(), "pairwise", "A is %s but B is %s (the rows must have the same length)", A.shape(), B.shape());
        double[][] a = A.toArray2D(), b = B.toArray2D();
        double[] D = new double[a.length * b.length];
        for (int i = 0; i < a.length; i++)
            for (int j = 0; j < b.length; j++) D[i * b.length + j] = between(a[i], b[j]);
        return Matrix.wrap(a.length, b.length, D);
    }

    /// The built-in distances (an enum, so they print by name).
    enum Builtin implements Distance {
        EUCLIDEAN {
            @Override public double between(double[] a, double[] b) {
                return Math.sqrt(Rows.squaredDistance(a, 0, b, 0, a.length));   // √Σ (aₜ − bₜ)²
            }
        },
        MANHATTAN {
            @Override public double between(double[] a, double[] b) {
                double s = 0;
                for (int t = 0; t < a.length; t++) s += Math.abs(a[t] - b[t]);   // Σ |aₜ − bₜ|
                return s;
            }
        },
        COSINE {
            @Override public double between(double[] a, double[] b) {
                double ab = 0, aa = 0, bb = 0;
                for (int t = 0; t < a.length; t++) {
                    ab += a[t] * b[t];
                    aa += a[t] * a[t];
                    bb += b[t] * b[t];
                }
                if (aa == 0 || bb == 0) return 1;                        // no direction: as scikit-learn
                double cos = ab / Math.sqrt(aa * bb);                    // a·b / (‖a‖ ‖b‖)
                return Math.max(0, 1 - cos);                             // rounding can give −1e−16
            }
        }
    }
}
