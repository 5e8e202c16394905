package mlscratch.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Counts of (true class, predicted class) pairs: row `t`, column `p` holds how many examples of class `t`
/// were predicted as `p`. The diagonal holds the correct predictions.
///
/// ```
/// Cₜₚ = #{ i : yTrueᵢ = t and yPredᵢ = p }
/// TP_c = C_cc        FP_c = Σₜ Cₜc − C_cc  (column c off the diagonal)    FN_c = Σₚ C_cp − C_cc  (row c)
/// precision_c = TP_c / (TP_c + FP_c)     recall_c = TP_c / (TP_c + FN_c)
/// F1_c = 2·TP_c / (2·TP_c + FP_c + FN_c)  (= harmonic mean of precision_c and recall_c)
/// ```
/// Zero division gives 0, as scikit-learn's `zero_division=0`: a class never predicted has precision 0,
/// a class absent from `yTrue` has recall 0, and F1 is 0 when `TP + FP + FN = 0`.
///
/// ```
/// var cm = ConfusionMatrix.of(Vector.of(0, 0, 1, 1, 2), Vector.of(0, 1, 1, 1, 2), List.of("cat", "dog", "eel"));
/// cm                // prints
/// // ConfusionMatrix 3×3, n = 5 (rows = true class, columns = predicted class)
/// //              cat    dog    eel │ recall
/// // cat            1      1      0 │  0.500
/// // dog            0      2      0 │  1.000
/// // eel            0      0      1 │  1.000
/// // precision  1.000  0.667  1.000 │ accuracy 0.800
/// cm.count(0, 1);   // 1: one cat predicted as a dog
/// ```
///
/// @param counts     k×k counts, rows = true class, columns = predicted class (whole numbers ≥ 0)
/// @param classNames k names, one per class (`"0"`, `"1"`, … when none were given)
public record ConfusionMatrix(Matrix counts, List<String> classNames) {

    public ConfusionMatrix {
        Check.notNull("ConfusionMatrix", "counts", counts);
        Check.notNull("ConfusionMatrix", "classNames", classNames);
        Check.that(counts.isSquare() && counts.rows() > 0, "ConfusionMatrix",
                "counts is %s but must be square k×k with k ≥ 1", counts.shape());
        for (int t = 0; t < counts.rows(); t++)
            for (int p = 0; p < counts.cols(); p++) {
                double c = counts.get(t, p);
                Check.that(c >= 0 && c == Math.rint(c) && c < Integer.MAX_VALUE, "ConfusionMatrix",
                        "counts[%d][%d] = %s is not a count (whole number ≥ 0)", t, p, c);
            }
        Check.that(classNames.size() == counts.rows(), "ConfusionMatrix",
                "counts is %s but there are %d class names", counts.shape(), classNames.size());
        for (int c = 0; c < classNames.size(); c++)
            Check.that(classNames.get(c) != null, "ConfusionMatrix", "class name %d is null", c);
        classNames = List.copyOf(classNames);
    }

    /// The confusion matrix of class-index predictions; k = the largest label in either vector + 1,
    /// classes named `"0"`, `"1"`, ….
    public static ConfusionMatrix of(Vector yTrue, Vector yPred) {
        return of("ConfusionMatrix.of", yTrue, yPred, null);
    }

    /// The confusion matrix with one name per class; k = `classNames.size()` and every label must be below k.
    public static ConfusionMatrix of(Vector yTrue, Vector yPred, List<String> classNames) {
        Check.notNull("ConfusionMatrix.of", "classNames", classNames);
        return of("ConfusionMatrix.of", yTrue, yPred, classNames);
    }

