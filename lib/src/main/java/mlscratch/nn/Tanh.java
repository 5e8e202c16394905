package mlscratch.nn;

import mlscratch.linalg.MatrixBuffer;

/// The hyperbolic tangent, squashing to (−1, 1), zero-centred (unlike σ).
/// ```
/// forward:   Y = tanh(X)
/// backward:  dX = dY ⊙ (1 − Y²)
/// ```
public final class Tanh extends Activation {
    @Override void forward(MatrixBuffer X, MatrixBuffer Y) {
        X.tanhInto(Y);                                                         // y = tanh(x)
    }

    @Override void backward(double[] x, double[] y, double[] dy, double[] dx, int n) {
        for (int k = 0; k < n; k++) dx[k] = dy[k] * (1 - y[k] * y[k]);        // forward was y = tanh(x): dx = dy·(1 − y²)
    }
}
