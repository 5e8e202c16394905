package mlscratch.nn;

import mlscratch.linalg.MatrixBuffer;
import mlscratch.util.Check;

/// The common plumbing of elementwise activations `Y = f(X)`: each subclass writes its forward (a linalg
/// kernel where one exists) and its local derivative as one loop with the equation beside it. `dX = dY ⊙ f′(X)`, where f′ is written in
/// terms of Y when that is cheaper (σ′ = Y(1 − Y), tanh′ = 1 − Y²).
abstract class Activation implements Layer {
    MatrixBuffer X;                                         // the last input (owned by the layer below)
    private MatrixBuffer out, grad;

    @Override public final MatrixBuffer forward(MatrixBuffer X) {
        Check.notNull(name() + ".forward", "X", X);
        this.X = X;
        out = sized(out, X);
        forward(X, out);
        return out;
    }

    @Override public final MatrixBuffer backward(MatrixBuffer dY) {
        Check.notNull(name() + ".backward", "dY", dY);
        if (X == null) throw Check.fail(name() + ".backward", "called before forward");
        if (dY.rows() != out.rows() || dY.cols() != out.cols())
            throw Check.fail(name() + ".backward", "dY is " + dY.shape() + " but the output was " + out.shape());
        grad = sized(grad, X);
        backward(X.data(), out.data(), dY.data(), grad.data(), X.size());
        return grad;
    }

    /// `Y = f(X)` elementwise, into `Y` (X's shape): the common ones run on the vectorised linalg kernels
    /// (`X.reluInto(Y)`, `X.sigmoidInto(Y)`, `X.tanhInto(Y)`).
    abstract void forward(MatrixBuffer X, MatrixBuffer Y);

    /// `dx[k] = dy[k]·f′(x[k])` for k < n (y = f(x) is at hand).
    abstract void backward(double[] x, double[] y, double[] dy, double[] dx, int n);

    String name() { return getClass().getSimpleName(); }

    /// A buffer of X's shape, reusing `b` when it has X's width.
    static MatrixBuffer sized(MatrixBuffer b, MatrixBuffer X) {
        if (b == null || b.cols() != X.cols()) return MatrixBuffer.zeros(X.rows(), X.cols());
        return b.resizeRows(X.rows());
    }

    @Override public String toString() { return name() + "()"; }
}
