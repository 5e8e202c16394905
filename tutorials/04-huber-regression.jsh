// 04 · Huber regression: a line that outliers cannot drag
// Run it in the shell with  /open tutorials/04-huber-regression.jsh   (on a terminal each cell waits for
// Enter; r runs the rest, q stops pausing). Every cell ends with checks. At the end `huber` is yours.

// ━━━ Cell 1 · Data with outliers ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "Data with outliers");
// y = 2x + 1 plus small noise, then every 8th point corrupted upwards by 15 to 25 (a broken sensor).
int n = 80;
var x = Vector.linspace(0, 10, n);
var noise = Vector.randn(n, 4).scale(0.5);
var kick = Vector.random(n, 5).scale(10).plus(15);
var y = x.scale(2).plus(1).plus(noise);
for (int i = 3; i < n; i += 8) y = y.with(i, y.get(i) + kick.get(i));
var X = x.asColumn();
int corrupted = 0;
for (int i = 3; i < n; i += 8) corrupted++;
show("corrupted points", corrupted);
check("10 of 80 points are corrupted", corrupted == 10);

// ━━━ Cell 2 · Squared loss against Huber loss ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "Squared loss against Huber loss");
// Least squares charges a residual z the amount z²: a point 20 away costs 400, as much as 400 points 1
// away, so the fit bends toward it. Its pull on the fit (the derivative, "influence") is 2z: unbounded.
// Huber's loss is quadratic near 0 and linear beyond a threshold ε (scikit-learn's form):
//     H(z) = z²            |z| ≤ ε
//            2ε|z| − ε²    |z| > ε          H'(z) = 2z inside, 2ε·sign(z) outside: bounded
// Both pieces meet with the same value and slope at |z| = ε, so H is smooth enough for gradient methods.
double eps = 1.35;
var z = Vector.linspace(-4, 4, 161);
var lossCurves = new LinkedHashMap<String, Vector>();
lossCurves.put("squared z²", z.map(v -> v * v));
lossCurves.put("Huber H(z), ε = 1.35", z.map(v -> HuberRegression.loss(v, eps)));
lossCurves.put("influence of z²: 2z", z.scale(2));
lossCurves.put("influence of H: H'(z)", z.map(v -> Math.abs(v) <= eps ? 2 * v : 2 * eps * Math.signum(v)));
Plot.lines(z, lossCurves).withTitle("loss and influence").withLabels("residual z", "").show();
double h = 1e-6;
checkClose("H is continuous at ε", HuberRegression.loss(eps + h, eps), HuberRegression.loss(eps - h, eps), 1e-5);
checkClose("and so is its slope", (HuberRegression.loss(eps + h, eps) - HuberRegression.loss(eps, eps)) / h,
        (HuberRegression.loss(eps, eps) - HuberRegression.loss(eps - h, eps)) / h, 1e-4);
checkClose("a residual of 20 costs 400 squared but only 2·1.35·20 − 1.35² under Huber", HuberRegression.loss(20, eps), 2 * eps * 20 - eps * eps, 1e-12);

// ━━━ Cell 3 · The objective, by hand, and its gradient ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "The objective, by hand, and its gradient");
// ε must be measured in units of the noise, which we do not know: estimate a scale σ jointly (Owen 2007,
// scikit-learn's HuberRegressor). With r = y − Xw − b:
//     L(w, b, σ) = Σᵢ [σ + σ·H(rᵢ/σ)] + α‖w‖²      = Σ_inliers (σ + rᵢ²/σ) + Σ_outliers (σ + 2ε|rᵢ| − ε²σ) + α‖w‖²
// (jointly convex in (w, b, σ) for σ > 0).  With ψᵢ = 2rᵢ/σ (inlier) or 2ε·sign(rᵢ) (outlier):
//     ∂L/∂w = −Xᵀψ + 2αw     ∂L/∂b = −Σψᵢ     ∂L/∂σ = Σ_inliers (1 − rᵢ²/σ²) + Σ_outliers (1 − ε²)
double alphaH = 1e-4;
double wT = 1.5, bT = 2.0, sT = 1.2;                                 // a trial point θ = (w, b, σ)
double byHand = alphaH * wT * wT;
for (int i = 0; i < n; i++) {
    double ri = y.get(i) - wT * x.get(i) - bT;
    byHand += Math.abs(ri) <= eps * sT ? sT + ri * ri / sT : sT + 2 * eps * Math.abs(ri) - eps * eps * sT;
}
var objective = HuberRegression.objective(X, y, eps, alphaH, true);
var thetaT = Vector.of(wT, bT, sT);
var gcH = GradCheck.check(objective::value, thetaT, objective.gradient(thetaT));
show("L by hand", byHand);
show("gradient check", gcH);
checkClose("the library's objective is ours", objective.value(thetaT), byHand, 1e-9);
check("its gradient matches finite differences", gcH.passed());

