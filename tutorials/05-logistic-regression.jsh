// 05 · Logistic regression: the sigmoid, the log-likelihood, and three ways to minimise it
// Run it in the shell with  /open tutorials/05-logistic-regression.jsh   (on a terminal each cell waits
// for Enter; r runs the rest, q stops pausing). Every cell ends with checks. At the end `model` is yours.

// ━━━ Cell 1 · The data: two overlapping clouds ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "The data: two overlapping clouds");
// 200 points in the plane: class 0 around (−1, −0.5), class 1 around (1, 0.5), with unit spread, so the
// clouds overlap and no line separates them perfectly. We want P(y = 1 | x), not only a yes/no answer.
var rng = Rng.of(5);
var X0 = Matrix.randn(100, 2, rng).plusRowVector(Vector.of(-1, -0.5));
var X1 = Matrix.randn(100, 2, rng).plusRowVector(Vector.of(1, 0.5));
var X = Matrix.vstack(X0, X1);
var y = Vector.concat(Vector.zeros(100), Vector.ones(100));
int n = X.rows();
show("X", X);
check("200 points, 2 features, half in each class", n == 200 && X.cols() == 2 && y.sum() == 100);

// ━━━ Cell 2 · The sigmoid and the likelihood ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "The sigmoid and the likelihood");
// A linear score z = xw + b can be any real number; the sigmoid squashes it into a probability:
//     σ(z) = 1 / (1 + e^−z)        σ(0) = ½,   σ(−z) = 1 − σ(z),   σ′(z) = σ(z)(1 − σ(z))
// Model: P(y = 1 | x) = σ(xw + b). The likelihood of the labels is Πᵢ pᵢ^yᵢ (1 − pᵢ)^(1−yᵢ); its mean
// negative log is the log-loss we minimise:
//     L(w, b) = −(1/n) Σᵢ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)]
// With log pᵢ = −log(1 + e^−zᵢ) and log(1 − pᵢ) = −zᵢ − log(1 + e^−zᵢ) this simplifies to
//     L = (1/n) Σᵢ [log(1 + e^zᵢ) − yᵢzᵢ]
double sig0 = LogisticRegression.sigmoid(0), sig2 = LogisticRegression.sigmoid(2), sigm2 = LogisticRegression.sigmoid(-2);
show("σ(0), σ(2), σ(−2)", Vector.of(sig0, sig2, sigm2));
checkClose("σ(0) = ½", sig0, 0.5, 0);
checkClose("σ(−z) = 1 − σ(z)", sigm2, 1 - sig2, 1e-15);
double h = 1e-5;
checkClose("σ′(2) = σ(2)(1 − σ(2))", (LogisticRegression.sigmoid(2 + h) - LogisticRegression.sigmoid(2 - h)) / (2 * h),
        sig2 * (1 - sig2), 1e-9);

// ━━━ Cell 3 · Why the gradient is Xᵀ(p − y) ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "Why the gradient is Xᵀ(p − y)");
// One term: ℓ(z) = log(1 + eᶻ) − yz, so dℓ/dz = eᶻ/(1 + eᶻ) − y = σ(z) − y = p − y.
// The chain rule through z = xw + b gives ∂ℓ/∂w = (p − y)·x and ∂ℓ/∂b = p − y; averaged over the rows:
//     ∇_w L = Xᵀ(p − y)/n        ∂L/∂b = Σᵢ(pᵢ − yᵢ)/n
// "Error times input", the same shape as linear regression's Xᵀ(Xw − y)/n: σ′ cancelled the log.
// Check it at a random point against central differences. The objective lives in the library as
// LogisticObjective (θ = (w, b), here without a penalty: l2 = 0).
var f = LogisticObjective.of(X, y, 0, true);
var theta = Vector.of(0.3, -0.7, 0.2);
var w = theta.slice(0, 2);
double b = theta.get(2);
var p = X.times(w).plus(b).map(LogisticRegression::sigmoid);           // p = σ(Xw + b)
var r = p.minus(y);                                                    // r = p − y
var gradByHand = Vector.concat(X.transpose().times(r).scale(1.0 / n), Vector.of(r.sum() / n));
var gc = GradCheck.check(f::value, theta, gradByHand);
show("gradient check", gc);
check("Xᵀ(p − y)/n matches finite differences", gc.passed());
check("and matches the library's objective", f.gradient(theta).isClose(gradByHand, 1e-14));

