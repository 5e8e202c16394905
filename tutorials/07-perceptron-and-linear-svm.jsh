// 07 · The perceptron and the linear SVM: mistakes, margins and support vectors
// Run it in the shell with  /open tutorials/07-perceptron-and-linear-svm.jsh   (on a terminal each cell
// waits for Enter; r runs the rest, q stops pausing). Every cell ends with checks. At the end `svm` is yours.

// ━━━ Cell 1 · The data: two separable clouds ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "The data: two separable clouds");
// 60 points per class around (−2, −1) and (2, 1), keeping only points at least 0.5 from the line
// x₀ + x₁ = 0, so a straight line separates them with room to spare.
var rng = Rng.of(7);
var raw = Matrix.vstack(Matrix.randn(60, 2, rng).plusRowVector(Vector.of(-2, -1)),
                        Matrix.randn(60, 2, rng).plusRowVector(Vector.of(2, 1)));
var keep = java.util.stream.IntStream.range(0, 120).filter(i -> Math.abs(raw.get(i, 0) + raw.get(i, 1)) / Math.sqrt(2) >= 0.5).toArray();
var X = raw.selectRows(keep);
var y = X.times(Vector.of(1, 1)).map(s -> s > 0 ? 1 : 0);                   // the side of x₀ + x₁ = 0
int n = X.rows();
show("n", n);
check("both classes present", y.sum() > 10 && y.sum() < n - 10);

// ━━━ Cell 2 · The perceptron rule, one mistake at a time ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "The perceptron rule, one mistake at a time");
// With labels t = ±1 (t = 2y − 1) a row is on the right side when t(xw + b) > 0. Rosenblatt's rule
// visits the rows and, on each mistake, moves the line towards the row:
//     if tᵢ(xᵢw + b) ≤ 0:   w ← w + tᵢxᵢ,   b ← b + tᵢ
// After the update tᵢ(xᵢw + b) grows by ‖xᵢ‖² + 1 > 0: this row is "less wrong". Try it on the first row.
var w = Vector.zeros(2);
double b = 0;
double t0 = 2 * y.get(0) - 1;
var x0 = X.row(0);
check("at w = 0 every row is a mistake (t·z = 0)", t0 * (x0.dot(w) + b) <= 0);
w = w.plus(x0.scale(t0));                                                   // w ← w + t₀x₀
b = b + t0;                                                                 // b ← b + t₀
checkClose("row 0 now has t·z = ‖x₀‖² + 1", t0 * (x0.dot(w) + b), x0.dot(x0) + 1, 1e-12);

// ━━━ Cell 3 · Convergence: at most (R/γ)² mistakes ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "Convergence: at most (R/γ)² mistakes");
// Novikoff (1962): if a unit vector ũ separates the data with margin γ (tᵢx̃ᵢũ ≥ γ, x̃ = (x, 1)) and every
// ‖x̃ᵢ‖ ≤ R, the rule stops after at most (R/γ)² mistakes. Proof sketch: each mistake raises w̃·ũ by ≥ γ
// but ‖w̃‖² by ≤ R², so after m mistakes mγ ≤ w̃·ũ ≤ ‖w̃‖ ≤ √m R.
var perceptron = Perceptron.fit(X, y);
show("perceptron", perceptron);
var u = Vector.of(1, 1, 0).scale(1 / Math.sqrt(2));                          // the line we kept the gap around
double gamma = Double.POSITIVE_INFINITY, R = 0;
for (int i = 0; i < n; i++) {
    var xt = Vector.of(X.get(i, 0), X.get(i, 1), 1);
    gamma = Math.min(gamma, (2 * y.get(i) - 1) * xt.dot(u));
    R = Math.max(R, xt.norm());
}
show("(R/γ)²", R * R / (gamma * gamma));
check("converged: an epoch without a mistake", perceptron.trace().converged());
check("mistakes ≤ (R/γ)²", perceptron.mistakes() <= R * R / (gamma * gamma));
checkClose("every training point right", Metrics.accuracy(y, perceptron.predict(X)), 1, 0);

// ━━━ Cell 4 · XOR: where no line works ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "XOR: where no line works");
// (0,0) and (1,1) are class 0, (0,1) and (1,0) class 1. A line would need b ≤ 0, w₀ + w₁ + b ≤ 0, but
// w₁ + b > 0 and w₀ + b > 0: adding the last two gives w₀ + w₁ + 2b > 0, contradicting the first two.
// The perceptron keeps cycling; its trace counts the mistakes of every epoch, never 0.
var Xx = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
var yx = Vector.of(0, 1, 1, 0);
var xorModel = Perceptron.fit(Xx, yx, Perceptron.Options.defaults().withMaxEpochs(100));
show("XOR trace", xorModel.trace());
check("it never converges", !xorModel.trace().converged());
check("no epoch is mistake-free", xorModel.trace().loss().min() >= 1);
check("at most 3 of 4 points right", Metrics.accuracy(yx, xorModel.predict(Xx)) <= 0.75);

