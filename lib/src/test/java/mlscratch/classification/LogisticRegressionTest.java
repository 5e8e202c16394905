package mlscratch.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.classification.LogisticRegression.Options;
import mlscratch.classification.LogisticRegression.Solver;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.optim.GradCheck;

class LogisticRegressionTest {

    static Vector theta(LogisticRegression m) { return Vector.concat(m.w(), Vector.of(m.b())); }

    @Test void aFitThatRunsOutOfIterationsSaysToStandardise() {
        // unscaled breast cancer (areas ~1000, smoothness ~0.1): L-BFGS does not converge in 50 iterations
        var data = mlscratch.data.Datasets.breastCancer();
        var m = LogisticRegression.fit(data.X(), data.y(), Options.defaults().withMaxIter(50));
        assertTrue(!m.trace().converged() && m.trace().notes().stream().anyMatch(n -> n.contains("StandardScaler")), m.trace().toString());
        var scaled = mlscratch.data.StandardScaler.fit(data.X()).transform(data.X());
        var ok = LogisticRegression.fit(scaled, data.y(), Options.defaults().withMaxIter(200));
        assertTrue(ok.trace().converged() && ok.trace().notes().isEmpty(), ok.trace().toString());
        var soft = SoftmaxRegression.fit(data.X(), data.y(), SoftmaxRegression.Options.defaults().withMaxIter(50));
        assertTrue(soft.trace().notes().stream().anyMatch(n -> n.contains("StandardScaler")), soft.trace().toString());
    }

    @Test void gradientAtZeroMatchesTheHandComputation() {
        // X = [[1, 2], [3, −1]], y = [1, 0], θ = 0 ⇒ p = [½, ½], r = p − y = [−½, ½]
        // Xᵀr = [1·(−½) + 3·½, 2·(−½) + (−1)·½] = [1, −1.5];  /n = [0.5, −0.75];  ∂b = (−½ + ½)/2 = 0
        // L = log 2 (each row: log(1 + e⁰) − y·0)
        var f = LogisticObjective.of(Matrix.of(new double[][] {{1, 2}, {3, -1}}), Vector.of(1, 0), 0, true);
        var vg = f.evaluate(Vector.zeros(3));
        assertEquals(Math.log(2), vg.value(), 1e-15);
        assertTrue(vg.gradient().isClose(Vector.of(0.5, -0.75, 0), 1e-15), vg.gradient().toString());
    }

    @Test void lossIsFiniteAndExactAtLogitsOfTenThousand() {
        // z = [1e4, −1e4] with y = [0, 1]: both rows are confidently wrong, each costs |z| = 1e4
        // (log(1 + e^1e4) = 1e4 + log1p(e^−1e4) = 1e4). The textbook form would give +∞.
        // r = [σ(1e4) − 0, σ(−1e4) − 1] = [1, −1];  ∂L/∂w = (1e4·1 + (−1e4)·(−1))/2 = 1e4
        var f = LogisticObjective.of(Matrix.of(new double[][] {{1e4}, {-1e4}}), Vector.of(0, 1), 0, false);
        var vg = f.evaluate(Vector.of(1));
        assertEquals(1e4, vg.value(), 0);
        assertEquals(1e4, vg.gradient().get(0), 0);
        // confidently right: loss log1p(e^−1e4) = 0 exactly, gradient 0
        var right = LogisticObjective.of(Matrix.of(new double[][] {{1e4}, {-1e4}}), Vector.of(1, 0), 0, false);
        assertEquals(0, right.evaluate(Vector.of(1)).value(), 0);
        assertEquals(1, LogisticRegression.sigmoid(1e4));
        assertEquals(0, LogisticRegression.sigmoid(-1e4));
        assertEquals(1e4, LogisticRegression.softplus(1e4));
        assertEquals(Math.log(2), LogisticRegression.softplus(0), 1e-16);
    }

    @Test void gradientPassesTheFiniteDifferenceCheck() {
        for (boolean intercept : new boolean[] {true, false}) {
            var data = LinearData.logistic(30, 4, 11);
            var f = LogisticObjective.of(data.X(), data.y(), 0.3, intercept);
            Vector theta = Vector.randn(f.dim(), 5).scale(0.5);
            var check = GradCheck.check(f::value, theta, f.gradient(theta));
            assertTrue(check.passed(), check.toString());
            int[] batch = {3, 7, 7, 20};
            var batchCheck = GradCheck.check(t -> f.evaluate(t, batch).value(), theta, f.evaluate(theta, batch).gradient());
            assertTrue(batchCheck.passed(), batchCheck.toString());
        }
    }

