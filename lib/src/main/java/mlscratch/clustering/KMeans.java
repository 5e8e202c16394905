package mlscratch.clustering;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.model.Predictor;
import mlscratch.model.Trace;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// k-means: `k` centroids, each point belonging to the nearest one, placed so that the points are as
/// close to their centroids as possible (Lloyd's algorithm).
///
/// ## Notation
/// ```
/// X  n×d   one example per row          k    number of clusters
/// cⱼ d     centroid of cluster j        zᵢ   cluster of xᵢ (its label, 0 … k−1)
/// Sⱼ       {i : zᵢ = j}, the members of cluster j
/// ```
/// ## Model
/// ```
/// predict(x) = argminⱼ ‖x − cⱼ‖²                       (the nearest centroid)
/// ```
/// ## Objective — the inertia (within-cluster sum of squares)
/// ```
/// J(c, z) = Σᵢ ‖xᵢ − c_zᵢ‖²
/// ```
/// ## Update — Lloyd's algorithm, coordinate descent on J
/// ```
/// assignment  zᵢ ← argminⱼ ‖xᵢ − cⱼ‖²       (J is minimised over z for fixed c)
/// update      cⱼ ← (1/|Sⱼ|) Σ_{i∈Sⱼ} xᵢ       (J is minimised over c for fixed z: the mean)
/// ```
/// Neither step can increase J, so the inertia recorded in the [Trace] never increases; it stops
/// when the centroids move less than `tol` in total squared distance, scaled like scikit-learn by the
/// data's spread: `Σⱼ ‖cⱼ⁺ − cⱼ‖² ≤ tol · mean over features of var(X[:, f])` (tol = 0 stops only
/// when the centroids no longer move). J has many local minima, so the fit starts `nInit` times
/// (default 10, scikit-learn's default before 1.4) and keeps the run with the lowest inertia.
/// Initialisation: k-means++ (Arthur & Vassilvitskii, D² sampling: the next centroid is a data point
/// drawn with probability ∝ its squared distance to the nearest centroid chosen so far) or k distinct
/// data points drawn uniformly ([Init]). An empty cluster is re-seeded with the point farthest from
/// its centroid (noted in the trace). The assignment step uses the expansion
/// `‖x − c‖² = ‖x‖² − 2x·c + ‖c‖²` with ‖c‖² precomputed (from d = 32 features on, as one GEMM per block
/// of rows: [Matrix#squaredDistances(Matrix)]), and runs in parallel over fixed blocks of rows
/// whose partial sums are added in block order, so the result does not depend on thread timing.
///
/// [Metric#COSINE] is spherical k-means: rows are L2-normalised, centroids renormalised after each
/// update, the inertia is the cosine distance `Σᵢ (1 − cos(xᵢ, c_zᵢ))`, and `tol` scales by the variance
/// of the normalised rows.
///
/// ## Cost
/// O(n·k·d) per iteration (the assignment), O(n·d) for the update; k-means++ adds O(n·k·d) per start.
///
/// ## Example
/// ```
/// var X = Datasets.iris().X();
/// var m = KMeans.fit(X, 3);
/// m.centroids();  m.labels();  m.inertia();   // ≈ 78.851
/// m.predict(X);   m.transform(X);  m.trace();
/// KMeans.fit(X, KMeans.Options.defaults().withK(3).withInit(KMeans.Init.RANDOM).withSeed(7));
/// ```
/// ## References
/// Lloyd, *Least squares quantization in PCM* (1982); Arthur & Vassilvitskii, *k-means++: the
/// advantages of careful seeding* (2007); Dhillon & Modha, *Concept decompositions for large sparse
/// text data using clustering* (2001, spherical k-means); Hastie, Tibshirani & Friedman, *The Elements
/// of Statistical Learning*, §14.3.6.
///
/// @param centroids k×d, one centroid per row (unit rows for the cosine metric)
/// @param labels    the cluster of each training row (0 … k−1), as the final centroids assign them
/// @param inertia   J at the final centroids (the cosine distance sum for [Metric#COSINE])
/// @param trace     the inertia at the start centroids and after each update of the best start
/// @param options   the options it was fitted with
public record KMeans(Matrix centroids, Vector labels, double inertia, Trace trace, Options options)
        implements Predictor {

    /// How the first centroids are chosen.
    public enum Init { KMEANS_PLUS_PLUS, RANDOM }

    /// What "near" means: squared Euclidean distance, or cosine distance (spherical k-means).
    public enum Metric { EUCLIDEAN, COSINE }

    /// @param k       number of clusters (default 8, like scikit-learn)
    /// @param init    how to choose the first centroids; k-means++ by default
    /// @param nInit   number of starts; the one with the lowest inertia wins (default 10)
    /// @param maxIter the most centroid updates per start (default 300)
    /// @param tol     stop when the centroids move less than tol × mean feature variance (default 1e-4)
    /// @param metric  Euclidean (default) or cosine
    /// @param seed    the seed of every random choice (starts, re-seeding ties): same seed ⇒ same model
    public record Options(int k, Init init, int nInit, int maxIter, double tol, Metric metric, long seed) {
        public Options {
            String where = "KMeans.Options";
            Check.positive(where, "k", k);
            Check.notNull(where, "init", init);
            Check.positive(where, "nInit", nInit);
            Check.positive(where, "maxIter", maxIter);
            Check.nonNegative(where, "tol", tol);
            Check.notNull(where, "metric", metric);
        }

        public static Options defaults() { return new Options(8, Init.KMEANS_PLUS_PLUS, 10, 300, 1e-4, Metric.EUCLIDEAN, 42); }

        public Options withK(int k) { return new Options(k, init, nInit, maxIter, tol, metric, seed); }

        public Options withInit(Init init) { return new Options(k, init, nInit, maxIter, tol, metric, seed); }

        public Options withNInit(int nInit) { return new Options(k, init, nInit, maxIter, tol, metric, seed); }

        public Options withMaxIter(int maxIter) { return new Options(k, init, nInit, maxIter, tol, metric, seed); }

        public Options withTol(double tol) { return new Options(k, init, nInit, maxIter, tol, metric, seed); }

        public Options withMetric(Metric metric) { return new Options(k, init, nInit, maxIter, tol, metric, seed); }

        public Options withSeed(long seed) { return new Options(k, init, nInit, maxIter, tol, metric, seed); }
    }

    public KMeans {
        Check.notNull("KMeans", "centroids", centroids).requireFinite("KMeans", "centroids");
        Check.notNull("KMeans", "labels", labels);
        Check.notNull("KMeans", "trace", trace);
        Check.notNull("KMeans", "options", options);
        Check.that(centroids.rows() >= 1 && centroids.cols() >= 1, "KMeans", "centroids is %s but needs at least one row and one column",
                centroids.shape());
    }

    /// Fits with [Options#defaults()] (k = 8).
    public static KMeans fit(Matrix X) { return fit(X, Options.defaults()); }

    /// Fits `k` clusters with otherwise default options.
    public static KMeans fit(Matrix X, int k) { return fit(X, Options.defaults().withK(k)); }

    public static KMeans fit(Matrix X, Options options) {
        String where = "KMeans.fit";
        Check.notNull(where, "X", X);
        Inputs.requireX(where, X, X.cols());
        Check.notNull(where, "options", options);
        int n = X.rows(), d = X.cols(), k = options.k();
        if (k > n) throw Check.fail("KMeans", "k = " + k + " exceeds the number of samples n = " + n);
        boolean cosine = options.metric() == Metric.COSINE;
        double[] x = X.toArray();                                        // one copy, row-major n×d
        if (cosine) normaliseRows(where, x, n, d);                       // x̂ᵢ = xᵢ / ‖xᵢ‖
        double tolAbs = options.tol() * meanVariance(x, n, d);           // tol · mean_f var(X[:, f])
        var data = new Data(x, n, d);
        RandomGenerator rng = Rng.of(options.seed());
        Run best = null;
        boolean stopped = false;
        try (var progress = Progress.start("KMeans", options.nInit() * options.maxIter())) {
            for (int start = 0; start < options.nInit() && !stopped; start++) {
                double[] c = options.init() == Init.KMEANS_PLUS_PLUS ? plusPlus(data, k, rng) : randomRows(data, k, rng);
                Run run = lloyd(data, c, k, options.maxIter(), tolAbs, cosine, rng, progress);
                if (best == null || run.inertia < best.inertia) best = run;   // keep the lowest J
                stopped = progress.stopped();   // Ctrl-C: keep the best start so far, a usable model
            }
        }
        double scale = cosine ? 0.5 : 1.0;                                // ‖x̂ − ĉ‖² = 2(1 − cos)
        var trace = Trace.builder();
        for (int t = 0; t < best.losses.length; t++) trace.loss(scale * best.losses[t]);
        trace.iterations(best.iterations).converged(best.converged);
        for (String note : best.notes) trace.note(note);
        if (stopped) trace.note("stopped by Ctrl-C; the model is the best start so far");
        else if (!best.converged) trace.note("stopped at maxIter = " + options.maxIter() + " before converging");
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = best.label[i];
        return new KMeans(Matrix.wrap(k, d, best.c), Vector.wrap(z), scale * best.inertia, trace.build(), options);
    }

    /// The nearest centroid of each row of `X`, as cluster indices 0 … k−1.
    @Override public Vector predict(Matrix X) {
        double[] x = prepare("KMeans.predict", X);
        int n = X.rows(), d = X.cols(), k = centroids.rows();
        var data = new Data(x, n, d);
        int[] label = new int[n];
        double[] dist = new double[n];
        assign(data, centroids.toArray(), k, label, dist, null, null);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = label[i];
        return Vector.wrap(z);
    }

    /// n×k distances from each row of `X` to each centroid: `‖x − cⱼ‖` (Euclidean, not squared, as in
    /// scikit-learn) or `1 − cos(x, cⱼ)` (cosine).
    public Matrix transform(Matrix X) {
        double[] x = prepare("KMeans.transform", X);
        int n = X.rows(), d = X.cols(), k = centroids.rows();
        double[] c = centroids.toArray(), out = new double[n * k];
        boolean cosine = options.metric() == Metric.COSINE;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++) {
                double s = Rows.squaredDistance(x, i * d, c, j * d, d);      // ‖x − cⱼ‖²
                out[i * k + j] = cosine ? s / 2 : Math.sqrt(s);           // 1 − cos = ‖x̂ − ĉ‖² / 2
            }
        return Matrix.wrap(n, k, out);
    }

    /// The number of clusters.
    public int k() { return centroids.rows(); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "KMeans(k = %d, d = %d, inertia = %s, %s)%n  centroids = %s%n  %s",
                k(), centroids.cols(), number(inertia), options.metric().name().toLowerCase(Locale.ROOT),
                centroids.toString().replace("\n", "\n  "), trace.toString().replace("\n", "\n  "));
    }

    // ───────────────────────────── Lloyd's algorithm ─────────────────────────────

    /// The training rows, row-major, with ‖xᵢ‖² precomputed.
    private record Data(double[] x, int n, int d, double[] xx) {
        Data(double[] x, int n, int d) { this(x, n, d, rowNormsSquared(x, n, d)); }
    }

    /// One start: final centroids, labels, inertia, and the inertia after each step.
    private record Run(double[] c, int[] label, double inertia, double[] losses, int iterations, boolean converged,
                       java.util.List<String> notes) {}

    private static Run lloyd(Data data, double[] c, int k, int maxIter, double tolAbs, boolean cosine, RandomGenerator rng,
                             Progress progress) {
        int n = data.n, d = data.d;
        int[] label = new int[n];
        double[] dist = new double[n];                                   // ‖xᵢ − c_zᵢ‖²
        double[] sums = new double[k * d];                               // Σ_{i∈Sⱼ} xᵢ
        long[] counts = new long[k];                                     // |Sⱼ|
        var losses = new java.util.ArrayList<Double>();
        var notes = new java.util.ArrayList<String>();
        double J = assign(data, c, k, label, dist, sums, counts);        // z ← argminⱼ ‖x − cⱼ‖²
        losses.add(J);
        int iter = 0;
        boolean converged = false;
        while (iter < maxIter) {
            iter++;
            double[] next = new double[k * d];
            reseedEmpty(data, k, label, dist, sums, counts, next, iter, notes);
            for (int j = 0; j < k; j++) {
                if (counts[j] == 0) continue;                            // re-seeded above
                double inv = 1.0 / counts[j];
                for (int t = 0; t < d; t++) next[j * d + t] = sums[j * d + t] * inv;   // cⱼ = Σ xᵢ / |Sⱼ|
                if (cosine) renormalise(next, j, d, c);                  // ĉⱼ = cⱼ / ‖cⱼ‖
            }
            double shift = 0;
            for (int q = 0; q < k * d; q++) shift += (next[q] - c[q]) * (next[q] - c[q]);   // Σⱼ ‖cⱼ⁺ − cⱼ‖²
            c = next;
            J = assign(data, c, k, label, dist, sums, counts);
            losses.add(J);
            progress.step(J);
            if (shift <= tolAbs) { converged = true; break; }
            if (progress.stopped()) break;                               // labels and J match c: a usable model
        }
        double[] L = new double[losses.size()];
        for (int t = 0; t < L.length; t++) L[t] = losses.get(t);
        return new Run(c, label, J, L, iter, converged, notes);
    }

    /// Empty cluster j: its centroid becomes the point farthest from its own centroid (not yet taken),
    /// which leaves its old cluster, so J still cannot increase.
    private static void reseedEmpty(Data data, int k, int[] label, double[] dist, double[] sums, long[] counts,
                                    double[] next, int iter, java.util.List<String> notes) {
        int d = data.d;
        boolean[] taken = null;
        for (int j = 0; j < k; j++) {
            if (counts[j] != 0) continue;
            if (taken == null) taken = new boolean[data.n];
            int far = -1;
            for (int i = 0; i < data.n; i++)
                if (!taken[i] && counts[label[i]] > 1 && (far < 0 || dist[i] > dist[far])) far = i;
            if (far < 0) continue;                                       // cannot happen when k ≤ n
            taken[far] = true;
            int old = label[far];
            for (int t = 0; t < d; t++) {
                double v = data.x[far * d + t];
                next[j * d + t] = v;                                     // cⱼ = x_far
                sums[old * d + t] -= v;                                  // x_far leaves its cluster
            }
            counts[old]--;
            notes.add("iteration " + iter + ": cluster " + j + " was empty; re-seeded with sample " + far
                    + ", the farthest from its centroid");
        }
    }

    /// If the members' mean direction is zero, the previous centroid stays.
    private static void renormalise(double[] c, int j, int d, double[] previous) {
        double s = 0;
        for (int t = 0; t < d; t++) s += c[j * d + t] * c[j * d + t];
        double norm = Math.sqrt(s);
        for (int t = 0; t < d; t++) c[j * d + t] = norm > 0 ? c[j * d + t] / norm : previous[j * d + t];
    }

    /// Rows per block of the assignment step. Fixed, so the block sums (and the model) do not depend on
    /// the number of threads.
    private static final int BLOCK = 2048;

    /// The assignment step. Writes `label[i] = argminⱼ ‖xᵢ − cⱼ‖²` and `dist[i]` (that minimum); when
    /// `sums` is not null also the cluster sums and counts. Returns J = Σᵢ dist[i].
    private static double assign(Data data, double[] c, int k, int[] label, double[] dist, double[] sums, long[] counts) {
        int n = data.n, d = data.d;
        int kp = (k + 3) / 4 * 4;                                        // k padded to the 4-wide kernel
        double[] cp = new double[kp * d];
        System.arraycopy(c, 0, cp, 0, k * d);
        double[] cc = new double[kp];
        for (int j = 0; j < kp; j++) cc[j] = j < k ? dot(cp, j * d, cp, j * d, d) : Double.POSITIVE_INFINITY;   // ‖cⱼ‖²; padding never wins
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[] blockJ = new double[blocks];
        double[][] blockSums = sums == null ? null : new double[blocks][];
        long[][] blockCounts = sums == null ? null : new long[blocks][];
        IntStream range = IntStream.range(0, blocks);
        if ((long) n * k * d > 200_000) range = range.parallel();
        Matrix C = d >= GEMM_MIN_D ? Matrix.of(k, d, c) : null;         // a copy: c stays the caller's
        range.forEach(b -> {
            int lo = b * BLOCK, hi = Math.min(n, lo + BLOCK);
            if (C != null) nearestByGemm(data, C, lo, hi, label, dist);
            else nearest(data.x, data.xx, d, cp, cc, kp, lo, hi, label, dist);
            double Jb = 0;
            for (int i = lo; i < hi; i++) Jb += dist[i];
            blockJ[b] = Jb;
            if (sums != null) {
                double[] s = new double[k * d];
                long[] m = new long[k];
                for (int i = lo; i < hi; i++) {
                    int j = label[i];
                    m[j]++;                                              // |Sⱼ| in this block
                    for (int t = 0; t < d; t++) s[j * d + t] += data.x[i * d + t];   // Σ xᵢ in this block
                }
                blockSums[b] = s;
                blockCounts[b] = m;
            }
        });
        double J = 0;
        for (int b = 0; b < blocks; b++) J += blockJ[b];                 // block order: deterministic
        if (sums != null) {
            java.util.Arrays.fill(sums, 0);
            java.util.Arrays.fill(counts, 0);
            for (int b = 0; b < blocks; b++) {
                for (int q = 0; q < k * d; q++) sums[q] += blockSums[b][q];
                for (int j = 0; j < k; j++) counts[j] += blockCounts[b][j];
            }
        }
        return J;
    }

    /// From this many features on, the assignment runs through [Matrix#squaredDistances(Matrix)] (one GEMM
    /// per block, the Vector API micro-kernel) instead of [#nearest]. Measured (n = 10⁴–10⁵, one thread):
    /// d = 16: k = 8 the GEMM route is ≈ 1.3× slower (its 16-deep panels are all packing and tile stores),
    /// k = 32 a tie; d = 32, k = 16: 2.5× faster; d = 64, k = 64: 1.5–1.9×; d = 128, k = 256: 3×.
    static final int GEMM_MIN_D = 32;

    /// Nearest centroid of rows lo…hi−1 through the pairwise-distance kernel:
    /// `Dᵢⱼ = ‖xᵢ‖² − 2xᵢ·cⱼ + ‖cⱼ‖²` for the block (one GEMM for `X_block·Cᵀ`), then the argmin of each row.
    private static void nearestByGemm(Data data, Matrix C, int lo, int hi, int[] label, double[] dist) {
        int d = data.d, k = C.rows();
        Matrix Xb = Matrix.wrap(hi - lo, d, java.util.Arrays.copyOfRange(data.x, lo * d, hi * d));   // the block's rows
        double[] D = Xb.squaredDistances(C).toArray();                   // (hi − lo)×k, Dᵢⱼ = ‖xᵢ − cⱼ‖²
        for (int i = lo; i < hi; i++) {
            int at = (i - lo) * k, arg = 0;
            for (int j = 1; j < k; j++) if (D[at + j] < D[at + arg]) arg = j;   // zᵢ = argminⱼ Dᵢⱼ (first on ties)
            label[i] = arg;
            dist[i] = D[at + arg];
        }
    }

    /// Nearest centroid of rows lo…hi−1. Minimises `‖c‖² − 2x·c` (‖x‖² is the same for every j) with a
    /// 2-row × 4-centroid register block: eight independent fused multiply-adds per feature keep both
    /// floating-point units busy. `cp` is padded to `kp` rows (a multiple of 4) whose `cc` is +∞.
    private static void nearest(double[] x, double[] xx, int d, double[] cp, double[] cc, int kp, int lo, int hi,
                                int[] label, double[] dist) {
        int i = lo;
        for (; i + 1 < hi; i += 2) {
            int a0 = i * d, a1 = a0 + d;
            double best0 = Double.POSITIVE_INFINITY, best1 = Double.POSITIVE_INFINITY;
            int arg0 = 0, arg1 = 0;
            for (int j = 0; j < kp; j += 4) {
                int b0 = j * d, b1 = b0 + d, b2 = b1 + d, b3 = b2 + d;
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                for (int t = 0; t < d; t++) {                            // sᵣⱼ = xᵣ·cⱼ
                    double x0 = x[a0 + t], x1 = x[a1 + t];
                    double c0 = cp[b0 + t], c1 = cp[b1 + t], c2 = cp[b2 + t], c3 = cp[b3 + t];
                    s00 = Math.fma(x0, c0, s00); s01 = Math.fma(x0, c1, s01); s02 = Math.fma(x0, c2, s02); s03 = Math.fma(x0, c3, s03);
                    s10 = Math.fma(x1, c0, s10); s11 = Math.fma(x1, c1, s11); s12 = Math.fma(x1, c2, s12); s13 = Math.fma(x1, c3, s13);
                }
                double e;                                                // e = ‖cⱼ‖² − 2x·cⱼ
                if ((e = cc[j] - 2 * s00) < best0) { best0 = e; arg0 = j; }
                if ((e = cc[j + 1] - 2 * s01) < best0) { best0 = e; arg0 = j + 1; }
                if ((e = cc[j + 2] - 2 * s02) < best0) { best0 = e; arg0 = j + 2; }
                if ((e = cc[j + 3] - 2 * s03) < best0) { best0 = e; arg0 = j + 3; }
                if ((e = cc[j] - 2 * s10) < best1) { best1 = e; arg1 = j; }
                if ((e = cc[j + 1] - 2 * s11) < best1) { best1 = e; arg1 = j + 1; }
                if ((e = cc[j + 2] - 2 * s12) < best1) { best1 = e; arg1 = j + 2; }
                if ((e = cc[j + 3] - 2 * s13) < best1) { best1 = e; arg1 = j + 3; }
            }
            label[i] = arg0;     dist[i] = Math.max(0, xx[i] + best0);           // ‖x − c‖² = ‖x‖² − 2x·c + ‖c‖² ≥ 0
            label[i + 1] = arg1; dist[i + 1] = Math.max(0, xx[i + 1] + best1);
        }
        for (; i < hi; i++) {                                            // the odd last row
            double best = Double.POSITIVE_INFINITY;
            int arg = 0;
            for (int j = 0; j < kp; j++) {
                double e = cc[j] - 2 * dot(x, i * d, cp, j * d, d);     // ‖cⱼ‖² − 2x·cⱼ
                if (e < best) { best = e; arg = j; }
            }
            label[i] = arg;
            dist[i] = Math.max(0, xx[i] + best);
        }
    }

    // ───────────────────────────── initialisation ─────────────────────────────

    /// k-means++: c₁ uniform over the rows; then each next centroid is row i with probability
    /// `D(xᵢ)² / Σ D²`, where D(x) is the distance to the nearest centroid chosen so far.
    private static double[] plusPlus(Data data, int k, RandomGenerator rng) {
        int n = data.n, d = data.d;
        double[] c = new double[k * d];
        int first = rng.nextInt(n);
        System.arraycopy(data.x, first * d, c, 0, d);
        double[] D2 = new double[n];
        for (int i = 0; i < n; i++) D2[i] = Rows.squaredDistance(data.x, i * d, c, 0, d);   // D(xᵢ)²
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (int i = 0; i < n; i++) total += D2[i];                  // Σ D²
            int pick;
            if (total > 0) {
                double u = rng.nextDouble() * total, acc = 0;            // u ~ U[0, Σ D²)
                pick = n - 1;
                for (int i = 0; i < n; i++) {
                    acc += D2[i];
                    if (u < acc && D2[i] > 0) { pick = i; break; }
                }
                while (D2[pick] == 0) pick--;                            // rounding at the very end
            } else {
                pick = rng.nextInt(n);                                   // every point is already a centroid
            }
            System.arraycopy(data.x, pick * d, c, j * d, d);
            for (int i = 0; i < n; i++) D2[i] = Math.min(D2[i], Rows.squaredDistance(data.x, i * d, c, j * d, d));
        }
        return c;
    }

    /// k distinct rows drawn uniformly (the first k of a random permutation).
    private static double[] randomRows(Data data, int k, RandomGenerator rng) {
        int d = data.d;
        int[] p = Rng.permutation(data.n, rng);
        double[] c = new double[k * d];
        for (int j = 0; j < k; j++) System.arraycopy(data.x, p[j] * d, c, j * d, d);
        return c;
    }

    // ───────────────────────────── helpers ─────────────────────────────

    private double[] prepare(String where, Matrix X) {
        Inputs.requireX(where, X, centroids.cols());
        double[] x = X.toArray();
        if (options.metric() == Metric.COSINE) normaliseRows(where, x, X.rows(), X.cols());
        return x;
    }

    private static void normaliseRows(String where, double[] x, int n, int d) {
        for (int i = 0; i < n; i++) {
            double norm = Math.sqrt(dot(x, i * d, x, i * d, d));
            if (norm == 0) throw Check.fail(where, "row " + i + " of X is all zeros; the cosine metric needs nonzero rows");
            for (int t = 0; t < d; t++) x[i * d + t] /= norm;
        }
    }

    private static double meanVariance(double[] x, int n, int d) {
        double total = 0;
        for (int t = 0; t < d; t++) {
            double mean = 0, ss = 0;
            for (int i = 0; i < n; i++) mean += x[i * d + t];
            mean /= n;
            for (int i = 0; i < n; i++) ss += (x[i * d + t] - mean) * (x[i * d + t] - mean);
            total += ss / n;                                             // var(X[:, t]), population
        }
        return total / d;
    }

    private static double[] rowNormsSquared(double[] x, int n, int d) {
        double[] xx = new double[n];
        for (int i = 0; i < n; i++) xx[i] = dot(x, i * d, x, i * d, d);  // ‖xᵢ‖²
        return xx;
    }

    private static double dot(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        for (int t = 0; t < d; t++) s += a[ao + t] * b[bo + t];
        return s;
    }


    private static String number(double v) {
        return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6 || v == 0
                ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.3e", v);
    }

    // ───────────────────────────── choosing k ─────────────────────────────

    /// The inertia and the mean silhouette of k-means for each k in kMin … kMax, for choosing k (see
    /// [#sweep(Matrix, int, int, Options)]).
    ///
    /// @param k          the values of k tried, ascending
    /// @param inertia    the inertia J of the best start for each k: it falls as k grows (J = 0 at k = n),
    ///                   so look for the elbow, where adding a cluster stops paying
    /// @param silhouette the mean silhouette (Euclidean) of each fit, in [−1, 1]; NaN for k = 1, where it is
    ///                   undefined: higher is better
    public record KSweep(Vector k, Vector inertia, Vector silhouette) {
        public KSweep {
            Check.notNull("KSweep", "k", k);
            Check.notNull("KSweep", "inertia", inertia);
            Check.notNull("KSweep", "silhouette", silhouette);
            Check.that(k.size() >= 1 && inertia.size() == k.size() && silhouette.size() == k.size(), "KSweep",
                    "k, inertia and silhouette must have the same nonzero length, got %d, %d and %d", k.size(), inertia.size(),
                    silhouette.size());
        }

        /// The k of the elbow: scale k and J to [0, 1] over the sweep, and take the point farthest below
        /// the chord from the first point to the last (the "kneedle" rule). With fewer than 3 points, the first k.
        /// ```
        /// chord from (0, 1) to (1, 0):  distance of (k̂, Ĵ) below it ∝ 1 − k̂ − Ĵ
        /// ```
        public int elbow() {
            int m = k.size();
            if (m < 3) return (int) k.get(0);
            double k0 = k.get(0), k1 = k.get(m - 1), J0 = inertia.max(), J1 = inertia.min();
            if (J0 == J1) return (int) k0;
            int arg = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                double kh = (k.get(i) - k0) / (k1 - k0), Jh = (inertia.get(i) - J1) / (J0 - J1);   // both in [0, 1]
                double below = 1 - kh - Jh;                              // ∝ distance below the chord k̂ + Ĵ = 1
                if (below > best) { best = below; arg = i; }
            }
            return (int) k.get(arg);
        }

        /// The k of the highest mean silhouette (the smallest such k on ties); needs some k ≥ 2 in the sweep.
        public int bestSilhouette() {
            int arg = -1;
            for (int i = 0; i < k.size(); i++)
                if (!Double.isNaN(silhouette.get(i)) && (arg < 0 || silhouette.get(i) > silhouette.get(arg))) arg = i;
            if (arg < 0) throw Check.fail("bestSilhouette", "the sweep has no k ≥ 2, where the silhouette is defined");
            return (int) k.get(arg);
        }

        @Override public String toString() {
            var sb = new StringBuilder(String.format(Locale.ROOT, "KSweep (elbow at k = %d%s)%n    k      inertia   silhouette",
                    elbow(), k.size() > 1 && k.max() >= 2 ? ", best silhouette at k = " + bestSilhouette() : ""));
            for (int i = 0; i < k.size(); i++)
                sb.append(String.format(Locale.ROOT, "%n  %3d  %11s  %11s", (int) k.get(i), number(inertia.get(i)),
                        Double.isNaN(silhouette.get(i)) ? "—" : String.format(Locale.ROOT, "%.4f", silhouette.get(i))));
            return sb.toString();
        }
    }

    /// Fits k-means for k = kMin … kMax (the other options as given; the seed is the same for each k) and
    /// records the inertia and the mean silhouette of each, to choose k: by the elbow of the inertia curve
    /// ([KSweep#elbow()]) or the highest silhouette ([KSweep#bestSilhouette()]). The silhouette costs
    /// O(n² d) per k: pass a sample of a large X.
    /// ```
    /// var s = KMeans.sweep(X, 1, 8, KMeans.Options.defaults());
    /// Plot.line(s.k(), s.inertia()).withTitle("elbow").show();   s.bestSilhouette();
    /// ```
    public static KSweep sweep(Matrix X, int kMin, int kMax, Options options) {
        String where = "KMeans.sweep";
        Check.notNull(where, "X", X);
        Check.notNull(where, "options", options);
        Check.positive(where, "kMin", kMin);
        Check.that(kMax >= kMin, where, "kMax = %d is below kMin = %d", kMax, kMin);
        Check.that(kMax <= X.rows(), where, "kMax = %d exceeds the number of samples n = %d", kMax, X.rows());
        int m = kMax - kMin + 1;
        double[] ks = new double[m], J = new double[m], S = new double[m];
        for (int i = 0; i < m; i++) {
            int k = kMin + i;
            KMeans fit = fit(X, options.withK(k));
            ks[i] = k;
            J[i] = fit.inertia();
            boolean defined = k >= 2 && k <= X.rows() - 1 && distinct(fit.labels()) >= 2;
            S[i] = defined ? mlscratch.metrics.Metrics.silhouette(X, fit.labels()) : Double.NaN;
        }
        return new KSweep(Vector.wrap(ks), Vector.wrap(J), Vector.wrap(S));
    }

    private static int distinct(Vector labels) {
        return (int) java.util.Arrays.stream(labels.toArray()).distinct().count();
    }
}
