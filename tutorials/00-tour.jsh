// 00 · A tour: vectors, matrices, datasets, plots, and help
// Run it in the shell with  /open tutorials/00-tour.jsh   (on a terminal each cell waits for Enter;
// r runs the rest, q stops pausing). Every cell ends with checks; a failing check stops the test suite.

// ━━━ Cell 1 · Vectors ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "Vectors");
// A Vector is the w or y of the blackboard: immutable, every operation returns a new one.
var w = Vector.of(1, 2, 3);
show("w", w);
show("w·w", w.dot(w));                 // 1 + 4 + 9 = 14
show("‖w‖", w.norm());                 // √14 ≈ 3.7417
show("2w + w", w.scale(2).plus(w));
check("w·w = 14", w.dot(w) == 14);
checkClose("‖w‖ = √14", w.norm(), Math.sqrt(14), 1e-12);

// ━━━ Cell 2 · Matrices ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "Matrices");
// A Matrix is the X of the blackboard: one row per example, one column per feature.
var X = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
show("X", X);
show("Xᵀ", X.transpose());
show("XᵀX", X.transpose().times(X));   // [[1·1+3·3+5·5, …], …] = [[35, 44], [44, 56]]
show("Xw", X.times(Vector.of(1, -1)));  // each row · (1, −1) = [−1, −1, −1]
check("XᵀX = [[35, 44], [44, 56]]", X.transpose().times(X).equals(Matrix.of(2, 2, 35, 44, 44, 56)));
check("XᵀX is symmetric", X.transpose().times(X).isSymmetric(0));

// ━━━ Cell 3 · Axes, as in NumPy ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "Axes, as in NumPy");
// axis 0 runs down the rows (one number per column); axis 1 along each row (one per row).
show("column means", X.mean(0));       // [(1+3+5)/3, (2+4+6)/3] = [3, 4]
show("row sums", X.sum(1));            // [3, 7, 11]
var Xc = X.minusRowVector(X.mean(0));   // centred: NumPy's X - X.mean(axis=0)
show("centred X", Xc);
checkClose("centred column 0 has mean 0", Xc.mean(0).get(0), 0, 1e-12);
checkClose("centred column 1 has mean 0", Xc.mean(0).get(1), 0, 1e-12);

// ━━━ Cell 4 · Randomness needs a seed ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "Randomness needs a seed");
// There is no global seed: the same seed gives the same numbers, in every run and every class.
var A = Matrix.randn(3, 2, 42);
show("randn(3, 2, seed 42)", A);
check("same seed, same matrix", A.equals(Matrix.randn(3, 2, 42)));
check("another seed, another matrix", !A.equals(Matrix.randn(3, 2, 43)));

// ━━━ Cell 5 · Datasets ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "Datasets");
// Five classic datasets ship with the library (iris, wine, breastCancer, diabetes, digits), each a
// Dataset: X (one row per example), y (class indices or targets), feature and class names.
var iris = Datasets.iris();
show("iris", iris);
IO.println(iris.describe());
show("first flower", iris.X().row(0));   // sepal length, sepal width, petal length, petal width (cm)
check("150 flowers, 4 measurements", iris.n() == 150 && iris.d() == 4);
check("three species, 50 each", java.util.Arrays.equals(iris.classCounts(), new int[] {50, 50, 50}));
// Generators make data with a known shape, from a seed: two interleaved half-moons here.
var moons = Generators.moons(200, 0.1, 7);
check("200 points in 2-D", moons.n() == 200 && moons.d() == 2);

// ━━━ Cell 6 · Splits and scaling ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "Splits and scaling");
// Hold out a test set before looking at anything else; stratified keeps the species' proportions.
var split = Split.stratified(iris, 0.2, 42);
show("train", split.train());
show("test", split.test());
// Scalers learn their numbers (μ, σ) on the training set only, then apply them anywhere.
var scaler = StandardScaler.fit(split.train().X());
var Ztrain = scaler.transform(split.train().X());
show("μ per feature", scaler.mean());
checkClose("standardised columns have mean 0", Ztrain.mean(0).normInf(), 0, 1e-12);
checkClose("and standard deviation 1", Ztrain.std(0).get(0), 1, 1e-12);
check("30 test flowers, 10 per species", split.test().n() == 30
        && java.util.Arrays.equals(split.test().classCounts(), new int[] {10, 10, 10}));

// ━━━ Cell 7 · Plots ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "Plots");
// show() opens a window when there is a display, otherwise writes a PNG under out/ and prints its path.
// preview() draws in the terminal. Petal length against petal width separates the species:
Plot.scatter(iris, 2, 3).withTitle("iris: petals").show();
Plot.scatter(iris, 2, 3).withTitle("iris: petals").preview();
Plot.histogram(iris.X().col(2), 20).withTitle("petal length (cm)").show();
var chart = Plot.scatter(moons.X(), moons.y()).withTitle("two moons");
var png = chart.save(java.nio.file.Files.createTempDirectory("tour").resolve("moons.png"));
check("a plot can be saved as a PNG without a display", java.nio.file.Files.size(png) > 1000);

// ━━━ Cell 8 · Help on anything ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "Help on anything");
// help(Matrix.class) prints a class's summary, an example and its methods; help("Vector.dot") one method;
// help(x) the class of any value. In the shell, Tab after `X.times(` lists the signatures, Tab again the docs.
help("Vector.dot");
IO.println("Next: tutorials() lists the other tutorials.");
