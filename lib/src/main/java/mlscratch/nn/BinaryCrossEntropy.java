package mlscratch.nn;

import mlscratch.linalg.MatrixBuffer;

/// The log-loss of independent yes/no outputs, taking LOGITS `Z` (the sigmoid is fused in): targets T in
/// [0, 1], probabilities `P = σ(Z)`.
/// ```
/// Objective:  L = −(1/(n·k)) Σᵢⱼ [Tᵢⱼ log σ(Zᵢⱼ) + (1 − Tᵢⱼ) log(1 − σ(Zᵢⱼ))]
///               = (1/(n·k)) Σᵢⱼ [log(1 + e^Zᵢⱼ) − Tᵢⱼ Zᵢⱼ]
/// Gradient:   ∂L/∂Z = (σ(Z) − T)/(n·k)
/// ```
/// Numerics: `log(1 + eᶻ)` is computed as `max(z, 0) + log1p(e^(−|z|))`, which never overflows and keeps
/// the digits of tiny probabilities; taking logits avoids `log(0)` when σ(z) rounds to 0 or 1.
public final class BinaryCrossEntropy implements LossFunction {
    @Override public double value(MatrixBuffer Z, MatrixBuffer T) {
        LossFunction.check("BinaryCrossEntropy.value", Z, T, null);
        double[] z = Z.data(), t = T.data();
        double s = 0;
        for (int k = 0, n = Z.size(); k < n; k++)
            s += Math.max(z[k], 0) + Math.log1p(Math.exp(-Math.abs(z[k]))) - t[k] * z[k];   // log(1 + eᶻ) − t·z
        return s / Z.size();
    }

    @Override public void gradientInto(MatrixBuffer Z, MatrixBuffer T, MatrixBuffer grad) {
        LossFunction.check("BinaryCrossEntropy.gradient", Z, T, grad);
        Z.sigmoidInto(grad);                                                    // g = σ(z)
        double[] t = T.data(), g = grad.data();
        double c = 1.0 / Z.size();
        for (int k = 0, n = Z.size(); k < n; k++) g[k] = c * (g[k] - t[k]);     // (σ(z) − t)/(n·k)
    }

    /// A row is correct when every output is on the right side of 0 (σ = ½).
    @Override public int countCorrect(MatrixBuffer Z, MatrixBuffer T) {
        double[] z = Z.data(), t = T.data();
        int k = Z.cols(), correct = 0;
        for (int i = 0; i < Z.rows(); i++) {
            boolean ok = true;
            for (int j = 0; j < k; j++) ok &= (z[i * k + j] > 0) == (t[i * k + j] > 0.5);
            if (ok) correct++;
        }
        return correct;
    }

    @Override public String toString() { return "BinaryCrossEntropy(logits)"; }
}
