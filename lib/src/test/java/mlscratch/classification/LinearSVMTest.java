package mlscratch.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.classification.LinearSVM.Options;
import mlscratch.classification.LinearSVM.Solver;
import mlscratch.data.Datasets;
import mlscratch.data.StandardScaler;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;
import mlscratch.optim.GradCheck;

class LinearSVMTest {

    @Test void objectiveByHand() {
        // w = (1, 0), b = 0, λ = 0.5, rows (2, 0) t=+1 and (0.5, 1) t=−1:
        //   z = 2 → hinge max(0, 1 − 2) = 0;   z = 0.5, t = −1 → max(0, 1 + 0.5) = 1.5
        //   L = ½·0.5·(1 + 0 + 0) + (0 + 1.5)/2 = 0.25 + 0.75 = 1.0
        var m = new LinearSVM(Vector.of(1, 0), 0, Vector.zeros(0), Options.defaults().withLambda(0.5),
                mlscratch.model.Trace.closedForm());
        assertEquals(1.0, m.objective(Matrix.of(new double[][] {{2, 0}, {0.5, 1}}), Vector.of(1, 0)), 1e-15);
        assertEquals(1.0, m.margin());
    }

    @Test void subgradientIsTheGradientAwayFromTheKinks() {
        // away from tᵢzᵢ = 1 the hinge is smooth, so the subgradient must pass the finite-difference check
        var data = LinearData.logistic(40, 3, 41);
        double lambda = 0.1;
        Vector theta = Vector.of(0.3, -0.2, 0.5, 0.1);
        Vector t = data.y().scale(2).minus(1);
        Vector z = data.X().times(theta.slice(0, 3)).plus(theta.get(3));
        double[] g = theta.scale(lambda).toArray();
        for (int i = 0; i < 40; i++) {
            assertTrue(Math.abs(t.get(i) * z.get(i) - 1) > 1e-3, "a row sits on a kink; pick another θ");
            if (t.get(i) * z.get(i) < 1)
                for (int j = 0; j < 4; j++) g[j] -= t.get(i) * (j < 3 ? data.X().get(i, j) : 1) / 40;
        }
        var check = GradCheck.check(th -> new LinearSVM(th.slice(0, 3), th.get(3), Vector.zeros(0),
                Options.defaults().withLambda(lambda), mlscratch.model.Trace.closedForm()).objective(data.X(), data.y()),
                theta, Vector.wrap(g));
        assertTrue(check.passed(), check.toString());
    }

    @Test void pegasosAndSubgradientReachTheSameObjective() {
        var data = LinearData.logistic(300, 3, 42);
        var o = Options.defaults().withLambda(0.05);
        var peg = LinearSVM.fit(data.X(), data.y(), o.withMaxIter(300));
        var sub = LinearSVM.fit(data.X(), data.y(), o.withSolver(Solver.SUBGRADIENT).withMaxIter(3000));
        double a = peg.objective(data.X(), data.y()), b = sub.objective(data.X(), data.y());
        assertEquals(a, b, 1e-2 * b, peg + "\n" + sub);
        assertTrue(peg.w().isClose(sub.w(), 0.05), peg.w() + " vs " + sub.w());
    }

    @Test void separableDataHasAllPointsOutsideTheBandExceptTheSupportVectors() {
        Matrix X = Matrix.of(new double[][] {{2, 2}, {3, 3}, {2.5, 4}, {-2, -2}, {-3, -1}, {-2.5, -3.5}});
        Vector y = Vector.of(1, 1, 1, 0, 0, 0);
        var m = LinearSVM.fit(X, y, Options.defaults().withLambda(1e-3).withSolver(Solver.SUBGRADIENT).withMaxIter(100_000)
                .withSupportTol(0.05));
        assertEquals(1.0, Metrics.accuracy(y, m.predict(X)));
        Vector margins = m.decisionFunction(X).hadamard(y.scale(2).minus(1));     // tᵢzᵢ
        for (int i = 0; i < 6; i++) {
            boolean isSupport = false;
            for (int s = 0; s < m.support().size(); s++) isSupport |= m.support().get(s) == i;
            assertEquals(isSupport, margins.get(i) <= 1.05, "row " + i + " tz = " + margins.get(i));
        }
        // the widest band: w = (¼, ¼), b = 0, so (2, 2), (−2, −2) and (−3, −1) lie on its edges (z = ±1) and
        // its half-width is 1/‖w‖ = 2√2 (the distance from (2, 2) to the line x₀ + x₁ = 0)
        assertEquals(Vector.of(0, 3, 4), m.support(), m.toString());
        assertEquals(2 * Math.sqrt(2), m.margin(), 0.01, m.toString());
        assertTrue(m.w().isClose(Vector.of(0.25, 0.25), 0.01), m.toString());
    }

    @Test void breastCancerAccuracy() {
        var data = Datasets.breastCancer();
        Matrix X = StandardScaler.fit(data.X()).transform(data.X());
        var m = LinearSVM.fit(X, data.y(), Options.defaults().withMaxIter(50));
        assertTrue(Metrics.accuracy(data.y(), m.predict(X)) > 0.97, m.toString());
    }
}
