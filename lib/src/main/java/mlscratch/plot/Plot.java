package mlscratch.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;
import java.util.function.Function;

import mlscratch.data.Dataset;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Plots in one line each: every factory returns an immutable [Chart] to decorate, then show, save or
/// preview in the terminal.
///
/// ```
/// Plot.scatter(X, y).withTitle("iris").show();                       // a window, or out/plot-001-iris.png
/// Plot.lines(Map.of("train", train, "val", val)).withLabels("epoch", "loss").preview();  // braille, in the terminal
/// Plot.decisionRegions(model::predict, X, y).save(Path.of("out/regions.png"));
/// Plot.confusionMatrix(cm, ds.classNames()).show();
/// Plot.images(digits.X().rows(0, 32), 8, 8, 8, digits.y().slice(0, 32)).show();
/// Plot.histogram(x, 20).show();
/// Plot.network(List.of(W1, W2, W3)).show();                          // weights as a graph: colour = sign, width = |w|
/// ```
/// Colours come from [Colors]: class `k` is `tab10[k]` in every plot (points, regions, legends, braille),
/// and series `s` of a line chart is `tab10[s]`. Class labels are whole numbers (`0 … k−1`, or `±1`).
///
/// Bad input fails at once with the usual message shape: `scatter: X has 4 columns but a scatter plot
/// needs 2 (pick two: X.selectCols(0, 1))`, `histogram: x[3] is NaN`.
public final class Plot {
    private Plot() {}

    /// Grid cells per axis of a decision-region plot.
    static final int GRID = 200;
    /// Largest number of images in one [#images] grid.
    static final int MAX_IMAGES = 1024;

    // ───────────────────────────── scatter ─────────────────────────────

    /// The rows of a 2-column matrix as points, all in one colour.
    /// ```
    /// Plot.scatter(Matrix.randn(200, 2, 42)).show();
    /// ```
    public static Chart scatter(Matrix X) {
        columns2("scatter", X);
        return new Chart(new ScatterChart(finite("scatter", "X", X.col(0)), finite("scatter", "X", X.col(1)),
                null, List.of(), "X[:, 0]", "X[:, 1]"));
    }

    /// The rows of a 2-column matrix as points coloured by class label `y` (`tab10[y[i]]`), with a legend
    /// naming each class by its number.
    /// ```
    /// Plot.scatter(X.selectCols(2, 3), y).withTitle("iris petals").show();
    /// ```
    public static Chart scatter(Matrix X, Vector y) { return scatter(X, y, List.of()); }

    /// [#scatter(Matrix, Vector)] with a legend naming class `k` as `classNames.get(k)`.
    /// ```
    /// Plot.scatter(X.selectCols(2, 3), y, List.of("setosa", "versicolor", "virginica")).show();
    /// ```
    public static Chart scatter(Matrix X, Vector y, List<String> classNames) {
        return new Chart(labelled("scatter", X, y, classNames, "X[:, 0]", "X[:, 1]"));
    }

    /// Points `(x[i], y[i])`, all in one colour.
    /// ```
    /// var x = Vector.linspace(0, 6, 60);
    /// Plot.scatter(x, x.map(Math::sin)).show();
    /// ```
    public static Chart scatter(Vector x, Vector y) {
        Check.notNull("scatter", "x", x);
        Check.notNull("scatter", "y", y);
        Check.that(x.size() == y.size(), "scatter", "x has %d entries but y has %d", x.size(), y.size());
        Check.that(x.size() > 0, "scatter", "there are no points to plot (x and y are empty)");
        return new Chart(new ScatterChart(finite("scatter", "x", x), finite("scatter", "y", y), null, List.of(), "x", "y"));
    }

    /// The first two features of a dataset, coloured by class with the dataset's class names, axes
    /// labelled with the feature names, titled with the dataset's name.
    /// ```
    /// Plot.scatter(Datasets.iris()).show();
    /// ```
    public static Chart scatter(Dataset data) { return scatter(data, 0, 1); }

