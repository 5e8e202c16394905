package mlscratch.clustering;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.model.Predictor;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// DBSCAN: clusters are regions dense with points, separated by sparse ones; points in sparse regions
/// are noise (label −1). No k to choose, any cluster shape (two moons, rings), but one density for all.
///
/// ## Notation
/// ```
/// X  n×d   one example per row            d(·,·)  a Distance (Euclidean by default)
/// N(p) = {q : d(p, q) ≤ ε}                the ε-neighbourhood of p (p itself included)
/// ```
/// ## Model
/// ```
/// core    p is a core point            ⇔ |N(p)| ≥ minPts
/// reach   q is density-reachable from p ⇔ a chain p = p₀, p₁, …, pₘ = q with every pᵢ₊₁ ∈ N(pᵢ) and
///                                        p₀ … pₘ₋₁ core
/// cluster a maximal set of points reachable from one core point: its core points and its border points
///         (non-core points in the neighbourhood of a core point)
/// noise   every point that is reachable from no core point: label −1
/// ```
/// ## Objective
/// None: DBSCAN is a definition, not an optimisation. The core points and the clusters of core points are
/// unique; a border point within ε of two clusters goes to the cluster found first (clusters are numbered
/// in the order of their lowest-index core point, as in scikit-learn, so the labels match its `DBSCAN`).
///
/// ## Update — two passes
/// ```
/// 1. count   |N(xᵢ)| for every i → core flags                      (in parallel: each i is independent)
/// 2. expand  for each unlabelled core point in index order: a new cluster c; breadth-first search,
///            labelling every unlabelled neighbour c and queueing the core ones
/// ```
/// ## Cost
/// Each pass is n neighbourhood queries. Euclidean in d ≤ 3 uses a grid of ε-cells (each query looks
/// at 3ᵈ cells: about O(n · points per neighbourhood) in total); otherwise brute force, O(n² d), blocked
/// (64 queries go through the points 256 at a time, so each tile is read from cache, not memory, 64
/// times); from d = 16 on, each block of 64 queries × 512 points is one matrix product through
/// ‖q − x‖² = ‖q‖² − 2q·x + ‖x‖², with pairs near ε decided by the direct sum (same neighbourhoods;
/// pass 1 3.3× faster at d = 32, 4.9× at 64). Pass 1 stops counting a point at minPts. Memory O(n d):
/// neighbourhoods are recomputed in pass 2 rather than stored.
///
/// ## Example
/// ```
/// var moons = Generators.moons(500, 0.05, 1);
/// var m = DBSCAN.fit(moons.X(), 0.2, 5);
/// m.labels();  m.clusters();  m.noise();  m.isCore(0);
/// var eps = DBSCAN.kDistances(moons.X(), 4);   // the elbow of the sorted curve suggests ε
/// ```
/// Tutorial 22-dbscan.jsh derives it step by step.
///
/// ## References
/// Ester, Kriegel, Sander & Xu, *A density-based algorithm for discovering clusters in large spatial
/// databases with noise* (KDD 1996); Schubert, Sander, Ester, Kriegel & Xu, *DBSCAN revisited, revisited*
/// (ACM TODS 2017), which also gives the k-distance heuristic for ε.
///
/// @param labels      the cluster of each training row (0 … clusters−1), −1 for noise
/// @param coreIndices the indices of the core points, ascending
/// @param components  the core points' rows (what [#predict] compares with)
/// @param options     the options it was fitted with
public record DBSCAN(Vector labels, Vector coreIndices, Matrix components, Options options) implements Predictor {

    /// The label of a noise point.
    public static final int NOISE = -1;

    /// @param eps      the neighbourhood radius ε (scikit-learn's default 0.5): choose it with [#kDistances]
    /// @param minPts   points (itself included) a neighbourhood needs to make a core point (default 5, like
    ///                 scikit-learn's `min_samples`; Smile's `minPts` does not count the point itself)
    /// @param distance how to measure ε (Euclidean by default; the grid index needs Euclidean)
    public record Options(double eps, int minPts, Distance distance) {
        public Options {
            String where = "DBSCAN.Options";
            Check.positive(where, "eps", eps);
            Check.positive(where, "minPts", minPts);
            Check.notNull(where, "distance", distance);
        }

        public static Options defaults() { return new Options(0.5, 5, Distance.EUCLIDEAN); }

        public Options withEps(double eps) { return new Options(eps, minPts, distance); }

        public Options withMinPts(int minPts) { return new Options(eps, minPts, distance); }

        public Options withDistance(Distance distance) { return new Options(eps, minPts, distance); }
    }

