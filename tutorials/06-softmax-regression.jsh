// 06 · Softmax regression: k classes at once, a stable log-sum-exp, and a confusion matrix
// Run it in the shell with  /open tutorials/06-softmax-regression.jsh   (on a terminal each cell waits
// for Enter; r runs the rest, q stops pausing). Every cell ends with checks. At the end `model` is yours.

// ━━━ Cell 1 · The data: wines from three cultivars ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "The data: wines from three cultivars");
// 178 wines, 13 chemical measurements, 3 grape cultivars. Columns differ in scale by 1000× (proline vs
// hue), so standardise them first: every weight then speaks the same units.
var wine = Datasets.wine();
IO.println(wine.describe());
var X = StandardScaler.fit(wine.X()).transform(wine.X());
var y = wine.y();
int n = X.rows(), d = X.cols(), k = 3;
check("178 wines, 13 features, 3 classes", n == 178 && d == 13 && Inputs.requireLabels("tutorial", y) == k);

// ━━━ Cell 2 · The model: one score per class, then the softmax ━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "The model: one score per class, then the softmax");
// Each class c has weights W_c (a row of W, k×d) and an intercept b_c; its score is z_c = W_c·x + b_c.
// The softmax turns k scores into k probabilities:
//     P(y = c | x) = e^z_c / Σⱼ e^zⱼ         positive, summing to 1; adding a constant to every z changes nothing
// With k = 2 it is the sigmoid of the difference of the two scores: logistic regression is the special case.
var zs = Vector.of(2.0, 1.0, 0.1);
var ps = SoftmaxRegression.softmax(zs);
show("softmax(2, 1, 0.1)", ps);
checkClose("probabilities sum to 1", ps.sum(), 1, 1e-15);
check("shifting the scores changes nothing", SoftmaxRegression.softmax(zs.plus(100)).isClose(ps, 1e-15));
checkClose("k = 2 is the sigmoid of the difference", SoftmaxRegression.softmax(Vector.of(1.5, 0.2)).get(0),
        LogisticRegression.sigmoid(1.5 - 0.2), 1e-15);

// ━━━ Cell 3 · The loss and the log-sum-exp trick ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "The loss and the log-sum-exp trick");
// The negative log-likelihood of row i is the cross-entropy  −log P(yᵢ | xᵢ) = log Σⱼ e^zᵢⱼ − zᵢ,yᵢ.
// log Σ e^z overflows as soon as one score passes 709 (e^710 = ∞). Subtract the largest score m first:
//     log Σⱼ e^zⱼ = m + log Σⱼ e^(zⱼ − m)         every exponent ≤ 0, and the sum is ≥ 1 (the max term is e⁰)
var big = Vector.of(1000, 999, 0);
double naive = Math.log(big.map(Math::exp).sum());
double stable = SoftmaxRegression.logSumExp(big);
show("naive log Σ e^z", naive);
show("stable log Σ e^z", stable);
check("the naive form overflows", Double.isInfinite(naive));
checkClose("the stable one: 1000 + log(1 + e⁻¹ + e⁻¹⁰⁰⁰)", stable, 1000 + Math.log1p(Math.exp(-1)), 1e-12);

// ━━━ Cell 4 · The gradient, checked ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "The gradient, checked");
// d/dz_c of (log Σⱼ e^zⱼ − z_y) is P_c − [c = y]: "probability minus one-hot". With Y the one-hot n×k
// labels, P the n×k probabilities and the mean over rows plus (λ/2)‖W‖²:
//     ∇_W L = (P − Y)ᵀX/n + λW        ∇_b L = (P − Y)ᵀ1/n
// The same "error times input" as logistic regression, one column per class. Check it by hand at a
// random point, then against finite differences (θ = W flattened row by row, then b).
var f = SoftmaxRegression.objective(X, y, k, SoftmaxRegression.Options.defaults().withL2(0.01));
var theta = Vector.randn(f.dim(), 3).scale(0.1);
var W = f.weights(theta);
var b = f.intercepts(theta);
var Z = X.timesTranspose(W).plusRowVector(b);                                   // n×k scores
var P = Matrix.fromRows(java.util.stream.IntStream.range(0, n).mapToObj(i -> SoftmaxRegression.softmax(Z.row(i))).toList());
var Y = OneHot.encode(y, k);                                                    // n×k one-hot
var R = P.minus(Y);                                                             // P − Y
var gradW = R.transpose().times(X).scale(1.0 / n).plus(W.scale(0.01));
var gradByHand = Vector.concat(gradW.flatten(), R.sum(0).scale(1.0 / n));
check("(P − Y)ᵀX/n + λW is the library's gradient", f.gradient(theta).isClose(gradByHand, 1e-13));
var gc = GradCheck.check(f::value, theta, gradByHand);
show("gradient check", gc);
check("and it matches finite differences", gc.passed());

// ━━━ Cell 5 · The library call ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "The library call");
// SoftmaxRegression.fit minimises the mean cross-entropy + (λ/2)‖W‖² with L-BFGS. At its answer the
// gradient vanishes; the probabilities of every row sum to 1.
var model = SoftmaxRegression.fit(X, y, SoftmaxRegression.Options.defaults().withL2(0.01));
show("model", model);
var Phat = model.predictProba(X);
check("converged", model.trace().converged());
check("∇L ≈ 0 at the answer", f.gradient(Vector.concat(model.W().flatten(), model.b())).normInf() < 1e-6);
check("every row of P sums to 1", Phat.sum(1).isClose(Vector.ones(n), 1e-12));
check("predict is the argmax of P", model.predict(X).equals(Vector.ofInts(Phat.argmax(1))));

// ━━━ Cell 6 · The confusion matrix ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "The confusion matrix");
// Row = true class, column = predicted class; the diagonal counts the right answers. On held-out wines
// (a seeded, stratified 70/30 split) it tells which cultivars get confused.
var fold = Split.stratified(y, 0.3, 42);                                        // row indices, classes in proportion
var Xtrain = X.selectRows(fold.train());
var ytrain = y.select(fold.train());
var Xtest = X.selectRows(fold.test());
var ytest = y.select(fold.test());
var held = SoftmaxRegression.fit(Xtrain, ytrain, SoftmaxRegression.Options.defaults().withL2(0.01));
var cm = ConfusionMatrix.of(ytest, held.predict(Xtest), wine.classNames());
show("confusion matrix", cm);
Plot.confusionMatrix(cm.counts(), wine.classNames()).withTitle("wine: softmax regression, test set").show();
check("test accuracy above 90 %", cm.accuracy() > 0.9);
checkClose("the counts add up to the test set", cm.n(), ytest.size(), 0);

// ━━━ Cell 7 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "Your turn");
// `model` and `held` are live. Try:
//     model.W()                                             which chemicals drive which cultivar?
//     SoftmaxRegression.fit(X, y, SoftmaxRegression.Options.defaults().withL2(1)).W()   a strong penalty shrinks W
//     OneVsRest.fit(X, y, LogisticRegression::fit).predict(X)                           three binary models instead
//     CrossValidation.score(5, X, y, SoftmaxRegression::fit, Metrics::accuracy)
double acc = Metrics.accuracy(y, model.predict(X));
show("training accuracy", acc);
check("wine is nearly separable: training accuracy ≥ 99 %", acc >= 0.99);
IO.println("Done. `model`, `held`, `X` and `y` are yours to explore.");
