// 24 · PCA: the directions of largest variance, by hand, by SVD, and on handwritten digits
// Run it in the shell with  /open tutorials/24-pca.jsh   (on a terminal each cell waits for Enter; r runs
// the rest, q stops pausing). Every cell ends with checks. At the end `pca` (all 64 components) is yours.

// ━━━ Cell 1 · The data: 8×8 handwritten digits ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "The data: 8×8 handwritten digits");
// 1797 digits, each 64 pixels (ink 0 … 16). Every image is a point in 64-dimensional space; we cannot
// look at 64 dimensions, so we look for the few directions in which the digits differ the most.
var digits = Datasets.digits();
var X = digits.X();
var y = digits.y();
int n = X.rows(), d = X.cols();
Plot.images(X.rows(0, 30), 8, 8, 10, y.slice(0, 30)).withTitle("the first 30 digits").show();
check("1797 digits of 64 pixels", n == 1797 && d == 64);

// ━━━ Cell 2 · Deriving PCA: maximise the variance of a projection ━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "Deriving PCA: maximise the variance of a projection");
// Centre the data: Xc = X − 1μᵀ. Projecting every row on a unit vector v gives the scores Xc v, whose
// sample variance is
//     Var(Xc v) = ‖Xc v‖² / (n − 1) = vᵀ C v,        C = XcᵀXc / (n − 1), the d×d covariance.
// Maximise vᵀCv subject to vᵀv = 1. Lagrangian: vᵀCv − λ(vᵀv − 1); its gradient 2Cv − 2λv = 0 gives
//     C v = λ v        and then   Var(Xc v) = vᵀCv = λ vᵀv = λ.
// So the best direction is the eigenvector of C with the largest eigenvalue, and its variance is that
// eigenvalue. The next direction, orthogonal to the first, is the second eigenvector, and so on.
// By hand: power iteration v ← Cv / ‖Cv‖ converges to that top eigenvector (the other directions shrink by
// λ₁/λ₀ each step).
var mu = X.mean(0);
var Xc = X.minusRowVector(mu);
var C = Xc.transposeTimes(Xc).scale(1.0 / (n - 1));                    // C = XcᵀXc/(n − 1), 64×64
var v = Vector.ones(d).scale(1 / Math.sqrt(d));
for (int t = 0; t < 300; t++) { var Cv = C.times(v); v = Cv.scale(1 / Cv.norm()); }
double lambda0 = v.dot(C.times(v));                                     // λ = vᵀCv (the Rayleigh quotient)
show("λ₀ by power iteration", lambda0);
show("Var(Xc v), measured", Xc.times(v).var() * n / (n - 1));          // Vector.var divides by n
check("v is an eigenvector: ‖Cv − λv‖ < 1e-6", C.times(v).minus(v.scale(lambda0)).norm() < 1e-6);
checkClose("the variance of the scores is λ₀", Xc.times(v).var() * n / (n - 1), lambda0, 1e-9);

// ━━━ Cell 3 · The SVD connection ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "The SVD connection");
// Write the centred data as Xc = UΣVᵀ. Then XcᵀXc = VΣUᵀUΣVᵀ = VΣ²Vᵀ: the right singular vectors are the
// eigenvectors of C, and λⱼ = σⱼ²/(n − 1). The SVD gets them without forming XcᵀXc (whose condition number
// is the square of Xc's), which is why it is the accurate route; the covariance route is the fast one
// when n ≫ d (XcᵀXc is one matrix product). PCA.Options.withSolver picks either; they agree.
var eig = C.eigSymmetric();
var pcaSvd = PCA.fit(X, PCA.Options.defaults().withSolver(PCA.Solver.SVD));
var pcaCov = PCA.fit(X, PCA.Options.defaults().withSolver(PCA.Solver.COVARIANCE));
show("top 5 eigenvalues of C", eig.values().slice(0, 5));
show("top 5 σ²/(n − 1) via SVD", pcaSvd.explainedVariance().slice(0, 5));
checkClose("λ₀: power iteration = eigendecomposition", lambda0, eig.values().get(0), 1e-8);
check("σⱼ²/(n − 1) = λⱼ(C) for all 64", pcaSvd.explainedVariance().isClose(eig.values().map(l -> Math.max(0, l)), 1e-8));
check("both routes give the same first 10 components", pcaSvd.components().rows(0, 10).isClose(pcaCov.components().rows(0, 10), 1e-6));
checkClose("same direction as power iteration (up to sign)", Math.abs(pcaSvd.components().row(0).dot(v)), 1, 1e-8);

