package mlscratch.optim;

import static mlscratch.optim.UpdateRuleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

class LineSearchTest {

    /// φ(α) ≤ φ(0) + c₁αφ'(0) and |φ'(α)| ≤ c₂|φ'(0)|, recomputed from the objective.
    static void assertStrongWolfe(Objective f, Vector w, Vector d, LineSearch.Step step, double c1, double c2) {
        double phi0 = f.value(w), dphi0 = f.gradient(w).dot(d);
        Vector wa = w.plus(d.scale(step.alpha()));
        assertTrue(step.satisfied(), "search gave up: " + step);
        assertTrue(step.w().isClose(wa, 1e-12));
        assertEquals(f.value(wa), step.value(), 1e-12 * Math.max(1, Math.abs(step.value())));
        assertTrue(step.value() <= phi0 + c1 * step.alpha() * dphi0, "Armijo fails at α = " + step.alpha());
        assertTrue(Math.abs(f.gradient(wa).dot(d)) <= c2 * Math.abs(dphi0), "curvature fails at α = " + step.alpha());
    }

    @Test void acceptedStepsSatisfyTheStrongWolfeConditionsOnRosenbrock() {
        var f = Objectives.rosenbrock();
        Vector[] points = {Vector.of(-1.2, 1), Vector.of(0, 0), Vector.of(0.5, 0.9), Vector.of(2, 2), Vector.of(-0.3, -1)};
        for (Vector w : points) {
            Vector d = f.gradient(w).negate();                                    // steepest descent
            for (double alpha0 : new double[] {1, 1e-4, 1e-2, 10})
                for (double c2 : new double[] {0.9, 0.1}) {
                    var step = LineSearch.strongWolfe(f, w, f.evaluate(w), d, alpha0, 1e-4, c2, 40);
                    assertStrongWolfe(f, w, d, step, 1e-4, c2);
                }
        }
    }

    @Test void aQuadraticWithTightCurvatureLandsNearTheExactMinimiserAlongTheLine() {
        // φ(α) = ½(w + αd)ᵀA(w + αd) − bᵀ(w + αd) is minimised at α* = −gᵀd / dᵀAd;
        // c₂ = 0.01 forces |φ'(α)| ≤ 0.01|φ'(0)|, i.e. |α − α*| ≤ 0.01 α* (φ' is linear in α)
        Matrix A = Matrix.of(new double[][] {{3, 1}, {1, 2}});
        var f = Objectives.quadratic(A, Vector.of(1, 1));
        Vector w = Vector.of(2, -1), g = f.gradient(w), d = g.negate();
        double alphaStar = -g.dot(d) / d.dot(A.times(d));
        var step = LineSearch.strongWolfe(f, w, f.evaluate(w), d, 1, 1e-4, 0.01, 40);
        assertStrongWolfe(f, w, d, step, 1e-4, 0.01);
        assertEquals(alphaStar, step.alpha(), 0.01 * alphaStar);
    }

    @Test void anAscentDirectionIsRejected() {
        var f = Objectives.rosenbrock();
        Vector w = Vector.of(0, 0);
        assertMessage(() -> LineSearch.strongWolfe(f, w, f.evaluate(w), f.gradient(w), 1), "d is not a descent direction");
        assertMessage(() -> LineSearch.strongWolfe(f, w, f.evaluate(w), f.gradient(w).negate(), 1, 0.5, 0.4, 10),
                "needs 0 < c1 < c2 < 1");
    }
}