    /// Features `i` and `j` of a dataset, as in [#scatter(Dataset)].
    /// ```
    /// Plot.scatter(iris, 2, 3).show();     // petal length against petal width
    /// ```
    public static Chart scatter(Dataset data, int i, int j) {
        Check.notNull("scatter", "data", data);
        Check.inRange("scatter", "i", i, 0, data.d() - 1);
        Check.inRange("scatter", "j", j, 0, data.d() - 1);
        Matrix X = data.X().selectCols(i, j);
        if (!data.isClassification())
            return scatter(X).withLabels(data.featureNames().get(i), data.featureNames().get(j)).withTitle(data.name());
        return new Chart(labelled("scatter", X, data.y(), data.classNames(),
                data.featureNames().get(i), data.featureNames().get(j))).withTitle(data.name());
    }

    private static ScatterChart labelled(String where, Matrix X, Vector y, List<String> classNames, String xl, String yl) {
        columns2(where, X);
        Check.notNull(where, "y", y);
        Check.notNull(where, "classNames", classNames);
        Check.that(X.rows() == y.size(), where, "X has %d rows but y has %d", X.rows(), y.size());
        return new ScatterChart(finite(where, "X", X.col(0)), finite(where, "X", X.col(1)),
                classes(where, "y", y), List.copyOf(classNames), xl, yl);
    }

    // ───────────────────────────── lines ─────────────────────────────

    /// One curve over the index: `y[i]` at `x = i`.
    /// ```
    /// Plot.line(model.trace().loss()).withLabels("iteration", "loss").show();
    /// ```
    public static Chart line(Vector y) {
        Check.notNull("line", "y", y);
        return line(Vector.range(y.size()), y).withLabels("index", "");
    }

    /// One curve through `(x[i], y[i])`, in the given order.
    /// ```
    /// var x = Vector.linspace(-3, 3, 100);
    /// Plot.line(x, x.map(Math::tanh)).withTitle("tanh").show();
    /// ```
    public static Chart line(Vector x, Vector y) {
        var s = series("line", "", x, y);
        return new Chart(new LineChart(List.of(s), "x", "y"));
    }

    /// Several named curves over the index (`0, 1, 2, …`), one colour each, with a legend: the usual
    /// train/validation loss plot. A `LinkedHashMap` or `TreeMap` keeps its order; any other map
    /// (`Map.of`) is drawn in alphabetical order of the names, so colours do not change between runs.
    /// ```
    /// Plot.lines(Map.of("train", trainLoss, "val", valLoss)).withLabels("epoch", "loss").show();
    /// ```
    public static Chart lines(Map<String, Vector> series) {
        Check.notNull("lines", "series", series);
        Check.that(!series.isEmpty(), "lines", "'series' is empty: pass at least one name → values pair");
        var out = new ArrayList<LineChart.Series>();
        ordered(series).forEach((name, y) -> out.add(series("lines", name, Vector.range(Check.notNull("lines", name, y).size()), y)));
        return new Chart(new LineChart(List.copyOf(out), "index", ""));
    }

    /// Several named curves over a shared `x` (same ordering rule as [#lines(Map)]).
    /// ```
    /// var x = Vector.linspace(0, 1, 50);
    /// Plot.lines(x, Map.of("x²", x.map(v -> v * v), "√x", x.map(Math::sqrt))).show();
    /// ```
    public static Chart lines(Vector x, Map<String, Vector> series) {
        Check.notNull("lines", "x", x);
        Check.notNull("lines", "series", series);
        Check.that(!series.isEmpty(), "lines", "'series' is empty: pass at least one name → values pair");
        var out = new ArrayList<LineChart.Series>();
        ordered(series).forEach((name, y) -> out.add(series("lines", name, x, y)));
        return new Chart(new LineChart(List.copyOf(out), "x", ""));
    }

    private static Map<String, Vector> ordered(Map<String, Vector> series) {
        return series instanceof SequencedMap<String, Vector> ? series : new TreeMap<>(series);
    }