    @Test void hessianColumnsAreTheDerivativesOfTheGradient() {
        var data = LinearData.logistic(25, 3, 12);
        var f = LogisticObjective.of(data.X(), data.y(), 0.2, true);
        Vector theta = Vector.randn(f.dim(), 6);
        Matrix H = f.hessian(theta);
        assertTrue(H.isSymmetric(1e-14));
        for (int j = 0; j < f.dim(); j++) {
            int col = j;
            var check = GradCheck.check(t -> f.gradient(t).get(col), theta, H.col(j));
            assertTrue(check.passed(), "column " + j + ": " + check);
        }
    }

    @Test void theFourSolversAgree() {
        var data = LinearData.logistic(200, 3, 13);
        Options base = Options.defaults().withL2(0.05).withTol(1e-8).withMaxIter(5000);
        var lbfgs = LogisticRegression.fit(data.X(), data.y(), base.withSolver(Solver.LBFGS));
        var newton = LogisticRegression.fit(data.X(), data.y(), base.withSolver(Solver.NEWTON));
        var gd = LogisticRegression.fit(data.X(), data.y(), base.withSolver(Solver.GD));
        var sgd = LogisticRegression.fit(data.X(), data.y(), base.withSolver(Solver.SGD).withMaxIter(2000).withBatchSize(100));
        assertTrue(lbfgs.trace().converged() && newton.trace().converged() && gd.trace().converged(),
                lbfgs.trace() + "\n" + newton.trace() + "\n" + gd.trace());
        assertTrue(theta(newton).isClose(theta(lbfgs), 1e-6), newton + "\n" + lbfgs);
        assertTrue(theta(gd).isClose(theta(lbfgs), 1e-6), gd + "\n" + lbfgs);
        assertTrue(theta(sgd).isClose(theta(lbfgs), 1e-4), sgd + "\n" + lbfgs);
        assertTrue(newton.trace().iterations() < 10, "Newton converges quadratically: " + newton.trace());
    }

    @Test void matchesScikitLearnWithCOne() {
        // /usr/bin/python3, scikit-learn 1.2.1: LogisticRegression(C=1.0, tol=1e-12).fit(X, y) on LinearData.goldenBinary()
        // minimises ½‖w‖² + Σ log-loss (intercept unpenalised) = n·(ours with λ = 1/n)
        var data = LinearData.goldenBinary();
        assertEquals(Vector.of(1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0,
                0, 1, 0, 1, 0, 0, 1, 0, 1, 1), data.y(), "the labels numpy computed from the same formula");
        int n = data.X().rows();
        var opts = Options.defaults().withL2(1.0 / n).withTol(1e-12);
        var m = LogisticRegression.fit(data.X(), data.y(), opts);
        assertTrue(m.w().isClose(Vector.of(1.3888481220618447, 0.3720357088093027), 1e-6), m.toString());
        assertEquals(-0.3537536279930654, m.b(), 1e-6);
        double sumObjective = n * LogisticRegression.objective(data.X(), data.y(), opts).value(theta(m));
        assertEquals(21.82796293091404, sumObjective, 1e-9 * 21.8);
    }

    @Test void matchesSmileOnTheSameObjective() {
        // Smile 6.2.5 minimises Σ log-loss + (λₛ/2)‖w‖² with an unpenalised intercept (its BinomialObjective
        // sums j < p, the intercept is w[p]), so λₛ = nλ, and loglikelihood() = −(the minimum).
        var data = LinearData.logistic(2000, 5, 14);
        int n = 2000;
        double lambdaSmile = 3.0;
        var opts = Options.defaults().withL2(lambdaSmile / n).withTol(1e-10);
        var m = LogisticRegression.fit(data.X(), data.y(), opts);
        var fitted = smile.classification.LogisticRegression.binomial(data.X().toArray2D(), data.y().toIntArray(),
                new smile.classification.LogisticRegression.Options(lambdaSmile, 1e-10, 1000));
        double ours = n * LogisticRegression.objective(data.X(), data.y(), opts).value(theta(m));
        double theirs = -fitted.loglikelihood();
        assertEquals(theirs, ours, 1e-5 * Math.abs(theirs));
        assertTrue(ours <= theirs * (1 + 1e-12), "ours " + ours + " is not above Smile's " + theirs);
        double[] c = fitted.coefficients();                       // (w, b)
        assertTrue(theta(m).isClose(Vector.wrap(c), 1e-3), m + "\n" + Vector.wrap(c));
    }

