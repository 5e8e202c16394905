package mlscratch.classification;

import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.model.Trace;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// A linear support vector machine trained in the primal: the widest band between the classes, paying a
/// hinge loss for every row inside it or on the wrong side.
///
/// ## Notation
/// ```
/// X  n×d   one example per row          y  n     labels in {0, 1},  tᵢ = 2yᵢ − 1 ∈ {−1, +1}
/// θ = (w, b)                            x̃ᵢ = (xᵢ, 1),  zᵢ = x̃ᵢθ = xᵢw + b,   λ = lambda
/// ```
/// ## Model
/// ```
/// ŷ = 1 if xw + b > 0, else 0           the margin band is |xw + b| ≤ 1, of half-width 1/‖w‖
/// ```
/// ## Objective
/// ```
/// L(θ) = (λ/2)‖θ‖² + (1/n) Σᵢ max(0, 1 − tᵢzᵢ)          (C = 1/(nλ) in the usual C-SVM)
/// ```
/// The intercept is the weight of a constant feature, so it is penalised too (as liblinear does); the
/// objective is then λ-strongly convex with one minimiser.
/// ## Gradient (a subgradient: the hinge has a kink at tᵢzᵢ = 1)
/// ```
/// g = λθ − (1/n) Σ_{tᵢzᵢ < 1} tᵢ x̃ᵢ
/// ```
/// ## Update
/// ```
/// PEGASOS       each step: a seeded mini-batch B,  η_s = 1/(λs),
///               θ ← (1 − η_sλ)θ + (η_s/|B|) Σ_{i∈B, tᵢzᵢ<1} tᵢx̃ᵢ,  then θ ← θ·min(1, (1/√λ)/‖θ‖)
/// SUBGRADIENT   each step: the full subgradient,  θ ← θ − η_s g,  η_s = 1/(λs),  keeping the best θ seen
/// ```
/// After the fit, the **support vectors** are the rows on or inside the margin, `tᵢzᵢ ≤ 1 + supportTol`: the
/// only rows the solution depends on (moving any other row, without crossing the band, changes nothing).
/// ## Cost
/// Pegasos: O(|B|d) per step, `epochs·n/|B|` steps; subgradient: O(nd) per step.
/// ## Example
/// ```
/// var m = LinearSVM.fit(X, y);
/// m.margin();  m.support();  m.predict(X);
/// ```
/// ## References
/// Tutorial `tutorials/07-perceptron-and-linear-svm.jsh`. Shalev-Shwartz, Singer, Srebro & Cotter,
/// "Pegasos: primal estimated sub-gradient solver for SVM" (2011); Hastie et al., *ESL* §12.2.
///
/// @param w       weights
/// @param b       intercept
/// @param support indices of the training rows on or inside the margin (the support vectors), ascending
/// @param options the options it was fitted with
/// @param trace   the objective L after each epoch (Pegasos) or step (subgradient)
public record LinearSVM(Vector w, double b, Vector support, Options options, Trace trace) implements ScoringClassifier {

    /// How the primal objective is minimised.
    public enum Solver { PEGASOS, SUBGRADIENT }

    /// @param lambda     λ > 0, the penalty (default 1e-3)
    /// @param solver     PEGASOS (default) or SUBGRADIENT
    /// @param maxIter    epochs (PEGASOS) or steps (SUBGRADIENT), ≥ 1 (default 200)
    /// @param batchSize  rows per Pegasos step, ≥ 1 (default 1, as in the paper)
    /// @param seed       seeds Pegasos's batches (default 42)
    /// @param supportTol rows with `tᵢzᵢ ≤ 1 + supportTol` count as support vectors, ≥ 0 (default 1e-3)
    public record Options(double lambda, Solver solver, int maxIter, int batchSize, long seed, double supportTol) {
        public Options {
            Check.positive("LinearSVM.Options", "lambda", lambda);
            Check.notNull("LinearSVM.Options", "solver", solver);
            Check.positive("LinearSVM.Options", "maxIter", maxIter);
            Check.positive("LinearSVM.Options", "batchSize", batchSize);
            Check.nonNegative("LinearSVM.Options", "supportTol", supportTol);
        }

        public static Options defaults() { return new Options(1e-3, Solver.PEGASOS, 200, 1, 42, 1e-3); }

