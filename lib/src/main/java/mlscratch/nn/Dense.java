package mlscratch.nn;

import java.util.List;
import java.util.random.RandomGenerator;

import mlscratch.linalg.MatrixBuffer;
import mlscratch.linalg.Rng;
import mlscratch.util.Check;

/// A fully connected (affine) layer: every output is a weighted sum of every input plus a bias.
///
/// Notation: `X` n×d (a batch of n rows), `W` d×h, `b` 1×h, `Z` n×h; `dZ = ∂L/∂Z`.
/// ```
/// Model:     Z = X·W + b                     (b added to every row)
/// Gradient:  ∂L/∂W = Xᵀ·dZ                   d×h: Σ over the batch of xᵢᵀ dzᵢ
///            ∂L/∂b = Σᵢ dZᵢ                  1×h: column sums
///            ∂L/∂X = dZ·Wᵀ                   n×d: what the layer below receives
/// Cost:      3·n·d·h multiply-adds per forward + backward (two GEMMs back, one forth)
/// ```
/// ```
/// var layer = new Dense(2, 8, Init.he(), 42);    // W 2×8 from N(0, 2/2), b = 0
/// layer.forward(X);                              // n×8
/// ```
/// Reference: Goodfellow, Bengio & Courville, *Deep Learning*, §6.5; tutorial 30 derives it by hand.
public final class Dense implements Layer {
    private final Param W, b;
    private MatrixBuffer X;                               // the last input (owned by the layer below)
    private final MatrixBuffer Z, dX, gradW, gradB;       // reused across batches

    /// A `in → out` layer, W drawn by `init` from `rng`, b = 0.
    public Dense(int in, int out, Init init, RandomGenerator rng) {
        Check.positive("Dense", "in", in);
        Check.positive("Dense", "out", out);
        Check.notNull("Dense", "init", init);
        Check.notNull("Dense", "rng", rng);
        var w = MatrixBuffer.zeros(in, out);
        init.fill(w, rng);
        this.W = new Param("W", w, true);
        this.b = new Param("b", MatrixBuffer.zeros(1, out), false);
        this.Z = MatrixBuffer.zeros(0, out);
        this.dX = MatrixBuffer.zeros(0, in);
        this.gradW = MatrixBuffer.zeros(in, out);
        this.gradB = MatrixBuffer.zeros(1, out);
    }

    /// A `in → out` layer, W drawn by `init` from a generator seeded with `seed`.
    public Dense(int in, int out, Init init, long seed) { this(in, out, init, Rng.of(seed)); }

    /// The weights `W` (in×out).
    public Param W() { return W; }

    /// The bias `b` (1×out).
    public Param b() { return b; }

    public int in() { return W.value().rows(); }

    public int out() { return W.value().cols(); }

    @Override public MatrixBuffer forward(MatrixBuffer X) {
        Check.notNull("Dense.forward", "X", X);
        if (X.cols() != in())
            throw Check.fail("Dense.forward", "X is " + X.shape() + " but W is " + W.value().shape()
                    + " (X.cols must equal W.rows = " + in() + ")");
        this.X = X;
        Z.resizeRows(X.rows());
        X.timesInto(W.value(), Z);                        // Z = X·W          (n, h)
        Z.plusRowVectorInPlace(b.value());                // Z = X·W + b
        return Z;
    }

    @Override public MatrixBuffer backward(MatrixBuffer dZ) {
        backwardParams(dZ);
        dX.resizeRows(dZ.rows());
        dZ.timesTransposeInto(W.value(), dX);             // ∂L/∂X = dZ·Wᵀ    (n, d)
        return dX;
    }

    @Override public void backwardParams(MatrixBuffer dZ) {
        checkBackward(dZ);
        X.transposeTimesInto(dZ, gradW);                  // ∂L/∂W = Xᵀ·dZ    (d, h)
        W.grad().plusInPlace(gradW);
        dZ.columnSumsInto(gradB);                         // ∂L/∂b = Σᵢ dZᵢ   (1, h)
        b.grad().plusInPlace(gradB);
    }

    private void checkBackward(MatrixBuffer dZ) {
        Check.notNull("Dense.backward", "dZ", dZ);
        if (X == null) throw Check.fail("Dense.backward", "called before forward");
        if (dZ.rows() != X.rows() || dZ.cols() != out())
            throw Check.fail("Dense.backward", "dZ is " + dZ.shape() + " but the output was " + X.rows() + "×" + out());
    }

    @Override public List<Param> params() { return List.of(W, b); }

    @Override public int outputWidth(int inputWidth) { return out(); }

    @Override public String toString() { return "Dense(" + in() + " → " + out() + ")"; }
}
