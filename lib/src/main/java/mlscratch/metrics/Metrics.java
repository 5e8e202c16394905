package mlscratch.metrics;

import java.util.Arrays;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Scores for predictions: regression errors, classification rates, probabilistic losses, ranking and
/// clustering quality. Each is a static method of the truth and the prediction, so `Metrics::accuracy` and
/// `Metrics::r2` plug into `CrossValidation.score`.
///
/// ```
/// regression       mse = (1/n) Σ (yᵢ − ŷᵢ)²      rmse = √mse      mae = (1/n) Σ |yᵢ − ŷᵢ|
///                  R² = 1 − Σ (yᵢ − ŷᵢ)² / Σ (yᵢ − ȳ)²
/// classification   accuracy = (1/n) #{ i : yᵢ = ŷᵢ }
///                  precision, recall, F1: per class from the ConfusionMatrix, macro = mean over classes
/// probabilities    log-loss = −(1/n) Σ log pᵢ(yᵢ)
/// ranking          ROC AUC = P(score of a random positive > score of a random negative), ties count ½
/// clustering       silhouette, adjusted Rand index
/// ```
/// Labels are class indices `0, 1, …, k−1` stored in a [Vector] (clustering metrics accept any whole
/// numbers, so DBSCAN's −1 for noise works). Conventions follow scikit-learn, whose numbers the tests
/// reproduce; where a result would be 0/0 the method says what it returns.
///
/// Errors name the metric and the argument: `accuracy: yTrue has 10 entries but yPred has 9`,
/// `r2: yPred[3] is NaN`, `f1: yPred[2] = 1.5 is not a class index (labels must be whole numbers 0, 1, …, k−1)`.
///
/// References: scikit-learn user guide §3.4 "Metrics and scoring"; Fawcett, "An introduction to ROC
/// analysis", Pattern Recognition Letters 27 (2006); Rousseeuw, "Silhouettes", J. Comput. Appl. Math. 20
/// (1987); Hubert & Arabie, "Comparing partitions", J. Classification 2 (1985).
public final class Metrics {
    private Metrics() {}

    /// Probabilities are clipped to `[EPS, 1 − EPS]` before the logarithm, so that a confident wrong answer
    /// costs `−log(1e-15) ≈ 34.5` instead of +∞ (scikit-learn ≤ 1.2's default `eps`; newer versions clip at
    /// the machine epsilon 2.2e-16, which changes only such extreme terms).
    public static final double EPS = 1e-15;

    // ───────────────────────────── regression ─────────────────────────────

    /// Mean squared error `(1/n) Σ (yᵢ − ŷᵢ)²`.
    public static double mse(Vector yTrue, Vector yPred) {
        Labels.pair("mse", "yTrue", yTrue, "yPred", yPred);
        double s = 0;
        for (int i = 0; i < yTrue.size(); i++) {
            double r = yTrue.get(i) - yPred.get(i);          // rᵢ = yᵢ − ŷᵢ
            s += r * r;
        }
        return s / yTrue.size();
    }

    /// Root mean squared error `√mse`, in the units of `y`.
    public static double rmse(Vector yTrue, Vector yPred) {
        Labels.pair("rmse", "yTrue", yTrue, "yPred", yPred);
        return Math.sqrt(mse(yTrue, yPred));
    }

    /// Mean absolute error `(1/n) Σ |yᵢ − ŷᵢ|`.
    public static double mae(Vector yTrue, Vector yPred) {
        Labels.pair("mae", "yTrue", yTrue, "yPred", yPred);
        double s = 0;
        for (int i = 0; i < yTrue.size(); i++) s += Math.abs(yTrue.get(i) - yPred.get(i));
        return s / yTrue.size();
    }

    /// Coefficient of determination `R² = 1 − SS_res / SS_tot` with `SS_res = Σ (yᵢ − ŷᵢ)²` and
    /// `SS_tot = Σ (yᵢ − ȳ)²`: 1 for a perfect fit, 0 for predicting the mean, negative for worse.
    ///
    /// When `yTrue` is constant (`SS_tot = 0`, one sample included) the ratio is undefined; the result is
    /// then 1 for a perfect prediction and 0 otherwise (scikit-learn's `force_finite=True`).
    public static double r2(Vector yTrue, Vector yPred) {
        Labels.pair("r2", "yTrue", yTrue, "yPred", yPred);
        double mean = yTrue.mean(), ssRes = 0, ssTot = 0;
        for (int i = 0; i < yTrue.size(); i++) {
            double r = yTrue.get(i) - yPred.get(i), c = yTrue.get(i) - mean;
            ssRes += r * r;                                  // SS_res = Σ (yᵢ − ŷᵢ)²
            ssTot += c * c;                                  // SS_tot = Σ (yᵢ − ȳ)²
        }
        if (ssTot == 0) return ssRes == 0 ? 1.0 : 0.0;
        return 1 - ssRes / ssTot;
    }

