// 03 · Regularization: ridge, lasso and elastic net, and why the L1 penalty gives exact zeros
// Run it in the shell with  /open tutorials/03-regularization.jsh   (on a terminal each cell waits for
// Enter; r runs the rest, q stops pausing). Every cell ends with checks. At the end `ridge`, `lasso`,
// `enet` and the two coefficient paths are yours.

// ━━━ Cell 1 · Multiple regression, and why features are scaled ━━━━━━━━━━━━━━━━━━━
cell(1, "Multiple regression, and why features are scaled");
// Diabetes in its original units: age in years, sex coded 1/2, BMI in kg/m², blood pressure in mm Hg and
// six serum measurements. Their spreads differ by two orders of magnitude.
var raw = Datasets.diabetesRaw();
var Xraw = raw.X();
var y = raw.y();
int n = Xraw.rows(), d = Xraw.cols();
show("column std", Xraw.std(0));
// Least squares does not care about units: measure BMI in "centi-BMI" (×100) and its weight shrinks by 100,
// the predictions stay the same. A penalty α‖w‖² does care: the same α now costs that feature 10⁴ times
// less, so the fit changes. Standardising first (zero mean, unit variance per column) removes the units.
var Xcenti = Xraw.scaleColumns(Vector.of(1, 1, 100, 1, 1, 1, 1, 1, 1, 1));
var olsA = LinearRegression.fit(Xraw, y);
var olsB = LinearRegression.fit(Xcenti, y);
var ridgeA = Ridge.fit(Xraw, y, 1000.0);
var ridgeB = Ridge.fit(Xcenti, y, 1000.0);
double olsGap = olsA.predict(Xraw).minus(olsB.predict(Xcenti)).normInf();
double ridgeGap = ridgeA.predict(Xraw).minus(ridgeB.predict(Xcenti)).normInf();
show("OLS:   largest change in a prediction", olsGap);
show("ridge: largest change in a prediction", ridgeGap);
var scalerA = StandardScaler.fit(Xraw);
var scalerB = StandardScaler.fit(Xcenti);
var Z = scalerA.transform(Xraw);                                      // the standardised features
double scaledGap = Ridge.fit(Z, y, 10.0).predict(Z).minus(Ridge.fit(scalerB.transform(Xcenti), y, 10.0)
        .predict(scalerB.transform(Xcenti))).normInf();
show("ridge after StandardScaler: largest change", scaledGap);
check("least squares is unit-free", olsGap < 1e-8);
check("ridge on raw features depends on the units", ridgeGap > 1);
check("ridge on standardised features does not", scaledGap < 1e-8);

// ━━━ Cell 2 · Ridge: derivation and one solve by hand ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "Ridge: derivation and one solve by hand");
// Objective (scikit-learn's Ridge):  L(w, b) = ‖y − Zw − b‖² + α‖w‖²   — b is not penalised.
//   ∂L/∂b = −2Σ(y − Zw − b) = 0   ⇒  b = ȳ − z̄ᵀw       (here z̄ = 0: Z is standardised)
//   ∂L/∂w = −2Zcᵀ(yc − Zc w) + 2αw = 0   ⇒   (ZcᵀZc + αI) w = Zcᵀyc
// ZcᵀZc is only positive SEMI-definite; adding αI makes every eigenvalue ≥ α > 0: a unique, stable solution
// even with collinear columns. In the SVD Zc = UΣVᵀ each direction is shrunk by σ²/(σ² + α).
double alpha = 10.0;
var Zc = Z.minusRowVector(Z.mean(0));
var yc = y.minus(y.mean());
var wHand = Zc.transposeTimes(Zc).plus(Matrix.identity(d).scale(alpha)).solve(Zc.transpose().times(yc));
double bHand = y.mean() - Z.mean(0).dot(wHand);
// The gradient formula, checked by central differences at a random (w, b):
var ridgeObjective = Ridge.objective(Z, y, alpha, true);
var theta0 = Vector.randn(d + 1, 3);
var gc = GradCheck.check(ridgeObjective::value, theta0, ridgeObjective.gradient(theta0), GradCheck.Options.defaults().withH(1e-3));
show("gradient check", gc);
var ridge = Ridge.fit(Z, y, alpha);
show("ridge", ridge);
check("∇L matches finite differences", gc.passed());
check("the library's w is our hand solution", ridge.w().isClose(wHand, 1e-9));
checkClose("and its b", ridge.b(), bHand, 1e-9);
check("∇L = 0 at the fit", ridgeObjective.gradient(Vector.concat(ridge.w(), Vector.of(ridge.b()))).normInf() < 1e-6);
check("ridge shrinks: ‖w_ridge‖ < ‖w_OLS‖", ridge.w().norm() < LinearRegression.fit(Z, y).w().norm());

