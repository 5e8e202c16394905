// 22 · DBSCAN: clusters as dense regions, noise as what is left
// Run it in the shell with  /open tutorials/22-dbscan.jsh   (on a terminal each cell waits for Enter;
// r runs the rest, q stops pausing). k-means needs k and draws straight borders between round clusters;
// DBSCAN needs a radius ε and a count minPts, finds clusters of any shape, and says "noise" when a point
// belongs nowhere. At the end `model` is yours.

// ━━━ Cell 1 · Where k-means fails ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "Where k-means fails");
// Two interleaved half-moons. k-means minimises Σᵢ ‖xᵢ − c_zᵢ‖², so its clusters are the cells of a
// Voronoi diagram: convex. No two convex cells can follow a banana, whatever k-means++ does.
var moons = Generators.moons(400, 0.05, 7);
var X = moons.X();
var km = KMeans.fit(X, 2);
double ariKMeans = Metrics.adjustedRandIndex(km.labels(), moons.y());
show("k-means ARI against the true moons", ariKMeans);
Plot.scatter(X, km.labels()).withTitle("k-means, k = 2: a straight cut").show();
check("k-means cannot separate the moons (ARI < 0.6)", ariKMeans < 0.6);

// ━━━ Cell 2 · Density: neighbourhoods and core points, by hand ━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "Density: neighbourhoods and core points, by hand");
// The ε-neighbourhood of p is N(p) = {q : d(p, q) ≤ ε}, p itself included. p is a CORE point when its
// neighbourhood is crowded: |N(p)| ≥ minPts. Nine points on a line, ε = 0.6, minPts = 3:
//     x:      0    0.5   1    1.5   3    10   10.4  10.8  20
//     |N(x)|: 2    3     3    2     1    2    3     2     1
// so the core points are 0.5, 1 and 10.4.
var x1 = Vector.of(0, 0.5, 1, 1.5, 3, 10, 10.4, 10.8, 20);
double eps1 = 0.6;
int minPts1 = 3;
int[] counts = new int[x1.size()];
for (int i = 0; i < x1.size(); i++)
    for (int j = 0; j < x1.size(); j++)
        if (Math.abs(x1.get(i) - x1.get(j)) <= eps1) counts[i]++;            // |N(xᵢ)|
show("|N(x)|", Arrays.toString(counts));
check("the counts are 2 3 3 2 1 2 3 2 1", Arrays.equals(counts, new int[] {2, 3, 3, 2, 1, 2, 3, 2, 1}));

// ━━━ Cell 3 · Reachability: growing a cluster by hand ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "Reachability: growing a cluster by hand");
// q is density-reachable from p if a chain of steps ≤ ε leads from p to q through core points only.
// A cluster = everything reachable from one core point. So: take an unlabelled core point, give it a new
// label, and spread breadth-first; a non-core point joins (it is a BORDER point) but does not spread.
// Points reached by nobody are NOISE, label −1.
int[] label = new int[x1.size()];
Arrays.fill(label, -1);
int clusters = 0;
for (int i = 0; i < x1.size(); i++) {
    if (counts[i] < minPts1 || label[i] != -1) continue;                    // start only from a fresh core point
    var queue = new ArrayDeque<Integer>(List.of(i));
    label[i] = clusters;
    while (!queue.isEmpty()) {
        int p = queue.poll();
        for (int q = 0; q < x1.size(); q++)
            if (Math.abs(x1.get(p) - x1.get(q)) <= eps1 && label[q] == -1) {
                label[q] = clusters;                                         // q ∈ N(p), p core ⇒ reachable
                if (counts[q] >= minPts1) queue.add(q);                      // only core points spread
            }
    }
    clusters++;
}
show("labels by hand", Arrays.toString(label));
var small = DBSCAN.fit(x1.asColumn(), eps1, minPts1);
show("the library", small);
check("two clusters and two noise points, as by hand", Arrays.equals(label, small.labels().toIntArray()));

// ━━━ Cell 4 · The library on the moons ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "The library on the moons");
// Same two passes: count every neighbourhood, then grow clusters. In 2-D the neighbourhoods come from a
// grid of ε × ε cells: a point's neighbours can only be in its own cell or the 8 around it.
var model = DBSCAN.fit(X, 0.2, 5);
show("model", model);
double ari = Metrics.adjustedRandIndex(model.labels(), moons.y());
var names = new ArrayList<String>(List.of("noise"));
for (int c = 0; c < model.clusters(); c++) names.add("cluster " + c);
Plot.scatter(X, model.labels().plus(1), names).withTitle("DBSCAN, eps = 0.2, minPts = 5").show();
check("DBSCAN finds both moons exactly (ARI = 1)", Math.abs(ari - 1) < 1e-12 && model.clusters() == 2);