    // ───────────────────────────── classification ─────────────────────────────

    /// Fraction of correct predictions `(1/n) #{ i : yᵢ = ŷᵢ }`.
    public static double accuracy(Vector yTrue, Vector yPred) {
        Labels.pair("accuracy", "yTrue", yTrue, "yPred", yPred);
        int[] t = Labels.classIndices("accuracy", "yTrue", yTrue), p = Labels.classIndices("accuracy", "yPred", yPred);
        int correct = 0;
        for (int i = 0; i < t.length; i++) if (t[i] == p[i]) correct++;
        return (double) correct / t.length;
    }

    /// Macro-averaged precision: the mean over classes of `TP_c / (TP_c + FP_c)` ("of the examples predicted
    /// c, how many are c?"). The classes averaged are those occurring in `yTrue` or `yPred`; a class that is
    /// never predicted contributes 0 (scikit-learn's `average='macro', zero_division=0`; note that
    /// scikit-learn's default for two classes is `average='binary'`, the precision of class 1 alone, which
    /// is `precisionPerClass(yTrue, yPred).get(1)` here).
    public static double precision(Vector yTrue, Vector yPred) {
        var cm = ConfusionMatrix.of("precision", yTrue, yPred, null);
        return cm.macro(cm::precision);
    }

    /// Macro-averaged recall: the mean over classes of `TP_c / (TP_c + FN_c)` ("of the examples of class c,
    /// how many were found?"), over the classes in `yTrue` or `yPred`; a class absent from `yTrue`
    /// contributes 0. For balanced classes this is the balanced accuracy.
    public static double recall(Vector yTrue, Vector yPred) {
        var cm = ConfusionMatrix.of("recall", yTrue, yPred, null);
        return cm.macro(cm::recall);
    }

    /// Macro-averaged F1: the mean over classes of `F1_c = 2·TP_c / (2·TP_c + FP_c + FN_c)`, the harmonic
    /// mean of precision and recall. A class never predicted has `TP_c = 0` and contributes 0 (not
    /// skipped), which is why macro-F1 punishes a model that ignores a rare class.
    public static double f1(Vector yTrue, Vector yPred) {
        var cm = ConfusionMatrix.of("f1", yTrue, yPred, null);
        return cm.macro(cm::f1);
    }

    /// Precision of each class `0…k−1`, k = largest label + 1; 0 for a class never predicted.
    public static Vector precisionPerClass(Vector yTrue, Vector yPred) {
        return ConfusionMatrix.of("precisionPerClass", yTrue, yPred, null).precisionPerClass();
    }

    /// Recall of each class `0…k−1`, k = largest label + 1; 0 for a class absent from `yTrue`.
    public static Vector recallPerClass(Vector yTrue, Vector yPred) {
        return ConfusionMatrix.of("recallPerClass", yTrue, yPred, null).recallPerClass();
    }

    /// F1 of each class `0…k−1`, k = largest label + 1; 0 when `TP_c + FP_c + FN_c = 0`.
    public static Vector f1PerClass(Vector yTrue, Vector yPred) {
        return ConfusionMatrix.of("f1PerClass", yTrue, yPred, null).f1PerClass();
    }

    // ───────────────────────────── probabilities ─────────────────────────────

    /// Binary log-loss (cross-entropy) from the probabilities `p` of class 1:
    /// ```
    /// L = −(1/n) Σ [ yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ) ],   pᵢ clipped to [1e-15, 1 − 1e-15]
    /// ```
    /// `yTrue` holds 0 or 1; `p` holds probabilities in [0, 1].
    public static double logLoss(Vector yTrue, Vector p) {
        String where = "logLoss";
        Labels.pair(where, "yTrue", yTrue, "p", p);
        double s = 0;
        for (int i = 0; i < yTrue.size(); i++) {
            double y = yTrue.get(i), pi = p.get(i);
            if (y != 0 && y != 1) throw Check.fail(where, "yTrue[" + i + "] = " + y + " is not a binary label (must be 0 or 1)");
            if (!(pi >= 0 && pi <= 1)) throw Check.fail(where, "p[" + i + "] = " + pi + " is not a probability (must be in [0, 1])");
            double q = clip(pi);                             // q = clip(pᵢ, ε, 1 − ε)
            s += y == 1 ? Math.log(q) : Math.log1p(-q);      // yᵢ log q + (1 − yᵢ) log(1 − q); log1p for q ≈ 0
        }
        return -s / yTrue.size();
    }