// ━━━ Cell 4 · The library ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "The library");
// PCA.fit(X, k) keeps k components: W (k×d, orthonormal rows), the variances λ and their share of the
// total, λⱼ / trace(C). Eigenvectors are defined only up to sign; the library flips each so that its
// largest-magnitude entry is positive, so every run (and both routes) gives the same W.
var pca2 = PCA.fit(X, 2);
show("pca2", pca2);
var W = pca2.components();
check("WWᵀ = I (orthonormal components)", W.timesTranspose(W).isClose(Matrix.identity(2), 1e-12));
checkClose("first ratio matches scikit-learn's 0.14890594", pca2.explainedVarianceRatio().get(0), 0.14890594, 1e-8);
checkClose("second ratio matches scikit-learn's 0.13618771", pca2.explainedVarianceRatio().get(1), 0.13618771, 1e-8);

// ━━━ Cell 5 · The digits in two dimensions ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "The digits in two dimensions");
// Scores Z = XcWᵀ: each digit becomes a point in the plane of the two directions of largest variance.
// PCA never saw the labels, yet 0s, 4s, 6s and 3s form their own groups; 28 % of the variance is not enough
// to pull apart the 5s, 7s and 8s crowding the middle.
var Z = pca2.transform(X);
Plot.scatter(Z, y, digits.classNames()).withTitle("digits on the first two principal components").withLabels("PC 1", "PC 2").show();
var Zcov = Z.transposeTimes(Z).scale(1.0 / (n - 1));
check("the scores are uncorrelated with variances λ: ZᵀZ/(n − 1) = diag(λ)",
        Zcov.isClose(Matrix.diag(pca2.explainedVariance()), 1e-8));

// ━━━ Cell 6 · How many components? ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "How many components?");
// The cumulative share of variance: a handful of components already carry most of it.
var pca = PCA.fit(X);                                                   // all 64
var cumulative = pca.cumulativeVarianceRatio();
Plot.line(Vector.range(d).plus(1), cumulative).withTitle("cumulative explained variance").withLabels("components kept", "share").show();
int k90 = 0;
while (cumulative.get(k90) < 0.9) k90++;
k90++;
show("components for 90 % of the variance", k90);
checkClose("all 64 keep 100 %", cumulative.get(d - 1), 1, 1e-12);
check("21 components keep 90 % (scikit-learn agrees)", k90 == 21);

// ━━━ Cell 7 · Reconstructions from k components ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "Reconstructions from k components");
// x̂ = Wₖᵀ Wₖ (x − μ) + μ: the best rank-k approximation (Eckart–Young). Its squared error over the data is
// exactly the variance left out, (n − 1) Σ_{j ≥ k} λⱼ. Rows: the originals, then k = 2, 5, 10, 20, 64.
var originals = X.rows(0, 10);
var rows = new java.util.ArrayList<Matrix>();
rows.add(originals);
var ks = new int[] {2, 5, 10, 20, 64};
for (int k : ks) { var pk = PCA.fit(X, k); rows.add(pk.inverseTransform(pk.transform(originals))); }
var grid = Matrix.vstack(rows.toArray(Matrix[]::new)).map(p -> Math.max(0, p));   // ink cannot be negative
Plot.images(grid, 8, 8, 10).withTitle("originals, then k = 2, 5, 10, 20, 64").show();
var p10 = PCA.fit(X, 10);
double err10 = X.minus(p10.inverseTransform(p10.transform(X))).norm();
double leftOut = pca.explainedVariance().slice(10, d).sum() * (n - 1);
show("‖X − X̂‖² with k = 10", err10 * err10);
checkClose("error = (n − 1) Σ_{j ≥ 10} λⱼ", err10 * err10, leftOut, 1e-6 * leftOut);
check("k = 64 reconstructs exactly", pca.inverseTransform(pca.transform(X)).isClose(X, 1e-9));

// ━━━ Cell 8 · Whitening ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "Whitening");
// Dividing each score by √λⱼ gives unit variance in every direction: the covariance of the whitened
// scores is I (a common step before k-means or ICA, which care about scale).
var white = PCA.fit(X, PCA.Options.defaults().withNComponents(10).withWhiten(true));
var Zw = white.transform(X);
check("whitened scores have covariance I", Zw.transposeTimes(Zw).scale(1.0 / (n - 1)).isClose(Matrix.identity(10), 1e-8));
check("inverseTransform undoes the whitening", white.inverseTransform(Zw).isClose(p10.inverseTransform(p10.transform(X)), 1e-9));

// ━━━ Cell 9 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(9, "Your turn");
// `pca` holds all 64 components. Try:
//     Plot.images(pca.components().rows(0, 20), 8, 8, 10).show()       the "eigendigits" themselves
//     Plot.scatter(pca.transform(X).selectCols(2, 3), y).show()        components 3 and 4
//     PCA.fit(Datasets.iris().X(), 2)                                   97.8 % of iris in two numbers
//     KMeans.fit(PCA.fit(X, 20).transform(X), 10)                       cluster in the 20-D PCA space
//     help(PCA.class)
IO.println("Done. `pca`, `pca2`, `X`, `y` and `Z` are yours to explore.");
