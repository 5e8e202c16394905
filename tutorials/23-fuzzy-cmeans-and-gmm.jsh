// 23 · Soft clustering: fuzzy c-means and Gaussian mixtures fitted by EM
// Run it in the shell with  /open tutorials/23-fuzzy-cmeans-and-gmm.jsh   (on a terminal each cell waits
// for Enter; r runs the rest, q stops pausing). Every cell ends with checks. At the end `gmm` is yours.

// ━━━ Cell 1 · The data: iris petals ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "The data: iris petals");
// Petal length and width of 150 irises. Setosa sits apart; versicolor and virginica touch. k-means gives
// every flower one hard label, even the ones on the border. Soft clustering gives each flower a share in
// every cluster instead, and the share says how sure the assignment is.
var iris = Datasets.iris();
var P = iris.X().selectCols(2, 3);                                      // 150×2: petal length, petal width (cm)
int n = P.rows(), d = P.cols();
Plot.scatter(P, iris.y(), iris.classNames()).withTitle("iris petals, by species").withLabels("length", "width").show();
check("150 flowers, 2 features", n == 150 && d == 2);

// ━━━ Cell 2 · Fuzzy c-means: deriving the membership update ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "Fuzzy c-means: deriving the membership update");
// Objective, with memberships uᵢⱼ ≥ 0, Σⱼ uᵢⱼ = 1 and a fuzzifier m > 1:
//     Jₘ = Σᵢ Σⱼ uᵢⱼᵐ ‖xᵢ − cⱼ‖²
// Centroids (∂Jₘ/∂cⱼ = −2 Σᵢ uᵢⱼᵐ (xᵢ − cⱼ) = 0):   cⱼ = Σᵢ uᵢⱼᵐ xᵢ / Σᵢ uᵢⱼᵐ    (a weighted mean)
// Memberships of one point, Lagrangian Σⱼ uⱼᵐ dⱼ² − λ(Σⱼ uⱼ − 1):  m uⱼᵐ⁻¹ dⱼ² = λ  ⇒  uⱼ ∝ dⱼ^(−2/(m−1)),
// and normalising:   uⱼ = 1 / Σₗ (dⱼ / dₗ)^(2/(m−1)).
// With m = 2 the exponent is 2: a point three times nearer to c₀ than to c₁ gets u₀ = 1 / (1 + (1/3)²) = 0.9.
// By hand for the first flower, against the centroids of a fitted model:
var fcm = FuzzyCMeans.fit(P, FuzzyCMeans.Options.defaults().withK(3).withM(2));
var x0 = P.row(0);
var dist = Vector.of(x0.minus(fcm.centroids().row(0)).norm(), x0.minus(fcm.centroids().row(1)).norm(),
        x0.minus(fcm.centroids().row(2)).norm());
double[] uHand = new double[3];
for (int j = 0; j < 3; j++) { double s = 0; for (int l = 0; l < 3; l++) s += Math.pow(dist.get(j) / dist.get(l), 2); uHand[j] = 1 / s; }
show("distances of flower 0 to the 3 centroids", dist);
show("memberships by hand", Vector.of(uHand));
show("memberships, library", fcm.membership(P.rows(0, 1)).row(0));
check("hand-made memberships match the library", Vector.of(uHand).isClose(fcm.membership(P.rows(0, 1)).row(0), 1e-12));
checkClose("they sum to 1", Vector.of(uHand).sum(), 1, 1e-12);

// ━━━ Cell 3 · Fuzzy c-means: the fit ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "Fuzzy c-means: the fit");
// Alternate the two updates from random memberships. Each step minimises Jₘ over one block of variables
// with the other fixed, so Jₘ can never go up. The partition coefficient (1/n) Σ uᵢⱼ² is 1 for a hard
// partition and 1/k when every point is shared equally.
show("fcm", fcm);
var J = fcm.trace().loss();
boolean down = true;
for (int t = 1; t < J.size(); t++) down &= J.get(t) <= J.get(t - 1) * (1 + 1e-12);
Plot.line(J).withTitle("fuzzy c-means objective").withLabels("iteration", "Jₘ").show();
check("Jₘ never increased", down);
check("converged", fcm.trace().converged());
check("memberships of every flower sum to 1", fcm.memberships().sum(1).isClose(Vector.ones(n), 1e-12));

