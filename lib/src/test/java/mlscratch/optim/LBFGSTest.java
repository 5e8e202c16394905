package mlscratch.optim;

import static mlscratch.optim.UpdateRuleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

class LBFGSTest {

    @Test void reachesTheMinimumOfRosenbrockFromTheClassicStart() {
        var r = LBFGS.minimize(Objectives.rosenbrock(), Vector.of(-1.2, 1), LBFGS.Options.defaults().withGtol(1e-9));
        assertTrue(r.w().isClose(Vector.of(1, 1), 1e-6), r.toString());
        assertTrue(r.trace().converged());
        assertTrue(r.trace().iterations() < 100, r.trace().toString());
    }

    @Test void everyIterationDecreasesTheLoss() {
        var r = LBFGS.minimize(Objectives.rosenbrock(), Vector.of(-1.2, 1));
        Vector L = r.trace().loss();
        for (int k = 1; k < L.size(); k++) assertTrue(L.get(k) < L.get(k - 1), "k = " + k + ": " + L);
    }

    @Test void convergesToTheSolveOnRandomQuadratics() {
        for (int d = 1; d <= 8; d++) {
            Matrix A = ObjectivesTest.spd(d, 60 + d);
            Vector b = Vector.randn(d, 70 + d);
            for (int memory : new int[] {1, 3, 10}) {
                var r = LBFGS.minimize(Objectives.quadratic(A, b), Vector.zeros(d),
                        LBFGS.Options.defaults().withMemory(memory).withGtol(1e-10));
                assertTrue(r.w().isClose(A.solve(b), 1e-6), "d = " + d + ", m = " + memory + ": " + r);
            }
        }
    }

    @Test void twoLoopRecursionWithOnePairMatchesTheBfgsUpdateOfGammaI() {
        // With one pair (s, y), ρ = 1/yᵀs, γ = sᵀy/yᵀy, the BFGS update of H⁰ = γI is
        // H = (I − ρsyᵀ) γI (I − ρysᵀ) + ρssᵀ; the two loops must return H·g.
        Vector s = Vector.of(0.5, -0.2, 0.1), y = Vector.of(1.0, -0.1, 0.3), g = Vector.of(0.3, 0.7, -1.1);
        double rho = 1 / y.dot(s), gamma = s.dot(y) / y.dot(y);
        Matrix I = Matrix.identity(3);
        Matrix V = I.minus(y.outer(s).scale(rho));                                   // I − ρysᵀ
        Matrix H = V.transpose().scale(gamma).times(V).plus(s.outer(s).scale(rho));
        var pairs = new java.util.ArrayDeque<Vector[]>();
        pairs.add(new Vector[] {s, y});
        assertTrue(LBFGS.direction(g, pairs).isClose(H.times(g), 1e-12));
    }

    @Test void maxIterIsNotedInTheTrace() {
        var r = LBFGS.minimize(Objectives.rosenbrock(), Vector.of(-1.2, 1), LBFGS.Options.defaults().withMaxIter(5));
        assertFalse(r.trace().converged());
        assertEquals(5, r.trace().iterations());
        assertTrue(r.trace().notes().getFirst().startsWith("stopped at maxIter = 5"), r.trace().toString());
    }

    @Test void aWrongGradientMakesTheLineSearchFailWithANote() {
        // L(w) = ‖w‖² but the "gradient" has the wrong sign: −d is uphill, no step length decreases L
        Objective wrong = Objective.of(w -> w.dot(w), w -> w.scale(-2));
        var r = LBFGS.minimize(wrong, Vector.of(1, 2));
        assertFalse(r.trace().converged());
        assertEquals(Vector.of(1, 2), r.w());
        assertTrue(r.trace().notes().getFirst().startsWith("line search failed at iteration 1"), r.trace().toString());
    }

    @Test void ctrlCReturnsTheWeightsSoFar() {
        Thread.currentThread().interrupt();
        try {
            var r = LBFGS.minimize(Objectives.rosenbrock(), Vector.of(-1.2, 1));
            assertEquals(List.of("stopped by Ctrl-C after 1 iterations"), r.trace().notes());
            assertTrue(r.trace().loss().get(1) < r.trace().loss().get(0));
        } finally {
            Thread.interrupted();
        }
    }

    @Test void badOptionsNameTheParameter() {
        assertMessage(() -> LBFGS.Options.defaults().withMemory(0), "LBFGS.Options: 'memory' must be > 0, got 0");
        assertMessage(() -> LBFGS.Options.defaults().withGtol(-1e-3), "'gtol'");
        assertMessage(() -> LBFGS.Options.defaults().withMaxIter(0), "'maxIter'");
    }
}
