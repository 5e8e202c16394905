package mlscratch.nn;

import java.util.Objects;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.MatrixBuffer;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.model.ProbabilisticClassifier;
import mlscratch.model.Trace;

/// A multi-layer perceptron classifier: the `fit` convenience over [Sequential], [SoftmaxCrossEntropy] and
/// [Trainer], for when the loop has been written by hand once (tutorial 30) and now should just run.
///
/// Notation: `X` n×d, labels `y` in 0…k−1, `T` their one-hot rows, `h₀ = standardise(X)`.
/// ```
/// Model:      hₗ = act(hₗ₋₁Wₗ + bₗ),  l = 1…L;   Z = h_L W_out + b_out  (n×k scores);   P = softmax(Z)
/// Objective:  L = −(1/n) Σᵢ log Pᵢ,yᵢ  + ½λ Σₗ ‖Wₗ‖²
/// Gradient:   ∂L/∂Z = (P − T)/n, then backpropagation layer by layer (see [Dense], [ReLU], …)
/// Update:     the rule of the options (Adam by default) on mini-batches
/// Cost:       per epoch ≈ 3·n·Σₗ dₗ₋₁dₗ multiply-adds
/// ```
/// ```
/// var ds = Generators.moons(200, 0.1, 1);
/// var m = MLPClassifier.fit(ds.X(), ds.y());                               // one hidden layer of 32 ReLUs
/// var m2 = MLPClassifier.fit(ds.X(), ds.y(), MLPOptions.defaults().withHidden(64, 64).withEpochs(50));
/// m.predict(ds.X());  m.predictProba(ds.X());  m.history();  m.network();
/// ```
/// The model holds its trained network (mutable by nature: see [Param]); `fit` never shares it.
/// References: Goodfellow, Bengio & Courville, *Deep Learning*, ch. 6; tutorials 30 and 31.
public final class MLPClassifier implements ProbabilisticClassifier {
    private final Sequential network;
    private final int features, classes;
    private final TrainingHistory history;
    private final MLPOptions options;

    private MLPClassifier(Sequential network, int features, int classes, TrainingHistory history, MLPOptions options) {
        this.network = network;
        this.features = features;
        this.classes = classes;
        this.history = history;
        this.options = options;
    }

    /// Fits with [MLPOptions#defaults()].
    public static MLPClassifier fit(Matrix X, Vector y) { return fit(X, y, MLPOptions.defaults()); }

    public static MLPClassifier fit(Matrix X, Vector y, MLPOptions options) {
        Inputs.requireXy("fit", X, y);
        int k = Math.max(2, Inputs.requireLabels("fit", y));
        mlscratch.util.Check.notNull("fit", "options", options);
        Sequential net = options.network(X, k);
        var opt = Optimizer.of(options.rule(), net.params(), options.l2());
        var history = Trainer.fit(net, new SoftmaxCrossEntropy(), opt, X, Trainer.oneHot(y, k), options.training());
        net.eval();
        return new MLPClassifier(net, X.cols(), k, history, options);
    }

    /// The class scores `Z` (n×k, before the softmax).
    public Matrix scores(Matrix X) {
        Inputs.requireX("predict", X, features);
        return network.predict(X);
    }

    @Override public Vector predict(Matrix X) {
        int[] c = scores(X).argmax(1);                                          // ŷᵢ = argmax_c Zᵢc
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) out[i] = c[i];
        return Vector.wrap(out);
    }

    @Override public Matrix predictProba(Matrix X) {
        var Z = MatrixBuffer.copyOf(scores(X));
        Z.softmaxRowsInto(Z);                                                   // P = softmax(Z)
        return Z.toMatrix();
    }

    /// The trained network (first layer [Standardize] when the options standardise).
    public Sequential network() { return network; }

    public int classes() { return classes; }

    public TrainingHistory history() { return history; }

    public Trace trace() { return history.toTrace(); }

    public MLPOptions options() { return options; }

    /// Equal when the shapes and every weight are equal (the options' activation supplier is not compared).
    @Override public boolean equals(Object o) {
        return o instanceof MLPClassifier m && m.features == features && m.classes == classes
                && m.network.snapshot().equals(network.snapshot());
    }

    @Override public int hashCode() { return Objects.hash(features, classes, network.snapshot()); }

    @Override public String toString() {
        return "MLPClassifier: " + features + " features → " + classes + " classes, " + history.epochs() + " epochs, loss "
                + String.format(java.util.Locale.ROOT, "%.4f", history.finalLoss()) + "\n" + network;
    }

}