// ━━━ Cell 3 · Lasso: one coordinate step by hand ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "Lasso: one coordinate step by hand");
// Objective (scikit-learn's Lasso):  L(w, b) = (1/2n)‖y − Zw − b‖² + α‖w‖₁.  |wⱼ| has no derivative at 0,
// so minimise one coordinate at a time with the others fixed. With r the residual and zⱼ = (1/n)‖xⱼ‖²:
//   L(wⱼ) = (zⱼ/2)(wⱼ − pⱼ/zⱼ)² + α|wⱼ| + const,   pⱼ = (1/n)xⱼᵀr + zⱼwⱼ
// and the minimiser of ½(w − p)² + γ|w| is the soft-threshold  S(p, γ) = sign(p)·max(|p| − γ, 0):
//   wⱼ ← S(pⱼ, α) / zⱼ        — exactly 0 whenever |pⱼ| ≤ α.
// One sweep over j = 0 … d−1 from w = 0, by hand:
double alphaL = 1.0;
double[] wSweep = new double[d];
var r = yc;                                                          // r = yc − Zc w, w = 0
for (int j = 0; j < d; j++) {
    var xj = Zc.col(j);
    double zj = xj.dot(xj) / n;                                       // zⱼ = (1/n)‖xⱼ‖²
    double pj = xj.dot(r) / n + zj * wSweep[j];                       // pⱼ = (1/n)xⱼᵀr + zⱼwⱼ
    double wNew = Math.signum(pj) * Math.max(Math.abs(pj) - alphaL, 0) / zj;   // S(pⱼ, α)/zⱼ
    r = r.minus(xj.scale(wNew - wSweep[j]));                          // keep r current
    wSweep[j] = wNew;
}
show("w after one sweep by hand", Vector.wrap(wSweep));
var oneSweep = Lasso.fit(Z, y, Lasso.Options.defaults().withAlpha(alphaL).withMaxIter(1));
var lasso = Lasso.fit(Z, y, alphaL);
show("lasso", lasso);
check("the library's first sweep is ours", oneSweep.w().isClose(Vector.wrap(wSweep), 1e-10));
// At the optimum the KKT conditions hold: with g = −(1/n)Zcᵀr, gⱼ = −α·sign(wⱼ) where wⱼ ≠ 0 and |gⱼ| ≤ α
// where wⱼ = 0 — every feature left out correlates with the residual by at most α.
var g = Zc.transpose().times(yc.minus(Zc.times(lasso.w()))).scale(-1.0 / n);
show("g", g);
boolean kkt = true;
for (int j = 0; j < d; j++) {
    double wj = lasso.w().get(j), gj = g.get(j);
    if (wj != 0) kkt &= Math.abs(gj + alphaL * Math.signum(wj)) < 1e-6;      // gⱼ = −α·sign(wⱼ)
    else kkt &= Math.abs(gj) <= alphaL + 1e-6;                               // |gⱼ| ≤ α
}
check("the KKT conditions hold", kkt);
check("some weights are exactly 0", lasso.nonZero() < d);

