package mlscratch.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.MatrixBuffer;
import mlscratch.linalg.Rng;
import mlscratch.optim.GradCheck;

/// Every layer's backward and every loss's gradient against central finite differences (GradCheck), and a
/// whole 3-layer network end to end. For a layer, the scalar checked is `f = Σ Y ⊙ R` for a fixed random
/// R, whose gradient with respect to Y is R: so `backward(R)` must return ∂f/∂X and leave ∂f/∂θ in the grads.
class GradientCheckTest {
    static final GradCheck.Options OPTS = GradCheck.Options.defaults().withTolerance(1e-6);

    /// f(X) = ⟨layer(X), R⟩.
    static double probe(Layer layer, Matrix X, Matrix R) {
        return layer.forward(MatrixBuffer.copyOf(X)).toMatrix().dot(R);
    }

    /// Checks ∂f/∂X and ∂f/∂θ for every Param of `layer` at a random X (entries away from 0 when `awayFromKinks`).
    static void checkLayer(Supplier<Layer> make, int n, int d, boolean awayFromKinks) {
        var rng = Rng.of(11);
        Layer layer = make.get();
        Matrix X = Matrix.randn(n, d, rng);
        if (awayFromKinks) X = X.map(x -> x + Math.copySign(0.1, x));          // |x| ≥ 0.1: ReLU's kink is far
        Matrix X0 = X;
        MatrixBuffer out = layer.forward(MatrixBuffer.copyOf(X));
        Matrix R = Matrix.randn(out.rows(), out.cols(), rng);
        layer.zeroGrad();
        Matrix dX = layer.backward(MatrixBuffer.copyOf(R)).toMatrix();
        var rx = GradCheck.check(Z -> probe(layer, Z, R), X, dX, OPTS);
        assertTrue(rx.passed(), layer + " dX: " + rx);
        for (Param p : layer.params()) {
            Matrix grad = p.grad().toMatrix(), saved = p.value().toMatrix();
            var rp = GradCheck.check(W -> {
                p.value().copyFrom(W);
                double f = probe(layer, X0, R);
                p.value().copyFrom(saved);
                return f;
            }, saved, grad, OPTS);
            assertTrue(rp.passed(), layer + " " + p.name() + ": " + rp);
        }
    }

    @Test void denseGradientsMatchFiniteDifferences() { checkLayer(() -> new Dense(4, 3, Init.xavier(), 1), 5, 4, false); }

    @Test void reluGradientMatchesFiniteDifferences() { checkLayer(ReLU::new, 5, 4, true); }

    @Test void leakyReluGradientMatchesFiniteDifferences() { checkLayer(() -> new LeakyReLU(0.1), 5, 4, true); }

    @Test void sigmoidGradientMatchesFiniteDifferences() { checkLayer(Sigmoid::new, 5, 4, false); }

    @Test void tanhGradientMatchesFiniteDifferences() { checkLayer(Tanh::new, 5, 4, false); }

    @Test void softmaxGradientMatchesFiniteDifferences() { checkLayer(Softmax::new, 5, 4, false); }

    @Test void standardizeGradientMatchesFiniteDifferences() {
        checkLayer(() -> Standardize.fit(Matrix.randn(20, 4, 5).scale(3)), 5, 4, false);
    }

    @Test void dropoutGradientMatchesFiniteDifferencesForAFixedMask() {
        // A fresh Dropout with the same seed draws the same mask for each evaluation of f.
        var rng = Rng.of(2);
        Matrix X = Matrix.randn(6, 5, rng), R = Matrix.randn(6, 5, rng);
        var drop = new Dropout(0.5, 9);
        Matrix dX = drop.forward(MatrixBuffer.copyOf(X)) == null ? null : drop.backward(MatrixBuffer.copyOf(R)).toMatrix();
        var r = GradCheck.check(Z -> new Dropout(0.5, 9).forward(MatrixBuffer.copyOf(Z)).toMatrix().dot(R), X, dX, OPTS);
        assertTrue(r.passed(), r.toString());
    }

