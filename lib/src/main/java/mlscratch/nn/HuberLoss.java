package mlscratch.nn;

import mlscratch.linalg.MatrixBuffer;
import mlscratch.util.Check;

/// A robust regression loss: quadratic for small residuals, linear for large ones, so outliers pull with a
/// bounded force.
/// ```
/// Objective:  L = (1/(n·k)) Σᵢⱼ h(Oᵢⱼ − Tᵢⱼ),   h(r) = ½r²            if |r| ≤ δ
///                                              h(r) = δ(|r| − ½δ)     otherwise   (continuous, C¹ at ±δ)
/// Gradient:   ∂L/∂O = clip(O − T, −δ, δ)/(n·k)
/// ```
public final class HuberLoss implements LossFunction {
    private final double delta;

    /// Threshold `delta` > 0 between the quadratic and the linear part.
    public HuberLoss(double delta) { this.delta = Check.positive("HuberLoss", "delta", delta); }

    /// δ = 1.
    public HuberLoss() { this(1.0); }

    public double delta() { return delta; }

    @Override public double value(MatrixBuffer O, MatrixBuffer T) {
        LossFunction.check("HuberLoss.value", O, T, null);
        double[] o = O.data(), t = T.data();
        double s = 0;
        for (int k = 0, n = O.size(); k < n; k++) {
            double r = Math.abs(o[k] - t[k]);
            s += r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);          // h(r)
        }
        return s / O.size();
    }

    @Override public void gradientInto(MatrixBuffer O, MatrixBuffer T, MatrixBuffer grad) {
        LossFunction.check("HuberLoss.gradient", O, T, grad);
        double[] o = O.data(), t = T.data(), g = grad.data();
        double c = 1.0 / O.size();
        for (int k = 0, n = O.size(); k < n; k++)
            g[k] = c * Math.clamp(o[k] - t[k], -delta, delta);                  // h′(r) = clip(r, −δ, δ)
    }

    @Override public String toString() { return "HuberLoss(" + delta + ")"; }
}