// ━━━ Cell 4 · How sure is each assignment? ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "How sure is each assignment?");
// The largest membership of each flower: close to 1 inside a cluster, near ½ on the versicolor/virginica
// border. Setosa flowers are all sure.
var maxU = fcm.memberships().max(1);
Plot.histogram(maxU, 20).withTitle("largest membership of each flower").show();
Plot.scatter(P, fcm.predict(P)).withTitle("fuzzy c-means clusters (argmax membership)").show();
show("least sure flower", maxU.argmin() + " with max membership " + maxU.min());
check("some flowers are shared (max membership < 0.8)", maxU.min() < 0.8);
check("setosa (the first 50) are all sure: max membership > 0.9", maxU.slice(0, 50).min() > 0.9);

// ━━━ Cell 5 · Gaussian mixtures: EM derived ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "Gaussian mixtures: EM derived");
// Model: pick component j with probability πⱼ, then draw x ~ 𝒩(μⱼ, Σⱼ). The density is
//     p(x) = Σⱼ πⱼ 𝒩(x | μⱼ, Σⱼ),     log-likelihood ℓ(θ) = Σᵢ log Σⱼ πⱼ 𝒩(xᵢ | μⱼ, Σⱼ).
// The log of a sum has no closed-form maximum. EM: for any distribution qᵢ over j, Jensen's inequality
//     log Σⱼ qᵢⱼ (πⱼ𝒩ᵢⱼ / qᵢⱼ) ≥ Σⱼ qᵢⱼ log(πⱼ𝒩ᵢⱼ / qᵢⱼ)
// is a lower bound, tight when qᵢⱼ ∝ πⱼ𝒩ᵢⱼ. So:
//   E-step  make the bound tight:   γᵢⱼ = πⱼ𝒩(xᵢ | μⱼ, Σⱼ) / Σₗ πₗ𝒩(xᵢ | μₗ, Σₗ)   (the responsibilities)
//   M-step  maximise the bound: it is a weighted Gaussian fit, with Nⱼ = Σᵢ γᵢⱼ,
//           πⱼ = Nⱼ/n,   μⱼ = Σᵢ γᵢⱼ xᵢ / Nⱼ,   Σⱼ = Σᵢ γᵢⱼ (xᵢ − μⱼ)(xᵢ − μⱼ)ᵀ / Nⱼ (+ reg·I)
// ℓ(θ_new) ≥ bound(θ_new) ≥ bound(θ_old) = ℓ(θ_old): the log-likelihood never decreases.
// Fuzzy c-means is the same alternation with memberships in place of γ and no covariances.
// The library starts from k-means labels (one M-step from hard γ). The same start, by hand:
var km = KMeans.fit(P, KMeans.Options.defaults().withK(3).withNInit(1).withSeed(42));
var G0 = Matrix.zeros(n, 3);
for (int i = 0; i < n; i++) G0 = G0.with(i, (int) km.labels().get(i), 1.0);   // hard γ, one-hot
java.util.function.Function<Matrix, GaussianMixture> mStep = G -> {
    var N = G.sum(0);                                                   // Nⱼ = Σᵢ γᵢⱼ
    var mu = G.transposeTimes(P).divideRows(N);                        // μⱼ = Σᵢ γᵢⱼ xᵢ / Nⱼ   (3, 2)
    var covs = new java.util.ArrayList<Matrix>();
    for (int j = 0; j < 3; j++) {
        var D = P.minusRowVector(mu.row(j));                           // xᵢ − μⱼ                (n, 2)
        covs.add(D.scaleRows(G.col(j)).transposeTimes(D).scale(1 / N.get(j)).plus(Matrix.identity(2).scale(1e-6)));
    }
    return new GaussianMixture(N.scale(1.0 / n), mu, covs, 0, Trace.closedForm(), GaussianMixture.Options.defaults().withK(3));
};
var theta0 = mStep.apply(G0);
show("θ₀ means (from k-means)", theta0.means());
check("θ₀ weights sum to 1", Math.abs(theta0.weights().sum() - 1) < 1e-12);