// ━━━ Cell 4 · One gradient step by hand ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "One gradient step by hand");
// From θ = 0 (p = ½ everywhere, L = log 2) take one step θ ← θ − η∇L. A safe η is 1/L_smooth where
// L_smooth = λmax(X̃ᵀX̃)/(4n) bounds the curvature (σ′ ≤ ¼): then every step lowers the loss.
var theta0 = Vector.zeros(3);
double eta = 1 / f.smoothness();
var g0 = f.gradient(theta0);
var theta1 = theta0.minus(g0.scale(eta));                              // θ₁ = θ₀ − η∇L(θ₀)
show("η", eta);
show("θ after one step", theta1);
checkClose("L(0) = log 2", f.value(theta0), Math.log(2), 1e-15);
check("the loss went down", f.value(theta1) < f.value(theta0));
check("the library's update rule takes the same step",
        new UpdateRule.Plain(eta).step(UpdateRule.State.start(theta0), g0).w().isClose(theta1, 1e-15));

// ━━━ Cell 5 · The library call ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "The library call");
// LogisticRegression.fit minimises the same L (plus a tiny λ/2‖w‖², default λ = 1e-4) with L-BFGS.
// At its answer the gradient vanishes: Xᵀ(p − y)/n + λw = 0.
var model = LogisticRegression.fit(X, y);
show("model", model);
var thetaHat = Vector.concat(model.w(), Vector.of(model.b()));
var gHat = LogisticRegression.objective(X, y, model.options()).gradient(thetaHat);
check("converged", model.trace().converged());
check("∇L ≈ 0 at the fitted θ", gHat.normInf() < 1e-6);
double acc = Metrics.accuracy(y, model.predict(X));
show("training accuracy", acc);
check("most points on their side (the clouds overlap)", acc > 0.8);

// ━━━ Cell 6 · The decision boundary ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "The decision boundary");
// P = ½ exactly where xw + b = 0: a straight line. The regions show which side predicts which class.
Plot.decisionRegions(model::predict, X, y).withTitle("logistic regression").show();
var onLine = Matrix.of(new double[][] {{0, -model.b() / model.w().get(1)}});   // the point x₀ = 0 on the line
checkClose("P = ½ on the boundary", model.probability(onLine).get(0), 0.5, 1e-12);

// ━━━ Cell 7 · Training, animated ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "Training, animated");
// Plain gradient descent with η = 1/L_smooth, stopped after 1, 2, 4, … iterations: each frame is the
// boundary so far. The GIF is written next to the other plots (out/ unless mlscratch.plot.dir says).
var anim = new Animation(320, 240);
var losses = new ArrayList<Double>();
for (int iters : new int[] {1, 2, 4, 8, 16, 32, 64}) {
    var m = LogisticRegression.fit(X, y, LogisticRegression.Options.defaults().withSolver(LogisticRegression.Solver.GD)
            .withMaxIter(iters));
    losses.add(m.trace().finalLoss());
    anim.add(Plot.decisionRegions(m::predict, X, y).withTitle("GD, " + iters + " iterations"));
}
var gif = anim.save(Path.of(System.getProperty("mlscratch.plot.dir", "out"), "logistic-training.gif"), 400);
IO.println("saved " + gif);
show("loss after 1, 2, 4, …, 64 iterations", losses);
check("7 frames", anim.size() == 7);
check("the loss never goes up", java.util.stream.IntStream.range(1, losses.size()).allMatch(i -> losses.get(i) <= losses.get(i - 1)));

