package mlscratch.nn;

import mlscratch.linalg.MatrixBuffer;

/// The logistic function `σ(x) = 1/(1 + e⁻ˣ)`, squashing to (0, 1).
/// ```
/// forward:   Y = σ(X)
/// backward:  dX = dY ⊙ Y ⊙ (1 − Y)         (σ′ = σ(1 − σ), from Y: no second exp)
/// ```
/// Saturates: for |x| ≫ 1 the slope vanishes, which is why deep sigmoid nets train slowly (tutorial 31).
/// For a binary output, prefer a linear last layer with [BinaryCrossEntropy], which fuses σ in stably.
public final class Sigmoid extends Activation {
    @Override void forward(MatrixBuffer X, MatrixBuffer Y) {
        X.sigmoidInto(Y);                                                      // y = σ(x) = 1/(1 + e⁻ˣ), stable
    }

    @Override void backward(double[] x, double[] y, double[] dy, double[] dx, int n) {
        for (int k = 0; k < n; k++) dx[k] = dy[k] * y[k] * (1 - y[k]);        // forward was y = σ(x): dx = dy·y(1 − y)
    }
}
