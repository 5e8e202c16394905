package mlscratch.nn;

import java.util.random.RandomGenerator;

import mlscratch.linalg.MatrixBuffer;
import mlscratch.linalg.Rng;
import mlscratch.util.Check;

/// Inverted dropout: in training, each unit is zeroed with probability p and the survivors are scaled by
/// 1/(1 − p), so the expected activation is unchanged and evaluation needs no rescaling.
/// ```
/// training:  Mᵢⱼ = [uᵢⱼ ≥ p] / (1 − p),  uᵢⱼ ~ U(0, 1)       Y = X ⊙ M,   dX = dY ⊙ M
/// eval:      Y = X,                                           dX = dY
/// ```
/// The mask comes from this layer's own seeded generator: the same seed gives the same masks. Starts in
/// training mode; [Sequential#eval()] switches it off. Reference: Srivastava et al. (2014).
public final class Dropout implements Layer {
    private final double p;
    private final RandomGenerator rng;
    private boolean training = true;
    private MatrixBuffer M, Y, dX;

    /// Drop probability `p` in [0, 1), masks from `rng`.
    public Dropout(double p, RandomGenerator rng) {
        if (!(p >= 0 && p < 1)) throw Check.fail("Dropout", "'p' must be in [0, 1), got " + p);
        this.p = p;
        this.rng = Check.notNull("Dropout", "rng", rng);
    }

    /// Drop probability `p`, masks from a generator seeded with `seed`.
    public Dropout(double p, long seed) { this(p, Rng.of(seed)); }

    public double p() { return p; }

    @Override public void training(boolean on) { training = on; }

    public boolean isTraining() { return training; }

    @Override public MatrixBuffer forward(MatrixBuffer X) {
        Check.notNull("Dropout.forward", "X", X);
        Y = Activation.sized(Y, X);
        M = Activation.sized(M, X);
        double[] x = X.data(), y = Y.data(), m = M.data();
        double keep = 1 / (1 - p);
        for (int k = 0, n = X.size(); k < n; k++) {
            m[k] = !training ? 1 : rng.nextDouble() >= p ? keep : 0;            // Mᵢⱼ = [u ≥ p]/(1 − p)
            y[k] = x[k] * m[k];                                                 // Y = X ⊙ M
        }
        return Y;
    }

    @Override public MatrixBuffer backward(MatrixBuffer dY) {
        Check.notNull("Dropout.backward", "dY", dY);
        if (M == null) throw Check.fail("Dropout.backward", "called before forward");
        if (dY.rows() != M.rows() || dY.cols() != M.cols())
            throw Check.fail("Dropout.backward", "dY is " + dY.shape() + " but the output was " + M.shape());
        dX = Activation.sized(dX, dY);
        dX.copyFrom(dY).hadamardInPlace(M);                                      // dX = dY ⊙ M
        return dX;
    }

    @Override public String toString() { return "Dropout(" + p + ")"; }
}
