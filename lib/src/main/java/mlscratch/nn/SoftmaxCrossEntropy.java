package mlscratch.nn;

import mlscratch.linalg.MatrixBuffer;

/// The multi-class log-loss, taking SCORES `Z` (n×k logits; the softmax is fused in) and targets `T`
/// (n×k, rows are distributions: one-hot for hard labels).
/// ```
/// Model:      Pᵢ = softmax(Zᵢ),  Pᵢc = exp(Zᵢc) / Σ_c' exp(Zᵢc')
/// Objective:  L = −(1/n) Σᵢ Σc Tᵢc log Pᵢc = (1/n) Σᵢ [ lseᵢ·Σc Tᵢc − Σc Tᵢc Zᵢc ],  lseᵢ = log Σc exp(Zᵢc)
/// Gradient:   ∂L/∂Z = (P ⊙ ΣT − T)/n  =  (P − T)/n  for one-hot (or any distribution) rows of T
/// ```
/// Numerics: log-sum-exp is shifted by the row maximum, `lse = m + log Σ exp(z − m)`, so no exp
/// overflows and log P never becomes log 0 (a score 1000 above the others gives loss 0, not NaN).
public final class SoftmaxCrossEntropy implements LossFunction {
    @Override public double value(MatrixBuffer Z, MatrixBuffer T) {
        LossFunction.check("SoftmaxCrossEntropy.value", Z, T, null);
        double[] z = Z.data(), t = T.data();
        int n = Z.rows(), k = Z.cols();
        double s = 0;
        for (int i = 0; i < n; i++) {
            int r = i * k;
            double m = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) m = Math.max(m, z[r + c]);
            double e = 0, tSum = 0, tz = 0;
            for (int c = 0; c < k; c++) {
                e += Math.exp(z[r + c] - m);
                tSum += t[r + c];
                tz += t[r + c] * z[r + c];
            }
            s += (m + Math.log(e)) * tSum - tz;                                 // lseᵢ·ΣTᵢ − Σc Tᵢc Zᵢc
        }
        return s / n;
    }

    @Override public void gradientInto(MatrixBuffer Z, MatrixBuffer T, MatrixBuffer grad) {
        LossFunction.check("SoftmaxCrossEntropy.gradient", Z, T, grad);
        double[] z = Z.data(), t = T.data(), g = grad.data();
        int n = Z.rows(), k = Z.cols();
        Z.softmaxRowsInto(grad);                                                // g = P = softmax(Z)
        for (int i = 0; i < n; i++) {
            int r = i * k;
            double tSum = 0;
            for (int c = 0; c < k; c++) tSum += t[r + c];
            for (int c = 0; c < k; c++) g[r + c] = (g[r + c] * tSum - t[r + c]) / n;   // (P·ΣT − T)/n
        }
    }

    /// A row is correct when its largest score is at its target's largest entry.
    @Override public int countCorrect(MatrixBuffer Z, MatrixBuffer T) {
        double[] z = Z.data(), t = T.data();
        int k = Z.cols(), correct = 0;
        for (int i = 0; i < Z.rows(); i++) if (argmax(z, i * k, k) == argmax(t, i * k, k)) correct++;
        return correct;
    }

    static int argmax(double[] a, int from, int k) {
        int best = 0;
        for (int c = 1; c < k; c++) if (a[from + c] > a[from + best]) best = c;
        return best;
    }

    @Override public String toString() { return "SoftmaxCrossEntropy(logits)"; }
}
