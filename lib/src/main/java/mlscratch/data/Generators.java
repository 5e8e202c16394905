package mlscratch.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Synthetic data sets with a known generative model: the toy problems of every ML course
/// (blobs, moons, circles, spirals, XOR), a noisy linear regression whose true weights are returned,
/// a `make_classification`-style benchmark and a low-rank ratings matrix for recommenders.
///
/// Every generator takes either a `long seed` (same seed ⇒ same data, on every JDK) or a
/// [RandomGenerator] you own (so that several draws can share one stream). Nothing uses a global seed.
/// Rows come out in random order (so that a plain `rows(0, m)` is not all one class); classification
/// sets have class names `"0" … "k−1"` and features named `x0, x1, …`.
/// ```
/// var d = Generators.moons(200, 0.1, 42);       // Dataset moons: 200×2, classes [0, 1]
/// var p = Generators.linear(100, 3, 0.5, 7);    // p.data(), and the true p.w(), p.b()
/// var c = Generators.classification(1000, 20, 5, 2, 3, 0.03, 1);
/// ```
/// Each method's comment states its generative model; the constants follow scikit-learn's `make_*`
/// functions where one exists, so pictures and accuracies compare with the usual tutorials.
public final class Generators {
    private Generators() {}

    // ───────────────────────────── blobs ─────────────────────────────

    /// `k` isotropic Gaussian blobs in the plane, centres drawn uniformly from the box [−10, 10]²
    /// (scikit-learn's `make_blobs` defaults). See [#blobs(int, Matrix, double, RandomGenerator)].
    public static Dataset blobs(int n, int k, double std, long seed) { return blobs(n, k, std, Rng.of(seed)); }

    /// As [#blobs(int, int, double, long)], drawing from `rng` (first the centres, then the points).
    public static Dataset blobs(int n, int k, double std, RandomGenerator rng) {
        Check.positive("Generators.blobs", "k", k);
        Check.notNull("Generators.blobs", "rng", rng);
        Matrix centers = Matrix.random(k, 2, rng).scale(20).minus(10);   // cⱼ ~ U[−10, 10]²
        return blobs(n, centers, std, rng);
    }

    /// Isotropic Gaussian blobs around given centres (one row of `centers` per class, any dimension).
    ///
    /// ```
    /// class j = 0 … k−1 gets ⌊n/k⌋ or ⌈n/k⌉ points (the first n mod k classes one more)
    /// x = cⱼ + σ·z,   z ~ N(0, I_d)
    /// ```
    public static Dataset blobs(int n, Matrix centers, double std, long seed) {
        return blobs(n, centers, std, Rng.of(seed));
    }

