// 20 · k-means: Lloyd's algorithm as coordinate descent, k-means++, the cosine variant, choosing k
// Run it in the shell with  /open tutorials/20-kmeans.jsh   (on a terminal each cell waits for Enter;
// r runs the rest, q stops pausing). We derive Lloyd's two steps from one objective, do one step by
// hand, watch the centroids move, see why the start matters, and pick k. At the end `model` is yours.

// ━━━ Cell 1 · The objective: inertia ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "The objective: inertia");
// n points xᵢ, k centroids cⱼ, and a label zᵢ ∈ {0 … k−1} per point. k-means minimises the inertia
//     J(c, z) = Σᵢ ‖xᵢ − c_zᵢ‖²            (within-cluster sum of squares)
// Four Gaussian blobs at the corners of a square:
var data = Generators.blobs(400, Matrix.of(4, 2, 0, 0, 6, 0, 0, 6, 6, 6), 0.8, 3);
var X = data.X();
int n = X.rows(), k = 4;
Plot.scatter(X).withTitle("four blobs").show();
check("400 points in the plane", n == 400 && X.cols() == 2);

// ━━━ Cell 2 · Lloyd = coordinate descent on J ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "Lloyd = coordinate descent on J");
// J has two blocks of unknowns. Minimise over one block with the other fixed, then swap:
//   z-step  for fixed c, each term is ‖xᵢ − c_zᵢ‖²: pick the nearest centroid,  zᵢ = argminⱼ ‖xᵢ − cⱼ‖²
//   c-step  for fixed z, J is a sum of quadratics in each cⱼ:
//           ∂J/∂cⱼ = −2 Σ_{i: zᵢ=j} (xᵢ − cⱼ) = 0   ⇒   cⱼ = mean of its points
// One step by hand, from four points of the data as the start:
var c0 = X.selectRows(0, 1, 2, 3);
double[][] dist2 = new double[n][k];                          // ‖xᵢ − cⱼ‖²
for (int i = 0; i < n; i++)
    for (int j = 0; j < k; j++) dist2[i][j] = Math.pow(X.row(i).minus(c0.row(j)).norm(), 2);
int[] z = Matrix.of(dist2).argmin(1);                         // z-step: zᵢ = argminⱼ ‖xᵢ − cⱼ‖²
double J0 = 0;
for (int i = 0; i < n; i++) J0 += dist2[i][z[i]];
var c1 = Matrix.fromRows(IntStream.range(0, k).mapToObj(j -> {   // c-step: cⱼ = mean of {xᵢ : zᵢ = j}
    int[] members = IntStream.range(0, n).filter(i -> z[i] == j).toArray();
    return members.length == 0 ? c0.row(j) : X.selectRows(members).mean(0);
}).toList());
double J1 = 0;
for (int i = 0; i < n; i++) J1 += Math.pow(X.row(i).minus(c1.row(z[i])).norm(), 2);
show("J with the start centroids", J0);
show("J after the c-step", J1);
check("the c-step lowered J", J1 <= J0);

// ━━━ Cell 3 · The mean really is the minimiser ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "The mean really is the minimiser");
// Σᵢ ‖xᵢ − c‖² = Σᵢ ‖xᵢ − x̄‖² + m‖x̄ − c‖²  (m points): moving c away from the mean x̄ by δ costs exactly m‖δ‖².
final int j0 = z[0];
var cluster0 = X.selectRows(IntStream.range(0, n).filter(i -> z[i] == j0).toArray());
var mean0 = cluster0.mean(0);
java.util.function.ToDoubleFunction<Vector> sse = cc -> { double s = 0; for (int i = 0; i < cluster0.rows(); i++) s += Math.pow(cluster0.row(i).minus(cc).norm(), 2); return s; };
var delta = Vector.of(0.1, -0.2);
show("SSE at the mean", sse.applyAsDouble(mean0));
show("SSE at mean + δ", sse.applyAsDouble(mean0.plus(delta)));
checkClose("the excess is m‖δ‖²", sse.applyAsDouble(mean0.plus(delta)) - sse.applyAsDouble(mean0),
        cluster0.rows() * Math.pow(delta.norm(), 2), 1e-8);