// ━━━ Cell 6 · One EM step by hand ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "One EM step by hand");
// E-step written out: 𝒩(x | μ, Σ) = (2π)^(−d/2) det(Σ)^(−½) exp(−½ (x − μ)ᵀΣ⁻¹(x − μ)). (The library works
// with logs and log-sum-exp instead: in many dimensions these densities underflow to 0.)
var R = Matrix.zeros(n, 3);
for (int j = 0; j < 3; j++) {
    var S = theta0.covariances().get(j);
    var Sinv = S.inverse();
    double norm = theta0.weights().get(j) / (2 * Math.PI * Math.sqrt(S.det()));   // πⱼ (2π)^(−d/2) det(Σⱼ)^(−½), d = 2
    for (int i = 0; i < n; i++) {
        var r = P.row(i).minus(theta0.means().row(j));
        R = R.with(i, j, norm * Math.exp(-0.5 * r.dot(Sinv.times(r))));   // πⱼ 𝒩(xᵢ | μⱼ, Σⱼ)
    }
}
var Gamma = R.divideRows(R.sum(1));                                     // γᵢⱼ = rᵢⱼ / Σₗ rᵢₗ
var theta1 = mStep.apply(Gamma);
var lib1 = GaussianMixture.fit(P, GaussianMixture.Options.defaults().withK(3).withMaxIter(1).withSeed(42));
show("μ after one EM step, by hand", theta1.means());
show("μ after one EM step, library", lib1.means());
check("responsibilities match the library's predictProba at θ₀", Gamma.isClose(theta0.predictProba(P), 1e-10));
check("one EM step by hand = the library's first step (means)", theta1.means().isClose(lib1.means(), 1e-9));
check("… and weights", theta1.weights().isClose(lib1.weights(), 1e-9));
check("ℓ went up: ℓ(θ₁) ≥ ℓ(θ₀)", theta1.score(P) >= theta0.score(P));

// ━━━ Cell 7 · The library: EM to convergence ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "The library: EM to convergence");
// The trace records −ℓ/n after every iteration; EM guarantees it never goes up.
var gmm = GaussianMixture.fit(P, GaussianMixture.Options.defaults().withK(3).withTol(1e-10).withMaxIter(1000));
show("gmm", gmm);
var L = gmm.trace().loss();
boolean neverUp = true;
for (int t = 1; t < L.size(); t++) neverUp &= L.get(t) <= L.get(t - 1) + 1e-12;
Plot.line(L.negate()).withTitle("EM: mean log-likelihood").withLabels("iteration", "ℓ / n").show();
check("the log-likelihood never decreased", neverUp);
// scikit-learn 1.2.1: GaussianMixture(3, random_state=0, tol=1e-10, max_iter=1000).fit(X).score(X)
checkClose("ℓ/n matches scikit-learn's −0.9020727758", gmm.score(P), -0.9020727758198437, 1e-7);

// ━━━ Cell 8 · Responsibilities, plotted ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "Responsibilities, plotted");
// Walk in a straight line from the versicolor-like mean to the virginica-like mean and watch the shares
// change: fuzzy c-means memberships fall off gently (they depend only on distances); the Gaussian
// responsibilities switch more sharply, where the two densities cross.
int a = gmm.predict(P.rows(75, 76)).toIntArray()[0], b = gmm.predict(P.rows(125, 126)).toIntArray()[0];
int fa = fcm.predict(P.rows(75, 76)).toIntArray()[0];
var ts = Vector.linspace(0, 1, 60);
var ma = gmm.means().row(a);
var mb = gmm.means().row(b);
var path = Matrix.fromRows(java.util.stream.IntStream.range(0, 60).mapToObj(t -> ma.scale(1 - ts.get(t)).plus(mb.scale(ts.get(t)))).toList());
var curves = new java.util.LinkedHashMap<String, Vector>();
curves.put("GMM γ", gmm.predictProba(path).col(a));
curves.put("FCM u", fcm.membership(path).col(fa));
Plot.lines(ts, curves).withTitle("share of the versicolor cluster along the path").withLabels("t", "share").show();
Plot.scatter(P, gmm.predict(P)).withTitle("Gaussian mixture clusters").show();
check("γ starts near 1 and ends near 0", gmm.predictProba(path).get(0, a) > 0.9 && gmm.predictProba(path).get(59, a) < 0.1);
check("each row of predictProba sums to 1", gmm.predictProba(P).sum(1).isClose(Vector.ones(n), 1e-12));