        public Options withLambda(double lambda) { return new Options(lambda, solver, maxIter, batchSize, seed, supportTol); }

        public Options withSolver(Solver solver) { return new Options(lambda, solver, maxIter, batchSize, seed, supportTol); }

        public Options withMaxIter(int maxIter) { return new Options(lambda, solver, maxIter, batchSize, seed, supportTol); }

        public Options withBatchSize(int batchSize) { return new Options(lambda, solver, maxIter, batchSize, seed, supportTol); }

        public Options withSeed(long seed) { return new Options(lambda, solver, maxIter, batchSize, seed, supportTol); }

        public Options withSupportTol(double supportTol) { return new Options(lambda, solver, maxIter, batchSize, seed, supportTol); }
    }

    public LinearSVM {
        Check.notNull("LinearSVM", "w", w).requireFinite("LinearSVM", "w");
        Check.finite("LinearSVM", "b", b);
        Check.notNull("LinearSVM", "support", support);
        Check.notNull("LinearSVM", "options", options);
        Check.notNull("LinearSVM", "trace", trace);
    }

    /// Fits with [Options#defaults()].
    public static LinearSVM fit(Matrix X, Vector y) { return fit(X, y, Options.defaults()); }

    public static LinearSVM fit(Matrix X, Vector y, Options options) {
        String where = "LinearSVM.fit";
        Inputs.requireXy(where, X, y);
        Check.notNull(where, "options", options);
        int k = Inputs.requireLabels(where, y);
        if (k > 2) throw Check.fail(where, "y has " + k + " classes but the SVM is binary (labels 0 and 1); "
                + "use OneVsRest.fit(X, y, LinearSVM::fit)");
        var data = new Data(X, y);
        var trace = Trace.builder();
        double[] theta = switch (options.solver()) {
            case PEGASOS -> pegasos(data, options, trace);
            case SUBGRADIENT -> subgradient(data, options, trace);
        };
        int d = data.d;
        double b = theta[d];
        Vector w = Vector.wrap(java.util.Arrays.copyOf(theta, d));
        double[] sv = new double[data.n];
        int count = 0;
        for (int i = 0; i < data.n; i++)
            if (data.t[i] * data.z(theta, i) <= 1 + options.supportTol()) sv[count++] = i;   // tᵢzᵢ ≤ 1 + tol
        return new LinearSVM(w, b, Vector.wrap(java.util.Arrays.copyOf(sv, count)), options, trace.build());
    }

    /// The training data in the layout the solvers loop over: `x` row-major, `t` in {−1, +1}.
    private static final class Data {
        final int n, d;
        final double[] x;
        final int[] t;

        Data(Matrix X, Vector y) {
            n = X.rows();
            d = X.cols();
            x = X.toArray();
            t = new int[n];
            for (int i = 0; i < n; i++) t[i] = y.get(i) == 1 ? 1 : -1;            // tᵢ = 2yᵢ − 1
        }

        /// zᵢ = xᵢw + b with θ = (w, b).
        double z(double[] theta, int i) {
            double z = theta[d];
            for (int j = 0; j < d; j++) z += x[i * d + j] * theta[j];
            return z;
        }

        /// L(θ) = (λ/2)‖θ‖² + mean hinge.
        double objective(double[] theta, double lambda) {
            double hinge = 0, sq = 0;
            for (int i = 0; i < n; i++) hinge += Math.max(0, 1 - t[i] * z(theta, i));
            for (double v : theta) sq += v * v;
            return 0.5 * lambda * sq + hinge / n;
        }

        /// θ += c · tᵢ x̃ᵢ.
        void addRow(double[] theta, int i, double c) {
            for (int j = 0; j < d; j++) theta[j] += c * t[i] * x[i * d + j];
            theta[d] += c * t[i];
        }
    }

