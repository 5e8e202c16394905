package mlscratch.nn;

import mlscratch.linalg.MatrixBuffer;
import mlscratch.util.Check;

/// A training loss `L(O, T)` of a network's output `O` against targets `T` (both n×k, one row per example),
/// averaged over the batch, with its gradient `∂L/∂O` — where `backward` starts. An open extension point:
/// implement it in JShell for a loss of your own and check it with `GradCheck`.
/// ```
/// var out = net.forward(X);
/// double L = loss.value(out, T);
/// net.zeroGrad();
/// net.backward(loss.gradient(out, T));
/// ```
/// The classification losses ([SoftmaxCrossEntropy], [BinaryCrossEntropy]) take raw scores (logits), not
/// probabilities: fusing the last activation into the loss is both simpler (`∂L/∂O = (P − T)/n`) and stable.
public interface LossFunction {
    /// The mean loss over the rows of `output`.
    double value(MatrixBuffer output, MatrixBuffer target);

    /// `grad = ∂L/∂output` (grad has output's shape; no allocation).
    void gradientInto(MatrixBuffer output, MatrixBuffer target, MatrixBuffer grad);

    /// `∂L/∂output` in a new buffer (for the hand-written loop; training reuses one with [#gradientInto]).
    default MatrixBuffer gradient(MatrixBuffer output, MatrixBuffer target) {
        var grad = MatrixBuffer.zeros(output.rows(), output.cols());
        gradientInto(output, target, grad);
        return grad;
    }

    /// How many rows of `output` predict the class of `target`, or −1 when accuracy means nothing for this
    /// loss (regression).
    default int countCorrect(MatrixBuffer output, MatrixBuffer target) { return -1; }

    /// Shape check shared by the implementations: output and target (and grad) must match.
    static void check(String where, MatrixBuffer output, MatrixBuffer target, MatrixBuffer grad) {
        Check.notNull(where, "output", output);
        Check.notNull(where, "target", target);
        if (output.rows() != target.rows() || output.cols() != target.cols())
            throw Check.fail(where, "output is " + output.shape() + " but target is " + target.shape() + " (shapes must match)");
        if (output.rows() == 0) throw Check.fail(where, "the batch is empty (0 rows)");
        if (grad != null && (grad.rows() != output.rows() || grad.cols() != output.cols()))
            throw Check.fail(where, "grad is " + grad.shape() + " but output is " + output.shape());
    }
}
