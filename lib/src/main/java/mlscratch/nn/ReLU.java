package mlscratch.nn;

import mlscratch.linalg.MatrixBuffer;

/// The rectifier `relu(x) = max(0, x)`: cheap, does not saturate for x > 0, the default for hidden layers.
/// ```
/// forward:   Y = max(0, X)
/// backward:  dX = dY ⊙ [X > 0]            (the subgradient 0 at x = 0)
/// ```
/// Pair it with [Init#he()]. A unit whose input is negative for every example gets no gradient ("dead").
public final class ReLU extends Activation {
    @Override void forward(MatrixBuffer X, MatrixBuffer Y) {
        X.reluInto(Y);                                                         // y = max(0, x)
    }

    @Override void backward(double[] x, double[] y, double[] dy, double[] dx, int n) {
        for (int k = 0; k < n; k++) dx[k] = x[k] > 0 ? dy[k] : 0;             // forward was y = max(0, x): dx = dy·[x > 0]
    }
}