    /// As [#blobs(int, Matrix, double, long)], drawing from `rng`.
    public static Dataset blobs(int n, Matrix centers, double std, RandomGenerator rng) {
        String where = "Generators.blobs";
        Check.positive(where, "n", n);
        Check.notNull(where, "centers", centers);
        Check.that(centers.rows() >= 1 && centers.cols() >= 1, where, "centers is %s but needs at least one row and one column",
                centers.shape());
        centers.requireFinite(where, "centers");
        Check.nonNegative(where, "std", std);
        Check.notNull(where, "rng", rng);
        int k = centers.rows(), d = centers.cols();
        int[] label = balanced(n, k);
        double[] X = new double[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                X[i * d + j] = centers.get(label[i], j) + std * rng.nextGaussian();   // x = cⱼ + σz
        String desc = String.format(Locale.ROOT, "%d isotropic Gaussian blobs in %d-D, σ = %s (synthetic)", k, d, std);
        return shuffled("blobs", X, d, label, k, desc, rng);
    }

    // ───────────────────────────── moons and circles ─────────────────────────────

    /// Two interleaving half circles (scikit-learn's `make_moons`): not linearly separable, easy for
    /// a kernel or a small network.
    ///
    /// ```
    /// class 0 (upper moon), ⌊n/2⌋ points:  x = (cos t, sin t)            t evenly spaced in [0, π]
    /// class 1 (lower moon), ⌈n/2⌉ points:  x = (1 − cos t, ½ − sin t)
    /// then x ← x + ε,   ε ~ N(0, noise²·I₂)
    /// ```
    public static Dataset moons(int n, double noise, long seed) { return moons(n, noise, Rng.of(seed)); }

    /// As [#moons(int, double, long)], drawing from `rng`.
    public static Dataset moons(int n, double noise, RandomGenerator rng) {
        String where = "Generators.moons";
        Check.positive(where, "n", n);
        Check.nonNegative(where, "noise", noise);
        Check.notNull(where, "rng", rng);
        int nOut = n / 2, nIn = n - nOut;
        double[] X = new double[2 * n];
        int[] y = new int[n];
        Vector tOut = Vector.linspace(0, Math.PI, nOut), tIn = Vector.linspace(0, Math.PI, nIn);
        for (int i = 0; i < nOut; i++) {
            X[2 * i] = Math.cos(tOut.get(i));                               // (cos t, sin t)
            X[2 * i + 1] = Math.sin(tOut.get(i));
        }
        for (int i = 0; i < nIn; i++) {
            int r = nOut + i;
            X[2 * r] = 1 - Math.cos(tIn.get(i));                            // (1 − cos t, ½ − sin t)
            X[2 * r + 1] = 0.5 - Math.sin(tIn.get(i));
            y[r] = 1;
        }
        addNoise(X, noise, rng);
        String desc = String.format(Locale.ROOT, "two interleaving half circles, noise σ = %s (synthetic, after scikit-learn's make_moons)", noise);
        return shuffled("moons", X, 2, y, 2, desc, rng);
    }

    /// A small circle inside a large one (scikit-learn's `make_circles`): the classic case for a
    /// feature map `x ↦ ‖x‖²` or an RBF kernel.
    ///
    /// ```
    /// class 0 (outer), ⌊n/2⌋ points:  x = (cos t, sin t)             t = 2πi/n₀, i = 0 … n₀−1
    /// class 1 (inner), ⌈n/2⌉ points:  x = factor·(cos t, sin t)      t = 2πi/n₁
    /// then x ← x + ε,   ε ~ N(0, noise²·I₂)
    /// ```
    /// @param factor radius of the inner circle, in [0, 1)
    public static Dataset circles(int n, double noise, double factor, long seed) {
        return circles(n, noise, factor, Rng.of(seed));
    }

    /// As [#circles(int, double, double, long)], drawing from `rng`.
    public static Dataset circles(int n, double noise, double factor, RandomGenerator rng) {
        String where = "Generators.circles";
        Check.positive(where, "n", n);
        Check.nonNegative(where, "noise", noise);
        Check.that(factor >= 0 && factor < 1, where, "'factor' must be in [0, 1), got %s", factor);
        Check.notNull(where, "rng", rng);
        int nOut = n / 2, nIn = n - nOut;
        double[] X = new double[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < nOut; i++) {
            double t = 2 * Math.PI * i / nOut;
            X[2 * i] = Math.cos(t);
            X[2 * i + 1] = Math.sin(t);
        }
        for (int i = 0; i < nIn; i++) {
            int r = nOut + i;
            double t = 2 * Math.PI * i / nIn;
            X[2 * r] = factor * Math.cos(t);
            X[2 * r + 1] = factor * Math.sin(t);
            y[r] = 1;
        }
        addNoise(X, noise, rng);
        String desc = String.format(Locale.ROOT, "a circle of radius %s inside the unit circle, noise σ = %s (synthetic, after scikit-learn's make_circles)",
                factor, noise);
        return shuffled("circles", X, 2, y, 2, desc, rng);
    }

    // ───────────────────────────── spirals ─────────────────────────────

    /// `arms` interleaved spirals, one class per arm, each making one full turn: the two-spiral problem
    /// (Lang & Witbrock 1988) and its k-arm version from CS231n, the standard demo that a network with a
    /// hidden layer bends its decision boundary. See [#spirals(int, int, double, double, RandomGenerator)].
    public static Dataset spirals(int n, int arms, double noise, long seed) {
        return spirals(n, arms, 1.0, noise, Rng.of(seed));
    }

    /// As [#spirals(int, int, double, long)], drawing from `rng`.
    public static Dataset spirals(int n, int arms, double noise, RandomGenerator rng) {
        return spirals(n, arms, 1.0, noise, rng);
    }

    /// `arms` interleaved spirals making `turns` turns each; arm j is class j.
    ///
    /// ```
    /// arm j = 0 … k−1 gets mⱼ = ⌊n/k⌋ or ⌈n/k⌉ points, i = 0 … mⱼ−1:
    ///   t = (i + 1)/mⱼ ∈ (0, 1]                    position along the arm
    ///   r = t,   θ = 2π·(j/k + turns·t)             radius grows from the centre to 1
    ///   x = (r cos θ, r sin θ) + ε,   ε ~ N(0, noise²·I₂)
    /// ```
    /// More turns (the original two-spiral problem has about three) make the problem harder.
    public static Dataset spirals(int n, int arms, double turns, double noise, RandomGenerator rng) {
        String where = "Generators.spirals";
        Check.positive(where, "n", n);
        Check.positive(where, "arms", arms);
        Check.positive(where, "turns", turns);
        Check.nonNegative(where, "noise", noise);
        Check.notNull(where, "rng", rng);
        int[] y = balanced(n, arms);
        double[] X = new double[2 * n];
        int row = 0;
        for (int j = 0; j < arms; j++) {
            int m = n / arms + (j < n % arms ? 1 : 0);
            for (int i = 0; i < m; i++, row++) {
                double t = (i + 1.0) / m;
                double r = t, theta = 2 * Math.PI * ((double) j / arms + turns * t);   // θ = 2π(j/k + turns·t)
                X[2 * row] = r * Math.cos(theta);
                X[2 * row + 1] = r * Math.sin(theta);
            }
        }
        addNoise(X, noise, rng);
        String desc = String.format(Locale.ROOT, "%d interleaved spirals of %s turns, noise σ = %s (synthetic)", arms, turns, noise);
        return shuffled("spirals", X, 2, y, arms, desc, rng);
    }

    // ───────────────────────────── XOR ─────────────────────────────

    /// The XOR problem: four Gaussian clusters on the corners of the square [−1, 1]², opposite corners
    /// in the same class, so that no line separates the classes (Minsky & Papert's example).
    ///
    /// ```
    /// corner c = (c₀, c₁) ∈ {0, 1}², the four corners in turn (⌊n/4⌋ or ⌈n/4⌉ points each)
    /// x = (2c₀ − 1, 2c₁ − 1) + ε,   ε ~ N(0, noise²·I₂)
    /// y = c₀ ⊕ c₁
    /// ```
    /// With `noise = 0` and `n = 4` this is the four-row truth table.
    public static Dataset xor(int n, double noise, long seed) { return xor(n, noise, Rng.of(seed)); }

    /// As [#xor(int, double, long)], drawing from `rng`.
    public static Dataset xor(int n, double noise, RandomGenerator rng) {
        String where = "Generators.xor";
        Check.positive(where, "n", n);
        Check.nonNegative(where, "noise", noise);
        Check.notNull(where, "rng", rng);
        int[] corner = balanced(n, 4);
        double[] X = new double[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c0 = corner[i] >> 1, c1 = corner[i] & 1;
            X[2 * i] = 2 * c0 - 1;
            X[2 * i + 1] = 2 * c1 - 1;
            y[i] = c0 ^ c1;                                                  // y = c₀ ⊕ c₁
        }
        addNoise(X, noise, rng);
        String desc = String.format(Locale.ROOT, "XOR: Gaussian clusters on the corners of [−1, 1]², noise σ = %s (synthetic)", noise);
        return shuffled("xor", X, 2, y, 2, desc, rng);
    }

    // ───────────────────────────── linear regression ─────────────────────────────

    /// A noisy linear regression problem, with the truth that generated it.
    ///
    /// @param data the examples (regression: no class names)
    /// @param w    the true weights
    /// @param b    the true intercept
    public record LinearProblem(Dataset data, Vector w, double b) {
        public LinearProblem {
            Check.notNull("LinearProblem", "data", data);
            Check.notNull("LinearProblem", "w", w);
            Check.that(w.size() == data.d(), "LinearProblem", "data has %d features but w has size %d", data.d(), w.size());
        }
    }

    /// A regression problem `y = Xw + b + ε` with known `w` and `b`.
    ///
    /// ```
    /// w ~ N(0, I_d),  b ~ N(0, 1)                  the truth, drawn first
    /// xᵢ ~ N(0, I_d)                               n rows
    /// yᵢ = xᵢ·w + b + εᵢ,   εᵢ ~ N(0, noise²)
    /// ```
    /// Least squares on `data` should recover `w` and `b` to about `noise/√n`.
    public static LinearProblem linear(int n, int d, double noise, long seed) {
        return linear(n, d, noise, Rng.of(seed));
    }

    /// As [#linear(int, int, double, long)], drawing from `rng`.
    public static LinearProblem linear(int n, int d, double noise, RandomGenerator rng) {
        String where = "Generators.linear";
        Check.positive(where, "n", n);
        Check.positive(where, "d", d);
        Check.nonNegative(where, "noise", noise);
        Check.notNull(where, "rng", rng);
        Vector w = Vector.randn(d, rng);                                  // w ~ N(0, I)
        double b = rng.nextGaussian();                                    // b ~ N(0, 1)
        Matrix X = Matrix.randn(n, d, rng);                               // (n, d)
        Vector eps = Vector.randn(n, rng).scale(noise);                   // ε ~ N(0, noise²)
        Vector y = X.times(w).plus(b).plus(eps);                          // y = Xw + b + ε
        String desc = String.format(Locale.ROOT, "y = Xw + b + ε with X, w, b standard normal and ε ~ N(0, %s²) (synthetic)", noise);
        return new LinearProblem(new Dataset("linear", X, y, names("x", d), List.of(), desc), w, b);
    }

    // ───────────────────────────── make_classification ─────────────────────────────

    /// Knobs of [#classification(int, ClassificationOptions, RandomGenerator)]. Each `withX` validates the
    /// whole record, so shrink before you grow: `defaults().withRedundant(0).withD(3).withInformative(3)`.
    ///
    /// @param d                number of features (columns)
    /// @param informative      features that carry the class signal
    /// @param redundant        random linear combinations of the informative features
    /// @param classes          number of classes k
    /// @param clustersPerClass Gaussian clusters per class
    /// @param flipY            fraction of labels replaced by a random class (label noise)
    /// @param classSep         half the side of the hypercube whose vertices hold the cluster centres
    public record ClassificationOptions(int d, int informative, int redundant, int classes, int clustersPerClass,
                                        double flipY, double classSep) {
        public ClassificationOptions {
            String where = "Generators.ClassificationOptions";
            Check.positive(where, "d", d);
            Check.positive(where, "informative", informative);
            Check.nonNegative(where, "redundant", redundant);
            Check.that(classes >= 2, where, "'classes' must be >= 2, got %d", classes);
            Check.positive(where, "clustersPerClass", clustersPerClass);
            Check.inRange(where, "flipY", flipY, 0, 1);
            Check.nonNegative(where, "classSep", classSep);
            Check.that(informative + redundant <= d, where,
                    "informative + redundant = %d exceeds the number of features d = %d", informative + redundant, d);
            long clusters = (long) classes * clustersPerClass;
            Check.that(informative >= 63 || clusters <= 1L << informative, where,
                    "classes · clustersPerClass = %d exceeds 2^informative = %d (each cluster needs its own hypercube vertex)",
                    clusters, informative >= 63 ? 0 : 1L << informative);
        }

        /// scikit-learn's defaults except `flipY = 0.03`: 20 features, 2 informative, 2 redundant,
        /// 2 classes, 2 clusters per class, `classSep = 1`.
        public static ClassificationOptions defaults() { return new ClassificationOptions(20, 2, 2, 2, 2, 0.03, 1.0); }

        public ClassificationOptions withD(int d) {
            return new ClassificationOptions(d, informative, redundant, classes, clustersPerClass, flipY, classSep);
        }

        public ClassificationOptions withInformative(int informative) {
            return new ClassificationOptions(d, informative, redundant, classes, clustersPerClass, flipY, classSep);
        }

        public ClassificationOptions withRedundant(int redundant) {
            return new ClassificationOptions(d, informative, redundant, classes, clustersPerClass, flipY, classSep);
        }

        public ClassificationOptions withClasses(int classes) {
            return new ClassificationOptions(d, informative, redundant, classes, clustersPerClass, flipY, classSep);
        }

        public ClassificationOptions withClustersPerClass(int clustersPerClass) {
            return new ClassificationOptions(d, informative, redundant, classes, clustersPerClass, flipY, classSep);
        }

        public ClassificationOptions withFlipY(double flipY) {
            return new ClassificationOptions(d, informative, redundant, classes, clustersPerClass, flipY, classSep);
        }

        public ClassificationOptions withClassSep(double classSep) {
            return new ClassificationOptions(d, informative, redundant, classes, clustersPerClass, flipY, classSep);
        }
    }

    /// A `make_classification`-style benchmark with `clustersPerClass = 2`, `classSep = 1`: the data of the
    /// tree, forest and k-NN benchmarks. See [#classification(int, ClassificationOptions, RandomGenerator)].
    public static Dataset classification(int n, int d, int informative, int redundant, int classes, double flipY, long seed) {
        var o = new ClassificationOptions(d, informative, redundant, classes, 2, flipY, 1.0);
        return classification(n, o, Rng.of(seed));
    }

    /// As [#classification(int, ClassificationOptions, RandomGenerator)] with a seed.
    public static Dataset classification(int n, ClassificationOptions options, long seed) {
        return classification(n, options, Rng.of(seed));
    }

    /// Guyon's Madelon-style generator (scikit-learn's `make_classification`, without its column shuffle,
    /// shift and scale). Columns come in order: `p` informative `inf0…`, `q` redundant `red0…`, the rest
    /// pure noise `noise0…`.
    ///
    /// ```
    /// C = k·c clusters (k classes, c per class); cluster m belongs to class m mod k and gets ⌊n/C⌋ or ⌈n/C⌉ rows
    /// μₘ = a distinct random vertex of the hypercube {−s, +s}ᵖ           s = classSep
    /// Aₘ ~ U[−1, 1]^(p×p)                                              a random covariance per cluster
    /// informative:  x = z·Aₘ + μₘ,   z ~ N(0, I_p)                     so x ~ N(μₘ, AₘᵀAₘ)
    /// redundant:    x_red = x_inf·B,   B ~ U[−1, 1]^(p×q)              exact linear combinations
    /// noise:        x_noise ~ N(0, I)
    /// label noise:  with probability flipY, y ← a uniformly random class (it may stay the same)
    /// ```
    /// References: I. Guyon, "Design of experiments for the NIPS 2003 variable selection benchmark" (2003).
    public static Dataset classification(int n, ClassificationOptions options, RandomGenerator rng) {
        String where = "Generators.classification";
        Check.positive(where, "n", n);
        Check.notNull(where, "options", options);
        Check.notNull(where, "rng", rng);
        int d = options.d(), p = options.informative(), q = options.redundant(), k = options.classes();
        long clusters = (long) k * options.clustersPerClass();
        Check.that(clusters <= n, where, "n = %d is fewer than classes · clustersPerClass = %d (every cluster needs a point)",
                n, clusters);
        int C = (int) clusters;
        double s = options.classSep();

        double[][] mu = distinctVertices(C, p, s, rng);                   // μₘ, one row per cluster
        double[] X = new double[n * d];
        int[] y = new int[n];
        int row = 0;
        for (int m = 0; m < C; m++) {
            int size = n / C + (m < n % C ? 1 : 0);
            double[] A = new double[p * p];
            for (int t = 0; t < A.length; t++) A[t] = 2 * rng.nextDouble() - 1;    // Aₘ ~ U[−1, 1]
            double[] z = new double[p];
            for (int i = 0; i < size; i++, row++) {
                for (int a = 0; a < p; a++) z[a] = rng.nextGaussian();           // z ~ N(0, I)
                for (int b = 0; b < p; b++) {
                    double v = mu[m][b];
                    for (int a = 0; a < p; a++) v += z[a] * A[a * p + b];       // (z·Aₘ)[b]
                    X[row * d + b] = v;
                }
                y[row] = m % k;
            }
        }
        double[] B = new double[p * q];
        for (int t = 0; t < B.length; t++) B[t] = 2 * rng.nextDouble() - 1;        // B ~ U[−1, 1]
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < q; r++) {
                double v = 0;
                for (int a = 0; a < p; a++) v += X[i * d + a] * B[a * q + r];   // x_red = x_inf·B
                X[i * d + p + r] = v;
            }
            for (int j = p + q; j < d; j++) X[i * d + j] = rng.nextGaussian();  // pure noise
        }
        for (int i = 0; i < n; i++) {              // label noise; both draws always made, so X does not depend on flipY
            boolean flip = rng.nextDouble() < options.flipY();
            int random = rng.nextInt(k);
            if (flip) y[i] = random;
        }

