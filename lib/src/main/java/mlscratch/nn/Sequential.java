package mlscratch.nn;

import java.util.ArrayList;
import java.util.List;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.MatrixBuffer;
import mlscratch.util.Check;

/// A network as a list of layers applied in order: `forward` runs them first to last, `backward` last to
/// first, each receiving the gradient the one after it returned (the chain rule, layer by layer).
///
/// ```
/// var net = new Sequential(
///         new Dense(2, 16, Init.he(), 1), new ReLU(),
///         new Dense(16, 1, Init.xavier(), 2));            // a logit: pair with BinaryCrossEntropy
/// var loss = new BinaryCrossEntropy();
/// var opt = Optimizer.adam(net.params(), 0.01);
/// var Xb = MatrixBuffer.copyOf(X); var Tb = MatrixBuffer.copyOf(T);
/// for (int epoch = 0; epoch < 500; epoch++) {
///     var out = net.forward(Xb);                       // forward
///     net.zeroGrad();                                  // grad ← 0
///     net.backward(loss.gradient(out, Tb));            // grad ← ∂L/∂θ
///     opt.step();                                      // θ ← θ − η·…
/// }
/// ```
/// [Trainer#fit] runs the same loop over shuffled mini-batches, with validation and early stopping.
public final class Sequential implements Layer {
    private final List<Layer> layers;
    private MatrixBuffer input;                             // forward(Matrix) copies into it

    public Sequential(Layer... layers) { this(java.util.Arrays.asList(Check.notNull("Sequential", "layers", layers))); }

    public Sequential(List<Layer> layers) {
        Check.notNull("Sequential", "layers", layers);
        if (layers.isEmpty()) throw Check.fail("Sequential", "needs at least one layer");
        for (int i = 0; i < layers.size(); i++)
            if (layers.get(i) == null) throw Check.fail("Sequential", "layer " + i + " is null");
        this.layers = List.copyOf(layers);
        for (int i = 0; i < this.layers.size(); i++)
            for (int j = 0; j < i; j++)
                if (this.layers.get(i) == this.layers.get(j))
                    throw Check.fail("Sequential", "layer " + i + " is layer " + j + " again (a layer keeps the buffers of one"
                            + " position: make a new one)");
    }

    public List<Layer> layers() { return layers; }

    @Override public MatrixBuffer forward(MatrixBuffer X) {
        MatrixBuffer h = X;
        for (Layer layer : layers) h = layer.forward(h);                        // h ← layerₗ(h)
        return h;
    }

    /// Forward of a [Matrix] (copied into a buffer this network owns): checks that X is finite first, so
    /// NaNs are named (`forward: X[3][1] is NaN`) rather than propagated.
    public MatrixBuffer forward(Matrix X) {
        Check.notNull("forward", "X", X);
        int d = inputWidth();
        if (d >= 0 && X.cols() != d)
            throw Check.fail("forward", "X is " + X.shape() + " but the network's first layer expects " + d + " columns");
        X.requireFinite("forward", "X");
        if (input == null || input.cols() != X.cols()) input = MatrixBuffer.zeros(X.rows(), X.cols());
        input.resizeRows(X.rows()).copyFrom(X);
        return forward(input);
    }

    /// The outputs for `X` in evaluation mode (no dropout), as an immutable Matrix; the mode is restored.
    public Matrix predict(Matrix X) {
        boolean[] modes = modes();
        training(false);
        try {
            return forward(X).toMatrix();
        } finally {
            restore(modes);
        }
    }

    /// The predicted class of each row of `X`, for a classifier network ending in scores: the index of the
    /// largest score, or — with a single output (a logit) — 1 when it is > 0, else 0. Evaluation mode.
    /// ```
    /// Plot.decisionRegions(net::predictClasses, X, y).show();
    /// ```
    public mlscratch.linalg.Vector predictClasses(Matrix X) {
        Matrix Z = predict(X);
        double[] c = new double[Z.rows()];
        if (Z.cols() == 1) for (int i = 0; i < c.length; i++) c[i] = Z.get(i, 0) > 0 ? 1 : 0;   // σ(z) > ½ ⇔ z > 0
        else {
            int[] arg = Z.argmax(1);                                                         // argmax_c Zᵢc
            for (int i = 0; i < c.length; i++) c[i] = arg[i];
        }
        return mlscratch.linalg.Vector.wrap(c);
    }

