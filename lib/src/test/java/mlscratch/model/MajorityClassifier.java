package mlscratch.model;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Test-only estimator: predicts the most frequent training class for every row, ties broken at random
/// by the seed; probabilities are the smoothed class frequencies
/// ```
/// P(c) = (count_c + α) / (n + k·α)
/// ```
/// Used to test [EstimatorContract] on a classifier with a seed and [CrossValidation] with a [Scorer].
///
/// @param label the predicted class
/// @param proba the k class probabilities
/// @param d     number of features it was fitted on
record MajorityClassifier(int label, Vector proba, int d) implements ProbabilisticClassifier {

    record Options(double smoothing, long seed) {
        Options {
            Check.nonNegative("MajorityClassifier.Options", "smoothing", smoothing);
        }

        static Options defaults() { return new Options(1, 0); }

        Options withSmoothing(double a) { return new Options(a, seed); }

        Options withSeed(long s) { return new Options(smoothing, s); }
    }

    static MajorityClassifier fit(Matrix X, Vector y) { return fit(X, y, Options.defaults()); }

    static MajorityClassifier fit(Matrix X, Vector y, Options options) {
        Inputs.requireXy("fit", X, y);
        int k = Inputs.requireLabels("fit", y);
        Check.notNull("fit", "options", options);
        double[] count = new double[k];
        for (int i = 0; i < y.size(); i++) count[(int) y.get(i)]++;
        // ties: the first of the tied classes after a seeded shuffle of the class order
        int[] order = Rng.permutation(k, Rng.of(options.seed()));
        int best = order[0];
        for (int c : order) if (count[c] > count[best]) best = c;
        double a = options.smoothing(), n = y.size();
        double[] p = new double[k];
        for (int c = 0; c < k; c++) p[c] = (count[c] + a) / (n + k * a);     // P(c) = (count_c + α)/(n + kα)
        return new MajorityClassifier(best, Vector.wrap(p), X.cols());
    }

    @Override public Vector predict(Matrix X) {
        Inputs.requireX("predict", X, d);
        return Vector.full(X.rows(), label);
    }

    @Override public Matrix predictProba(Matrix X) {
        Inputs.requireX("predictProba", X, d);
        Matrix P = Matrix.zeros(X.rows(), proba.size());
        return P.plusRowVector(proba);
    }
}