    private static double[] pegasos(Data data, Options o, Trace.Builder trace) {
        int n = data.n, bs = Math.min(o.batchSize(), n);
        double lambda = o.lambda(), radius = 1 / Math.sqrt(lambda);
        double[] theta = new double[data.d + 1];
        var rng = Rng.of(o.seed());
        long s = 0;
        int[] active = new int[bs];
        try (var p = Progress.start("Pegasos", o.maxIter())) {
            for (int epoch = 0; epoch < o.maxIter(); epoch++) {
                int[] perm = Rng.permutation(n, rng);
                for (int from = 0; from < n; from += bs) {
                    int to = Math.min(from + bs, n), m = 0;
                    for (int r = from; r < to; r++)                               // the batch's margin violators,
                        if (data.t[perm[r]] * data.z(theta, perm[r]) < 1) active[m++] = perm[r];   // found before the step
                    s++;
                    double eta = 1 / (lambda * s);                                // η_s = 1/(λs)
                    for (int j = 0; j < theta.length; j++) theta[j] *= 1 - eta * lambda;   // θ ← (1 − η_sλ)θ
                    for (int a = 0; a < m; a++) data.addRow(theta, active[a], eta / (to - from));   // + (η_s/|B|) Σ tᵢx̃ᵢ
                    double norm = Math.sqrt(dot(theta, theta));
                    if (norm > radius) for (int j = 0; j < theta.length; j++) theta[j] *= radius / norm;   // project
                }
                double L = data.objective(theta, lambda);
                trace.loss(L);
                p.step(L);
                if (p.stopped()) {
                    trace.note("stopped by Ctrl-C after " + (epoch + 1) + " epochs");
                    break;
                }
            }
        }
        return theta;
    }

    private static double[] subgradient(Data data, Options o, Trace.Builder trace) {
        int n = data.n;
        double lambda = o.lambda();
        double[] theta = new double[data.d + 1], best = theta.clone();
        double bestL = data.objective(theta, lambda);
        try (var p = Progress.start("subgradient", o.maxIter())) {
            for (int s = 1; s <= o.maxIter(); s++) {
                double[] g = new double[theta.length];
                for (int j = 0; j < theta.length; j++) g[j] = lambda * theta[j];    // λθ
                for (int i = 0; i < n; i++)
                    if (data.t[i] * data.z(theta, i) < 1) data.addRow(g, i, -1.0 / n);   // − (1/n) Σ_{tz<1} tᵢx̃ᵢ
                double eta = 1 / (lambda * s);                                       // η_s = 1/(λs)
                for (int j = 0; j < theta.length; j++) theta[j] -= eta * g[j];       // θ ← θ − η_s g
                double L = data.objective(theta, lambda);
                trace.loss(L);
                if (L < bestL) {                                                     // not a descent method: keep the best
                    bestL = L;
                    best = theta.clone();
                }
                p.step(L);
                if (p.stopped()) {
                    trace.note("stopped by Ctrl-C after " + s + " steps");
                    break;
                }
            }
        }
        return best;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /// The primal objective `(λ/2)‖(w, b)‖² + (1/n) Σ max(0, 1 − tᵢ(xᵢw + b))` of this model on `X`, `y`.
    public double objective(Matrix X, Vector y) {
        Inputs.requireXy("LinearSVM.objective", X, y);
        y.toClassIndices("LinearSVM.objective", "y", 2);
        Inputs.requireX("LinearSVM.objective", X, w.size());
        double[] theta = Vector.concat(w, Vector.of(b)).toArray();
        return new Data(X, y).objective(theta, options.lambda());
    }

    /// The half-width of the band `|xw + b| ≤ 1`: the distance `1/‖w‖` from the boundary to either edge.
    public double margin() { return 1 / w.norm(); }

    /// `xw + b` per row: positive on the class-1 side, ±1 on the edges of the band.
    @Override public Vector decisionFunction(Matrix X) {
        Inputs.requireX("LinearSVM.decisionFunction", X, w.size());
        return X.times(w).plus(b);
    }

    /// 1 where `xw + b > 0`, else 0.
    @Override public Vector predict(Matrix X) {
        Inputs.requireX("LinearSVM.predict", X, w.size());
        return X.times(w).plus(b).map(z -> z > 0 ? 1 : 0);
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "LinearSVM(d = %d, b = %.4f, λ = %s, %s, margin %.4f, %d support vectors)%n  w = %s%n  %s",
                w.size(), b, LogisticRegression.number(options.lambda()), options.solver(), margin(), support.size(), w,
                trace.toString().replace("\n", "\n  "));
    }
}