    @Override public MatrixBuffer backward(MatrixBuffer dY) {
        MatrixBuffer g = dY;
        for (int l = layers.size() - 1; l >= 0; l--) g = layers.get(l).backward(g);   // g ← (∂layerₗ)ᵀ g
        return g;
    }

    /// As [#backward] but the first layer skips `∂L/∂X` (nobody reads it when training).
    @Override public void backwardParams(MatrixBuffer dY) {
        MatrixBuffer g = dY;
        for (int l = layers.size() - 1; l > 0; l--) g = layers.get(l).backward(g);
        layers.get(0).backwardParams(g);
    }

    @Override public List<Param> params() {
        var all = new ArrayList<Param>();
        for (Layer layer : layers) all.addAll(layer.params());
        return List.copyOf(all);
    }

    @Override public void training(boolean on) { for (Layer layer : layers) layer.training(on); }

    /// Training mode (dropout on). Returns this.
    public Sequential train() { training(true); return this; }

    /// Evaluation mode (dropout off). Returns this.
    public Sequential eval() { training(false); return this; }

    @Override public int outputWidth(int inputWidth) {
        int w = inputWidth;
        for (Layer layer : layers) w = layer.outputWidth(w);
        return w;
    }

    /// The input width the first [Dense] layer expects (searching nested Sequentials), or −1 when there is none.
    public int inputWidth() {
        for (Layer layer : layers) {
            if (layer instanceof Dense dense) return dense.in();
            if (layer instanceof Standardize st) return st.mean().size();
            if (layer instanceof Sequential s && s.inputWidth() >= 0) return s.inputWidth();
        }
        return -1;
    }

    /// Number of scalar parameters.
    public int paramCount() {
        int n = 0;
        for (Param p : params()) n += p.size();
        return n;
    }

    /// Copies of every parameter value, in [#params()] order (a snapshot to restore with [#load]).
    public List<Matrix> snapshot() { return params().stream().map(p -> p.value().toMatrix()).toList(); }

    /// Sets every parameter value from a [#snapshot()].
    public void load(List<Matrix> values) {
        var ps = params();
        Check.notNull("load", "values", values);
        if (values.size() != ps.size())
            throw Check.fail("load", "the network has " + ps.size() + " parameters but " + values.size() + " values were given");
        for (int i = 0; i < ps.size(); i++) ps.get(i).value().copyFrom(values.get(i));
    }

    private boolean[] modes() {
        boolean[] m = new boolean[layers.size()];
        for (int i = 0; i < m.length; i++) m[i] = layers.get(i) instanceof Dropout d ? d.isTraining()
                : layers.get(i) instanceof Sequential s ? s.anyTraining() : false;
        return m;
    }

    private boolean anyTraining() {
        for (boolean b : modes()) if (b) return true;
        return false;
    }

    private void restore(boolean[] m) {
        for (int i = 0; i < m.length; i++) if (m[i]) layers.get(i).training(true);
    }

    /// ```
    /// Sequential: 4 layers, 65 parameters
    ///   0  Dense(2 → 16)     48
    ///   1  ReLU()
    /// ```
    @Override public String toString() {
        var sb = new StringBuilder("Sequential: " + layers.size() + " layers, " + paramCount() + " parameters");
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            int n = 0;
            for (Param p : layer.params()) n += p.size();
            sb.append(String.format("%n  %-2d %-22s %s", i, layer, n == 0 ? "" : String.valueOf(n)).stripTrailing());
        }
        return sb.toString();
    }
}
