// 21 · k-medoids (PAM) and image segmentation: k-means' robust cousin, then both on a photograph
// Run it in the shell with  /open tutorials/21-kmedoids-and-images.jsh   (on a terminal each cell waits
// for Enter; r runs the rest, q stops pausing). k-medoids keeps k-means' idea — k representatives, each
// point to the nearest — but the representatives are data points and "near" is any distance. We run PAM
// by hand on six numbers, see why outliers cannot drag a medoid, then compress a photo both ways.
// At the end `model` is yours.

// ━━━ Cell 1 · Medoid against mean ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "Medoid against mean");
// k-medoids minimises the total distance (not squared) to the nearest medoid M ⊂ data:
//     J(M) = Σᵢ min_{m∈M} d(xᵢ, x_m)
// With k = 1 in 1-D and d = |a − b|, Σᵢ |xᵢ − c| is least at the median; Σᵢ (xᵢ − c)² at the mean. One
// outlier moves the mean a lot and the median not at all:
var x5 = Vector.of(0, 1, 2, 3, 100);
var one = KMedoids.fit(x5.asColumn(), 1);
show("mean", x5.mean());
show("medoid", one.medoids().get(0, 0));
check("the medoid is the median, 2, at J = 2 + 1 + 0 + 1 + 98 = 102", one.medoids().get(0, 0) == 2 && one.cost() == 102);

// ━━━ Cell 2 · BUILD by hand ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "BUILD by hand");
// PAM starts greedily. The first medoid is the most central point, argmin_c Σᵢ d(xᵢ, x_c); each next one
// is the point that lowers J the most: gain(c) = Σᵢ max(Dᵢ − d(xᵢ, x_c), 0), Dᵢ = distance to the
// nearest medoid so far. Six numbers, k = 2:
var x6 = Vector.of(0, 1, 2, 10, 11, 13);
int n6 = x6.size();
double[] sums = new double[n6];
for (int c = 0; c < n6; c++) for (int i = 0; i < n6; i++) sums[c] += Math.abs(x6.get(i) - x6.get(c));
show("Σᵢ |xᵢ − x_c| for each c", Arrays.toString(sums));         // 37 33 31 31 33 41: x = 2 (first of the tie)
int m1 = Vector.wrap(sums).argmin();
double[] gain = new double[n6];
for (int c = 0; c < n6; c++)
    for (int i = 0; i < n6; i++) gain[c] += Math.max(Math.abs(x6.get(i) - x6.get(m1)) - Math.abs(x6.get(i) - x6.get(c)), 0);
show("gain of each candidate", Arrays.toString(gain));              // 2 2 0 24 25 23: add x = 11
int m2 = Vector.wrap(gain).argmax();
double Jbuild = 0;
for (int i = 0; i < n6; i++) Jbuild += Math.min(Math.abs(x6.get(i) - x6.get(m1)), Math.abs(x6.get(i) - x6.get(m2)));
show("J after BUILD", Jbuild);
var pam6 = KMedoids.fit(x6.asColumn(), 2);
check("BUILD picks x = 2 then x = 11, J = 6, as the library's first trace entry",
        x6.get(m1) == 2 && x6.get(m2) == 11 && Jbuild == 6 && pam6.trace().loss().get(0) == 6);

// ━━━ Cell 3 · SWAP by hand ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "SWAP by hand");
// Then PAM tries every (medoid m, non-medoid o) swap, does the one that lowers J most, and repeats
// until no swap helps. J only falls and there are finitely many medoid sets, so it stops.
double bestDelta = 0;
String bestSwap = "none";
for (int mi : new int[] {m1, m2})
    for (int o = 0; o < n6; o++) {
        if (o == m1 || o == m2) continue;
        int keep = mi == m1 ? m2 : m1;
        double J = 0;
        for (int i = 0; i < n6; i++) J += Math.min(Math.abs(x6.get(i) - x6.get(keep)), Math.abs(x6.get(i) - x6.get(o)));
        if (J - Jbuild < bestDelta) { bestDelta = J - Jbuild; bestSwap = x6.get(mi) + " → " + x6.get(o); }
    }
