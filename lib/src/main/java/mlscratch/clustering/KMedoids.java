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

/// k-medoids (PAM, *Partitioning Around Medoids*): like k-means, but each cluster is represented by one
/// of its own points — the medoid — and "near" can be any [Distance]. Medoids are not pulled by outliers
/// the way means are, and the data need not live in a vector space.
///
/// ## Notation
/// ```
/// X  n×d   one example per row        d(·,·)  a Distance; D = (d(xᵢ, xⱼ)) the n×n distance matrix
/// M = {m₁ … m_k} ⊂ {0 … n−1}          the medoids (row indices)
/// Dᵢ = min_{m∈M} d(xᵢ, x_m)            distance to the nearest medoid; Eᵢ to the second nearest
/// ```
/// ## Model
/// ```
/// predict(x) = argminⱼ d(x, x_mⱼ)                     (the nearest medoid)
/// ```
/// ## Objective — total deviation (not squared: one far point costs its distance, not its square)
/// ```
/// J(M) = Σᵢ Dᵢ = Σᵢ min_{m∈M} d(xᵢ, x_m)
/// ```
/// ## Update — BUILD, then SWAP
/// ```
/// BUILD  m₁ = argmin_c Σᵢ d(xᵢ, x_c)                  (the most central point)
///        then greedily add c maximising the gain Σᵢ max(Dᵢ − d(xᵢ, x_c), 0), until |M| = k
/// SWAP   for every medoid m and non-medoid o, the change of J if o replaces m:
///          Δ(m, o) = Σᵢ { min(Eᵢ, d(xᵢ, x_o)) − Dᵢ        if m is i's nearest medoid
///                       { min(d(xᵢ, x_o) − Dᵢ, 0)          otherwise
///        do the best swap while its Δ < 0
/// ```
/// Each swap strictly lowers J and there are finitely many medoid sets, so SWAP stops; the costs in the
/// [Trace] decrease. Δ for all k medoids at once costs O(n) per candidate o (the shared term
/// `Σᵢ min(d(xᵢ, x_o) − Dᵢ, 0)` plus a per-medoid correction: Schubert & Rousseeuw's FastPAM1 trick),
/// so one SWAP step is O(n²) instead of O(k n²), with the same choice as the textbook loop.
///
/// ## Cost
/// O(n² d) for D (built once, in parallel), O(k n²) for BUILD, O(n²) per swap; memory n² doubles, so
/// n is capped at [#MAX_ROWS]: fit a sample and [#predict] the rest (as tutorial 21 does on pixels).
///
/// ## Example
/// ```
/// var X = Datasets.iris().X();
/// var m = KMedoids.fit(X, 3);
/// m.medoids();  m.medoidIndices();  m.labels();  m.cost();  m.trace();
/// KMedoids.fit(X, KMedoids.Options.defaults().withK(3).withDistance(Distance.MANHATTAN));
/// ```
/// Tutorial 21-kmedoids-and-images.jsh compares it with k-means.
///
/// ## References
/// Kaufman & Rousseeuw, *Finding Groups in Data* (1990), ch. 2 (PAM); Schubert & Rousseeuw, *Faster
/// k-medoids clustering: improving the PAM, CLARA, and CLARANS algorithms* (SISAP 2019).
///
/// @param medoids       k×d, the medoids' rows (each one a row of the training data)
/// @param medoidIndices the row index of each medoid in the training data
/// @param labels        the nearest medoid of each training row (0 … k−1)
/// @param cost          J = Σᵢ Dᵢ at the final medoids
/// @param trace         J after BUILD (or the random start), then after each swap
/// @param options       the options it was fitted with
public record KMedoids(Matrix medoids, Vector medoidIndices, Vector labels, double cost, Trace trace, Options options)
        implements Predictor {

    /// The most rows [#fit] accepts: the n×n distance matrix takes 8n² bytes (512 MB at this size).
    public static final int MAX_ROWS = 8000;

    /// How the first medoids are chosen: PAM's greedy BUILD, or k distinct rows drawn at random.
    public enum Init { BUILD, RANDOM }

    /// @param k        number of clusters (default 8)
    /// @param distance the dissimilarity (Euclidean by default)
    /// @param init     BUILD (default, deterministic) or RANDOM
    /// @param maxIter  the most swaps (default 300)
    /// @param seed     the seed of the random start (used only by RANDOM): same seed ⇒ same model
    public record Options(int k, Distance distance, Init init, int maxIter, long seed) {
        public Options {
            String where = "KMedoids.Options";
            Check.positive(where, "k", k);
            Check.notNull(where, "distance", distance);
            Check.notNull(where, "init", init);
            Check.positive(where, "maxIter", maxIter);
        }

        public static Options defaults() { return new Options(8, Distance.EUCLIDEAN, Init.BUILD, 300, 42); }

        public Options withK(int k) { return new Options(k, distance, init, maxIter, seed); }

        public Options withDistance(Distance distance) { return new Options(k, distance, init, maxIter, seed); }

        public Options withInit(Init init) { return new Options(k, distance, init, maxIter, seed); }

        public Options withMaxIter(int maxIter) { return new Options(k, distance, init, maxIter, seed); }

        public Options withSeed(long seed) { return new Options(k, distance, init, maxIter, seed); }
    }

    public KMedoids {
        String where = "KMedoids";
        Check.notNull(where, "medoids", medoids).requireFinite(where, "medoids");
        Check.notNull(where, "medoidIndices", medoidIndices);
        Check.notNull(where, "labels", labels);
        Check.notNull(where, "trace", trace);
        Check.notNull(where, "options", options);
        Check.that(medoids.rows() >= 1 && medoids.cols() >= 1, where, "medoids is %s but needs at least one row and one column",
                medoids.shape());
        Check.that(medoidIndices.size() == medoids.rows(), where, "medoids has %d rows but medoidIndices has %d",
                medoids.rows(), medoidIndices.size());
    }

    /// Fits `k` clusters, Euclidean, BUILD then SWAP.
    public static KMedoids fit(Matrix X, int k) { return fit(X, Options.defaults().withK(k)); }

    public static KMedoids fit(Matrix X, Options options) {
        String where = "KMedoids.fit";
        Check.notNull(where, "X", X);
        Inputs.requireX(where, X, X.cols());
        Check.notNull(where, "options", options);
        int n = X.rows(), d = X.cols(), k = options.k();
        if (k > n) throw Check.fail("KMedoids", "k = " + k + " exceeds the number of samples n = " + n);
        if (n > MAX_ROWS)
            throw Check.fail(where, "X has " + n + " rows; PAM keeps an n×n distance matrix, so at most " + MAX_ROWS
                    + ": fit a sample (e.g. X.selectRows(Rng.permutation(n, seed)) of 2000 rows) and predict the rest");
        double[] D = distances(X.toArray2D(), options.distance());      // Dᵢⱼ = d(xᵢ, xⱼ)
        for (int q = 0; q < D.length; q++)
            if (!(D[q] >= 0) || D[q] == Double.POSITIVE_INFINITY)         // a custom distance gone wrong
                throw Check.fail(where, "the distance between rows " + q / n + " and " + q % n + " is " + D[q]
                        + "; a distance must be finite and ≥ 0");
        int[] M = options.init() == Init.BUILD ? build(D, n, k) : randomStart(n, k, Rng.of(options.seed()));
        var state = new State(D, n, M);
        var trace = Trace.builder();
        trace.loss(state.cost);
        int swaps = 0;
        boolean converged = false, stopped = false;
        try (var progress = Progress.start("KMedoids", options.maxIter())) {
            while (swaps < options.maxIter()) {
                double[] best = bestSwapOf(swapDeltas(state, D, n), k, n);                         // {Δ, slot, o}
                if (!(best[0] < -1e-12 * Math.max(1, state.cost))) { converged = true; break; }   // no swap lowers J
                M[(int) best[1]] = (int) best[2];                        // o replaces m
                state = new State(D, n, M);
                swaps++;
                trace.loss(state.cost);
                progress.step(state.cost);
                if (progress.stopped()) { stopped = true; break; }
            }
        }
        trace.iterations(swaps).converged(converged);
        if (stopped) trace.note("stopped by Ctrl-C after " + swaps + " swaps; the medoids so far");
        else if (!converged) trace.note("stopped at maxIter = " + options.maxIter() + " swaps before converging");
        double[] idx = new double[k], z = new double[n];
        for (int j = 0; j < k; j++) idx[j] = M[j];
        for (int i = 0; i < n; i++) z[i] = state.nearest[i];
        return new KMedoids(X.selectRows(M), Vector.wrap(idx), Vector.wrap(z), state.cost, trace.build(), options);
    }

    /// The nearest medoid of each row of `X` (0 … k−1; the first on ties).
    @Override public Vector predict(Matrix X) {
        Inputs.requireX("KMedoids.predict", X, medoids.cols());
        double[][] x = X.toArray2D(), m = medoids.toArray2D();
        double[] z = new double[x.length];
        IntStream.range(0, x.length).parallel().forEach(i -> {
            int arg = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m.length; j++) {
                double dist = options.distance().between(x[i], m[j]);
                if (dist < best) { best = dist; arg = j; }
            }
            z[i] = arg;
        });
        return Vector.wrap(z);
    }

    /// The number of clusters.
    public int k() { return medoids.rows(); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "KMedoids(k = %d, d = %d, cost = %.4g, %s)%n  medoid rows = %s%n  medoids = %s%n  %s",
                k(), medoids.cols(), cost, DBSCAN.name(options.distance()), medoidIndices,
                medoids.toString().replace("\n", "\n  "), trace.toString().replace("\n", "\n  "));
    }

    // ───────────────────────────── PAM ─────────────────────────────

    /// The n×n distance matrix, row-major; rows in parallel (each entry is computed once per ordered
    /// pair, so the matrix is exactly symmetric only when the distance is).
    static double[] distances(double[][] x, Distance distance) {
        int n = x.length;
        double[] D = new double[n * n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j < n; j++) D[i * n + j] = i == j ? 0 : distance.between(x[i], x[j]);
        });
        return D;
    }

    /// The assignment of every point for medoids M: nearest slot, Dᵢ (nearest), Eᵢ (second nearest), J.
    static final class State {
        final int[] M, nearest;
        final double[] Di, Ei;
        final double cost;

        State(double[] D, int n, int[] M) {
            this.M = M.clone();
            nearest = new int[n];
            Di = new double[n];
            Ei = new double[n];
            double J = 0;
            for (int i = 0; i < n; i++) {
                double first = Double.POSITIVE_INFINITY, second = Double.POSITIVE_INFINITY;
                int arg = 0;
                for (int j = 0; j < M.length; j++) {
                    double dist = D[i * n + M[j]];
                    if (dist < first) { second = first; first = dist; arg = j; }
                    else if (dist < second) second = dist;
                }
                nearest[i] = arg;
                Di[i] = first;
                Ei[i] = second;                                          // +∞ when k = 1
                J += first;                                              // J = Σᵢ Dᵢ
            }
            cost = J;
        }
    }

    /// BUILD: the most central point, then the point of largest gain Σᵢ max(Dᵢ − d(xᵢ, x_c), 0), k − 1 times.
    static int[] build(double[] D, int n, int k) {
        int[] M = new int[k];
        boolean[] taken = new boolean[n];
        double[] near = new double[n];
        double bestSum = Double.POSITIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += D[i * n + c];               // Σᵢ d(xᵢ, x_c)
            if (s < bestSum) { bestSum = s; M[0] = c; }
        }
        taken[M[0]] = true;
        for (int i = 0; i < n; i++) near[i] = D[i * n + M[0]];
        for (int j = 1; j < k; j++) {
            double[] gain = new double[n];
            IntStream.range(0, n).parallel().forEach(c -> {
                if (taken[c]) { gain[c] = Double.NEGATIVE_INFINITY; return; }
                double g = 0;
                for (int i = 0; i < n; i++) g += Math.max(near[i] - D[i * n + c], 0);   // Σᵢ max(Dᵢ − d(xᵢ, x_c), 0)
                gain[c] = g;
            });
            int arg = -1;
            for (int c = 0; c < n; c++) if (!taken[c] && (arg < 0 || gain[c] > gain[arg])) arg = c;   // lowest index on ties
            M[j] = arg;
            taken[arg] = true;
            for (int i = 0; i < n; i++) near[i] = Math.min(near[i], D[i * n + arg]);
        }
        return M;
    }

    private static int[] randomStart(int n, int k, RandomGenerator rng) {
        return java.util.Arrays.copyOf(Rng.permutation(n, rng), k);
    }

    /// Δ(mⱼ, o) for every medoid slot j and every row o (k×n, row-major; +∞ where o is a medoid):
    /// ```
    /// shared(o) = Σᵢ min(d(xᵢ, x_o) − Dᵢ, 0)                               every i may move to o
    /// Δ(mⱼ, o)  = shared(o) + Σ_{i : nearest(i) = j} [min(Eᵢ, d(xᵢ, x_o)) − Dᵢ − min(d(xᵢ, x_o) − Dᵢ, 0)]
    /// ```
    /// The second sum corrects the points that lose their medoid mⱼ: they go to o or to their second nearest.
    static double[] swapDeltas(State s, double[] D, int n) {
        int k = s.M.length;
        boolean[] medoid = new boolean[n];
        for (int m : s.M) medoid[m] = true;
        double[] delta = new double[k * n];
        IntStream.range(0, n).parallel().forEach(o -> {
            if (medoid[o]) {
                for (int j = 0; j < k; j++) delta[j * n + o] = Double.POSITIVE_INFINITY;
                return;
            }
            double shared = 0;
            double[] own = new double[k];
            for (int i = 0; i < n; i++) {
                double dio = D[i * n + o];
                double move = Math.min(dio - s.Di[i], 0);                 // i moves to o if closer
                shared += move;
                own[s.nearest[i]] += Math.min(s.Ei[i], dio) - s.Di[i] - move;   // i loses its medoid
            }
            for (int j = 0; j < k; j++) delta[j * n + o] = shared + own[j];
        });
        return delta;
    }

    /// The swap of lowest Δ as {Δ, slot j, row o} (first in slot-then-row order on ties).
    static double[] bestSwapOf(double[] delta, int k, int n) {
        double best = Double.POSITIVE_INFINITY;
        int bj = -1, bo = -1;
        for (int j = 0; j < k; j++)
            for (int o = 0; o < n; o++)
                if (delta[j * n + o] < best) { best = delta[j * n + o]; bj = j; bo = o; }
        return new double[] {best, bj, bo};
    }
}
