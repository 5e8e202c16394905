package mlscratch.nn;

import mlscratch.linalg.MatrixBuffer;
import mlscratch.util.Check;

/// One trainable tensor of a network: its `value` and the gradient `grad = ∂L/∂value` of the same shape.
/// Layers own their Params; `backward` ADDS into `grad` (so gradients of a shared parameter accumulate)
/// and never touches `value`; an [Optimizer] reads `grad` and updates `value` in place. Hence the loop
/// ```
/// var out = net.forward(X);            // activations
/// net.zeroGrad();                      // grad ← 0 for every Param
/// net.backward(loss.gradient(out, Y)); // grad ← ∂L/∂value
/// optimizer.step();                    // value ← value − η·grad (or momentum, Adam…)
/// ```
/// `decay` says whether L2 weight decay applies (weights: yes; biases: no, by convention).
public final class Param {
    private final String name;
    private final MatrixBuffer value, grad;
    private final boolean decay;

    /// A parameter named `name` starting at `value` (taken over, not copied), with a zero gradient.
    public Param(String name, MatrixBuffer value, boolean decay) {
        this.name = Check.notNull("Param", "name", name);
        this.value = Check.notNull("Param", "value", value);
        this.grad = MatrixBuffer.zeros(value.rows(), value.cols());
        this.decay = decay;
    }

    public String name() { return name; }

    /// The live value (mutable: the optimizer writes it).
    public MatrixBuffer value() { return value; }

    /// The live gradient `∂L/∂value` (mutable: backward adds into it).
    public MatrixBuffer grad() { return grad; }

    /// Whether L2 weight decay applies to this parameter.
    public boolean decay() { return decay; }

    /// `grad ← 0`.
    public void zeroGrad() { grad.fill(0); }

    /// Number of scalar parameters.
    public int size() { return value.size(); }

    /// `W 2×8  ‖value‖ 1.234  ‖grad‖ 0.0123`
    @Override public String toString() {
        return String.format("%s %s  ‖value‖ %.4g  ‖grad‖ %.4g", name, value.shape(),
                Math.sqrt(value.sumOfSquares()), Math.sqrt(grad.sumOfSquares()));
    }
}