// ━━━ Cell 4 · Why it converges ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "Why it converges");
// Neither step can raise J (each is a minimisation), J ≥ 0, and there are finitely many labellings z:
// J must stop changing after finitely many steps. It stops at a LOCAL minimum, not necessarily the best.
// The library records J after every step in its trace. One start from 4 random points:
var stuck = KMeans.fit(X, KMeans.Options.defaults().withK(4).withNInit(1).withInit(KMeans.Init.RANDOM).withSeed(5));
show("stuck", stuck);
var L = stuck.trace().loss();
boolean monotone = true;
for (int t = 1; t < L.size(); t++) monotone &= L.get(t) <= L.get(t - 1) * (1 + 1e-12);
Plot.line(L).withTitle("k-means: inertia per step").withLabels("step", "J").show();
check("the inertia never went up", monotone);
check("it converged", stuck.trace().converged());
// Converged — to a poor local minimum: two centroids share the bottom-right corner, one sits between the
// top two. Lloyd cannot fix that: no single step moves a centroid across an empty gap.
var model = KMeans.fit(X, 4);                                 // the defaults: k-means++, best of 10 starts
show("best of 10 k-means++ starts", model);
check("the stuck run's inertia is over twice the good one's", stuck.inertia() > 2 * model.inertia());

// ━━━ Cell 5 · Watching the centroids move ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "Watching the centroids move");
// Lloyd by hand from a poor start (the first four points of one blob), drawn after every step. The
// centroids are plotted as a fifth class, "c".
var c = X.selectRows(IntStream.range(0, n).filter(i -> data.y().get(i) == 0).limit(4).toArray());
var anim = new Animation(480, 360);
var labelsNow = Vector.zeros(n);
for (int step = 0; step < 8; step++) {
    final var cc = c;
    labelsNow = Vector.wrap(IntStream.range(0, n).mapToDouble(i -> {
        int best = 0;
        for (int j = 1; j < k; j++) if (X.row(i).minus(cc.row(j)).norm() < X.row(i).minus(cc.row(best)).norm()) best = j;
        return best;
    }).toArray());                                           // z-step
    anim.add(Plot.scatter(Matrix.vstack(X, c), Vector.concat(labelsNow, Vector.full(k, k)),
            List.of("0", "1", "2", "3", "c")).withTitle("Lloyd, step " + step));
    final var lab = labelsNow;
    c = Matrix.fromRows(IntStream.range(0, k).mapToObj(j -> {  // c-step
        int[] m = IntStream.range(0, n).filter(i -> lab.get(i) == j).toArray();
        return m.length == 0 ? cc.row(j) : X.selectRows(m).mean(0);
    }).toList());
}
var gif = anim.save(Path.of(System.getProperty("mlscratch.plot.dir", "out"), "20-kmeans-centroids.gif"), 600);
IO.println("saved " + gif);
check("the GIF has 8 frames", anim.size() == 8);
// All four start in the bottom-left blob, and end in the same kind of local minimum as in cell 4: one
// centroid straddles the two top blobs while two split the bottom-right one.
check("from this start Lloyd also ends in a local minimum", Metrics.adjustedRandIndex(labelsNow, data.y()) < 0.9);

// ━━━ Cell 6 · k-means++: a start that spreads out ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "k-means++: a start that spreads out");
// A uniform random start often puts two centroids in one blob and none in another; Lloyd cannot move a
// centroid across an empty gap, so it stays in a poor local minimum. k-means++ picks the next start with
// probability ∝ D(x)², the squared distance to the nearest centroid chosen so far: far, empty regions
// are likely to get one. Its expected inertia is within O(log k) of the optimum (Arthur & Vassilvitskii).
// Nine blobs on a 3×3 grid, one start each, 20 seeds:
var grid9 = Generators.blobs(900, Matrix.of(9, 2, 0, 0, 5, 0, 10, 0, 0, 5, 5, 5, 10, 5, 0, 10, 5, 10, 10, 10), 0.5, 1).X();
double randomSum = 0, plusSum = 0;
int randomBad = 0, plusBad = 0;
double best9 = KMeans.fit(grid9, 9).inertia();               // 10 starts: take it as the optimum
for (long seed = 1; seed <= 20; seed++) {
    var one = KMeans.Options.defaults().withK(9).withNInit(1).withSeed(seed);
    double r = KMeans.fit(grid9, one.withInit(KMeans.Init.RANDOM)).inertia(), p = KMeans.fit(grid9, one).inertia();
    randomSum += r; plusSum += p;
    if (r > 1.1 * best9) randomBad++;
    if (p > 1.1 * best9) plusBad++;
}
IO.println(String.format("mean inertia over 20 single starts: random %.1f, k-means++ %.1f (best %.1f)", randomSum / 20, plusSum / 20, best9));
IO.println(String.format("stuck > 10%% above the best: random %d/20, k-means++ %d/20", randomBad, plusBad));
check("k-means++ starts end lower on average", plusSum < randomSum);