    /// Multiclass log-loss from an n×k matrix of class probabilities (one row per example, rows summing
    /// to 1, e.g. `predictProba`):
    /// ```
    /// L = −(1/n) Σᵢ log P[i][yᵢ],   P[i][yᵢ] clipped to [1e-15, 1 − 1e-15]
    /// ```
    /// Rows must sum to 1 within 1e-6 (scikit-learn instead renormalises rows after clipping; for rows that
    /// sum to 1 the two agree to ~1e-15).
    public static double logLoss(Vector yTrue, Matrix P) {
        String where = "logLoss";
        Check.notNull(where, "yTrue", yTrue);
        Check.notNull(where, "P", P);
        if (yTrue.size() != P.rows())
            throw Check.fail(where, "yTrue has " + yTrue.size() + Labels.entries(yTrue.size()) + " but P has " + P.rows() + " rows");
        if (yTrue.size() == 0) throw Check.fail(where, "yTrue and P are empty");
        yTrue.requireFinite(where, "yTrue");
        P.requireFinite(where, "P");
        int[] y = Labels.classIndices(where, "yTrue", yTrue);
        int k = P.cols();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= k)
                throw Check.fail(where, "yTrue[" + i + "] = " + y[i] + " is not a column of P (P has " + k + " columns, one per class)");
            double rowSum = 0;
            for (int c = 0; c < k; c++) {
                double pic = P.get(i, c);
                if (!(pic >= 0 && pic <= 1))
                    throw Check.fail(where, "P[" + i + "][" + c + "] = " + pic + " is not a probability (must be in [0, 1])");
                rowSum += pic;
            }
            if (Math.abs(rowSum - 1) > 1e-6)
                throw Check.fail(where, "row " + i + " of P sums to " + rowSum + " (each row must sum to 1)");
            s += Math.log(clip(P.get(i, y[i])));            // log P[i][yᵢ]
        }
        return -s / y.length;
    }

    private static double clip(double p) { return Math.min(Math.max(p, EPS), 1 - EPS); }

    // ───────────────────────────── ranking ─────────────────────────────

    /// Area under the ROC curve of binary labels `yTrue` (0 or 1) ranked by `scores` (any real numbers,
    /// higher = more likely class 1), by the rank (Mann–Whitney U) formula:
    /// ```
    /// rank all n scores 1…n ascending; tied scores share the mean of their ranks
    /// R₊ = sum of the ranks of the n₊ positives
    /// AUC = (R₊ − n₊(n₊ + 1)/2) / (n₊ · n₋)
    /// ```
    /// = the probability that a random positive scores above a random negative, a tie counting ½ — the same
    /// number as the trapezoidal area under the ROC curve. Needs both classes in `yTrue`. Cost: O(n log n).
    public static double rocAuc(Vector yTrue, Vector scores) {
        String where = "rocAuc";
        Labels.pair(where, "yTrue", yTrue, "scores", scores);
        int n = yTrue.size();
        long nPos = 0;
        for (int i = 0; i < n; i++) {
            double y = yTrue.get(i);
            if (y != 0 && y != 1) throw Check.fail(where, "yTrue[" + i + "] = " + y + " is not a binary label (must be 0 or 1)");
            if (y == 1) nPos++;
        }
        long nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0)
            throw Check.fail(where, "yTrue holds only class " + (nPos == 0 ? 0 : 1)
                    + "; ROC AUC needs both classes 0 and 1");
        double[] s = scores.toArray();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(s[a], s[b]));
        double rankSumPos = 0;
        for (int lo = 0; lo < n; ) {
            int hi = lo;
            while (hi + 1 < n && s[order[hi + 1]] == s[order[lo]]) hi++;
            double rank = (lo + hi) / 2.0 + 1;               // mean of the 1-based ranks lo+1 … hi+1
            for (int j = lo; j <= hi; j++) if (yTrue.get(order[j]) == 1) rankSumPos += rank;
            lo = hi + 1;
        }
        double u = rankSumPos - nPos * (nPos + 1) / 2.0;     // U = R₊ − n₊(n₊ + 1)/2
        return u / ((double) nPos * nNeg);                   // AUC = U / (n₊ n₋)
    }

    // ───────────────────────────── clustering ─────────────────────────────

    /// Mean silhouette coefficient over all samples (Euclidean distance); see [#silhouetteSamples].
    /// Near 1: tight, well-separated clusters; near 0: overlapping; negative: samples in the wrong cluster.
    public static double silhouette(Matrix X, Vector labels) {
        return silhouetteSamples("silhouette", X, labels).mean();
    }

    /// The silhouette of each sample:
    /// ```
    /// a(i) = mean distance from xᵢ to the other members of its cluster
    /// b(i) = min over other clusters C of the mean distance from xᵢ to the members of C
    /// s(i) = (b(i) − a(i)) / max(a(i), b(i)),   s(i) = 0 when i is alone in its cluster
    /// ```
    /// (and 0 when a(i) = b(i) = 0, as scikit-learn). Needs 2 ≤ number of clusters ≤ n − 1.
    /// Labels are any whole numbers (−1 for noise is one more cluster). Cost: O(n² d) time, O(n) memory.
    public static Vector silhouetteSamples(Matrix X, Vector labels) {
        return silhouetteSamples("silhouetteSamples", X, labels);
    }

    private static Vector silhouetteSamples(String where, Matrix X, Vector labels) {
        Labels.requireFinite(where, "X", X);
        Check.notNull(where, "labels", labels);
        if (X.rows() != labels.size())
            throw Check.fail(where, "X has " + X.rows() + " rows but labels has " + labels.size());
        labels.requireFinite(where, "labels");
        int n = X.rows(), d = X.cols();
        int[] id = Labels.clusterIds(where, "labels", labels);
        int m = Labels.count(id);
        if (m < 2 || m > n - 1)
            throw Check.fail(where, "there " + (m == 1 ? "is 1 cluster" : "are " + m + " clusters") + " among n = " + n
                    + " samples; the silhouette needs 2 to n − 1 clusters");
        int[] size = new int[m];
        for (int c : id) size[c]++;
        double[] x = X.toArray();                            // (n, d) row-major
        double[] s = new double[n];
        double[] sumTo = new double[m];                      // Σ distances from xᵢ to the members of each cluster
        for (int i = 0; i < n; i++) {
            Arrays.fill(sumTo, 0);
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double dist2 = 0;
                for (int f = 0; f < d; f++) {
                    double diff = x[i * d + f] - x[j * d + f];
                    dist2 += diff * diff;
                }
                sumTo[id[j]] += Math.sqrt(dist2);            // ‖xᵢ − xⱼ‖₂
            }
            int own = id[i];
            if (size[own] == 1) continue;                    // alone in its cluster: s(i) = 0
            double a = sumTo[own] / (size[own] - 1);         // a(i): mean over the other members
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < m; c++) if (c != own) b = Math.min(b, sumTo[c] / size[c]);
            double denominator = Math.max(a, b);
            s[i] = denominator == 0 ? 0 : (b - a) / denominator;   // s(i) = (b − a) / max(a, b)
        }
        return Vector.wrap(s);
    }

    /// Adjusted Rand index: agreement of two partitions of the same n items, corrected for chance — 1 for
    /// identical partitions (whatever the label names: a permuted labelling scores 1), about 0 for random
    /// ones, possibly negative. Counting the n(n−1) ordered pairs of distinct items:
    /// ```
    /// tp = pairs together in both        tn = pairs apart in both
    /// fp = together in B only            fn = together in A only
    /// ARI = 2 (tp·tn − fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn))
    /// ```
    /// From the contingency table `nᵢⱼ` (items in cluster i of A and j of B) with row sums `aᵢ`, column
    /// sums `bⱼ`: `tp = Σ nᵢⱼ² − n`, `fn = Σ aᵢ² − Σ nᵢⱼ²`, `fp = Σ bⱼ² − Σ nᵢⱼ²`, `tn = n² − tp − fn − fp − n`.
    /// When `fn = fp = 0` (the partitions agree on every pair, e.g. both put everything in one cluster) the
    /// formula is 0/0 and the result is 1, as scikit-learn. Labels are any whole numbers. Cost: O(n log n).
    public static double adjustedRandIndex(Vector labelsA, Vector labelsB) {
        String where = "adjustedRandIndex";
        Labels.pair(where, "labelsA", labelsA, "labelsB", labelsB);
        int[] a = Labels.clusterIds(where, "labelsA", labelsA), b = Labels.clusterIds(where, "labelsB", labelsB);
        int n = a.length, mb = Labels.count(b);
        long[] pairs = new long[n];                          // the cell (aᵢ, bᵢ) of item i, encoded
        for (int i = 0; i < n; i++) pairs[i] = (long) a[i] * mb + b[i];
        Arrays.sort(pairs);
        double sumNij2 = 0;                                  // Σ nᵢⱼ²
        for (int lo = 0; lo < n; ) {
            int hi = lo;
            while (hi < n && pairs[hi] == pairs[lo]) hi++;
            sumNij2 += (double) (hi - lo) * (hi - lo);
            lo = hi;
        }
        double sumA2 = sumOfSquaredCounts(a), sumB2 = sumOfSquaredCounts(b);
        double tp = sumNij2 - n;
        double fn = sumA2 - sumNij2;
        double fp = sumB2 - sumNij2;
        double tn = (double) n * n - tp - fn - fp - n;
        if (fn == 0 && fp == 0) return 1.0;
        return 2 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }

    private static double sumOfSquaredCounts(int[] ids) {
        long[] count = new long[Labels.count(ids)];
        for (int id : ids) count[id]++;
        double s = 0;
        for (long c : count) s += (double) c * c;
        return s;
    }
}
