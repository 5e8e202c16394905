package mlscratch.nn;

import mlscratch.linalg.MatrixBuffer;

import mlscratch.util.Check;

/// `lrelu(x) = x` for x > 0, `αx` otherwise: a ReLU whose negative side keeps a small slope, so no unit dies.
/// ```
/// forward:   Y = X ⊙ (α + (1 − α)[X > 0])
/// backward:  dX = dY ⊙ (α + (1 − α)[X > 0])
/// ```
public final class LeakyReLU extends Activation {
    private final double alpha;

    /// Slope `alpha` for x ≤ 0, in [0, 1) (0.01 is usual).
    public LeakyReLU(double alpha) {
        this.alpha = Check.inRange("LeakyReLU", "alpha", alpha, 0, 1);
    }

    /// α = 0.01.
    public LeakyReLU() { this(0.01); }

    public double alpha() { return alpha; }

    @Override void forward(MatrixBuffer X, MatrixBuffer Y) {
        double[] x = X.data(), y = Y.data();
        for (int k = 0, n = X.size(); k < n; k++) y[k] = x[k] > 0 ? x[k] : alpha * x[k];      // y = x or αx
    }

    @Override void backward(double[] x, double[] y, double[] dy, double[] dx, int n) {
        for (int k = 0; k < n; k++) dx[k] = x[k] > 0 ? dy[k] : alpha * dy[k];   // dx = dy·1 or dy·α
    }

    @Override public String toString() { return "LeakyReLU(" + alpha + ")"; }
}
