// 02 · Gradient descent: learning rates, paths on the loss surface, momentum, Adam, SGD and early stopping
// Run it in the shell with  /open tutorials/02-gradient-descent.jsh   (on a terminal each cell waits for
// Enter; r runs the rest, q stops pausing). Every cell ends with checks. At the end `model` is yours.

// ━━━ Cell 1 · A bowl in two dimensions ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "A bowl in two dimensions");
// Two correlated features, centred, and y = 2x₀ − x₁ + noise; no intercept, so the weights are a point
// w = (w₀, w₁) in the plane and the loss is a surface over it:
//     L(w) = (1/2n)‖Xw − y‖²        a quadratic bowl with Hessian H = XᵀX/n
// Its level sets are ellipses whose axes are H's eigenvectors; the ratio κ = λmax/λmin of its eigenvalues
// (the condition number) says how stretched they are.
int n = 200;
var x0 = Vector.randn(n, 1);
var X = Matrix.fromColumns(x0, x0.scale(0.6).plus(Vector.randn(n, 2).scale(0.8)));
X = X.minusRowVector(X.mean(0));
var y = X.times(Vector.of(2, -1)).plus(Vector.randn(n, 3).scale(0.5));
y = y.minus(y.mean());
var L = Objectives.leastSquares(X, y);                               // (1/2n)‖Xw − y‖² and its gradient
var H = X.transposeTimes(X).scale(1.0 / n);                          // ∇²L = XᵀX/n
var lambda = H.eigSymmetric().values();
double lMax = Math.max(lambda.get(0), lambda.get(1)), lMin = Math.min(lambda.get(0), lambda.get(1));
var wStar = LinearRegression.fit(X, y, LinearRegression.Options.defaults().withIntercept(false)).w();
show("eigenvalues of H", lambda);
show("κ = λmax/λmin", lMax / lMin);
show("w* (closed form)", wStar);
check("the bowl is convex: both eigenvalues > 0", lMin > 0);

// ━━━ Cell 2 · One step by hand ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "One step by hand");
// With r = Xw − y:   ∇L(w) = Xᵀr / n.    A step of size η downhill:   w ← w − η ∇L(w).
// Along an eigenvector with eigenvalue λ the error is multiplied by (1 − ηλ) each step, so the iteration
// converges iff |1 − ηλ| < 1 for every λ, i.e.  η < 2/λmax;  η = 1/λmax is the safe textbook choice and the
// slowest direction then shrinks by (1 − λmin/λmax) = (1 − 1/κ) per step.
var w0 = Vector.of(-2.5, 2.5);
var r0 = X.times(w0).minus(y);                                       // r = Xw − y
var g0 = X.transpose().times(r0).scale(1.0 / n);                     // ∇L = Xᵀr/n
double eta = 1 / lMax;
var w1 = w0.minus(g0.scale(eta));                                    // w ← w − η∇L
var gc = GradCheck.check(L::value, w0, g0);
show("gradient check", gc);
show("w after one step", w1);
var byRule = new UpdateRule.Plain(eta).step(UpdateRule.State.start(w0), g0).w();
check("∇L = Xᵀ(Xw − y)/n matches finite differences", gc.passed());
check("UpdateRule.Plain takes the same step", byRule.isClose(w1, 1e-15));
check("the step went downhill", L.value(w1) < L.value(w0));

// ━━━ Cell 3 · Learning rate: too small, right, too large ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "Learning rate: too small, right, too large");
// The loop, written out: 25 steps of w ← rule.step(w, ∇L(w)), keeping every iterate to draw the path.
Matrix walk(UpdateRule rule, int steps) {
    var s = UpdateRule.State.start(w0);
    var points = new ArrayList<Vector>();
    points.add(s.w());
    for (int k = 0; k < steps; k++) {
        s = rule.step(s, L.gradient(s.w()));
        points.add(s.w());
    }
    return Matrix.fromRows(points);
}
var small = walk(new UpdateRule.Plain(0.1 / lMax), 25);
var right = walk(new UpdateRule.Plain(1 / lMax), 25);
var large = walk(new UpdateRule.Plain(2.2 / lMax), 25);
double Lstar = L.value(wStar);
// For the contour plot, expand the quadratic once:  L(w) = ½wᵀHw − wᵀq + c  with q = Xᵀy/n, c = yᵀy/2n
var q = X.transpose().times(y).scale(1.0 / n);
double c0 = y.dot(y) / (2 * n);
java.util.function.DoubleBinaryOperator surface = (a, b) ->
        0.5 * (H.get(0, 0) * a * a + 2 * H.get(0, 1) * a * b + H.get(1, 1) * b * b) - (q.get(0) * a + q.get(1) * b) + c0;