show("best swap", bestSwap + ", Δ = " + bestDelta);
show("the library", pam6);
check("swap 2 → 1 lowers J by 1, to 5; the library ends there",
        bestSwap.equals("2.0 → 1.0") && bestDelta == -1 && pam6.cost() == 5 && pam6.trace().iterations() == 1);

// ━━━ Cell 4 · Outliers: medoids stay put ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "Outliers: medoids stay put");
// Two blobs at x = 0 and x = 10, and three outliers near x = 25 that both methods give to the right blob.
// The mean of that cluster is pulled toward them (squares weigh far points heavily); the medoid is still
// a point of the blob.
var rng = Rng.of(8);
var Xo = Matrix.vstack(Matrix.randn(20, 2, rng).scale(0.3), Matrix.randn(20, 2, rng).scale(0.3).plusRowVector(Vector.of(10, 0)),
        Matrix.of(new double[][] {{25, 0}, {25.5, 0.5}, {24.5, -0.5}}));
var kmO = KMeans.fit(Xo, 2);
var pamO = KMedoids.fit(Xo, 2);
show("k-means centroids", kmO.centroids());
show("k-medoids medoids", pamO.medoids());
Plot.scatter(Matrix.vstack(Xo, kmO.centroids(), pamO.medoids()), Vector.concat(Vector.zeros(43), Vector.full(2, 1), Vector.full(2, 2)),
        List.of("data", "k-means centroids", "medoids")).withTitle("outliers drag the mean, not the medoid").show();
double meanRight = kmO.centroids().col(0).max(), medoidRight = pamO.medoids().col(0).max();
check("the right centroid moved past x = 11.5; the right medoid is within 0.6 of 10", meanRight > 11.5 && Math.abs(medoidRight - 10) < 0.6);

// ━━━ Cell 5 · Any distance ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "Any distance");
// PAM only ever looks up d(xᵢ, xⱼ), so any dissimilarity works: Manhattan, cosine, or your own lambda.
// (k-means needs a mean, which only makes sense for squared Euclidean — or cosine, with renormalising.)
Distance chebyshev = (a, b) -> { double m = 0; for (int t = 0; t < a.length; t++) m = Math.max(m, Math.abs(a[t] - b[t])); return m; };
var blobs = Generators.blobs(150, 3, 0.6, 6);
double worstAri = 1;
for (Distance dist : List.of(Distance.EUCLIDEAN, Distance.MANHATTAN, chebyshev)) {
    var m = KMedoids.fit(blobs.X(), KMedoids.Options.defaults().withK(3).withDistance(dist));
    double ariDist = Metrics.adjustedRandIndex(m.labels(), blobs.y());
    worstAri = Math.min(worstAri, ariDist);
    IO.println(String.format("%-16s ARI %.3f  cost %.2f", dist instanceof Distance.Builtin b ? b.name() : "chebyshev (λ)", ariDist, m.cost()));
}
check("every distance finds the three blobs (ARI > 0.95)", worstAri > 0.95);

// ━━━ Cell 6 · A photo as 44 000 points in the RGB cube ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "A photo as 44 000 points in the RGB cube");
// Images.photo() is a 256×171 photograph (scikit-learn's china.jpg by danielbuechele, CC BY 2.0; see
// mlscratch/data/NOTICE.md) as a 43 776×3 matrix: one row (r, g, b) ∈ [0, 1]³ per pixel. Segmenting the
// image by colour = clustering those rows. (Headless, the test suite uses a 128-pixel-wide copy.)
var photo = headless() ? Images.photo().scaled(128) : Images.photo();
var P = photo.pixels();
show("photo", photo);
photo.show("the photo");
check("one row per pixel, three channels in [0, 1]", P.rows() == photo.width() * photo.height() && P.cols() == 3 && P.min() >= 0 && P.max() <= 1);

