package mlscratch.model;

import java.util.List;
import java.util.Locale;

import mlscratch.data.Split;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// k-fold cross-validation: an estimate of how well a model fitted on this kind of data predicts data it
/// has not seen.
///
/// ```
/// shuffle the indices 0…n−1 (seeded), cut them into k folds of sizes ⌈n/k⌉ or ⌊n/k⌋
/// for each fold f:   model_f = fit(X without fold f, y without fold f)
///                    score_f = metric(y[fold f], model_f.predict(X[fold f]))
/// mean = Σ score_f / k,   std = √(Σ (score_f − mean)² / k)
/// ```
/// The first `n mod k` folds get one example more (scikit-learn's `KFold(shuffle=True)` sizes, though not
/// its shuffle). Folds are not stratified: with few examples of a class, a training fold can miss it.
///
/// ```
/// var cv = CrossValidation.score(5, X, y, (Xt, yt) -> LogisticRegression.fit(Xt, yt, opts), Metrics::accuracy);
/// cv           // CrossValidation: 5 folds, score 0.9533 ± 0.0340
///              //   folds [0.9667, 0.9333, 1.0000, 0.9000, 0.9667]
/// cv.mean();
/// ```
/// Cost: k fits on about n(k−1)/k examples each, plus k predictions.
/// Reference: Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., §7.10.
public final class CrossValidation {
    private CrossValidation() {}

    /// The seed used when none is given.
    public static final long DEFAULT_SEED = 0;

    /// The per-fold scores with their mean and (population, `ddof = 0`) standard deviation.
    ///
    /// @param scores one score per fold, in fold order
    /// @param mean   mean of `scores`
    /// @param std    standard deviation of `scores`, `√(Σ (sᵢ − mean)² / k)` (NumPy's `std()`)
    public record Result(Vector scores, double mean, double std) {
        public Result {
            Check.notNull("CrossValidation.Result", "scores", scores);
        }

        /// Builds the result from the fold scores.
        public static Result of(Vector scores) {
            Check.that(scores.size() > 0, "CrossValidation.Result", "there are no fold scores");
            return new Result(scores, scores.mean(), scores.std());
        }

        /// Number of folds.
        public int k() { return scores.size(); }

        /// `CrossValidation: 5 folds, score 0.9533 ± 0.0340` and the fold scores on the next line.
        @Override public String toString() {
            return String.format(Locale.ROOT, "CrossValidation: %d folds, score %.4f ± %.4f%n  folds %s",
                    k(), mean, std, scores.toString().replaceFirst("^Vector\\(\\d+\\) ", ""));
        }
    }

    /// Scores `fitter` by k-fold cross-validation with `metric(yTrue, yPred)` and [#DEFAULT_SEED].
    public static <M extends Predictor> Result score(int k, Matrix X, Vector y, Fitter<M> fitter, Metric metric) {
        return score(k, X, y, fitter, metric, DEFAULT_SEED);
    }

    /// Scores `fitter` by k-fold cross-validation with `metric(yTrue, yPred)`, shuffling with `seed`.
    public static <M extends Predictor> Result score(int k, Matrix X, Vector y, Fitter<M> fitter, Metric metric,
                                                     long seed) {
        Check.notNull("CrossValidation.score", "metric", metric);
        return score(k, X, y, fitter, (M m, Matrix Xt, Vector yt) -> metric.score(yt, predict(m, Xt)), seed);
    }

    /// Scores `fitter` by k-fold cross-validation with a scorer that sees the fitted model
    /// (`(m, Xtest, ytest) -> Metrics.logLoss(ytest, m.predictProba(Xtest))`), shuffling with `seed`.
    public static <M> Result score(int k, Matrix X, Vector y, Fitter<M> fitter, Scorer<? super M> scorer, long seed) {
        String where = "CrossValidation.score";
        Check.notNull(where, "fitter", fitter);
        Check.notNull(where, "scorer", scorer);
        Check.notNull(where, "X", X);
        Check.notNull(where, "y", y);
        if (X.rows() != y.size()) throw Check.fail(where, "X has " + X.rows() + " rows but y has " + y.size());
        Check.that(k >= 2, where, "'k' must be >= 2, got %d", k);
        Check.that(k <= X.rows(), where, "k = %d folds exceeds the number of samples n = %d", k, X.rows());

        List<Split.Fold> folds = Split.kFold(X.rows(), k, Rng.of(seed));   // shuffled, sizes ⌈n/k⌉ first
        double[] scores = new double[k];
        for (int f = 0; f < k; f++) {
            int[] test = folds.get(f).test(), train = folds.get(f).train();
            M model = fitter.fit(X.selectRows(train), y.select(train));
            if (model == null) throw Check.fail(where, "the fitter returned null on fold " + f);
            scores[f] = scorer.score(model, X.selectRows(test), y.select(test));
        }
        return Result.of(Vector.wrap(scores));
    }

    private static Vector predict(Predictor model, Matrix X) {
        return model.predict(X);
    }
}