        List<String> features = new ArrayList<>(d);
        features.addAll(names("inf", p));
        features.addAll(names("red", q));
        features.addAll(names("noise", d - p - q));
        String desc = String.format(Locale.ROOT,
                "make_classification-style: %d classes × %d Gaussian clusters on hypercube vertices ±%s; "
                        + "%d informative, %d redundant, %d noise features; %s of labels randomised (synthetic)",
                k, options.clustersPerClass(), s, p, q, d - p - q, options.flipY());
        int[] perm = Rng.permutation(n, rng);
        double[] Xs = new double[n * d], ys = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(X, perm[i] * d, Xs, i * d, d);
            ys[i] = y[perm[i]];
        }
        return new Dataset("classification", Matrix.wrap(n, d, Xs), Vector.wrap(ys), features, names("", k), desc);
    }

    /// `count` distinct vertices of the hypercube {−s, +s}ᵖ, one per row, in random order.
    private static double[][] distinctVertices(int count, int p, double s, RandomGenerator rng) {
        double[][] out = new double[count][p];
        if (p <= 16) {                                   // few vertices: the first `count` of a permutation of all 2ᵖ
            int[] all = Rng.permutation(1 << p, rng);
            for (int m = 0; m < count; m++)
                for (int b = 0; b < p; b++) out[m][b] = ((all[m] >>> b) & 1) == 1 ? s : -s;
            return out;
        }
        Set<BitSet> seen = new HashSet<>();              // 2ᵖ ≥ 131 072 vertices (and count ≤ n): draw until distinct
        for (int m = 0; m < count; ) {
            BitSet bits = new BitSet(p);
            for (int b = 0; b < p; b++) bits.set(b, rng.nextBoolean());
            if (!seen.add(bits)) continue;
            for (int b = 0; b < p; b++) out[m][b] = bits.get(b) ? s : -s;
            m++;
        }
        return out;
    }

    // ───────────────────────────── low-rank ratings ─────────────────────────────

    /// A partially observed low-rank ratings matrix, with the factors that made it.
    ///
    /// @param users   number of users (rows of the full matrix)
    /// @param items   number of items (columns)
    /// @param ratings the observed `(u, i, rᵤᵢ)` triples, sorted by user then item, each cell at most once
    /// @param U       true user factors, users × rank
    /// @param V       true item factors, items × rank
    public record LowRankRatings(int users, int items, List<Rating> ratings, Matrix U, Matrix V) {
        public LowRankRatings {
            String where = "LowRankRatings";
            Check.positive(where, "users", users);
            Check.positive(where, "items", items);
            ratings = List.copyOf(Check.notNull(where, "ratings", ratings));
            Check.notNull(where, "U", U);
            Check.notNull(where, "V", V);
            Check.that(U.rows() == users && V.rows() == items && U.cols() == V.cols(), where,
                    "U is %s and V is %s but need users×rank = %d×r and items×rank = %d×r", U.shape(), V.shape(), users, items);
            for (int t = 0; t < ratings.size(); t++) {
                Rating r = ratings.get(t);
                Check.that(r.user() < users && r.item() < items, where,
                        "ratings[%d] = %s lies outside the %d×%d matrix", t, r, users, items);
            }
        }

        /// The latent dimension r.
        public int rank() { return U.cols(); }

        /// The noise-free full matrix `R = UVᵀ` (users × items).
        public Matrix trueRatings() { return U.times(V.transpose()); }

        /// The fraction of cells observed, `|Ω| / (users·items)`.
        public double density() { return ratings.size() / ((double) users * items); }

        @Override public String toString() {
            return String.format(Locale.ROOT, "LowRankRatings %d users × %d items, rank %d, %d ratings (density %.4f)%n  first %s",
                    users, items, rank(), ratings.size(), density(), ratings.subList(0, Math.min(3, ratings.size())));
        }
    }

    /// A ratings matrix of rank `rank`, observed on a random subset of cells with noise: the test bed of
    /// matrix factorisation (ALS, SGD), where the learned `ÛV̂ᵀ` can be compared with the truth.
    ///
    /// ```
    /// Uᵤₖ, Vᵢₖ ~ N(0, 1/√r)  (variance)             so that E[(UVᵀ)ᵤᵢ²] = r·(1/√r)² = 1
    /// Ω = m = max(1, round(density·users·items)) distinct cells, uniformly at random
    /// rᵤᵢ = uᵤ·vᵢ + ε,   ε ~ N(0, noise²)            for (u, i) ∈ Ω
    /// ```
    public static LowRankRatings lowRankRatings(int users, int items, int rank, double density, double noise, long seed) {
        return lowRankRatings(users, items, rank, density, noise, Rng.of(seed));
    }

    /// As [#lowRankRatings(int, int, int, double, double, long)], drawing from `rng`.
    public static LowRankRatings lowRankRatings(int users, int items, int rank, double density, double noise,
                                                RandomGenerator rng) {
        String where = "Generators.lowRankRatings";
        Check.positive(where, "users", users);
        Check.positive(where, "items", items);
        Check.positive(where, "rank", rank);
        Check.that(density > 0 && density <= 1, where, "'density' must be in (0, 1], got %s", density);
        Check.nonNegative(where, "noise", noise);
        Check.notNull(where, "rng", rng);
        double sigma = Math.pow(rank, -0.25);                              // σ² = 1/√r
        Matrix U = Matrix.randn(users, rank, rng).scale(sigma);           // (users, r)
        Matrix V = Matrix.randn(items, rank, rng).scale(sigma);           // (items, r)
        long N = (long) users * items;
        long m = Math.max(1, Math.round(density * N));
        Check.that(m <= 100_000_000, where, "%d observed ratings is more than the 100 000 000 this generator makes", m);

        // Floyd's algorithm: m distinct cells out of N in O(m) draws.
        Set<Long> cells = new HashSet<>();
        for (long j = N - m; j < N; j++) {
            long t = rng.nextLong(j + 1);
            cells.add(cells.contains(t) ? j : t);
        }
        long[] sorted = cells.stream().mapToLong(Long::longValue).sorted().toArray();
        List<Rating> ratings = new ArrayList<>(sorted.length);
        for (long cell : sorted) {
            int u = (int) (cell / items), i = (int) (cell % items);
            double r = U.row(u).dot(V.row(i)) + noise * rng.nextGaussian();   // rᵤᵢ = uᵤ·vᵢ + ε
            ratings.add(new Rating(u, i, r));
        }
        return new LowRankRatings(users, items, ratings, U, V);
    }

    // ───────────────────────────── helpers ─────────────────────────────

    /// Labels `0 … k−1` in blocks: ⌊n/k⌋ each, the first `n mod k` one more.
    private static int[] balanced(int n, int k) {
        int[] y = new int[n];
        int row = 0;
        for (int j = 0; j < k; j++)
            for (int c = n / k + (j < n % k ? 1 : 0); c > 0; c--) y[row++] = j;
        return y;
    }

    private static void addNoise(double[] X, double noise, RandomGenerator rng) {
        if (noise == 0) return;
        for (int t = 0; t < X.length; t++) X[t] += noise * rng.nextGaussian();   // x ← x + ε
    }

    /// A classification Dataset with features `x0 … x(d−1)` and classes `"0" … "k−1"`, rows permuted.
    private static Dataset shuffled(String name, double[] X, int d, int[] y, int k, String desc, RandomGenerator rng) {
        int n = y.length;
        int[] perm = Rng.permutation(n, rng);
        double[] Xs = new double[n * d], ys = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(X, perm[i] * d, Xs, i * d, d);
            ys[i] = y[perm[i]];
        }
        return new Dataset(name, Matrix.wrap(n, d, Xs), Vector.wrap(ys), names("x", d), names("", k), desc);
    }

    /// `prefix0, prefix1, …` (`count` names).
    static List<String> names(String prefix, int count) {
        String[] out = new String[count];
        for (int j = 0; j < count; j++) out[j] = prefix + j;
        return Arrays.asList(out);
    }
}
