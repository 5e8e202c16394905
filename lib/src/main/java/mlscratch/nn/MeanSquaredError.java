package mlscratch.nn;

import mlscratch.linalg.MatrixBuffer;

/// The regression loss: the mean of the squared residuals over every entry.
/// ```
/// Objective:  L = (1/(n·k)) Σᵢⱼ (Oᵢⱼ − Tᵢⱼ)²
/// Gradient:   ∂L/∂O = 2(O − T)/(n·k)
/// ```
/// For one output (k = 1) this is `Metrics.meanSquaredError`.
public final class MeanSquaredError implements LossFunction {
    @Override public double value(MatrixBuffer O, MatrixBuffer T) {
        LossFunction.check("MeanSquaredError.value", O, T, null);
        double[] o = O.data(), t = T.data();
        double s = 0;
        for (int k = 0, n = O.size(); k < n; k++) {
            double r = o[k] - t[k];                                             // r = o − t
            s += r * r;
        }
        return s / O.size();                                                    // L = Σ r² / (n·k)
    }

    @Override public void gradientInto(MatrixBuffer O, MatrixBuffer T, MatrixBuffer grad) {
        LossFunction.check("MeanSquaredError.gradient", O, T, grad);
        double[] o = O.data(), t = T.data(), g = grad.data();
        double c = 2.0 / O.size();
        for (int k = 0, n = O.size(); k < n; k++) g[k] = c * (o[k] - t[k]);     // ∂L/∂o = 2(o − t)/(n·k)
    }

    @Override public String toString() { return "MeanSquaredError"; }
}