// ━━━ Cell 4 · Coefficient paths against λ ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "Coefficient paths against λ");
// Sweep the penalty from large to small. Ridge shrinks every weight smoothly toward 0 and none reaches it;
// the lasso switches features on one at a time — a path of feature selection. Lasso.path warm-starts each
// fit from the previous one, so the whole path costs a few full fits.
var lassoAlphas = Lasso.alphaGrid(Z, y, 60);                        // α_max (all zero) down to α_max/1000
var lassoPath = Lasso.path(Z, y, lassoAlphas);
var ridgeAlphas = Vector.linspace(5, -2, 60).map(t -> Math.pow(10, t));
var ridgeW = Matrix.fromRows(java.util.stream.IntStream.range(0, 60)
        .mapToObj(k -> Ridge.fit(Z, y, ridgeAlphas.get(k)).w()).toList());
var lassoSeries = new LinkedHashMap<String, Vector>();
var ridgeSeries = new LinkedHashMap<String, Vector>();
for (int j = 0; j < d; j++) {
    lassoSeries.put(raw.featureNames().get(j), lassoPath.W().col(j));
    ridgeSeries.put(raw.featureNames().get(j), ridgeW.col(j));
}
Plot.lines(lassoPath.log10Alphas(), lassoSeries).withTitle("lasso path").withLabels("log₁₀ α", "weight").show();
Plot.lines(ridgeAlphas.map(Math::log10), ridgeSeries).withTitle("ridge path").withLabels("log₁₀ α", "weight").show();
show("lasso: features kept along the path", lassoPath.nonZero());
check("at α_max the lasso keeps no feature", lassoPath.nonZero().get(0) == 0);
check("at the small end it keeps them all", lassoPath.nonZero().get(59) == d);
check("ridge never sets a weight exactly to 0", ridgeW.min() != 0 && java.util.Arrays.stream(ridgeW.toArray()).allMatch(v -> v != 0));
check("ridge ‖w‖ grows as α falls", ridgeW.row(59).norm() > ridgeW.row(0).norm());

