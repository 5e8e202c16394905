package mlscratch.optim;

import static mlscratch.optim.UpdateRuleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.NotPositiveDefiniteException;
import mlscratch.linalg.Vector;

class NewtonTest {

    @Test void oneStepSolvesAQuadratic() {
        // from w₀ = 0: g = −b, H = A, d = A⁻¹b = w*, and α = 1 passes Armijo (L drops by ½bᵀA⁻¹b ≥ c·bᵀA⁻¹b)
        for (int d = 1; d <= 6; d++) {
            Matrix A = ObjectivesTest.spd(d, 80 + d);
            Vector b = Vector.randn(d, 90 + d);
            var r = Newton.minimize(Objectives.quadratic(A, b), Vector.zeros(d));
            assertEquals(1, r.trace().iterations(), r.toString());
            assertTrue(r.trace().converged());
            assertTrue(r.w().isClose(A.solve(b), 1e-10));
        }
    }

    @Test void reachesTheMinimumOfRosenbrock() {
        var r = Newton.minimize(Objectives.rosenbrock(), Vector.of(-1.2, 1));
        assertTrue(r.w().isClose(Vector.of(1, 1), 1e-8), r.toString());
        assertTrue(r.trace().converged());
        assertTrue(r.trace().iterations() < 50, r.trace().toString());
    }

    @Test void maxIterIsNotedInTheTrace() {
        var r = Newton.minimize(Objectives.rosenbrock(), Vector.of(-1.2, 1), Newton.Options.defaults().withMaxIter(2));
        assertEquals(2, r.trace().iterations());
        assertTrue(r.trace().notes().getFirst().startsWith("stopped at maxIter = 2"), r.trace().toString());
    }

    @Test void anIndefiniteHessianThrowsWithAHint() {
        // L(w) = ½(w₀² − w₁²): a saddle, H = diag(1, −1)
        var saddle = Objectives.quadratic(Matrix.diag(Vector.of(1, -1)), Vector.zeros(2));
        assertThrows(NotPositiveDefiniteException.class, () -> Newton.minimize(saddle, Vector.of(1, 1)));
    }

    @Test void badOptionsNameTheParameter() {
        assertMessage(() -> Newton.Options.defaults().withMaxIter(0), "Newton.Options: 'maxIter' must be > 0, got 0");
        assertMessage(() -> Newton.Options.defaults().withTol(Double.NaN), "'tol'");
    }
}