    @Test void sequentialOfThreeLayersMatchesFiniteDifferences() {
        checkLayer(() -> new Sequential(
                new Dense(3, 5, Init.he(), 1), new Tanh(),
                new Dense(5, 4, Init.he(), 2), new LeakyReLU(0.2),
                new Dense(4, 2, Init.xavier(), 3)), 6, 3, false);
    }

    // ───────────────────────────── losses ─────────────────────────────

    static void checkLoss(LossFunction loss, Matrix O, Matrix T) {
        var Tb = MatrixBuffer.copyOf(T);
        Matrix grad = loss.gradient(MatrixBuffer.copyOf(O), Tb).toMatrix();
        var r = GradCheck.check(Z -> loss.value(MatrixBuffer.copyOf(Z), Tb), O, grad, OPTS);
        assertTrue(r.passed(), loss + ": " + r);
    }

    static Matrix oneHot(int n, int k, long seed) {
        var rng = Rng.of(seed);
        double[] t = new double[n * k];
        for (int i = 0; i < n; i++) t[i * k + rng.nextInt(k)] = 1;
        return Matrix.wrap(n, k, t);
    }

    @Test void meanSquaredErrorGradientMatchesFiniteDifferences() {
        checkLoss(new MeanSquaredError(), Matrix.randn(5, 3, 1), Matrix.randn(5, 3, 2));
    }

    @Test void huberGradientMatchesFiniteDifferencesOnBothSides() {
        checkLoss(new HuberLoss(0.7), Matrix.randn(6, 2, 1).scale(2), Matrix.randn(6, 2, 2));   // |r| above and below δ
    }

    @Test void binaryCrossEntropyGradientMatchesFiniteDifferences() {
        checkLoss(new BinaryCrossEntropy(), Matrix.randn(6, 2, 3).scale(3), Matrix.random(6, 2, 4).map(Math::rint));
    }

    @Test void softmaxCrossEntropyGradientMatchesFiniteDifferences() {
        checkLoss(new SoftmaxCrossEntropy(), Matrix.randn(6, 4, 5).scale(2), oneHot(6, 4, 6));
        checkLoss(new SoftmaxCrossEntropy(), Matrix.randn(3, 3, 7), Matrix.random(3, 3, 8));   // soft targets too
    }

    @Test void wholeNetworkWithLossMatchesFiniteDifferences() {
        var rng = Rng.of(21);
        var net = new Sequential(new Dense(3, 6, Init.he(), 1), new Sigmoid(),
                new Dense(6, 5, Init.he(), 2), new ReLU(), new Dense(5, 3, Init.xavier(), 3));
        var loss = new SoftmaxCrossEntropy();
        Matrix X = Matrix.randn(8, 3, rng);
        var T = MatrixBuffer.copyOf(oneHot(8, 3, 4));
        var out = net.forward(MatrixBuffer.copyOf(X));
        net.zeroGrad();
        net.backward(loss.gradient(out, T));
        for (Param p : net.params()) {
            Matrix saved = p.value().toMatrix();
            var r = GradCheck.check(W -> {
                p.value().copyFrom(W);
                double L = loss.value(net.forward(MatrixBuffer.copyOf(X)), T);
                p.value().copyFrom(saved);
                return L;
            }, saved, p.grad().toMatrix(), OPTS);
            assertTrue(r.passed(), p.name() + ": " + r);
        }
    }

    // ───────────────────────────── hand-computed cases and invariants ─────────────────────────────

    @Test void softmaxCrossEntropyHandCase() {
        // scores [0, ln 3] → P = [1/4, 3/4]; target class 1: L = −ln(3/4) = 0.2876821; ∂L/∂Z = P − T = [1/4, −1/4]
        var Z = MatrixBuffer.copyOf(Matrix.of(1, 2, 0, Math.log(3)));
        var T = MatrixBuffer.copyOf(Matrix.of(1, 2, 0, 1));
        var loss = new SoftmaxCrossEntropy();
        assertEquals(-Math.log(0.75), loss.value(Z, T), 1e-15);
        assertTrue(loss.gradient(Z, T).isClose(Matrix.of(1, 2, 0.25, -0.25), 1e-15));
    }

