package mlscratch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// The test objectives' gradients and Hessians pass a finite-difference check.
class ObjectivesTest {

    static Matrix spd(int d, long seed) {
        Matrix M = Matrix.randn(d, d, seed);
        return M.transpose().times(M).plus(Matrix.identity(d));            // MᵀM + I is SPD
    }

    @Test void quadraticGradientAndHessianPassGradCheck() {
        for (int d = 1; d <= 6; d++) {
            var f = Objectives.quadratic(spd(d, d), Vector.randn(d, 10 + d));
            Vector w = Vector.randn(d, 20 + d);
            assertTrue(GradCheck.check(f::value, w, f.gradient(w)).passed());
            checkHessian(f, w);
        }
    }

    @Test void quadraticValueByHand() {
        // A = [[2, 0], [0, 4]], b = [1, 1], w = [1, 1]:  ½(2 + 4) − 2 = 1;  ∇ = [2 − 1, 4 − 1] = [1, 3]
        var f = Objectives.quadratic(Matrix.of(new double[][] {{2, 0}, {0, 4}}), Vector.of(1, 1));
        assertEquals(1, f.value(Vector.of(1, 1)), 1e-15);
        assertEquals(Vector.of(1, 3), f.gradient(Vector.of(1, 1)));
    }

    @Test void rosenbrockGradientAndHessianPassGradCheck() {
        var f = Objectives.rosenbrock();
        // at (1, 1): value 0, gradient 0;  at (0, 0): value 1, gradient [−2, 0]
        assertEquals(0, f.value(Vector.of(1, 1)));
        assertEquals(Vector.of(-2, 0), f.gradient(Vector.of(0, 0)));
        for (Vector w : new Vector[] {Vector.of(-1.2, 1), Vector.of(0.3, -0.2), Vector.of(1.1, 1.3)}) {
            assertTrue(GradCheck.check(f::value, w, f.gradient(w), GradCheck.Options.defaults().withTolerance(1e-5)).passed());
            checkHessian(f, w);
        }
    }

    @Test void leastSquaresBatchGradientPassesGradCheckAndFullBatchMatchesTheFormula() {
        Matrix X = Matrix.randn(30, 4, 1);
        Vector y = Vector.randn(30, 2), w = Vector.randn(4, 3);
        var f = Objectives.leastSquares(X, y);
        int[] batch = {3, 7, 7, 21, 29};
        var at = f.evaluate(w, batch);
        assertTrue(GradCheck.check(v -> f.evaluate(v, batch).value(), w, at.gradient()).passed());
        Vector r = X.times(w).minus(y);                                      // full batch: ‖Xw − y‖²/(2n)
        assertEquals(r.dot(r) / 60, f.value(w), 1e-12);
        assertTrue(f.gradient(w).isClose(X.transpose().times(r).scale(1.0 / 30), 1e-12));
    }

    @Test void anObjectiveFromTwoLambdasEvaluatesBothAndMinimises() {
        // L(w) = (w₀ − 3)² + 2(w₁ + 1)²,  ∇L = [2(w₀ − 3), 4(w₁ + 1)];  at 0: L = 9 + 2 = 11, ∇L = [−6, 4]
        Objective f = Objective.of(w -> Math.pow(w.get(0) - 3, 2) + 2 * Math.pow(w.get(1) + 1, 2),
                                   w -> Vector.of(2 * (w.get(0) - 3), 4 * (w.get(1) + 1)));
        var at = f.evaluate(Vector.zeros(2));
        assertEquals(11, at.value());
        assertEquals(Vector.of(-6, 4), at.gradient());
        assertTrue(LBFGS.minimize(f, Vector.zeros(2)).w().isClose(Vector.of(3, -1), 1e-6));
    }

    /// Column j of H is ∂∇L/∂wⱼ, so row i of H must pass a gradient check of ∂L/∂wᵢ.
    static void checkHessian(TwiceDifferentiable f, Vector w) {
        Matrix H = f.hessian(w);
        for (int i = 0; i < w.size(); i++) {
            int k = i;
            var r = GradCheck.check(v -> f.gradient(v).get(k), w, H.row(i), GradCheck.Options.defaults().withTolerance(1e-5));
            assertTrue(r.passed(), "Hessian row " + i + ": " + r);
        }
    }
}