    public DBSCAN {
        String where = "DBSCAN";
        Check.notNull(where, "labels", labels).requireFinite(where, "labels");
        Check.notNull(where, "coreIndices", coreIndices).requireFinite(where, "coreIndices");
        Check.notNull(where, "components", components).requireFinite(where, "components");
        Check.notNull(where, "options", options);
        Check.that(components.rows() == coreIndices.size(), where, "components has %d rows but there are %d core indices",
                components.rows(), coreIndices.size());
        for (int i = 0; i < coreIndices.size(); i++) {
            double c = coreIndices.get(i);
            Check.that(c == Math.rint(c) && c >= 0 && c < labels.size(), where, "coreIndices[%d] = %s is not a row index below n = %d",
                    i, c, labels.size());
            Check.that(labels.get((int) c) >= 0, where, "core point %d has label %s; a core point is never noise", (int) c, labels.get((int) c));
            Check.that(i == 0 || c > coreIndices.get(i - 1), where, "coreIndices must ascend, but coreIndices[%d] = %s follows %s",
                    i, c, i == 0 ? 0 : coreIndices.get(i - 1));
        }
    }

    /// Fits with [Options#defaults()] (ε = 0.5, minPts = 5).
    public static DBSCAN fit(Matrix X) { return fit(X, Options.defaults()); }

    /// Fits with radius `eps` and `minPts`, Euclidean.
    public static DBSCAN fit(Matrix X, double eps, int minPts) {
        return fit(X, Options.defaults().withEps(eps).withMinPts(minPts));
    }

    public static DBSCAN fit(Matrix X, Options options) {
        String where = "DBSCAN.fit";
        Check.notNull(where, "X", X);
        Inputs.requireX(where, X, X.cols());
        Check.notNull(where, "options", options);
        int n = X.rows(), d = X.cols();
        double[] x = X.toArray();                                        // row-major n×d
        RangeSearch index = RangeSearch.of(x, n, d, options.eps(), options.distance());

        // Pass 1: |N(xᵢ)| for every i (only up to minPts: we need the core flags), in chunks so that
        // Ctrl-C is noticed (no partial model: it throws), blocks of 64 rows in parallel.
        int minPts = options.minPts();
        int[] counts = new int[n];
        final int chunk = 4096, block = 64;
        for (int lo = 0; lo < n; lo += chunk) {
            Progress.checkInterrupted();
            int hi = Math.min(n, lo + chunk), from = lo;
            IntStream blocks = IntStream.range(0, (hi - lo + block - 1) / block);
            if ((long) n * d > 20_000) blocks = blocks.parallel();
            blocks.forEach(b -> index.countRows(x, d, from + b * block, Math.min(hi, from + (b + 1) * block), minPts, counts));
        }
        boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) core[i] = counts[i] >= minPts;     // core ⇔ |N(xᵢ)| ≥ minPts