    private static LineChart.Series series(String where, String name, Vector x, Vector y) {
        Check.notNull(where, "name", name);
        Check.notNull(where, "x", x);
        Check.notNull(where, name.isEmpty() ? "y" : name, y);
        String yn = name.isEmpty() ? "y" : name;
        Check.that(x.size() == y.size(), where, "x has %d entries but %s has %d", x.size(), yn, y.size());
        Check.that(y.size() > 0, where, "%s is empty: there is nothing to draw", yn);
        return new LineChart.Series(name, finite(where, "x", x), finite(where, yn, y));
    }

    /// Level curves `f(x, y) = L` for each `L` in `levels` over `[x0, x1] × [y0, y1]` (marching squares on a
    /// 121×121 grid, see [Contour]), with optional named paths on top (k×2 matrices, one point per row):
    /// an optimiser's steps on its loss surface.
    /// ```
    /// Plot.contour((x, y) -> x * x + 10 * y * y, -2, 2, -1, 1, Vector.of(0.1, 0.5, 1, 2, 4),
    ///         Map.of("GD", Matrix.of(new double[][] {{-2, 1}, {-1.6, -0.8}, {-1.3, 0.6}}))).show();
    /// ```
    public static Chart contour(java.util.function.DoubleBinaryOperator f, double x0, double x1, double y0, double y1,
                                Vector levels, Map<String, Matrix> paths) {
        Check.notNull("contour", "levels", levels);
        return Contour.chart(f, x0, x1, y0, y1, levels.toArray(), paths);
    }

    // ───────────────────────────── decision regions ─────────────────────────────

    /// The decision regions of any 2-feature classifier: `predict` labels a 200×200 grid of points
    /// covering the data (padded by 5 % on each side) in ONE batched call, each region is painted in
    /// the pale colour of its class, and the data points sit on top in the full colour of their class.
    /// ```
    /// var model = LogisticRegression.fit(X, y);
    /// Plot.decisionRegions(model::predict, X, y).withTitle("logistic regression").show();
    /// ```
    /// `predict` must return class labels (whole numbers), one per grid row — pass `predict`, not
    /// `predictProba`.
    public static Chart decisionRegions(Function<Matrix, Vector> predict, Matrix X, Vector y) {
        return decisionRegions(predict, X, y, List.of());
    }

    /// [#decisionRegions(Function, Matrix, Vector)] with a legend naming class `k` as `classNames.get(k)`.
    public static Chart decisionRegions(Function<Matrix, Vector> predict, Matrix X, Vector y, List<String> classNames) {
        return new Chart(regions(predict, labelled("decisionRegions", X, y, classNames, "X[:, 0]", "X[:, 1]")));
    }

    /// [#decisionRegions(Function, Matrix, Vector)] for a 2-feature dataset, with its class and feature
    /// names and its name as title.
    /// ```
    /// Plot.decisionRegions(tree::predict, moons).show();
    /// ```
    public static Chart decisionRegions(Function<Matrix, Vector> predict, Dataset data) {
        Check.notNull("decisionRegions", "data", data);
        Check.that(data.d() == 2, "decisionRegions", "the dataset has %d features but a decision-region plot needs 2 "
                + "(pick two: new Dataset(name, X.selectCols(i, j), y, …))", data.d());
        var points = labelled("decisionRegions", data.X(), data.y(), data.classNames(),
                data.featureNames().get(0), data.featureNames().get(1));
        return new Chart(regions(predict, points)).withTitle(data.name());
    }