    @Test void regressionLossesHandCase() {
        // residuals r = O − T = [1, −3]: MSE = (1 + 9)/2 = 5, ∂/∂O = 2r/2 = [1, −3];
        // Huber δ = 2: h(1) = ½, h(−3) = 2·(3 − 1) = 4, mean 2.25; ∂/∂O = clip(r, −2, 2)/2 = [0.5, −1]
        var O = MatrixBuffer.copyOf(Matrix.of(2, 1, 1, -3));
        var T = MatrixBuffer.zeros(2, 1);
        assertEquals(5, new MeanSquaredError().value(O, T), 1e-15);
        assertTrue(new MeanSquaredError().gradient(O, T).isClose(Matrix.of(2, 1, 1, -3), 1e-15));
        assertEquals(2.25, new HuberLoss(2).value(O, T), 1e-15);
        assertTrue(new HuberLoss(2).gradient(O, T).isClose(Matrix.of(2, 1, 0.5, -1), 1e-15));
    }

    @Test void binaryCrossEntropyHandCase() {
        // z = 0 → σ = ½, loss ln 2 whatever t; z = ln 3 → σ = ¾, with t = 1 loss −ln ¾; mean (ln 2 − ln ¾)/2
        var Z = MatrixBuffer.copyOf(Matrix.of(2, 1, 0, Math.log(3)));
        var T = MatrixBuffer.copyOf(Matrix.of(2, 1, 0, 1));
        var bce = new BinaryCrossEntropy();
        assertEquals((Math.log(2) - Math.log(0.75)) / 2, bce.value(Z, T), 1e-15);
        assertTrue(bce.gradient(Z, T).isClose(Matrix.of(2, 1, 0.25, -0.125), 1e-15));   // (σ − t)/n = [½/2, −¼/2]
    }

    @Test void crossEntropiesStayFiniteForHugeScores() {
        var Z = MatrixBuffer.copyOf(Matrix.of(1, 3, 1000, 0, -1000));
        var T = MatrixBuffer.copyOf(Matrix.of(1, 3, 1, 0, 0));
        assertEquals(0, new SoftmaxCrossEntropy().value(Z, T), 1e-300);
        var bce = new BinaryCrossEntropy();
        // z = 1000 with t = 0 costs 1000, z = 0 costs ln 2, z = −1000 with t = 1 costs 1000: no Inf, no NaN
        assertEquals((2000 + Math.log(2)) / 3, bce.value(Z, MatrixBuffer.copyOf(Matrix.of(1, 3, 0, 0, 1))), 1e-12);
    }

    @Test void softmaxRowsSumToOne() {
        var P = new Softmax().forward(MatrixBuffer.copyOf(Matrix.randn(7, 5, 3).scale(50)));
        for (int i = 0; i < 7; i++) {
            double s = 0;
            for (int c = 0; c < 5; c++) s += P.get(i, c);
            assertEquals(1, s, 1e-12);
        }
    }

    @Test void backwardAccumulatesUntilZeroGrad() {
        var layer = new Dense(2, 2, Init.xavier(), 1);
        var X = MatrixBuffer.copyOf(Matrix.of(1, 2, 1, 2));
        var R = MatrixBuffer.copyOf(Matrix.of(1, 2, 1, -1));
        layer.forward(X);
        layer.backward(R);
        Matrix once = layer.W().grad().toMatrix();      // XᵀR = [[1, −1], [2, −2]]
        assertEquals(Matrix.of(2, 2, 1, -1, 2, -2), once);
        layer.backward(R);
        assertEquals(once.scale(2), layer.W().grad().toMatrix());
        layer.zeroGrad();
        assertEquals(Matrix.zeros(2, 2), layer.W().grad().toMatrix());
    }

    @Test void paramsAreListedInLayerOrder() {
        var net = new Sequential(new Dense(2, 3, Init.he(), 1), new ReLU(), new Dense(3, 1, Init.he(), 2));
        assertEquals(List.of("W", "b", "W", "b"), net.params().stream().map(Param::name).toList());
        assertEquals(2 * 3 + 3 + 3 + 1, net.paramCount());
    }
}