// ━━━ Cell 5 · Choosing ε: the k-distance graph ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "Choosing ε: the k-distance graph");
// For minPts = k + 1, a point is core iff its k-th nearest neighbour is within ε. Sort every point's
// k-distance from largest to smallest: a few large values (sparse points: noise), then a long flat
// tail (points inside clusters). ε at the knee makes the tail core and leaves the rest as noise.
// Add 40 scattered points so there is noise to find.
var noisy = Matrix.vstack(X, Matrix.random(40, 2, 3).scale(4).minus(1.5));
var kd = DBSCAN.sortedDescending(DBSCAN.kDistances(noisy, 4));
Plot.line(kd).withTitle("sorted 4-distance").withLabels("points, by decreasing 4-distance", "distance to 4th neighbour").show();
show("largest, 10th, 50th, median 4-distance", List.of(kd.get(0), kd.get(9), kd.get(49), kd.get(kd.size() / 2)));
var noisyModel = DBSCAN.fit(noisy, 0.15, 5);
show("with eps = 0.15 (the tail's top)", noisyModel);
check("the median point is well inside a cluster: its 4-distance is below ε", kd.get(kd.size() / 2) < 0.15);
check("the moons are still two clusters, and most added points are noise",
        noisyModel.clusters() == 2 && noisyModel.noise() >= 20);

// ━━━ Cell 6 · Rings: one density, any shape ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "Rings: one density, any shape");
var rings = Generators.circles(500, 0.03, 0.5, 2);
var ringModel = DBSCAN.fit(rings.X(), 0.15, 5);
var ringKm = KMeans.fit(rings.X(), 2);
show("DBSCAN ARI", Metrics.adjustedRandIndex(ringModel.labels(), rings.y()));
show("k-means ARI", Metrics.adjustedRandIndex(ringKm.labels(), rings.y()));
Plot.scatter(rings.X(), ringModel.labels().plus(1)).withTitle("DBSCAN on rings (0 = noise)").show();
check("DBSCAN separates the rings, k-means does not",
        Metrics.adjustedRandIndex(ringModel.labels(), rings.y()) > 0.99 && Metrics.adjustedRandIndex(ringKm.labels(), rings.y()) < 0.1);

// ━━━ Cell 7 · Checks: the definition holds ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "Checks: the definition holds");
// Every core point's neighbours are in its cluster; noise has fewer than minPts neighbours and no core
// neighbour; a border point has a core neighbour.
int n = noisy.rows();
boolean ok = true;
for (int i = 0; i < n; i++) {
    int cnt = 0;
    boolean coreNb = false;
    for (int j = 0; j < n; j++) {
        if (noisy.row(i).minus(noisy.row(j)).norm() > 0.15) continue;
        cnt++;
        coreNb |= noisyModel.isCore(j);
        if (noisyModel.isCore(i) && noisyModel.labels().get(i) != noisyModel.labels().get(j)) ok = false;
    }
    if (noisyModel.isCore(i) != (cnt >= 5)) ok = false;
    if (noisyModel.isNoise(i) && coreNb) ok = false;
    if (noisyModel.isBorder(i) && !coreNb) ok = false;
}
check("core, border and noise match their definitions at every point", ok);

// ━━━ Cell 8 · Fast enough for 50 000 points ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "Fast enough for 50 000 points");
// Brute force would compare 50 000² = 2.5·10⁹ pairs; the grid compares each point with the few hundred
// in its 9 cells. (The test suite runs this headless with 20 000 points to stay quick.)
int nBig = headless() ? 20_000 : 50_000;
var big = Generators.moons(nBig, 0.05, 1).X();
long t0 = System.nanoTime();
var bigModel = DBSCAN.fit(big, 0.05, 10);
double seconds = (System.nanoTime() - t0) / 1e9;
IO.println(String.format("%d points: %d clusters, %d noise, %.2f s", nBig, bigModel.clusters(), bigModel.noise(), seconds));
check("the two moons, with little noise", bigModel.clusters() == 2 && bigModel.noise() < 500);

// ━━━ Cell 9 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(9, "Your turn");
// `model` is live. Try:
//     DBSCAN.fit(X, 0.1, 5)                           ε too small: the moons shatter into pieces and noise
//     DBSCAN.fit(X, 0.5, 5)                           ε too large: one cluster
//     model.predict(Matrix.of(2, 2, 0, 0.5, 5, 5))    a new point joins the nearest core point's cluster, or is noise
//     DBSCAN.fit(X, DBSCAN.Options.defaults().withEps(0.3).withDistance(Distance.MANHATTAN))
//     help(DBSCAN.class)
IO.println("Done. `model`, `X`, `noisy` and `rings` are yours to explore.");