// ━━━ Cell 5 · Why L1 gives exact zeros: the unit balls ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "Why L1 gives exact zeros: the unit balls");
// Penalised and constrained forms are the same problem: min L(w) + α‖w‖ₚ  ⇔  min L(w) subject to ‖w‖ₚ ≤ t
// for some t. Picture it in 2-D: the loss contours are ellipses around the least-squares point c; grow them
// until they touch the ball {‖w‖ₚ ≤ 1}. The ball of p = 1 is a diamond with corners ON the axes, and an
// ellipse usually touches a corner first — a solution with a coordinate exactly 0. For p = 2 the ball is
// round: the touching point is almost never on an axis. For p < 1 (not convex) the corners are sharper still.
var Aq = Matrix.of(new double[][] {{1, 0.3}, {0.3, 0.8}});
var c = Vector.of(2.0, 0.6);
java.util.function.DoubleBinaryOperator loss2 = (u, v) -> { var e = Vector.of(u - c.get(0), v - c.get(1)); return e.dot(Aq.times(e)); };
Matrix ball(double p) {                                              // 721 points on {‖w‖ₚ = 1}
    double[][] pts = new double[721][];
    for (int k = 0; k <= 720; k++) {
        double t = 2 * Math.PI * k / 720, u = Math.cos(t), v = Math.sin(t);
        double norm = Double.isInfinite(p) ? Math.max(Math.abs(u), Math.abs(v)) : Math.pow(Math.pow(Math.abs(u), p) + Math.pow(Math.abs(v), p), 1 / p);
        pts[k] = new double[] {u / norm, v / norm};
    }
    return Matrix.of(pts);
}
Vector touch(double p) {                                             // the point of the ball with the least loss
    var B = ball(p);
    int best = 0;
    for (int k = 1; k < B.rows(); k++) if (loss2.applyAsDouble(B.get(k, 0), B.get(k, 1)) < loss2.applyAsDouble(B.get(best, 0), B.get(best, 1))) best = k;
    return B.row(best);
}
var balls = new LinkedHashMap<String, Matrix>();
for (double p : new double[] {0.5, 1, 2, Double.POSITIVE_INFINITY}) balls.put("p = " + (Double.isInfinite(p) ? "∞" : p), ball(p));
var ballsChart = Plot.contour(loss2, -1.5, 3.5, -1.5, 2.2, Vector.of(0.3, 1.0, 1.648, 2.5, 4), balls);
ballsChart.withTitle("loss contours and unit p-norm balls").withLabels("w₀", "w₁").show();
var animation = new Animation(480, 360);
for (double p : new double[] {0.5, 1, 1.5, 2, 4, Double.POSITIVE_INFINITY}) {
    var frame = new LinkedHashMap<String, Matrix>();
    var best = touch(p);
    frame.put("‖w‖ₚ = 1, p = " + (Double.isInfinite(p) ? "∞" : p), ball(p));
    frame.put("constrained optimum", best.asRow());
    animation.add(Plot.contour(loss2, -1.5, 3.5, -1.5, 2.2, Vector.of(0.3, 1.0, 1.648, 2.5, 4), frame)
            .withTitle("p = " + (Double.isInfinite(p) ? "∞" : p) + ": optimum at " + best));
}
var gif = animation.save(java.nio.file.Path.of("out", "03-p-norm-balls.gif"), 600);
IO.println("animation over p written to " + gif);
show("p = 1 optimum", touch(1));
show("p = 2 optimum", touch(2));
check("p = 1: the optimum is a corner, w₁ = 0", Math.abs(touch(1).get(1)) < 1e-9);
check("p = 0.5: a corner too", Math.abs(touch(0.5).get(1)) < 1e-9);
check("p = 2: both coordinates are non-zero", Math.abs(touch(2).get(0)) > 0.1 && Math.abs(touch(2).get(1)) > 0.1);
check("the animation has a frame per p", animation.size() == 6);

// ━━━ Cell 6 · Elastic net: between the two ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "Elastic net: between the two");
// (1/2n)‖y − Zw − b‖² + αρ‖w‖₁ + ½α(1 − ρ)‖w‖²: the L1 part still zeroes weights, the L2 part keeps
// correlated features together (the lasso tends to pick one of a correlated group at random) and makes
// the problem strongly convex. Same coordinate descent, update wⱼ ← S(pⱼ, αρ) / (zⱼ + α(1 − ρ)).
var enet = ElasticNet.fit(Z, y, ElasticNet.Options.defaults().withAlpha(1.0).withL1Ratio(0.5));
show("elastic net", enet);
var lassoSame = Lasso.fit(Z, y, 0.5);                                // the same L1 strength αρ = 0.5
check("the elastic net satisfies its KKT conditions", enet.kktViolation(Z, y) < 1e-6);
check("it keeps at least as many features as the lasso with the same L1 strength", enet.nonZero() >= lassoSame.nonZero());
check("and shrinks more than it (the extra L2 term)", enet.w().norm() < lassoSame.w().norm());

// ━━━ Cell 7 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "Your turn");
// Try:
//     Lasso.fit(Z, y, 3.0).w()                       which features survive a strong penalty?
//     CrossValidation.score(5, Z, y, (A, b) -> Ridge.fit(A, b, 10.0), Metrics::r2)    pick α by CV
//     ElasticNet.path(Z, y, lassoAlphas, ElasticNet.Options.defaults().withL1Ratio(0.2)).nonZero()
//     Ridge.fit(Xraw, y, 1000.0).w()                  the raw units again: which weights were crushed?
//     help(Lasso.class)
IO.println("Done. `ridge`, `lasso`, `enet`, `lassoPath` and `Z` are yours to explore.");