var levels = Vector.of(0.2, 0.5, 1, 2, 4, 8).map(v -> Lstar + v);
var paths = new LinkedHashMap<String, Matrix>();
paths.put("η = 0.1/λmax", small);
paths.put("η = 1/λmax", right);
paths.put("η = 2.2/λmax", large.rows(0, 8));
var pathChart = Plot.contour(surface, -3.5, 4.5, -3.5, 3.5, levels, paths);
pathChart.withTitle("gradient descent on L(w)").withLabels("w₀", "w₁").show();
double errSmall = small.row(25).minus(wStar).norm(), errRight = right.row(25).minus(wStar).norm(), errLarge = large.row(25).minus(wStar).norm();
show("distance to w* after 25 steps: small", errSmall);
show("                                right", errRight);
show("                                large", errLarge);
check("η = 1/λmax gets close", errRight < 0.05);
check("η = 0.1/λmax is still on its way", errSmall > 10 * errRight);
check("η > 2/λmax diverges: the distance grows", errLarge > large.row(0).minus(wStar).norm());

// ━━━ Cell 4 · The path, animated ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "The path, animated");
// One frame per step: the iterate walks down across the ellipses, fast along the steep direction, slowly
// along the flat one. Saved as a GIF under out/.
var animation = new Animation(480, 360);
for (int k = 1; k <= 6; k++) {
    var upTo = new LinkedHashMap<String, Matrix>();
    upTo.put("η = 1/λmax", right.rows(0, k + 1));
    upTo.put("η = 0.1/λmax", small.rows(0, k + 1));
    animation.add(Plot.contour(surface, -3.5, 4.5, -3.5, 3.5, levels, upTo).withTitle("step " + k));
}
var gif = animation.save(java.nio.file.Path.of("out", "02-gradient-descent.gif"), 500);
IO.println("animation written to " + gif);
var losses = new ArrayList<Double>();
for (int k = 0; k <= 25; k++) losses.add(L.value(right.row(k)));
boolean monotone = true;
for (int k = 1; k < losses.size(); k++) monotone &= losses.get(k) <= losses.get(k - 1) + 1e-15;
check("6 frames", animation.size() == 6);
checkClose("the expanded quadratic is L", surface.applyAsDouble(0.3, -0.7), L.value(Vector.of(0.3, -0.7)), 1e-12);
check("with η ≤ 1/λmax the loss never goes up", monotone);

// ━━━ Cell 5 · Momentum and Adam on a stretched bowl ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "Momentum and Adam on a stretched bowl");
// Shrink the second feature 10× and the bowl becomes a long valley (κ grows ~100×): plain GD needs
// ~κ steps, zig-zagging across the valley. Momentum  m ← βm + g,  w ← w − ηm  accumulates the consistent
// downhill direction and damps the zig-zag (~√κ steps); Adam rescales each coordinate by its own
// gradient size. GradientDescent.minimize runs the loop until ‖∇L‖∞ ≤ tol.
var Xs = X.scaleColumns(Vector.of(1, 0.1));
var Ls = Objectives.leastSquares(Xs, y);
var lam = Xs.transposeTimes(Xs).scale(1.0 / n).eigSymmetric().values();
double lsMax = Math.max(lam.get(0), lam.get(1)), lsMin = Math.min(lam.get(0), lam.get(1));
show("κ of the stretched bowl", lsMax / lsMin);
var base = GradientDescent.Options.defaults().withMaxIter(20_000).withTol(1e-6);
var plain = GradientDescent.minimize(Ls, Vector.zeros(2), base.withRule(new UpdateRule.Plain(1 / lsMax)));
var momentum = GradientDescent.minimize(Ls, Vector.zeros(2), base.withRule(new UpdateRule.Momentum(1 / lsMax, 0.9)));
var adam = GradientDescent.minimize(Ls, Vector.zeros(2), base.withRule(UpdateRule.Adam.of(0.1)));
show("plain", plain.trace());
show("momentum", momentum.trace());
show("adam", adam.trace());
var wStarS = LinearRegression.fit(Xs, y, LinearRegression.Options.defaults().withIntercept(false)).w();
check("all three reach w*", plain.w().isClose(wStarS, 1e-3) && momentum.w().isClose(wStarS, 1e-3) && adam.w().isClose(wStarS, 1e-3));
check("momentum needs far fewer steps than plain GD", momentum.trace().iterations() * 3 < plain.trace().iterations());

