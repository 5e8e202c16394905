package mlscratch.nn;

import mlscratch.linalg.MatrixBuffer;
import mlscratch.util.Check;

/// Row-wise softmax: each row of scores becomes a probability distribution.
/// ```
/// forward:   Yᵢc = exp(Xᵢc − mᵢ) / Σ_c' exp(Xᵢc' − mᵢ),   mᵢ = max_c Xᵢc     (the shift changes nothing
///                                                                          mathematically and keeps exp ≤ 1)
/// backward:  dXᵢ = Yᵢ ⊙ (dYᵢ − ⟨dYᵢ, Yᵢ⟩)                 (the Jacobian diag(y) − yyᵀ applied to dy)
/// ```
/// For training a classifier, end the network with the scores (no Softmax layer) and use
/// [SoftmaxCrossEntropy], which fuses both and whose gradient is simply `(Y − T)/n`; this layer is for
/// reading probabilities (`predictProba`) and for networks that need them inside.
public final class Softmax implements Layer {
    private MatrixBuffer Y, dX;

    @Override public MatrixBuffer forward(MatrixBuffer X) {
        Check.notNull("Softmax.forward", "X", X);
        Y = Activation.sized(Y, X);
        X.softmaxRowsInto(Y);                                                  // yᵢc = e^(xᵢc − mᵢ) / Σc' e^(xᵢc' − mᵢ), mᵢ = max_c xᵢc
        return Y;
    }

    @Override public MatrixBuffer backward(MatrixBuffer dY) {
        Check.notNull("Softmax.backward", "dY", dY);
        if (Y == null) throw Check.fail("Softmax.backward", "called before forward");
        if (dY.rows() != Y.rows() || dY.cols() != Y.cols())
            throw Check.fail("Softmax.backward", "dY is " + dY.shape() + " but the output was " + Y.shape());
        dX = Activation.sized(dX, Y);
        int n = Y.rows(), k = Y.cols();
        double[] y = Y.data(), dy = dY.data(), dx = dX.data();
        for (int i = 0; i < n; i++) {
            int r = i * k;
            double dot = 0;
            for (int c = 0; c < k; c++) dot += dy[r + c] * y[r + c];            // ⟨dyᵢ, yᵢ⟩
            for (int c = 0; c < k; c++) dx[r + c] = y[r + c] * (dy[r + c] - dot); // dxᵢ = yᵢ ⊙ (dyᵢ − ⟨dyᵢ, yᵢ⟩)
        }
        return dX;
    }

    @Override public String toString() { return "Softmax()"; }
}