    /// Shared by the [Metrics] so that errors name the metric the user called.
    static ConfusionMatrix of(String where, Vector yTrue, Vector yPred, List<String> classNames) {
        Labels.pair(where, "yTrue", yTrue, "yPred", yPred);
        if (classNames != null) Check.that(!classNames.isEmpty(), where, "'classNames' must not be empty");
        int bound = classNames == null ? 0 : classNames.size();                 // with names, labels stay below k
        int[] t = yTrue.toClassIndices(where, "yTrue", bound);
        int[] p = yPred.toClassIndices(where, "yPred", bound);
        int k = classNames == null ? Math.max(Labels.count(t), Labels.count(p)) : bound;
        double[] C = new double[k * k];
        for (int i = 0; i < t.length; i++) C[t[i] * k + p[i]] += 1;          // Cₜₚ += 1
        List<String> names = classNames;
        if (names == null) {
            var numbered = new ArrayList<String>(k);
            for (int c = 0; c < k; c++) numbered.add(Integer.toString(c));
            names = numbered;
        }
        return new ConfusionMatrix(Matrix.wrap(k, k, C), names);
    }

    // ───────────────────────────── counts ─────────────────────────────

    /// Number of classes.
    public int k() { return counts.rows(); }

    /// Number of examples counted.
    public int n() { return (int) counts.sum(); }

    /// How many examples of class `trueClass` were predicted as `predictedClass`.
    public int count(int trueClass, int predictedClass) {
        Check.inRange("ConfusionMatrix.count", "trueClass", trueClass, 0, k() - 1);
        Check.inRange("ConfusionMatrix.count", "predictedClass", predictedClass, 0, k() - 1);
        return (int) counts.get(trueClass, predictedClass);
    }

    /// A copy of the counts, `toArray()[t][p]`.
    public int[][] toArray() {
        int[][] out = new int[k()][k()];
        for (int t = 0; t < k(); t++)
            for (int p = 0; p < k(); p++) out[t][p] = (int) counts.get(t, p);
        return out;
    }

    /// Examples of class `c` in `yTrue` (row sum).
    public int support(int c) { return (int) row(c); }

    // ───────────────────────────── rates ─────────────────────────────

    /// Fraction of examples on the diagonal: `Σ C_cc / n`.
    public double accuracy() { return counts.trace() / counts.sum(); }

    /// `TP_c / (TP_c + FP_c)`, 0 when class `c` is never predicted.
    public double precision(int c) {
        double tp = tp(c), predicted = col(c);
        return predicted == 0 ? 0 : tp / predicted;
    }

    /// `TP_c / (TP_c + FN_c)`, 0 when class `c` never occurs in `yTrue`.
    public double recall(int c) {
        double tp = tp(c), actual = row(c);
        return actual == 0 ? 0 : tp / actual;
    }

    /// `2·TP_c / (2·TP_c + FP_c + FN_c)`, 0 when class `c` occurs in neither `yTrue` nor `yPred`.
    public double f1(int c) {
        double tp = tp(c), fp = col(c) - tp, fn = row(c) - tp;
        double denominator = 2 * tp + fp + fn;
        return denominator == 0 ? 0 : 2 * tp / denominator;
    }

    public Vector precisionPerClass() { return perClass(this::precision); }

    public Vector recallPerClass() { return perClass(this::recall); }

    public Vector f1PerClass() { return perClass(this::f1); }