        // Pass 2: grow a cluster from each core point not yet labelled, breadth first. The queue is
        // processed in order, its neighbourhoods looked up a block of up to 64 at a time (same result as
        // one at a time: neighbourhoods do not depend on the labels).
        int[] label = new int[n];
        Arrays.fill(label, NOISE);
        int[] queue = new int[n];
        var hits = new RangeSearch.Hits[block];
        for (int b = 0; b < block; b++) hits[b] = new RangeSearch.Hits();
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            if (!core[i] || label[i] != NOISE) continue;
            if ((i & 1023) == 0) Progress.checkInterrupted();
            int c = clusters++;
            int tail = 0;
            label[i] = c;
            queue[tail++] = i;
            for (int head = 0; head < tail; ) {
                int upto = Math.min(tail, head + block);
                index.neighboursOfRows(x, d, queue, head, upto, hits);  // N(p) for the next core points p of cluster c
                for (int r = head; r < upto; r++) {
                    var h = hits[r - head];
                    for (int t = 0; t < h.size; t++) {
                        int q = h.index[t];
                        if (label[q] != NOISE) continue;                 // labelled: this cluster, or a border point taken earlier
                        label[q] = c;                                    // q ∈ N(p), p core ⇒ q reachable
                        if (core[q]) queue[tail++] = q;                  // only core points expand further
                    }
                }
                head = upto;
            }
        }

        int m = 0;
        for (boolean b : core) if (b) m++;
        double[] coreIdx = new double[m], comp = new double[m * d], z = new double[n];
        for (int i = 0, r = 0; i < n; i++) {
            z[i] = label[i];
            if (core[i]) {
                coreIdx[r] = i;
                System.arraycopy(x, i * d, comp, r * d, d);
                r++;
            }
        }
        return new DBSCAN(Vector.wrap(z), Vector.wrap(coreIdx), Matrix.wrap(m, d, comp), options);
    }

    /// For new rows: the cluster of the nearest core point within ε, or −1 (noise) when there is none.
    /// On the training rows this gives the fitted labels except, perhaps, for a border point near two
    /// clusters (fit gives it to the first cluster found, predict to the nearest core point).
    @Override public Vector predict(Matrix X) {
        String where = "DBSCAN.predict";
        Inputs.requireX(where, X, components.cols());
        int n = X.rows(), d = X.cols(), m = components.rows();
        double[] out = new double[n];
        Arrays.fill(out, NOISE);
        if (m == 0) return Vector.wrap(out);
        double[] c = components.toArray(), x = X.toArray();
        double[][] cores = new double[m][];
        for (int r = 0; r < m; r++) cores[r] = row(c, r, d);
        RangeSearch index = RangeSearch.of(c, m, d, options.eps(), options.distance());
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] q = row(x, i, d);
            double[] best = {Double.POSITIVE_INFINITY};
            int[] arg = {-1};
            index.forEach(q, r -> {
                double dist = options.distance().between(q, cores[r]);
                if (dist < best[0] || dist == best[0] && r < arg[0]) { best[0] = dist; arg[0] = r; }   // lowest index on ties
            });
            if (arg[0] >= 0) out[i] = labels.get((int) coreIndices.get(arg[0]));
        });
        return Vector.wrap(out);
    }

    /// The distance from each row of `X` to its k-th nearest other row (Euclidean), in row order.
    /// Sorted in decreasing order and plotted, this "k-distance graph" shows a knee: points left of it
    /// are noise-like, so ε ≈ the k-distance at the knee, with `minPts = k + 1` (Ester et al. 1996 use
    /// k = 4 in 2-D). Cost O(n² d) (brute force, rows in parallel).
    /// ```
    /// var kd = DBSCAN.kDistances(X, 4);
    /// Plot.line(DBSCAN.sortedDescending(kd)).withTitle("4-distance").show();
    /// ```
    public static Vector kDistances(Matrix X, int k) {
        String where = "DBSCAN.kDistances";
        Check.notNull(where, "X", X);
        Inputs.requireX(where, X, X.cols());
        Check.positive(where, "k", k);
        int n = X.rows(), d = X.cols();
        if (k > n - 1) throw Check.fail(where, "k = " + k + " needs at least k + 1 rows, but X has " + n);
        double[] x = X.toArray(), out = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] top = new double[k];                                // the k smallest ‖xᵢ − xⱼ‖², ascending
            Arrays.fill(top, Double.POSITIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double s = Rows.squaredDistance(x, i * d, x, j * d, d);      // ‖xᵢ − xⱼ‖²
                if (s >= top[k - 1]) continue;
                int p = k - 1;                                           // insertion into the sorted top k
                while (p > 0 && top[p - 1] > s) { top[p] = top[p - 1]; p--; }
                top[p] = s;
            }
            out[i] = Math.sqrt(top[k - 1]);
        });
        return Vector.wrap(out);
    }

    /// A copy of `v` sorted from largest to smallest (for the k-distance graph).
    public static Vector sortedDescending(Vector v) {
        Check.notNull("sortedDescending", "v", v);
        double[] a = v.toArray();
        Arrays.sort(a);
        for (int i = 0, j = a.length - 1; i < j; i++, j--) { double t = a[i]; a[i] = a[j]; a[j] = t; }
        return Vector.wrap(a);
    }

    /// The number of clusters found (noise not counted).
    public int clusters() {
        int max = -1;
        for (int i = 0; i < labels.size(); i++) max = Math.max(max, (int) labels.get(i));
        return max + 1;
    }

    /// The number of noise points.
    public int noise() {
        int c = 0;
        for (int i = 0; i < labels.size(); i++) if (labels.get(i) == NOISE) c++;
        return c;
    }

    /// Whether training row `i` is a core point.
    public boolean isCore(int i) {
        Check.inRange("isCore", "i", i, 0, labels.size() - 1);
        int lo = 0, hi = coreIndices.size() - 1;                         // binary search: the indices ascend
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            double v = coreIndices.get(mid);
            if (v == i) return true;
            if (v < i) lo = mid + 1; else hi = mid - 1;
        }
        return false;
    }

    /// Whether training row `i` is a border point: in a cluster, but not core.
    public boolean isBorder(int i) { return !isCore(i) && labels.get(i) != NOISE; }

    /// Whether training row `i` is noise (label −1).
    public boolean isNoise(int i) {
        Check.inRange("isNoise", "i", i, 0, labels.size() - 1);
        return labels.get(i) == NOISE;
    }

    /// The size of each cluster, 0 … clusters−1.
    public Vector clusterSizes() {
        double[] s = new double[clusters()];
        for (int i = 0; i < labels.size(); i++) if (labels.get(i) != NOISE) s[(int) labels.get(i)]++;
        return Vector.wrap(s);
    }

    @Override public String toString() {
        int n = labels.size(), core = coreIndices.size(), noise = noise();
        return String.format(Locale.ROOT, "DBSCAN(eps = %s, minPts = %d, %s)%n  %d clusters; of n = %d: %d core, %d border, %d noise%n  sizes = %s",
                options.eps(), options.minPts(), name(options.distance()), clusters(), n, core,
                n - core - noise, noise, clusterSizes());
    }

    static String name(Distance distance) {
        return distance instanceof Distance.Builtin b ? b.name().toLowerCase(Locale.ROOT) : "custom distance";
    }

    private static double[] row(double[] x, int i, int d) { return Arrays.copyOfRange(x, i * d, (i + 1) * d); }
}
