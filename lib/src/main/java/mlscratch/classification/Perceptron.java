package mlscratch.classification;

import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.model.Trace;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// Rosenblatt's perceptron: a linear boundary learned by correcting one mistake at a time.
///
/// ## Notation
/// ```
/// X  n×d   one example per row          y  n     labels in {0, 1},  tᵢ = 2yᵢ − 1 ∈ {−1, +1}
/// w  d     weights                      b  ℝ     intercept          η  learning rate
/// ```
/// ## Model
/// ```
/// ŷ = 1 if xw + b > 0, else 0
/// ```
/// ## Objective (what the rule descends, one row at a time)
/// ```
/// L(w, b) = Σᵢ max(0, −tᵢ(xᵢw + b))            zero exactly when every row is on its side
/// ```
/// ## Update — for each row, in a seeded shuffled order each epoch
/// ```
/// if tᵢ(xᵢw + b) ≤ 0:   w ← w + η tᵢ xᵢ,   b ← b + η tᵢ          (a mistake: move the boundary towards xᵢ)
/// ```
/// Stops after the first epoch without a mistake (converged) or after `maxEpochs` (a note). Convergence
/// (Novikoff 1962): if some unit vector ũ = (u, c) separates the data with margin γ, `tᵢ(xᵢu + c) ≥ γ`, and
/// every `‖(xᵢ, 1)‖ ≤ R`, the rule makes at most `(R/γ)²` mistakes, whatever the order. On data no line
/// separates (XOR) it never stops: the trace counts the mistakes per epoch, which never reach 0.
/// ## Cost
/// O(nd) per epoch.
/// ## Example
/// ```
/// var m = Perceptron.fit(X, y);
/// m.trace();   // Trace: 7 iterations, converged, loss 12.000 → 0.000    (mistakes per epoch)
/// ```
/// ## References
/// Tutorial `tutorials/07-perceptron-and-linear-svm.jsh`. Rosenblatt (1958); Novikoff (1962);
/// Bishop, *Pattern Recognition and Machine Learning*, §4.1.7.
///
/// @param w        weights
/// @param b        intercept
/// @param mistakes the total number of updates made
/// @param options  the options it was fitted with
/// @param trace    mistakes per epoch
public record Perceptron(Vector w, double b, int mistakes, Options options, Trace trace) implements ScoringClassifier {

    /// @param maxEpochs    passes over the data, ≥ 1 (default 1000)
    /// @param learningRate η > 0 (default 1; from w = 0 it only scales w and b, not the boundary)
    /// @param shuffle      visit the rows in a fresh seeded order each epoch (default true) or in order
    /// @param seed         seeds the shuffles (default 42)
    public record Options(int maxEpochs, double learningRate, boolean shuffle, long seed) {
        public Options {
            Check.positive("Perceptron.Options", "maxEpochs", maxEpochs);
            Check.positive("Perceptron.Options", "learningRate", learningRate);
        }

        public static Options defaults() { return new Options(1000, 1, true, 42); }

        public Options withMaxEpochs(int maxEpochs) { return new Options(maxEpochs, learningRate, shuffle, seed); }

        public Options withLearningRate(double learningRate) { return new Options(maxEpochs, learningRate, shuffle, seed); }

        public Options withShuffle(boolean shuffle) { return new Options(maxEpochs, learningRate, shuffle, seed); }

        public Options withSeed(long seed) { return new Options(maxEpochs, learningRate, shuffle, seed); }
    }

    public Perceptron {
        Check.notNull("Perceptron", "w", w).requireFinite("Perceptron", "w");
        Check.finite("Perceptron", "b", b);
        Check.nonNegative("Perceptron", "mistakes", mistakes);
        Check.notNull("Perceptron", "options", options);
        Check.notNull("Perceptron", "trace", trace);
    }

    /// Fits with [Options#defaults()].
    public static Perceptron fit(Matrix X, Vector y) { return fit(X, y, Options.defaults()); }

    public static Perceptron fit(Matrix X, Vector y, Options options) {
        String where = "Perceptron.fit";
        Inputs.requireXy(where, X, y);
        Check.notNull(where, "options", options);
        int k = Inputs.requireLabels(where, y);
        if (k > 2) throw Check.fail(where, "y has " + k + " classes but the perceptron is binary (labels 0 and 1); "
                + "use OneVsRest.fit(X, y, Perceptron::fit)");
        int n = X.rows(), d = X.cols();
        double[] x = X.toArray();                     // row-major n×d
        int[] t = new int[n];
        for (int i = 0; i < n; i++) t[i] = y.get(i) == 1 ? 1 : -1;     // tᵢ = 2yᵢ − 1
        double[] w = new double[d];
        double b = 0, eta = options.learningRate();
        var rng = Rng.of(options.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var trace = Trace.builder();
        int total = 0;
        boolean ended = false;
        try (var p = Progress.start("perceptron", options.maxEpochs())) {
            for (int epoch = 0; epoch < options.maxEpochs(); epoch++) {
                if (options.shuffle()) order = Rng.permutation(n, rng);
                int mistakes = 0;
                for (int i : order) {
                    double z = b;
                    for (int j = 0; j < d; j++) z += x[i * d + j] * w[j];        // z = xᵢw + b
                    if (t[i] * z <= 0) {                                          // wrong side (or on the line)
                        for (int j = 0; j < d; j++) w[j] += eta * t[i] * x[i * d + j];   // w ← w + η tᵢ xᵢ
                        b += eta * t[i];                                          // b ← b + η tᵢ
                        mistakes++;
                    }
                }
                total += mistakes;
                trace.loss(mistakes);
                p.step(mistakes);
                if (mistakes == 0) {
                    trace.converged();
                    ended = true;
                    break;
                }
                if (p.stopped()) {
                    trace.note("stopped by Ctrl-C after " + (epoch + 1) + " epochs");
                    ended = true;
                    break;
                }
            }
        }
        if (!ended) trace.note("still " + (int) trace.build().finalLoss() + " mistakes after maxEpochs = "
                + options.maxEpochs() + ": the classes are probably not linearly separable");
        return new Perceptron(Vector.wrap(w), b, total, options, trace.build());
    }

    /// `xw + b` per row: positive on the class-1 side.
    @Override public Vector decisionFunction(Matrix X) {
        Inputs.requireX("Perceptron.decisionFunction", X, w.size());
        return X.times(w).plus(b);
    }

    /// 1 where `xw + b > 0`, else 0.
    @Override public Vector predict(Matrix X) {
        Inputs.requireX("Perceptron.predict", X, w.size());
        return X.times(w).plus(b).map(z -> z > 0 ? 1 : 0);
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "Perceptron(d = %d, b = %.4f, %d mistakes)%n  w = %s%n  %s",
                w.size(), b, mistakes, w, trace.toString().replace("\n", "\n  "));
    }
}