// ━━━ Cell 7 · k-means against k-medoids on the pixels ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "k-means against k-medoids on the pixels");
// k-means runs on every pixel. PAM needs the n×n distance matrix — 44 000² doubles would be 15 GB — so
// it searches its medoids on a random sample of 1 000 pixels, then assigns every pixel to the nearest
// medoid (predict). Each medoid is a colour that really occurs in the photo.
int k = 8;
long t0 = System.nanoTime();
var km = KMeans.fit(P, KMeans.Options.defaults().withK(k).withNInit(3));
double kmSeconds = (System.nanoTime() - t0) / 1e9;
int[] sample = Arrays.copyOf(Rng.permutation(P.rows(), Rng.of(1)), 1000);
t0 = System.nanoTime();
var model = KMedoids.fit(P.selectRows(sample), k);
var zMedoids = model.predict(P);
double pamSeconds = (System.nanoTime() - t0) / 1e9;
var viaKMeans = photo.recolour(km.labels(), km.centroids());
var viaMedoids = photo.recolour(zMedoids, model.medoids());
Images.beside(photo, viaKMeans, Images.palette(km.centroids(), photo.height() / k), viaMedoids,
        Images.palette(model.medoids(), photo.height() / k)).show("original, k-means, k-medoids");
double mseKMeans = viaKMeans.pixels().minus(P).map(v -> v * v).sum() / P.rows();
double mseMedoids = viaMedoids.pixels().minus(P).map(v -> v * v).sum() / P.rows();
IO.println(String.format("k-means   (all %d pixels):     %.2f s, mean squared error %.5f", P.rows(), kmSeconds, mseKMeans));
IO.println(String.format("k-medoids (1 000-pixel sample): %.2f s, mean squared error %.5f", pamSeconds, mseMedoids));
check("k-means has the lower squared error (it minimises exactly that)", mseKMeans <= mseMedoids);
check("k-medoids is close behind (within 50 %)", mseMedoids < 1.5 * mseKMeans);

// ━━━ Cell 8 · Compression ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "Compression");
// The quantised photo is fully described by the palette (k colours × 3 bytes) and one label per pixel
// (log₂ k = 3 bits) instead of 24 bits: about 8× smaller before any entropy coding.
double bitsBefore = 24.0 * P.rows(), bitsAfter = 3.0 * P.rows() + k * 24;
show("compression ratio", bitsBefore / bitsAfter);
check("about 8× smaller", bitsBefore / bitsAfter > 7.9);
// The medoids are real pixels of the photo:
boolean real = true;
for (int j = 0; j < k; j++) {
    var colour = model.medoids().row(j);
    real &= IntStream.range(0, P.rows()).anyMatch(i -> P.row(i).equals(colour));
}
check("every medoid colour occurs in the photo", real);

// ━━━ Cell 9 · Checks ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(9, "Checks");
var costs = model.trace().loss();
boolean falling = true;
for (int t = 1; t < costs.size(); t++) falling &= costs.get(t) < costs.get(t - 1);
Plot.line(costs).withTitle("PAM: cost after BUILD, then after each swap").withLabels("swap", "J").show();
check("every swap lowered J", falling);
check("PAM stopped because no swap helps", model.trace().converged());

// ━━━ Cell 10 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(10, "Your turn");
// `model` (k-medoids on the photo's pixels) is live. Try:
//     model.medoids()                                          the 8 colours
//     KMedoids.fit(P.selectRows(sample), KMedoids.Options.defaults().withK(4).withDistance(Distance.MANHATTAN))
//     photo.recolour(KMeans.fit(P, 2).labels(), KMeans.fit(P, 2).centroids()).show()   two colours
//     Images.load("your-photo.jpg").scaled(200)                 your own picture
//     help(KMedoids.class)
IO.println("Done. `model`, `photo`, `P`, `km` and `pam6` are yours to explore.");
