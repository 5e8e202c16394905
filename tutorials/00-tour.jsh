// 00 · A tour: vectors, matrices, and help
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

// ━━━ Cell 5 · Help on anything ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "Help on anything");
// help(Matrix.class) prints a class's summary, an example and its methods; help("Vector.dot") one method;
// help(x) the class of any value. In the shell, Tab after `X.times(` lists the signatures, Tab again the docs.
help("Vector.dot");
IO.println("Next: tutorials() lists the other tutorials.");