// ━━━ Cell 6 · Batch, mini-batch and stochastic ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "Batch, mini-batch and stochastic");
// The gradient is a mean over rows, ∇L = (1/n)Σᵢ∇ℓᵢ. SGD estimates it from a random batch B of rows:
// unbiased, but noisy. One epoch = one pass over the data = n/|B| steps. Small batches take many cheap
// noisy steps (fast early progress, a wobbly end); full batches take one exact step per epoch.
// LinearRegression runs these through mlscratch.optim.SGD (Solver.SGD), 30 epochs each, η = 0.05.
var opts = LinearRegression.Options.defaults().withIntercept(false).withSolver(LinearRegression.Solver.SGD);
var sgd1 = LinearRegression.fit(X, y, opts.withSgd(SGD.Options.defaults().withBatchSize(1).withEpochs(30).withRule(new UpdateRule.Plain(0.05))));
var sgd16 = LinearRegression.fit(X, y, opts.withSgd(SGD.Options.defaults().withBatchSize(16).withEpochs(30).withRule(new UpdateRule.Plain(0.05))));
var batch = LinearRegression.fit(X, y, opts.withSgd(SGD.Options.defaults().withBatchSize(n).withEpochs(30).withRule(new UpdateRule.Plain(0.05))));
var curves = new LinkedHashMap<String, Vector>();
curves.put("b = 1", sgd1.trace().loss());
curves.put("b = 16", sgd16.trace().loss());
curves.put("b = n", batch.trace().loss());
Plot.lines(curves).withTitle("mean training loss per epoch").withLabels("epoch", "L").show();
show("after 1 epoch: batch 1, 16, n", Vector.of(sgd1.trace().loss().get(0), sgd16.trace().loss().get(0), batch.trace().loss().get(0)));
check("after one epoch small batches are far ahead", sgd16.trace().loss().get(0) < batch.trace().loss().get(0));
check("mini-batch ends near w*", sgd16.w().isClose(wStar, 0.05));
check("SGD with batch 1 wobbles around w* (a constant η never settles)", sgd1.w().isClose(wStar, 0.3) && !sgd1.w().isClose(wStar, 1e-4));

// ━━━ Cell 7 · Early stopping ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "Early stopping");
// Hold out a share of the rows; after each epoch evaluate the loss on them; stop when it has not improved
// for `patience` epochs and return the best weights. It saves time here, and with a flexible model it
// stops before the fit starts following noise. The trace says where it stopped.
var model = LinearRegression.fit(X, y, opts.withValidationFraction(0.25).withPatience(3)
        .withSgd(SGD.Options.defaults().withBatchSize(8).withEpochs(500).withRule(new UpdateRule.Plain(0.02))));
show("model", model);
check("it stopped long before 500 epochs", model.trace().iterations() < 500);
check("the trace says so", model.trace().notes().stream().anyMatch(s -> s.startsWith("stopped early")));
check("and the model is good", model.w().isClose(wStar, 0.1));

// ━━━ Cell 8 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "Your turn");
// Try:
//     walk(new UpdateRule.Plain(1.9 / lMax), 25)               on the edge of stability: a zig-zag
//     walk(new UpdateRule.Nesterov(0.5 / lMax, 0.9), 25)       look-ahead momentum
//     GradientDescent.minimize(L, w0, GradientDescent.Options.defaults().withSchedule(Schedule.step(10, 0.5)))
//     model.trace().loss()                                     the loss per epoch
IO.println("Done. `L`, `walk`, `X`, `y` and `model` are yours to explore.");
