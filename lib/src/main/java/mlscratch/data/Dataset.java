package mlscratch.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// A table of examples: features `X` (n×d, one row per example) and targets `y` (size n).
///
/// For classification `y` holds class indices `0 … k−1` and `classNames` names them; for regression
/// `classNames` is empty and `y` holds the real-valued targets.
///
/// ```
/// var iris = Datasets.iris();
/// iris                  // Dataset iris: 150 × 4, 3 classes (setosa 50, versicolor 50, virginica 50)
/// iris.describe()       // per-feature min, mean, std, max and the class counts, as a table
/// iris.X().row(0)       // Vector(4) [5.1000, 3.5000, 1.4000, 0.2000]
/// ```
///
/// @param name         short name, e.g. `iris`
/// @param X            features, n×d
/// @param y            targets, size n
/// @param featureNames d names, one per column of X
/// @param classNames   k names for classification, empty for regression
/// @param description  where the data comes from and what it measures (with its licence)
public record Dataset(String name, Matrix X, Vector y, List<String> featureNames, List<String> classNames,
                      String description) {

    public Dataset {
        Check.notNull("Dataset", "name", name);
        Check.notNull("Dataset", "X", X);
        Check.notNull("Dataset", "y", y);
        featureNames = List.copyOf(Check.notNull("Dataset", "featureNames", featureNames));
        classNames = List.copyOf(Check.notNull("Dataset", "classNames", classNames));
        description = description == null ? "" : description;
        Check.that(X.rows() == y.size(), "Dataset", "X has %d rows but y has %d", X.rows(), y.size());
        Check.that(featureNames.size() == X.cols(), "Dataset", "X has %d columns but there are %d feature names",
                X.cols(), featureNames.size());
        if (!classNames.isEmpty()) y.toClassIndices("Dataset", "y", classNames.size());   // classification: 0 … k−1
    }

    /// Number of examples.
    public int n() { return X.rows(); }

    /// Number of features.
    public int d() { return X.cols(); }

    /// True when `y` holds class indices (there are class names).
    public boolean isClassification() { return !classNames.isEmpty(); }

    /// How many examples each class has: `counts[c]` = #{i : yᵢ = c}. Empty for regression.
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        if (counts.length > 0) for (int i = 0; i < n(); i++) counts[(int) y.get(i)]++;
        return counts;
    }

    // ───────────────────────────── printing ─────────────────────────────

    static final int MAX_FEATURES = 20;   // describe() lists at most this many features
    static final int MAX_CLASSES = 6;     // toString() lists at most this many classes

    /// One line: `Dataset iris: 150 × 4, 3 classes (setosa 50, versicolor 50, virginica 50)`.
    @Override public String toString() {
        var sb = new StringBuilder("Dataset ").append(name).append(": ").append(n()).append(" × ").append(d());
        if (isClassification()) {
            int[] counts = classCounts();
            sb.append(", ").append(counts.length).append(counts.length == 1 ? " class (" : " classes (");
            int shown = counts.length <= MAX_CLASSES ? counts.length : MAX_CLASSES - 1;
            for (int c = 0; c < shown; c++) sb.append(c > 0 ? ", " : "").append(classNames.get(c)).append(' ').append(counts[c]);
            if (shown < counts.length) sb.append(", … ").append(counts.length - shown).append(" more");
            sb.append(')');
        } else if (n() > 0) {
            sb.append(", regression (y from ").append(num(y.min())).append(" to ").append(num(y.max()))
              .append(", mean ").append(num(y.mean())).append(')');
        } else {
            sb.append(", regression");
        }
        return sb.toString();
    }

    /// A summary table: size and task, then per feature `min mean std max` (std is the population
    /// standard deviation, `√(Σ(x − x̄)²/n)`, NumPy's default), then the class counts or the target's
    /// summary. Only the first 20 features are listed; a last line counts the rest.
    ///
    /// ```
    /// Dataset iris: classification, n = 150, d = 4, 3 classes
    /// feature            min    mean      std  max
    /// sepal length (cm)  4.3  5.8433  0.82530  7.9
    /// …
    /// class       count  share
    /// setosa         50  33.3%
    /// ```
    public String describe() {
        var sb = new StringBuilder("Dataset ").append(name).append(": ")
                .append(isClassification() ? "classification" : "regression")
                .append(", n = ").append(n()).append(", d = ").append(d());
        if (isClassification()) sb.append(", ").append(classNames.size()).append(" classes");
        String firstLine = description.lines().findFirst().orElse("").strip();
        if (!firstLine.isEmpty()) sb.append('\n').append(firstLine);
        if (n() == 0) return sb.append("\n(no examples)").toString();

        int shown = Math.min(d(), MAX_FEATURES);
        Matrix head = X.cols(0, shown);
        Vector lo = head.min(0), mean = head.mean(0), std = head.std(0), hi = head.max(0);
        var table = new Table("feature", "min", "mean", "std", "max");
        for (int j = 0; j < shown; j++)
            table.row(clip(featureNames.get(j)), num(lo.get(j)), num(mean.get(j)), num(std.get(j)), num(hi.get(j)));
        if (!isClassification())
            table.row("target y", num(y.min()), num(y.mean()), num(y.std()), num(y.max()));
        sb.append('\n').append(table);
        if (shown < d()) sb.append("\n… and ").append(d() - shown).append(" more features (")
                .append(d()).append(" in all; describe lists the first ").append(MAX_FEATURES).append(')');

        if (isClassification()) {
            int[] counts = classCounts();
            var classes = new Table("class", "count", "share");
            for (int c = 0; c < counts.length; c++)
                classes.row(clip(classNames.get(c)), String.valueOf(counts[c]),
                        String.format(Locale.ROOT, "%.1f%%", 100.0 * counts[c] / n()));
            sb.append('\n').append(classes);
        }
        return sb.toString();
    }

    /// A number as a person reads it: whole numbers without decimals, otherwise 5 significant digits,
    /// scientific notation outside `[1e-4, 1e6)`.
    static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e15) return String.valueOf((long) v);
        if (a >= 1e6 || a < 1e-4) return String.format(Locale.ROOT, "%.4e", v);
        return new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros().toPlainString();
    }

    private static String clip(String s) {
        return s.length() <= 28 ? s : s.substring(0, 27) + "…";
    }

    /// A left-aligned first column and right-aligned number columns, two spaces apart.
    private static final class Table {
        private final List<String[]> rows = new java.util.ArrayList<>();

        Table(String... header) { rows.add(header); }

        void row(String... cells) { rows.add(cells); }

        @Override public String toString() {
            int[] width = new int[rows.getFirst().length];
            for (String[] r : rows) for (int c = 0; c < r.length; c++) width[c] = Math.max(width[c], r[c].length());
            var sb = new StringBuilder();
            for (String[] r : rows) {
                if (!sb.isEmpty()) sb.append('\n');
                sb.append(r[0]).append(" ".repeat(width[0] - r[0].length()));
                for (int c = 1; c < r.length; c++) sb.append("  ").append(" ".repeat(width[c] - r[c].length())).append(r[c]);
            }
            return sb.toString();
        }
    }
}
