package mlscratch.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.classification.SoftmaxRegression.Options;
import mlscratch.classification.SoftmaxRegression.Solver;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.optim.GradCheck;

class SoftmaxRegressionTest {

    static Vector theta(SoftmaxRegression m) { return Vector.concat(m.W().flatten(), m.b()); }

    @Test void logSumExpIsStableAndExact() {
        // log(e^1000 + e^1000) = 1000 + log 2; the naive form gives log(∞)
        assertEquals(1000 + Math.log(2), SoftmaxRegression.logSumExp(Vector.of(1000, 1000)), 1e-12);
        assertEquals(-1000 + Math.log(2), SoftmaxRegression.logSumExp(Vector.of(-1000, -1000)), 1e-12);
        // log(e⁰ + e^(ln 3)) = log 4
        assertEquals(Math.log(4), SoftmaxRegression.logSumExp(Vector.of(0, Math.log(3))), 1e-15);
        Vector p = SoftmaxRegression.softmax(Vector.of(1e4, 0, -1e4));
        assertEquals(Vector.of(1, 0, 0), p);
    }

    @Test void lossAndGradientAtZeroMatchTheHandComputation() {
        // X = [[1, 0], [0, 2]], y = [0, 2], k = 3, θ = 0 ⇒ P = ⅓ everywhere, L = log 3
        // R = P − Y = [[−⅔, ⅓, ⅓], [⅓, ⅓, −⅔]];  RᵀX/n: row c = (R₀c·[1, 0] + R₁c·[0, 2])/2
        //   c = 0: [−⅔, ⅔]/2 = [−⅓, ⅓];  c = 1: [⅓, ⅔]/2 = [⅙, ⅓];  c = 2: [⅓, −4/3]/2 = [⅙, −⅔]
        // ∇b = column sums of R / 2 = [−⅓, ⅔, −⅓]/2 = [−⅙, ⅓, −⅙]
        var f = SoftmaxObjective.of(Matrix.of(new double[][] {{1, 0}, {0, 2}}), Vector.of(0, 2), 3, 0, true);
        var vg = f.evaluate(Vector.zeros(f.dim()));
        assertEquals(Math.log(3), vg.value(), 1e-15);
        Vector expected = Vector.of(-1.0 / 3, 1.0 / 3, 1.0 / 6, 1.0 / 3, 1.0 / 6, -2.0 / 3, -1.0 / 6, 1.0 / 3, -1.0 / 6);
        assertTrue(vg.gradient().isClose(expected, 1e-15), vg.gradient().toString());
    }

    @Test void gradientPassesTheFiniteDifferenceCheck() {
        for (boolean intercept : new boolean[] {true, false}) {
            var data = LinearData.softmax(30, 4, 3, 21);
            var f = SoftmaxObjective.of(data.X(), data.y(), 3, 0.2, intercept);
            Vector theta = Vector.randn(f.dim(), 22);
            var check = GradCheck.check(f::value, theta, f.gradient(theta));
            assertTrue(check.passed(), check.toString());
            int[] batch = {0, 5, 9, 9, 29};
            var b = GradCheck.check(t -> f.evaluate(t, batch).value(), theta, f.evaluate(theta, batch).gradient());
            assertTrue(b.passed(), b.toString());
        }
    }

    @Test void probabilitiesAreFiniteAndSumToOneEvenForHugeScores() {
        var m = new SoftmaxRegression(Matrix.of(new double[][] {{1e4, 0}, {0, 1e4}, {-1e4, -1e4}}), Vector.zeros(3));
        Matrix X = Matrix.of(new double[][] {{1, 0}, {0, 1}, {-1, -1}, {0.3, 0.3}});
        Matrix P = m.predictProba(X);
        P.requireFinite("test", "P");
        for (int i = 0; i < X.rows(); i++) assertEquals(1, P.row(i).sum(), 1e-12);
        assertEquals(Vector.of(0, 1, 2, 0), m.predict(X));
        assertEquals(Vector.ofInts(P.argmax(1)), m.predict(X), "predict is the argmax of the probabilities");
    }

    @Test void twoClassesReduceToLogisticRegressionWithHalfThePenalty() {
        // At the optimum W₀ = −W₁ (the penalty splits the difference), so w = W₁ − W₀ = 2W₁ and
        // (λ/2)(‖W₀‖² + ‖W₁‖²) = (λ/4)‖w‖²: logistic regression with λ/2.
        var data = LinearData.logistic(150, 3, 23);
        double lambda = 0.1;
        var soft = SoftmaxRegression.fit(data.X(), data.y(), Options.defaults().withL2(lambda).withTol(1e-10));
        var logit = LogisticRegression.fit(data.X(), data.y(),
                LogisticRegression.Options.defaults().withL2(lambda / 2).withTol(1e-10));
        Vector w = soft.W().row(1).minus(soft.W().row(0));
        assertTrue(w.isClose(logit.w(), 1e-7), w + " vs " + logit.w());
        assertEquals(logit.b(), soft.b().get(1) - soft.b().get(0), 1e-7);
        assertTrue(soft.predictProba(data.X()).isClose(logit.predictProba(data.X()), 1e-8));
    }

    @Test void theThreeSolversAgree() {
        var data = LinearData.softmax(200, 3, 3, 24);
        Options base = Options.defaults().withL2(0.05).withTol(1e-8).withMaxIter(5000);
        var lbfgs = SoftmaxRegression.fit(data.X(), data.y(), base);
        var gd = SoftmaxRegression.fit(data.X(), data.y(), base.withSolver(Solver.GD));
        var sgd = SoftmaxRegression.fit(data.X(), data.y(), base.withSolver(Solver.SGD).withMaxIter(2000).withBatchSize(100));
        assertTrue(lbfgs.trace().converged() && gd.trace().converged(), lbfgs.trace() + "\n" + gd.trace());
        assertTrue(theta(gd).isClose(theta(lbfgs), 1e-6), gd + "\n" + lbfgs);
        assertTrue(theta(sgd).isClose(theta(lbfgs), 1e-4), sgd + "\n" + lbfgs);
    }

