package mlscratch.optim;

import static mlscratch.optim.UpdateRuleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

class GradientDescentTest {

    // A = [[3, 1], [1, 2]] (eigenvalues (5 ± √5)/2 ≈ 3.62, 1.38), b = [1, 1]:  w* = A⁻¹b = [[2, −1], [−1, 3]]·b/5 = [0.2, 0.4]
    static final Matrix A = Matrix.of(new double[][] {{3, 1}, {1, 2}});
    static final Vector b = Vector.of(1, 1);
    static final TwiceDifferentiable f = Objectives.quadratic(A, b);

    @Test void theQuadraticMinimumIsTheHandComputedOne() {
        assertTrue(A.solve(b).isClose(Vector.of(0.2, 0.4), 1e-15));
    }

    @Test void everyRuleConvergesToTheMinimumOfAConvexQuadratic() {
        Vector wStar = A.solve(b);
        var base = GradientDescent.Options.defaults().withTol(1e-10).withMaxIter(20_000);
        List<GradientDescent.Options> all = List.of(
                base.withRule(new UpdateRule.Plain(0.25)),                        // < 2/λmax ≈ 0.55
                base.withRule(new UpdateRule.Momentum(0.1, 0.9)),
                base.withRule(new UpdateRule.Nesterov(0.1, 0.9)),
                base.withRule(new UpdateRule.AdaGrad(0.5, 1e-8)),
                base.withRule(new UpdateRule.RMSProp(0.01, 0.9, 1e-8)).withSchedule(Schedule.exponential(0.995)),
                base.withRule(UpdateRule.Adam.of(0.05)).withSchedule(Schedule.exponential(0.995)));
        for (var options : all) {
            var r = GradientDescent.minimize(f, Vector.zeros(2), options);
            assertTrue(r.w().isClose(wStar, 1e-6), options.rule() + ": " + r);
            assertTrue(r.trace().converged(), options.rule() + ": " + r.trace());
        }
    }

    @Test void plainGradientDescentOnARandomQuadraticMatchesTheSolve() {
        for (int d = 1; d <= 6; d++) {
            Matrix Ad = ObjectivesTest.spd(d, 40 + d);
            Vector bd = Vector.randn(d, 50 + d);
            double L = Ad.eigSymmetric().values().max();
            var r = GradientDescent.minimize(Objectives.quadratic(Ad, bd), Vector.zeros(d),
                    GradientDescent.Options.defaults().withRule(new UpdateRule.Plain(1 / L)).withTol(1e-10).withMaxIter(100_000));
            assertTrue(r.w().isClose(Ad.solve(bd), 1e-6), "d = " + d + ": " + r);
        }
    }

    @Test void theScheduleSetsTheRateOfEachIteration() {
        // L(w) = ½w², ∇L = w, ηₖ = 0.5·0.5ᵏ (step(1, 0.5)):  w₁ = 1 − 0.5·1 = 0.5;  w₂ = 0.5 − 0.25·0.5 = 0.375;
        // w₃ = 0.375 − 0.125·0.375 = 0.328125
        var half = Objectives.quadratic(Matrix.identity(1), Vector.zeros(1));
        var r = GradientDescent.minimize(half, Vector.of(1), GradientDescent.Options.defaults()
                .withRule(new UpdateRule.Plain(0.5)).withSchedule(Schedule.step(1, 0.5)).withMaxIter(3));
        assertEquals(0.328125, r.w().get(0), 1e-15);
        // the trace holds L(w₀), L(w₁), L(w₂): ½, ⅛, 0.0703125
        assertTrue(r.trace().loss().isClose(Vector.of(0.5, 0.125, 0.0703125), 1e-15));
    }

    @Test void plainLossNeverIncreasesBelowTheStabilityLimit() {
        var r = GradientDescent.minimize(f, Vector.of(5, -5), GradientDescent.Options.defaults().withRule(new UpdateRule.Plain(0.2)));
        Vector L = r.trace().loss();
        for (int k = 1; k < L.size(); k++) assertTrue(L.get(k) <= L.get(k - 1), "k = " + k);
    }