// ━━━ Cell 5 · Hinge loss and the margin ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "Hinge loss and the margin");
// The perceptron stops at ANY separating line. The SVM wants the widest band |xw + b| ≤ 1 (half-width
// 1/‖w‖) with the rows outside it: minimise ‖w‖ while paying the hinge max(0, 1 − t·z) for rows inside:
//     L(θ) = (λ/2)‖θ‖² + (1/n) Σᵢ max(0, 1 − tᵢ(xᵢw + b)),     θ = (w, b)
// Its subgradient is λθ − (1/n) Σ_{tz<1} tᵢx̃ᵢ: only rows inside the band pull. Pegasos takes one
// random row per step with η = 1/(λs) (s = step count) and converges to the unique minimiser.
double hinge = Math.max(0, 1 - 1 * 0.4);                                     // t = 1, z = 0.4: inside the band
checkClose("a right but unconfident row still pays: hinge(0.4) = 0.6", hinge, 0.6, 1e-15);
var svmOptions = LinearSVM.Options.defaults().withLambda(0.01).withMaxIter(1000).withSupportTol(0.05);
var svm = LinearSVM.fit(X, y, svmOptions);
show("svm", svm);
check("every training point right", Metrics.accuracy(y, svm.predict(X)) == 1);
check("its band is wider than the perceptron's line is from its nearest point",
        svm.margin() >= perceptron.decisionFunction(X).map(Math::abs).min() / perceptron.w().norm() - 1e-9);

// ━━━ Cell 6 · Support vectors ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "Support vectors");
// The rows on or inside the band (t·z ≤ 1) are the support vectors: the answer depends on them alone.
// Drop every other row and refit: the same line comes back. On the plot they are drawn as a third colour.
var sv = svm.support().toIntArray();
show("support vectors (row indices)", svm.support());
var label = y.toArray();
for (int i : sv) label[i] = 2;
var names = List.of("class 0", "class 1", "support vector");
Plot.decisionRegions(svm::predict, X, Vector.wrap(label), names).withTitle("linear SVM: support vectors").show();
var tz = svm.decisionFunction(X).hadamard(y.scale(2).minus(1));
check("support vectors have t·z ≤ 1 + tol, the others are outside the band",
        java.util.stream.IntStream.range(0, n).allMatch(i ->
                (tz.get(i) <= 1 + svm.options().supportTol()) == java.util.Arrays.stream(sv).anyMatch(j -> j == i)));
check("only a few rows are support vectors", sv.length >= 2 && sv.length < n / 4);

// ━━━ Cell 7 · Breast cancer ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "Breast cancer");
// 30 standardised features, 569 tumours: far from separable in the plane, nearly so in 30 dimensions.
// Accuracy on a held-out 30 % for the perceptron (which keeps the line of its last epoch) and the SVM.
var cancer = Datasets.breastCancer();
var Xc = StandardScaler.fit(cancer.X()).transform(cancer.X());
var yc = cancer.y();
var fold = Split.stratified(yc, 0.3, 42);
var pc = Perceptron.fit(Xc.selectRows(fold.train()), yc.select(fold.train()), Perceptron.Options.defaults().withMaxEpochs(50));
var sc = LinearSVM.fit(Xc.selectRows(fold.train()), yc.select(fold.train()), LinearSVM.Options.defaults().withMaxIter(50));
double accP = Metrics.accuracy(yc.select(fold.test()), pc.predict(Xc.selectRows(fold.test())));
double accS = Metrics.accuracy(yc.select(fold.test()), sc.predict(Xc.selectRows(fold.test())));
show("perceptron test accuracy", accP);
show("linear SVM test accuracy", accS);
check("the SVM reaches 95 % on unseen tumours", accS > 0.95);
check("the perceptron is in the same league", accP > 0.9);

// ━━━ Cell 8 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "Your turn");
// `svm`, `perceptron` and `sc` are live. Try:
//     LinearSVM.fit(X, y, LinearSVM.Options.defaults().withLambda(1)).margin()     a strong λ: a wider, softer band
//     Perceptron.fit(X, y, Perceptron.Options.defaults().withSeed(1)).w()           another order, another line
//     OneVsRest.fit(Datasets.iris().X(), Datasets.iris().y(), LinearSVM::fit)      three classes, three SVMs
var again = LinearSVM.fit(X.selectRows(sv), y.select(sv), svmOptions);
show("refit on the support vectors alone", again.w());
check("both classes are among the support vectors", y.select(sv).sum() >= 1 && y.select(sv).sum() < sv.length);
IO.println("Done. `svm`, `perceptron`, `X` and `y` are yours to explore.");