    @Test void matchesScikitLearnWithCOne() {
        // /usr/bin/python3, scikit-learn 1.2.1: LogisticRegression(C=1.0, tol=1e-12, multi_class='multinomial')
        // on LinearData.goldenMulti() minimises ½‖W‖²_F + Σ cross-entropy = n·(ours with λ = 1/n)
        var data = LinearData.goldenMulti();
        assertEquals(Vector.of(2, 2, 1, 0, 0, 0, 0, 2, 2, 1, 1, 1, 2, 2, 0, 0, 1, 1, 1, 2, 2, 0, 0, 0, 0, 0, 2, 2, 1, 0,
                0, 2, 2, 0, 1, 1, 1, 1, 2, 2, 0, 0, 0, 0, 2, 2, 1, 0, 0, 0, 2, 2, 2, 1, 1, 1, 2, 2, 0, 0), data.y());
        int n = data.X().rows();
        var opts = Options.defaults().withL2(1.0 / n).withTol(1e-11);
        var m = SoftmaxRegression.fit(data.X(), data.y(), opts);
        Matrix W = Matrix.of(new double[][] {{-0.865177554360133, -0.9873202090817226},
                {-1.30170338539282, 0.9871762245153459}, {2.166880939752953, 0.0001439845663762874}});
        Vector b = Vector.of(0.4122889865735628, -0.4279460798494539, 0.015657093275890793);
        // scikit-learn's lbfgs stops about 1e-5 from the minimum (its objective is the higher one, below)
        assertTrue(m.W().isClose(W, 5e-5), m.toString());
        // intercepts are unpenalised, so only their differences are identified; scikit-learn's sum to ≈ 0 too
        assertTrue(m.b().minus(m.b().mean()).isClose(b.minus(b.mean()), 5e-5), m.b().toString());
        double sum = n * SoftmaxRegression.objective(data.X(), data.y(), 3, opts).value(theta(m));
        assertEquals(27.95769777875635, sum, 1e-9 * 28);
        assertTrue(sum <= 27.95769777875635, "ours " + sum + " is not above scikit-learn's");
    }

    @Test void matchesSmileWithoutAPenalty() {
        // Smile 6.2.5's multinomial objective fixes class k−1's weights at 0 and penalises the other k−1
        // rows: a different objective from ours unless λ = 0, where both reach the same minimum
        // Σ cross-entropy (loglikelihood() = −minimum). Overlapping classes keep the minimum finite.
        var data = LinearData.softmax(1500, 4, 4, 25);
        int n = 1500;
        var opts = Options.defaults().withL2(0).withTol(1e-10);
        var m = SoftmaxRegression.fit(data.X(), data.y(), opts);
        var fitted = smile.classification.LogisticRegression.multinomial(data.X().toArray2D(), data.y().toIntArray(),
                new smile.classification.LogisticRegression.Options(0, 1e-10, 2000));
        double ours = n * SoftmaxRegression.objective(data.X(), data.y(), 4, opts).value(theta(m));
        double theirs = -fitted.loglikelihood();
        assertEquals(theirs, ours, 1e-5 * theirs);
        // and Smile's probabilities agree with ours
        double[] p = new double[4];
        Matrix P = m.predictProba(data.X());
        for (int i = 0; i < 20; i++) {
            fitted.predict(data.X().row(i).toArray(), p);
            assertTrue(Vector.wrap(p.clone()).isClose(P.row(i), 1e-3), i + ": " + Vector.wrap(p) + " vs " + P.row(i));
        }
    }

    @Test void sameOptionsAndDataGiveAnIdenticalModel() {
        var data = LinearData.softmax(100, 3, 3, 26);
        var o = Options.defaults().withSolver(Solver.SGD).withMaxIter(5).withSeed(3);
        assertEquals(SoftmaxRegression.fit(data.X(), data.y(), o), SoftmaxRegression.fit(data.X(), data.y(), o));
    }

    @Test void parallelObjectiveEqualsTheTextbookLoop() {
        // n = 12 000 takes the parallel row blocks; the reference is −log softmax(zᵢ)_yᵢ row by row
        int n = 12_000, d = 4, k = 3;
        var data = LinearData.softmax(n, d, k, 27);
        var f = SoftmaxObjective.of(data.X(), data.y(), k, 0.0, true);
        Vector theta = Vector.randn(f.dim(), 28);
        Matrix W = f.weights(theta);
        Vector b = f.intercepts(theta);
        double loss = 0;
        double[] gb = new double[k];
        for (int i = 0; i < n; i++) {
            Vector p = SoftmaxRegression.softmax(W.times(data.X().row(i)).plus(b));
            int yi = (int) data.y().get(i);
            loss -= Math.log(p.get(yi));
            for (int c = 0; c < k; c++) gb[c] += (p.get(c) - (c == yi ? 1 : 0)) / n;
        }
        var vg = f.evaluate(theta);
        assertEquals(loss / n, vg.value(), 1e-12);
        assertTrue(vg.gradient().slice(k * d, k * d + k).isClose(Vector.wrap(gb), 1e-12));
        assertEquals(vg, f.evaluate(theta), "the same sums every time (fixed blocks)");
    }
}