    private static RegionChart regions(Function<Matrix, Vector> predict, ScatterChart points) {
        Check.notNull("decisionRegions", "predict", predict);
        double[] lo = {Shapes.min(points.x()), Shapes.min(points.y())}, hi = {Shapes.max(points.x()), Shapes.max(points.y())};
        Bounds.pad(lo, hi, 0.05);
        int n = GRID;
        double[] grid = new double[n * n * 2];                        // (n², 2): row i·n + j is cell (i, j)
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                int r = i * n + j;
                grid[2 * r] = lo[0] + (j + 0.5) / n * (hi[0] - lo[0]);       // x at the centre of column j
                grid[2 * r + 1] = lo[1] + (i + 0.5) / n * (hi[1] - lo[1]);   // y at the centre of row i (row 0 at the bottom)
            }
        Vector predicted = predict.apply(Matrix.wrap(n * n, 2, grid));  // one batched call
        Check.that(predicted != null, "decisionRegions", "predict returned null for the %d×2 grid", n * n);
        Check.that(predicted.size() == n * n, "decisionRegions",
                "predict returned %d labels for a grid of %d points (one label per row expected)", predicted.size(), n * n);
        int[] classes = new int[n * n];
        for (int r = 0; r < n * n; r++) {
            double v = predicted.get(r);
            if (!(Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e9))
                throw Check.fail("decisionRegions", "predict returned " + v + " at grid point (" + TextFormat.number(grid[2 * r])
                        + ", " + TextFormat.number(grid[2 * r + 1]) + "), but a region needs a class label (a whole number):"
                        + " pass model::predict, not predictProba");
            classes[r] = (int) v;
        }
        return new RegionChart(points, n, n, classes, lo[0], hi[0], lo[1], hi[1]);
    }

    // ───────────────────────────── heatmaps ─────────────────────────────

    /// A matrix as coloured cells (row 0 at the top, white → dark blue from its smallest to its largest
    /// entry, with a colour bar); the numbers are written in when the matrix is at most 12×12.
    /// ```
    /// Plot.heatmap(X.transpose().times(X)).withTitle("XᵀX").show();
    /// ```
    public static Chart heatmap(Matrix Z) {
        Check.notNull("heatmap", "Z", Z);
        return heatmap(Z, numbers(Z.rows()), numbers(Z.cols()));
    }

    /// [#heatmap(Matrix)] with names for the rows and the columns.
    /// ```
    /// Plot.heatmap(corr, iris.featureNames(), iris.featureNames()).withTitle("correlation").show();
    /// ```
    public static Chart heatmap(Matrix Z, List<String> rowNames, List<String> colNames) {
        nonEmpty("heatmap", Z);
        names("heatmap", "rowNames", rowNames, Z.rows());
        names("heatmap", "colNames", colNames, Z.cols());
        boolean small = Z.rows() <= 12 && Z.cols() <= 12;
        return new Chart(new HeatmapChart(Z.toArray2D(), List.copyOf(rowNames), List.copyOf(colNames), small,
                allWhole(Z), "heatmap", "", ""));
    }

    /// A confusion matrix: `counts[i][j]` = how many examples of true class `i` were predicted as `j`
    /// (rows true, columns predicted, as in scikit-learn), each cell annotated with its count.
    /// ```
    /// Plot.confusionMatrix(Metrics.confusionMatrix(y, yHat)).show();
    /// ```
    public static Chart confusionMatrix(Matrix counts) {
        Check.notNull("confusionMatrix", "counts", counts);
        return confusionMatrix(counts, numbers(counts.rows()));
    }

    /// [#confusionMatrix(Matrix)] with class names on both axes.
    /// ```
    /// Plot.confusionMatrix(cm, iris.classNames()).withTitle("iris, k-NN").show();
    /// ```
    public static Chart confusionMatrix(Matrix counts, List<String> classNames) {
        nonEmpty("confusionMatrix", counts);
        Check.that(counts.isSquare(), "confusionMatrix", "counts is %s but a confusion matrix is square (k×k)", counts.shape());
        names("confusionMatrix", "classNames", classNames, counts.rows());
        return new Chart(new HeatmapChart(counts.toArray2D(), List.copyOf(classNames), List.copyOf(classNames),
                counts.rows() <= 30, allWhole(counts), "confusion matrix", "predicted", "true"));
    }

    private static void nonEmpty(String where, Matrix Z) {
        Check.notNull(where, "Z", Z);
        Check.that(Z.rows() > 0 && Z.cols() > 0, where, "the matrix is %s: there are no cells to draw", Z.shape());
        Check.finite(where, "Z", Z.toArray(), Z.cols(), false);
    }

    private static void names(String where, String param, List<String> names, int expected) {
        Check.notNull(where, param, names);
        Check.that(names.size() == expected, where, "%s has %d names but the matrix needs %d", param, names.size(), expected);
        for (String s : names) Check.notNull(where, param + " entry", s);
    }

    private static List<String> numbers(int n) {
        var out = new ArrayList<String>(n);
        for (int i = 0; i < n; i++) out.add(String.valueOf(i));
        return out;
    }

    private static boolean allWhole(Matrix Z) {
        for (double v : Z.toArray()) if (v != Math.rint(v) || Math.abs(v) >= 1e15) return false;
        return true;
    }

    // ───────────────────────────── histogram ─────────────────────────────

    /// A histogram with Sturges' number of bins, `⌈log₂ n⌉ + 1`.
    /// ```
    /// Plot.histogram(Vector.randn(1000, 42)).show();    // 11 bins
    /// ```
    public static Chart histogram(Vector x) {
        Check.notNull("histogram", "x", x);
        Check.that(x.size() > 0, "histogram", "x is empty: there is nothing to count");
        int bins = (int) Math.ceil(Math.log(x.size()) / Math.log(2)) + 1;
        return histogram(x, Math.clamp(bins, 1, 100));
    }

    /// A histogram of `x` with `bins` equal-width bins from `min(x)` to `max(x)`; each bin holds the
    /// values in `[left, right)`, the last one also its right edge.
    /// ```
    /// Plot.histogram(residuals, 30).withTitle("residuals").show();
    /// ```
    public static Chart histogram(Vector x, int bins) {
        Check.notNull("histogram", "x", x);
        Check.inRange("histogram", "bins", bins, 1, 10_000);
        Check.that(x.size() > 0, "histogram", "x is empty: there is nothing to count");
        double[] v = finite("histogram", "x", x);
        double lo = Shapes.min(v), hi = Shapes.max(v);
        if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
        double[] edges = Vector.linspace(lo, hi, bins + 1).toArray();
        int[] counts = new int[bins];
        for (double xi : v) counts[Math.min(bins - 1, (int) ((xi - lo) / (hi - lo) * bins))]++;   // bin = ⌊(x − lo)/width⌋
        return new Chart(new HistogramChart(edges, counts, v.length, "value", "count"));
    }

    // ───────────────────────────── images ─────────────────────────────

    /// Each row of `rows` as a `width × height` grey-scale image (read row by row), laid out `cols` to a
    /// line; high values are dark. At most 1024 images: pass a slice, e.g. `X.rows(0, 64)`.
    /// ```
    /// Plot.images(digits.X().rows(0, 40), 8, 8, 10).show();          // 8×8 digits
    /// Plot.images(fashion.X().rows(0, 16), 28, 28, 4).show();        // Fashion-MNIST
    /// ```
    public static Chart images(Matrix rows, int width, int height, int cols) {
        return new Chart(grid(rows, width, height, cols, null, List.of()));
    }

    /// [#images(Matrix, int, int, int)] with each image's label written under it (in its class colour).
    /// ```
    /// Plot.images(digits.X().rows(0, 40), 8, 8, 10, digits.y().slice(0, 40)).show();
    /// ```
    public static Chart images(Matrix rows, int width, int height, int cols, Vector labels) {
        Check.notNull("images", "labels", labels);
        return new Chart(grid(rows, width, height, cols, labels, List.of()));
    }

    /// [#images(Matrix, int, int, int, Vector)] with class `k` written as `classNames.get(k)`.
    /// ```
    /// Plot.images(fashion.X().rows(0, 16), 28, 28, 4, fashion.y().slice(0, 16), fashion.classNames()).show();
    /// ```
    public static Chart images(Matrix rows, int width, int height, int cols, Vector labels, List<String> classNames) {
        Check.notNull("images", "labels", labels);
        Check.notNull("images", "classNames", classNames);
        return new Chart(grid(rows, width, height, cols, labels, List.copyOf(classNames)));
    }

    private static ImageGrid grid(Matrix rows, int width, int height, int cols, Vector labels, List<String> classNames) {
        Check.notNull("images", "rows", rows);
        Check.positive("images", "width", width);
        Check.positive("images", "height", height);
        Check.positive("images", "cols", cols);
        Check.that((long) width * height == rows.cols(), "images", "each row has %d values but a %d×%d image needs %d",
                rows.cols(), width, height, (long) width * height);
        Check.that(rows.rows() > 0, "images", "there are no images (rows is %s)", rows.shape());
        Check.that(rows.rows() <= MAX_IMAGES, "images", "%d images is too many for one grid (at most %d): pass a slice, e.g. X.rows(0, 64)",
                rows.rows(), MAX_IMAGES);
        double[] pixels = rows.toArray();
        Check.finite("images", "rows", pixels, rows.cols(), false);
        int[] lab = null;
        if (labels != null) {
            Check.that(labels.size() == rows.rows(), "images", "there are %d images but %d labels", rows.rows(), labels.size());
            lab = classes("images", "labels", labels);
        }
        return new ImageGrid(pixels, rows.rows(), width, height, Math.min(cols, rows.rows()), lab, classNames);
    }

    // ───────────────────────────── network graph ─────────────────────────────

    /// A feed-forward network as a graph: one column of nodes per layer, one edge per weight, blue where
    /// the weight is positive and red where it is negative, wider and more opaque the larger `|w|` (scaled by
    /// the largest `|w|` drawn). `weights.get(l)` is layer `l`'s matrix, `nₗ × nₗ₊₁` (inputs × outputs, as in
    /// `Z = X·W + b`), so each matrix's rows must equal the previous one's columns. Columns wider than 16
    /// nodes show their first and last 8 nodes with `⋮` between.
    /// ```
    /// var W = net.layers().stream().filter(l -> l instanceof Dense).map(l -> ((Dense) l).W().value().toMatrix()).toList();
    /// Plot.network(W).withTitle("after training").show();
    /// Plot.network(List.of(Matrix.of(2, 3, 1, -1, 0.5, -0.2, 2, 1))).preview();   // 2 → 3
    /// ```
    public static Chart network(List<Matrix> weights) {
        String where = "network";
        Check.notNull(where, "weights", weights);
        Check.that(!weights.isEmpty(), where, "'weights' is empty: pass at least one layer's weight matrix");
        int[] widths = new int[weights.size() + 1];
        double[][] w = new double[weights.size()][];
        for (int l = 0; l < weights.size(); l++) {
            Matrix W = weights.get(l);
            Check.that(W != null, where, "weights[%d] is null", l);
            Check.that(W.rows() > 0 && W.cols() > 0, where, "weights[%d] is %s: a layer needs at least one input and one output", l, W.shape());
            if (l == 0) widths[0] = W.rows();
            else Check.that(W.rows() == widths[l], where, "weights[%d] is %s but weights[%d] is %s (each matrix's rows must equal "
                    + "the previous one's columns)", l, W.shape(), l - 1, weights.get(l - 1).shape());
            widths[l + 1] = W.cols();
            w[l] = W.toArray();
            Check.finite(where, "weights[" + l + "]", w[l], W.cols(), false);
        }
        return new Chart(new NetworkGraph(widths, w));
    }

    // ───────────────────────────── checks ─────────────────────────────

    private static void columns2(String where, Matrix X) {
        Check.notNull(where, "X", X);
        Check.that(X.cols() == 2, where, "X has %d columns but a 2-D plot needs 2 (pick two: X.selectCols(0, 1))", X.cols());
        Check.that(X.rows() > 0, where, "X has no rows: there are no points to plot");
    }

    /// The entries of `v`, all finite, else `where: name[i] is NaN`.
    static double[] finite(String where, String name, Vector v) {
        double[] a = v.toArray();
        Check.finite(where, name, a, 1, true);
        return a;
    }

    /// Labels as class indices: every entry a whole number, else `where: y[3] = 0.5 is not a class label`.
    static int[] classes(String where, String name, Vector y) {
        int[] out = new int[y.size()];
        for (int i = 0; i < out.length; i++) {
            double v = y.get(i);
            if (!(Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e9))
                throw Check.fail(where, name + "[" + i + "] = " + v + " is not a class label (labels are whole numbers, e.g. 0, 1, 2)");
            out[i] = (int) v;
        }
        return out;
    }
}
