package mlscratch.drill.bank;

import static mlscratch.drill.bank.WrongAnswers.check;
import static mlscratch.drill.bank.WrongAnswers.failsAt;
import static mlscratch.drill.bank.WrongAnswers.passesAt;

import java.util.List;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// One typical wrong answer per drill of NeuralNetDrills, and the case that catches it.
class NeuralNetWrongAnswersTest {

    @Test void dropoutWithoutTheInvertedScaleFails() {
        var r = check("dropout-forward", a -> ((Vector) a[0]).hadamard((Vector) a[1]));   // forgot ÷ (1 − p)
        failsAt(r, "hand case p = ½", "expected Vector(3) [2, 0, 6]", "got Vector(3) [1, 0, 3]");
        passesAt(r, "p = 0");
    }

    @Test void dropoutBackwardWithoutTheScaleFailsTheGradientCheck() {
        var r = check("dropout-backward", a -> ((Vector) a[1]).hadamard((Vector) a[2]));  // the mask, but not ÷ (1 − p)
        failsAt(r, "hand case p = ½", "finite differences give Vector(3) [2");
        passesAt(r, "p = 0");
    }

    @Test void batchNormWithTheOnePassVarianceLosesItAt1e8() {
        var r = check("batchnorm-forward", a -> {
            Matrix X = (Matrix) a[0];
            Vector mu = X.mean(0);
            Vector var = X.hadamard(X).mean(0).minus(mu.hadamard(mu));          // E[x²] − E[x]²
            Matrix Xhat = X.minusRowVector(mu).divideColumns(var.map(v -> Math.sqrt(v + 1e-5)));
            return Xhat.scaleColumns((Vector) a[1]).plusRowVector((Vector) a[2]);
        });
        failsAt(r, "column at 1e8", "expected Matrix");
        passesAt(r, "random 64×5");
    }

    @Test void batchNormBackwardTreatingMeanAndVarianceAsConstantsFails() {
        var r = check("batchnorm-backward", a -> {
            Matrix X = (Matrix) a[0];
            Matrix Xc = X.minusRowVector(X.mean(0));
            Vector s = Xc.hadamard(Xc).mean(0).map(v -> 1 / Math.sqrt(v + 1e-5));
            return ((Matrix) a[2]).scaleColumns(((Vector) a[1]).hadamard(s));   // G ⊙ γ / √(σ² + ε) only
        });
        failsAt(r, "one row: zero gradient", "finite differences give Matrix 1×2 [[0, 0]]");
        failsAt(r, "random 16×3", "finite differences give");
    }

    @Test void reluOnTheOutputLayerClipsNegativeLogits() {
        var r = check("mlp-forward", a -> NeuralNetDrills.mlpForwardRef((Matrix) a[0], castParams(a[1])).map(t -> Math.max(0, t)));
        failsAt(r, "all pre-activations negative: Z = b2", "at [0][1] expected -0.5 but got 0");
        passesAt(r, "hand case");   // Z = 3 > 0 there
    }

    @Test void mlpBackwardWithoutTheOneOverNPassesOnlyForOneSample() {
        var r = check("mlp-backward", a -> {
            Matrix X = (Matrix) a[0];
            return NeuralNetDrills.mlpBackwardRef(X, (Vector) a[1], castParams(a[2])).stream()
                    .map(G -> G.scale(X.rows())).toList();                      // the sum, not the mean
        });
        failsAt(r, "random 10×4, h = 5, K = 3", "finite differences give ∂L/∂W1[0][0]");
        passesAt(r, "one sample");
    }

    @Test void flippedKernelIsTrueConvolutionNotTheLayersCrossCorrelation() {
        var r = check("conv2d", a -> {
            Matrix img = (Matrix) a[0], k = (Matrix) a[1];
            int kh = k.rows(), kw = k.cols();
            double[][] flipped = new double[kh][kw];
            for (int u = 0; u < kh; u++) for (int v = 0; v < kw; v++) flipped[u][v] = k.get(kh - 1 - u, kw - 1 - v);
            return NeuralNetDrills.conv2dRef(img, Matrix.of(flipped));
        });
        // [0 1 2 3] · [1 2 3] = 8 at the first position; flipped [3 2 1] gives 4
        failsAt(r, "asymmetric kernel (catches a flip)", "at [0][0] expected 8 but got 4");
        passesAt(r, "1×1 kernel");
    }

    @Test void rnnConcatenatingInputBeforeStateFails() {
        var r = check("rnn-step", a -> ((Matrix) a[2]).times(Vector.concat((Vector) a[1], (Vector) a[0])).plus((Vector) a[3]).map(Math::tanh));
        // W = [0.5, 1], h = 2, x = −1: tanh(0.5·2 + 1·(−1)) = 0, but [x; h] gives tanh(−0.5 + 2) = tanh 1.5
        failsAt(r, "hand case", "expected Vector(1) [0]", "got Vector(1) [0.9051]");
    }

    @Test void maxPoolStartingAtZeroFailsOnNegativeInputs() {
        var r = check("max-pool", a -> {
            Matrix x = (Matrix) a[0];
            int size = (Integer) a[1], H = x.rows() / size, W = x.cols() / size;
            double[][] out = new double[H][W];                                  // every max starts at 0
            for (int i = 0; i < H; i++)
                for (int j = 0; j < W; j++)
                    for (int u = 0; u < size; u++)
                        for (int v = 0; v < size; v++) out[i][j] = Math.max(out[i][j], x.get(i * size + u, j * size + v));
            return Matrix.of(out);
        });
        failsAt(r, "all negative", "but got 0");
        passesAt(r, "hand case 4×4, size 2");
    }

    @Test void attentionWithoutTheSquareRootScalingFails() {
        var r = check("attention", a -> {
            Matrix Q = (Matrix) a[0], K = (Matrix) a[1], V = (Matrix) a[2];
            return Bank.softmaxRows(Q.timesTranspose(K)).times(V);               // forgot ÷ √d_k
        });
        failsAt(r, "random n = 6, m = 9, d_k = 8, d_v = 4", "expected Matrix");
        passesAt(r, "hand case");   // d_k = 1 there: √1 = 1 hides the mistake
        passesAt(r, "one key");
    }

    @SuppressWarnings("unchecked")
    static List<Matrix> castParams(Object o) { return (List<Matrix>) o; }
}