    /// Mean of `rate` over the classes that occur in `yTrue` or `yPred` (scikit-learn's macro average over
    /// its `unique_labels`); a class index below k that occurs in neither is left out.
    double macro(java.util.function.IntToDoubleFunction rate) {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < k(); c++) {
            if (row(c) + col(c) == 0) continue;
            sum += rate.applyAsDouble(c);
            present++;
        }
        return sum / present;
    }

    private Vector perClass(java.util.function.IntToDoubleFunction rate) {
        double[] out = new double[k()];
        for (int c = 0; c < k(); c++) out[c] = rate.applyAsDouble(c);
        return Vector.wrap(out);
    }

    private double tp(int c) {
        Check.inRange("ConfusionMatrix", "class", c, 0, k() - 1);
        return counts.get(c, c);
    }

    private double row(int c) {
        Check.inRange("ConfusionMatrix", "class", c, 0, k() - 1);
        double s = 0;
        for (int p = 0; p < k(); p++) s += counts.get(c, p);
        return s;
    }

    private double col(int c) {
        double s = 0;
        for (int t = 0; t < k(); t++) s += counts.get(t, c);
        return s;
    }

    // ───────────────────────────── printing ─────────────────────────────

    private static final int MAX_CLASSES = 10;   // shown in full up to this many, else first 3 … last 3
    private static final int EDGE = 3;
    private static final int MAX_NAME = 14;      // longer class names are cut with …

    /// An aligned table: class names as row and column headers (rows = true, columns = predicted), the
    /// recall of each class at the end of its row, the precision of each class under its column.
    /// More than 10 classes are shown as the first 3, `…`, the last 3.
    @Override public String toString() {
        int k = k();
        int[] shown = shown(k);
        String[] names = new String[k];
        for (int c = 0; c < k; c++) names[c] = cut(classNames.get(c));

        int rowHead = "precision".length();
        for (int c : shown) if (c >= 0) rowHead = Math.max(rowHead, names[c].length());
        int[] width = new int[shown.length];
        for (int j = 0; j < shown.length; j++) {
            int c = shown[j];
            width[j] = c < 0 ? 1 : Math.max(5, Math.max(names[c].length(), Integer.toString((int) col(c)).length()));
            if (c >= 0) for (int t : shown) if (t >= 0) width[j] = Math.max(width[j], Integer.toString(count(t, c)).length());
        }

        var sb = new StringBuilder();
        sb.append("ConfusionMatrix ").append(k).append('×').append(k).append(", n = ").append(n())
          .append(" (rows = true class, columns = predicted class)\n");
        sb.append(pad("", rowHead));
        for (int j = 0; j < shown.length; j++) sb.append("  ").append(pad(shown[j] < 0 ? "…" : names[shown[j]], width[j]));
        sb.append(" │ recall\n");
        for (int t : shown) {
            if (t < 0) {
                sb.append(pad("⋮", -rowHead));
                for (int j = 0; j < shown.length; j++) sb.append("  ").append(pad(shown[j] < 0 ? "⋱" : "⋮", width[j]));
                sb.append(" │      ⋮\n");
                continue;
            }
            sb.append(names[t]).append(" ".repeat(rowHead - names[t].length()));
            for (int j = 0; j < shown.length; j++)
                sb.append("  ").append(pad(shown[j] < 0 ? "…" : Integer.toString(count(t, shown[j])), width[j]));
            sb.append(" │ ").append(pad(rate(recall(t)), 6)).append('\n');
        }
        sb.append(pad("precision", -rowHead));
        for (int j = 0; j < shown.length; j++)
            sb.append("  ").append(pad(shown[j] < 0 ? "…" : rate(precision(shown[j])), width[j]));
        sb.append(" │ accuracy ").append(rate(accuracy()));
        return sb.toString();
    }

    private static int[] shown(int k) {
        if (k <= MAX_CLASSES) {
            int[] all = new int[k];
            for (int c = 0; c < k; c++) all[c] = c;
            return all;
        }
        int[] idx = new int[2 * EDGE + 1];
        for (int i = 0; i < EDGE; i++) {
            idx[i] = i;
            idx[EDGE + 1 + i] = k - EDGE + i;
        }
        idx[EDGE] = -1;
        return idx;
    }

    private static String cut(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }

    private static String rate(double r) { return String.format(Locale.ROOT, "%.3f", r); }

    /// Right-aligned in `width` characters; a negative width left-aligns.
    private static String pad(String s, int width) {
        int w = Math.abs(width);
        if (s.length() >= w) return s;
        String space = " ".repeat(w - s.length());
        return width < 0 ? s + space : space + s;
    }
}