// ━━━ Cell 9 · Choosing k with BIC ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(9, "Choosing k with BIC");
// More components always raise ℓ. BIC = −2ℓ + p log n charges for the p free parameters (here 6 per
// component: 2 means + 3 covariance entries + 1 weight, minus one weight overall). Lowest wins.
var bic = new double[6];
for (int k = 1; k <= 6; k++) bic[k - 1] = GaussianMixture.fit(P, GaussianMixture.Options.defaults().withK(k).withNInit(3)).bic(P);
Plot.line(Vector.range(6).plus(1), Vector.of(bic)).withTitle("BIC by number of components").withLabels("k", "BIC").show();
show("BIC, k = 1 … 6", Vector.of(bic));
var bic3 = GaussianMixture.fit(P, GaussianMixture.Options.defaults().withK(3).withTol(1e-8)).bic(P);
check("BIC is lowest at k = 3 (three species)", Vector.of(bic).argmin() == 2);
// scikit-learn 1.2.1: GaussianMixture(3, random_state=0, tol=1e-10, max_iter=1000).fit(X).bic(X)
checkClose("BIC at k = 3, run to convergence, matches scikit-learn's 355.8026", bic3, 355.80263274558945, 1e-3);
// A warning: the petals are measured to 0.1 cm, so many flowers coincide exactly. Run EM long enough
// with more components and one of them may settle on a few identical flowers: its covariance shrinks to
// reg·I, its density there explodes, and ℓ (and BIC) with it. The likelihood of a Gaussian mixture is
// unbounded; reg is what keeps it finite. Here k = 4, run to convergence from three starts:
var collapsed = GaussianMixture.fit(P, GaussianMixture.Options.defaults().withK(4).withNInit(3).withTol(1e-8));
double minDet = Double.POSITIVE_INFINITY;
for (var S : collapsed.covariances()) minDet = Math.min(minDet, S.det());
show("k = 4 converged: BIC", collapsed.bic(P));
show("smallest det Σⱼ", minDet);
double minDet3 = Double.POSITIVE_INFINITY;
for (var S : gmm.covariances()) minDet3 = Math.min(minDet3, S.det());
show("smallest det Σⱼ at k = 3", minDet3);
check("k = 3 has no collapsed component (every det Σⱼ > 1e-4)", minDet3 > 1e-4);
check("the collapsed k = 4 (det Σ < 1e-6) fakes a better BIC than k = 3", minDet < 1e-6 && collapsed.bic(P) < bic3);

// ━━━ Cell 10 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(10, "Your turn");
// `gmm` and `fcm` are live. Try:
//     gmm.covariances()                                                  the three fitted ellipses
//     GaussianMixture.fit(P, GaussianMixture.Options.defaults().withK(3).withCovariance(GaussianMixture.Covariance.DIAGONAL))
//     FuzzyCMeans.fit(P, FuzzyCMeans.Options.defaults().withK(3).withM(1.2)).partitionCoefficient()   nearly hard
//     FuzzyCMeans.fit(P, FuzzyCMeans.Options.defaults().withK(3).withM(5)).partitionCoefficient()     very fuzzy
//     GaussianMixture.fit(iris.X(), 3).score(iris.X())                   all four features (scikit-learn: −1.2012)
//     help(GaussianMixture.class)
IO.println("Done. `gmm`, `fcm`, `P` and `Gamma` are yours to explore.");