// ━━━ Cell 8 · Why log1p(exp(−|z|)) ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "Why log1p(exp(−|z|))");
// A confident wrong prediction has a huge logit. Written as printed, log(1 + e^z) overflows at z > 709:
double z = 1e4;
double naive = Math.log(1 + Math.exp(z)), stable = LogisticRegression.softplus(z);   // max(z, 0) + log1p(e^−|z|)
show("naive log(1 + e^1e4)", naive);
show("stable softplus(1e4)", stable);
check("the naive form overflows", Double.isInfinite(naive));
checkClose("the stable form is exact: log(1 + e^z) = z + log(1 + e^−z) ≈ z", stable, 1e4, 0);
var far = LogisticObjective.of(Matrix.of(new double[][] {{z}, {-z}}), Vector.of(0, 1), 0, false);
checkClose("the objective stays finite at logits ±1e4", far.value(Vector.of(1)), 1e4, 0);

// ━━━ Cell 9 · GD vs Newton vs L-BFGS on breast cancer ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(9, "GD vs Newton vs L-BFGS on breast cancer");
// 569 tumours, 30 features, standardised (mean 0, variance 1 per column). Same objective, λ = 0.01,
// three solvers: GD uses only the gradient; Newton (IRLS) solves with the Hessian XᵀSX/n + λI, whose
// steps square the error near the minimum; L-BFGS builds a Hessian estimate from the last gradients.
var cancer = Datasets.breastCancer();
var Xc = StandardScaler.fit(cancer.X()).transform(cancer.X());
var yc = cancer.y();
var opts = LogisticRegression.Options.defaults().withL2(0.01).withTol(1e-6).withMaxIter(20000);
var byGD = LogisticRegression.fit(Xc, yc, opts.withSolver(LogisticRegression.Solver.GD));
var byNewton = LogisticRegression.fit(Xc, yc, opts.withSolver(LogisticRegression.Solver.NEWTON));
var byLBFGS = LogisticRegression.fit(Xc, yc, opts.withSolver(LogisticRegression.Solver.LBFGS));
show("GD", byGD.trace());
show("Newton", byNewton.trace());
show("L-BFGS", byLBFGS.trace());
Plot.lines(new LinkedHashMap<>(Map.of("GD", byGD.trace().loss().map(Math::log10)))).withTitle("GD: log₁₀ loss per iteration").show();
check("all three converged", byGD.trace().converged() && byNewton.trace().converged() && byLBFGS.trace().converged());
check("Newton needs the fewest iterations, GD the most",
        byNewton.trace().iterations() < byLBFGS.trace().iterations() && byLBFGS.trace().iterations() < byGD.trace().iterations());
check("they agree on w within 1e-4", byGD.w().isClose(byNewton.w(), 1e-4) && byLBFGS.w().isClose(byNewton.w(), 1e-4));

// ━━━ Cell 10 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(10, "Your turn");
// `model` (the clouds) and `byLBFGS` (breast cancer) are live. Try:
//     byLBFGS.predictProba(Xc.rows(0, 5))              probabilities for five tumours
//     byLBFGS.withThreshold(0.2).predict(Xc)           a lower threshold: fewer missed class-1 cases
//     LogisticRegression.fit(Xc, yc, opts.withSolver(LogisticRegression.Solver.GD).withL1(0.05)).w()   sparse weights
//     CrossValidation.score(5, Xc, yc, LogisticRegression::fit, Metrics::accuracy)
double cancerAcc = Metrics.accuracy(yc, byLBFGS.predict(Xc));
show("breast cancer training accuracy", cancerAcc);
check("above 97 %", cancerAcc > 0.97);
IO.println("Done. `model`, `byLBFGS`, `Xc` and `yc` are yours to explore.");