// ━━━ Cell 4 · Both fits ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "Both fits");
// HuberRegression.fit minimises L with L-BFGS (σ = eˢ keeps the scale positive). Least squares for comparison.
var huber = HuberRegression.fit(X, y);
var ols = LinearRegression.fit(X, y);
show("huber", huber);
show("least squares", ols);
var flagged = huber.outliers(X, y);                                  // |r| > εσ
// One scatter plot: the points (outliers flagged by the Huber fit in their own colour) and both lines
// drawn as dense rows of dots.
var grid = Vector.linspace(0, 10, 120);
var points = Matrix.vstack(Matrix.fromColumns(x, y), Matrix.fromColumns(grid, grid.scale(ols.w().get(0)).plus(ols.b())),
        Matrix.fromColumns(grid, grid.scale(huber.w().get(0)).plus(huber.b())));
var labels = Vector.concat(flagged, Vector.full(120, 2), Vector.full(120, 3));
Plot.scatter(points, labels, List.of("inlier", "outlier", "least squares", "Huber")).withTitle("y = 2x + 1 with 10 corrupted points").withLabels("x", "y").show();
show("least squares slope, intercept", Vector.of(ols.w().get(0), ols.b()));
show("Huber slope, intercept", Vector.of(huber.w().get(0), huber.b()));
checkClose("Huber recovers the slope 2", huber.w().get(0), 2, 0.1);
checkClose("and the intercept 1", huber.b(), 1, 0.4);
check("least squares is dragged up by the outliers", ols.b() - 1 > 1.5);
boolean allCaught = true;
for (int i = 3; i < n; i += 8) allCaught &= flagged.get(i) == 1;
check("every corrupted point is flagged", allCaught);
// σ is a scale, not exactly the noise's standard deviation: each outlier adds (1 − ε²) < 0 to ∂L/∂σ,
// which the inliers balance with a smaller σ. It is of the order of the noise (0.5), far below the kicks.
check("σ is of the order of the noise level 0.5", huber.sigma() > 0.2 && huber.sigma() < 1);

// ━━━ Cell 5 · The threshold ε ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "The threshold ε");
// Small ε: almost an absolute-value (median-like) fit, very robust, less efficient on clean data. Large ε:
// every residual is "inside", and the fit becomes least squares. ε = 1.35 keeps 95 % of least squares'
// efficiency when the noise is Gaussian.
var epsilons = Vector.of(1.0, 1.35, 2, 3, 5, 1e6);
var intercepts = epsilons.map(e -> HuberRegression.fit(X, y, e).b());
show("ε", epsilons);
show("intercept b(ε)", intercepts);
check("b grows toward least squares as ε grows", intercepts.get(0) < intercepts.get(4));
checkClose("with ε = 10⁶ Huber is least squares", intercepts.get(5), ols.b(), 1e-3);

// ━━━ Cell 6 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "Your turn");
// Try:
//     HuberRegression.fit(X, y, 1.0).outliers(X, y).sum()        how many points does a tighter ε flag?
//     huber.trace()                                             the L-BFGS run
//     HuberRegression.fit(Datasets.diabetes().X(), Datasets.diabetes().y())   on real data
//     help(HuberRegression.class)
IO.println("Done. `huber`, `ols`, `X` and `y` are yours to explore.");