// ━━━ Cell 7 · The cosine variant: directions, not positions ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "The cosine variant: directions, not positions");
// For text (word counts) or embeddings, length means little and direction everything. Spherical k-means
// normalises each row, x̂ = x/‖x‖, and runs Lloyd with cosine distance 1 − cos(x, c) = ‖x̂ − ĉ‖²/2, the
// centroid renormalised after each mean. Two directions 30° apart, lengths from 1 to 20: Euclidean
// k-means prefers to cut near from far (the spread along the rays is the bigger part of J).
var rng = Rng.of(4);
var dirs = new ArrayList<Vector>();
var dirLabel = new double[300];
for (int i = 0; i < 300; i++) {
    double angle = (i % 2) * Math.PI / 6 + 0.03 * rng.nextGaussian(), r = 1 + 19 * rng.nextDouble();
    dirs.add(Vector.of(r * Math.cos(angle), r * Math.sin(angle)));
    dirLabel[i] = i % 2;
}
var V = Matrix.fromRows(dirs);
var cosModel = KMeans.fit(V, KMeans.Options.defaults().withK(2).withMetric(KMeans.Metric.COSINE));
var eucModel = KMeans.fit(V, 2);
double ariCos = Metrics.adjustedRandIndex(cosModel.labels(), Vector.wrap(dirLabel));
double ariEuc = Metrics.adjustedRandIndex(eucModel.labels(), Vector.wrap(dirLabel));
show("ARI cosine", ariCos);
show("ARI Euclidean", ariEuc);
Plot.scatter(V, cosModel.labels()).withTitle("spherical k-means: two directions").show();
Plot.scatter(V, eucModel.labels()).withTitle("Euclidean k-means: near and far").show();
check("cosine k-means finds the two directions, Euclidean k-means does not", ariCos > 0.95 && ariEuc < 0.3);
check("and the centroids are unit vectors", Math.abs(cosModel.centroids().row(0).norm() - 1) < 1e-9);

// ━━━ Cell 8 · Choosing k: elbow and silhouette ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "Choosing k: elbow and silhouette");
// J always falls as k grows (J = 0 when every point is its own centroid), so "lowest J" picks k = n.
// Elbow: the k after which J stops falling fast. Silhouette: for each point, a = mean distance to its own
// cluster, b = mean distance to the nearest other one, s = (b − a)/max(a, b) ∈ [−1, 1]; average it and
// take the k with the highest value.
var sweep = KMeans.sweep(X, 1, 8, KMeans.Options.defaults().withNInit(3));
show("sweep", sweep);
Plot.line(sweep.k(), sweep.inertia()).withTitle("elbow: inertia against k").withLabels("k", "J").show();
Plot.line(sweep.k().slice(1, 8), sweep.silhouette().slice(1, 8)).withTitle("mean silhouette against k").withLabels("k", "silhouette").show();
check("the elbow is at k = 4", sweep.elbow() == 4);
check("the silhouette peaks at k = 4", sweep.bestSilhouette() == 4);

// ━━━ Cell 9 · A photo's colour palette ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(9, "A photo's colour palette");
// Every pixel is a point (r, g, b) in the unit cube. k-means with k = 8 finds the 8 colours that best
// summarise the photo (in squared error); drawing each pixel in its centroid's colour is colour
// quantisation. (Photo: scikit-learn's china.jpg by danielbuechele, CC BY 2.0 — see mlscratch/data/NOTICE.md.)
var photo = headless() ? Images.photo().scaled(128) : Images.photo();
var pixels = photo.pixels();
var palette = KMeans.fit(pixels, KMeans.Options.defaults().withK(8).withNInit(3));
var quantised = photo.recolour(palette.labels(), palette.centroids());
Images.beside(photo, quantised, Images.palette(palette.centroids(), photo.height() / 8)).show("photo, 8 colours, palette");
double mse = quantised.pixels().minus(pixels).map(v -> v * v).sum() / pixels.rows();
show("mean squared colour error per pixel", mse);
checkClose("the error is the inertia per pixel", mse, palette.inertia() / pixels.rows(), 1e-9);

// ━━━ Cell 10 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(10, "Your turn");
// `model` is live. Try:
//     model.predict(Matrix.of(1, 2, 5.5, 0.5))          which corner is (5.5, 0.5)?
//     model.transform(X.rows(0, 3))                     distances to every centroid
//     KMeans.fit(pixels, 2)  and  4, 16                 how few colours still look like the photo?
//     KMeans.sweep(X, 2, 10, KMeans.Options.defaults()).elbow()
//     help(KMeans.class)
IO.println("Done. `model`, `X`, `sweep`, `photo` and `palette` are yours to explore.");