    @Test void l1SetsIrrelevantWeightsToExactlyZeroAndSatisfiesTheOptimality() {
        // columns 0, 1 carry the signal, columns 2..5 are noise
        var base = LinearData.logistic(300, 2, 15);
        Matrix X = Matrix.hstack(base.X(), Matrix.randn(300, 4, 16).scale(0.5));
        double l1 = 0.05;
        var m = LogisticRegression.fit(X, base.y(), Options.defaults().withL2(0).withL1(l1).withSolver(Solver.GD)
                .withTol(1e-8).withMaxIter(20000));
        assertTrue(m.trace().converged(), m.toString());
        // optimality of the smooth part g plus λ₁‖w‖₁: gⱼ = −λ₁·sign(wⱼ) where wⱼ ≠ 0, |gⱼ| ≤ λ₁ where wⱼ = 0
        Vector g = LogisticRegression.objective(X, base.y(), m.options()).gradient(theta(m));
        int zeros = 0;
        for (int j = 0; j < 6; j++) {
            double wj = m.w().get(j);
            if (wj == 0) {
                zeros++;
                assertTrue(Math.abs(g.get(j)) <= l1 + 1e-7, "j = " + j + " g = " + g.get(j));
            } else assertEquals(-l1 * Math.signum(wj), g.get(j), 1e-6, "j = " + j);
        }
        assertEquals(0, g.get(6), 1e-7, "the intercept is not penalised");
        assertTrue(zeros >= 2, "expected some exact zeros among the noise columns: " + m.w());
        assertTrue(m.w().get(0) != 0 && m.w().get(1) != 0, m.w().toString());
    }

    @Test void probabilitiesThresholdAndPredictionsAgree() {
        var data = LinearData.logistic(50, 3, 17);
        var m = LogisticRegression.fit(data.X(), data.y());
        Matrix P = m.predictProba(data.X());
        Vector p = m.probability(data.X());
        Vector yHat = m.predict(data.X());
        for (int i = 0; i < 50; i++) {
            assertEquals(1, P.get(i, 0) + P.get(i, 1), 1e-15);
            assertEquals(p.get(i), P.get(i, 1));
            assertEquals(p.get(i) >= 0.5 ? 1 : 0, yHat.get(i));
            assertEquals(m.decisionFunction(data.X()).get(i) >= 0 ? 1 : 0, yHat.get(i));
        }
        assertEquals(Vector.ones(50), m.withThreshold(0).predict(data.X()));
        double sure = p.max();
        assertEquals(1, m.withThreshold(sure).predict(data.X()).sum(), "only the most confident row reaches p = max p");
    }

    @Test void sameOptionsAndDataGiveAnIdenticalModel() {
        var data = LinearData.logistic(100, 3, 18);
        var o = Options.defaults().withSolver(Solver.SGD).withMaxIter(5).withSeed(3);
        assertEquals(LogisticRegression.fit(data.X(), data.y(), o), LogisticRegression.fit(data.X(), data.y(), o));
    }

    @Test void moreThanTwoClassesOrL1WithASmoothSolverAreRejected() {
        var data = LinearData.logistic(10, 2, 19);
        var e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(data.X(), data.y().with(0, 2)));
        assertTrue(e.getMessage().contains("y has 3 classes"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(data.X(), data.y(), Options.defaults().withL1(0.1)));
        assertTrue(e2.getMessage().contains("'l1' > 0 needs Solver.GD"), e2.getMessage());
    }

    @Test void printsCompactly() {
        var m = new LogisticRegression(Vector.of(1, -2), 0.5);
        String s = m.toString();
        assertTrue(s.startsWith("LogisticRegression(d = 2, b = 0.5000, LBFGS, l2 = 1e-4)"), s);
        assertEquals("0.01", LogisticRegression.number(0.01));
        assertEquals("2", LogisticRegression.number(2));
        assertEquals("2.5e-7", LogisticRegression.number(2.5e-7));
        assertTrue(s.contains("w = Vector(2)"), s);
    }

    @Test void parallelObjectiveEqualsTheTextbookLoop() {
        // n = 20 000 takes the parallel row blocks; the reference is the per-row formula written out
        var data = LinearData.logistic(20_000, 5, 20);
        double lambda = 0.01;
        var f = LogisticObjective.of(data.X(), data.y(), lambda, true);
        Vector theta = Vector.randn(6, 21).scale(0.5);
        double loss = 0;
        double[] g = new double[6];
        for (int i = 0; i < 20_000; i++) {
            double z = theta.get(5);
            for (int j = 0; j < 5; j++) z += data.X().get(i, j) * theta.get(j);
            double p = 1 / (1 + Math.exp(-z)), yi = data.y().get(i);
            loss += -yi * Math.log(p) - (1 - yi) * Math.log(1 - p);          // the textbook log-loss
            for (int j = 0; j < 5; j++) g[j] += (p - yi) * data.X().get(i, j) / 20_000;
            g[5] += (p - yi) / 20_000;
        }
        for (int j = 0; j < 5; j++) {
            loss += 0.5 * lambda * 20_000 * theta.get(j) * theta.get(j);
            g[j] += lambda * theta.get(j);
        }
        var vg = f.evaluate(theta);
        assertEquals(loss / 20_000, vg.value(), 1e-12);
        assertTrue(vg.gradient().isClose(Vector.wrap(g), 1e-12), vg.gradient() + " vs " + Vector.wrap(g));
        assertEquals(vg, f.evaluate(theta), "the same sums every time (fixed blocks)");
    }
}