    @Test void maxIterIsNotedInTheTrace() {
        var r = GradientDescent.minimize(f, Vector.zeros(2), GradientDescent.Options.defaults().withMaxIter(3));
        assertFalse(r.trace().converged());
        assertEquals(3, r.trace().iterations());
        assertTrue(r.trace().notes().getFirst().startsWith("stopped at maxIter = 3"), r.trace().toString());
    }

    @Test void divergenceIsNotedInTheTrace() {
        var r = GradientDescent.minimize(f, Vector.of(1, 1), GradientDescent.Options.defaults().withRule(new UpdateRule.Plain(10)));
        assertFalse(r.trace().converged());
        assertTrue(r.trace().notes().getFirst().contains("learning rate is probably too large"), r.trace().toString());
    }

    @Test void earlyStoppingRestoresTheBestWeights() {
        // train: ½‖w‖² − [4, 0]ᵀw (minimum [4, 0]); validation: ½‖w − [1, 0]‖² + const (minimum [1, 0]).
        // GD from 0 walks along the x axis, wₖ = 4(1 − 0.9ᵏ): past 1 after 3 steps, so validation gets worse.
        var train = Objectives.quadratic(Matrix.identity(2), Vector.of(4, 0));
        var validation = Objectives.quadratic(Matrix.identity(2), Vector.of(1, 0));
        var options = GradientDescent.Options.defaults().withEarlyStopping(new EarlyStopping(validation, 3, true));
        var r = GradientDescent.minimize(train, Vector.zeros(2), options);
        var m = Pattern.compile("stopped early at epoch (\\d+), restored best epoch (\\d+)").matcher(r.trace().notes().getFirst());
        assertTrue(m.matches(), r.trace().toString());
        int stop = Integer.parseInt(m.group(1)), best = Integer.parseInt(m.group(2));
        assertEquals(3, stop - best);                                       // patience
        // |4(1 − 0.9ᵏ) − 1| is smallest at k = 3: 4·0.271 = 1.084 (k = 2: 0.76, k = 4: 1.3756)
        assertEquals(3, best);
        // two routes: the restored weights are those of plain GD stopped after `best` iterations
        var plain = GradientDescent.minimize(train, Vector.zeros(2), GradientDescent.Options.defaults().withMaxIter(best));
        assertEquals(plain.w(), r.w());
        var last = GradientDescent.minimize(train, Vector.zeros(2),
                options.withEarlyStopping(new EarlyStopping(validation, 3, false)));
        assertTrue(validation.value(r.w()) < validation.value(last.w()));
        assertTrue(last.trace().notes().getFirst().startsWith("stopped early at epoch " + stop), last.trace().toString());
    }

    @Test void ctrlCReturnsTheWeightsSoFar() {
        Thread.currentThread().interrupt();                                  // what JShell's local execution does on Ctrl-C
        try {
            var r = GradientDescent.minimize(f, Vector.zeros(2));
            assertEquals(List.of("stopped by Ctrl-C after 1 iterations"), r.trace().notes());
            assertEquals(1, r.trace().iterations());
            assertEquals(Vector.of(0.1, 0.1), r.w());                         // one step: 0 − 0.1·(A·0 − b)
        } finally {
            Thread.interrupted();
        }
    }

    @Test void badOptionsNameTheParameter() {
        var d = GradientDescent.Options.defaults();
        assertMessage(() -> d.withMaxIter(0), "GradientDescent.Options: 'maxIter' must be > 0, got 0");
        assertMessage(() -> d.withTol(-1), "GradientDescent.Options: 'tol' must be finite and >= 0, got -1.0");
        assertMessage(() -> d.withRule(null), "'rule' must not be null");
        assertMessage(() -> new EarlyStopping(f, 0, true), "EarlyStopping: 'patience' must be > 0, got 0");
        assertMessage(() -> GradientDescent.minimize(f, Vector.of(Double.NaN, 0)), "w0[0] is NaN");
    }
}
