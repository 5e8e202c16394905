package mlscratch.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;

class PerceptronTest {

    @Test void oneEpochByHand() {
        // rows in order, η = 1, w = 0, b = 0:
        //   x = (2, 1), t = +1: z = 0 ≤ 0, mistake → w = (2, 1), b = 1
        //   x = (−1, −2), t = −1: z = −2 − 2 + 1 = −3, t·z = 3 > 0, fine
        //   x = (0, −1), t = −1: z = −1 + 1 = 0, t·z = 0 ≤ 0, mistake → w = (2, 2), b = 0
        // epoch 2: z = 6, −6, −2: all right → converged after 2 epochs, 2 mistakes
        Matrix X = Matrix.of(new double[][] {{2, 1}, {-1, -2}, {0, -1}});
        var m = Perceptron.fit(X, Vector.of(1, 0, 0), Perceptron.Options.defaults().withShuffle(false));
        assertEquals(Vector.of(2, 2), m.w());
        assertEquals(0, m.b());
        assertEquals(2, m.mistakes());
        assertEquals(Vector.of(2, 0), m.trace().loss());
        assertTrue(m.trace().converged());
    }

    @Test void convergesOnSeparableDataWithinNovikoffsBound() {
        // separable by ũ ∝ (1, −1, 0.2) with a gap: keep only rows with |x₀ − x₁ + 0.2| ≥ 0.3
        Matrix all = Matrix.randn(400, 2, 31);
        var rows = new java.util.ArrayList<Integer>();
        for (int i = 0; i < 400; i++) if (Math.abs(all.get(i, 0) - all.get(i, 1) + 0.2) >= 0.3) rows.add(i);
        Matrix X = all.selectRows(rows.stream().mapToInt(Integer::intValue).toArray());
        Vector y = X.times(Vector.of(1, -1)).plus(0.2).map(z -> z > 0 ? 1 : 0);
        var m = Perceptron.fit(X, y);
        assertTrue(m.trace().converged(), m.toString());
        assertEquals(1.0, Metrics.accuracy(y, m.predict(X)));
        // (R/γ)² with ũ = (1, −1, 0.2)/‖·‖, γ = min tᵢ x̃ᵢũ, R = max ‖x̃ᵢ‖
        double norm = Math.sqrt(1 + 1 + 0.04), gamma = Double.POSITIVE_INFINITY, R = 0;
        for (int i = 0; i < X.rows(); i++) {
            double t = 2 * y.get(i) - 1;
            gamma = Math.min(gamma, t * (X.get(i, 0) - X.get(i, 1) + 0.2) / norm);
            R = Math.max(R, Math.sqrt(X.row(i).dot(X.row(i)) + 1));
        }
        assertTrue(m.mistakes() <= (R / gamma) * (R / gamma), m.mistakes() + " > (R/γ)² = " + (R / gamma) * (R / gamma));
    }

    @Test void neverConvergesOnXor() {
        Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Vector y = Vector.of(0, 1, 1, 0);
        var m = Perceptron.fit(X, y, Perceptron.Options.defaults().withMaxEpochs(200));
        assertFalse(m.trace().converged());
        assertEquals(200, m.trace().iterations());
        assertTrue(m.trace().loss().min() >= 1, "every epoch makes a mistake: " + m.trace().loss());
        assertTrue(m.trace().notes().get(0).contains("not linearly separable"), m.trace().toString());
        assertTrue(Metrics.accuracy(y, m.predict(X)) <= 0.75, "no line gets all four XOR points");
    }

    @Test void sameSeedSameModelAndOtherSeedsStillSeparate() {
        var data = LinearData.logistic(100, 2, 32);
        Vector y = data.X().times(Vector.of(1, 2)).map(z -> z > 0 ? 1 : 0);
        var a = Perceptron.fit(data.X(), y, Perceptron.Options.defaults().withSeed(5));
        assertEquals(a, Perceptron.fit(data.X(), y, Perceptron.Options.defaults().withSeed(5)));
        var b = Perceptron.fit(data.X(), y, Perceptron.Options.defaults().withSeed(6));
        assertEquals(1.0, Metrics.accuracy(y, b.predict(data.X())));
    }
}
