package mlscratch.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mlscratch.data.Datasets;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.EstimatorContract;
import mlscratch.model.Fitter;
import mlscratch.optim.GradCheck;
import mlscratch.regression.HuberRegression.Options;

class HuberRegressionTest {

    @Test
    void theLossIsSquaredInsideAndLinearOutside() {
        // ε = 1: H(0.5) = 0.25, H(1) = 1 (both branches agree), H(3) = 2·1·3 − 1 = 5, H(−3) = 5
        assertEquals(0.25, HuberRegression.loss(0.5, 1), 1e-15);
        assertEquals(1.0, HuberRegression.loss(1, 1), 1e-15);
        assertEquals(5.0, HuberRegression.loss(3, 1), 1e-15);
        assertEquals(5.0, HuberRegression.loss(-3, 1), 1e-15);
        // the slope is continuous at |z| = ε: 2z inside, 2ε outside
        double h = 1e-7;
        assertEquals(2.0, (HuberRegression.loss(1 + h, 1) - HuberRegression.loss(1 - h, 1)) / (2 * h), 1e-6);
    }

    @Test
    void theObjectivePassesAGradientCheckWithInliersAndOutliers() {
        Matrix X = Matrix.randn(30, 3, 1);
        Vector y = X.times(Vector.of(1, -2, 0.5)).plus(Vector.randn(30, 2).scale(0.3));
        y = y.with(0, 40).with(5, -25);                                          // two outliers
        for (boolean intercept : new boolean[] {true, false}) {
            var f = HuberRegression.objective(X, y, 1.35, 0.1, intercept);
            Vector theta = intercept ? Vector.of(0.8, -1.5, 0.3, 0.2, 0.7) : Vector.of(0.8, -1.5, 0.3, 0.7);
            var gc = GradCheck.check(f::value, theta, f.gradient(theta));
            assertTrue(gc.passed(), gc.toString());
        }
    }

    @Test
    void theGradientIsZeroAtTheFit() {
        var data = Datasets.diabetes();
        var m = HuberRegression.fit(data.X(), data.y());
        var f = HuberRegression.objective(data.X(), data.y(), 1.35, 1e-4, true);
        Vector theta = Vector.concat(m.w(), Vector.of(m.b(), m.sigma()));
        var vg = f.evaluate(theta);
        assertTrue(vg.gradient().normInf() < 1e-6 * vg.value(), vg.gradient().toString());
        assertTrue(m.trace().converged(), m.trace().toString());
    }

    @Test
    void matchesScikitLearnOnDiabetes() {
        // /usr/bin/python3 -c "from sklearn.datasets import load_diabetes; from sklearn.linear_model import HuberRegressor;
        //   X,y=load_diabetes(return_X_y=True); m=HuberRegressor(epsilon=1.35, alpha=1e-4, tol=1e-12, max_iter=100000).fit(X,y);
        //   print(m.coef_.tolist(), m.intercept_, m.scale_, m.outliers_.sum())"
        Vector sklearnW = Vector.of(-28.96171483145278, -281.7193616883446, 530.3753959635193, 335.7413903039275,
                -454.43932415479907, 182.72498633478216, -61.7651778479785, 131.00395820618726, 668.3766036097993,
                44.84122872511);
        var data = Datasets.diabetes();
        var m = HuberRegression.fit(data.X(), data.y());
        // sklearn's L-BFGS-B stops earlier on this flat valley (diabetes columns have norm 1, so the weights
        // are large and weakly determined): our objective is no higher than at its point, and the two agree
        // to about 1 % in w, 1e-4 in σ
        var f = HuberRegression.objective(data.X(), data.y(), 1.35, 1e-4, true);
        double ours = f.value(Vector.concat(m.w(), Vector.of(m.b(), m.sigma())));
        double theirs = f.value(Vector.concat(sklearnW, Vector.of(151.17858423625773, 37.39205373609904)));
        assertTrue(ours <= theirs, ours + " > " + theirs);
        assertEquals(theirs, ours, 1e-6 * theirs);
        assertTrue(m.w().minus(sklearnW).normInf() < 1e-2 * sklearnW.normInf(), m.w().toString());
        assertEquals(151.17858423625773, m.b(), 1e-2);
        assertEquals(37.39205373609904, m.sigma(), 1e-4 * 37.4);
        assertEquals(159, m.outliers(data.X(), data.y()).sum(), 2);
    }

    @Test
    void outliersBarelyMoveTheFitWhileTheyDragLeastSquares() {
        // y = 3x + 1 with small noise, then 10 % of the points pushed up by 50
        int n = 60;
        Matrix X = Vector.linspace(-2, 2, n).asColumn();
        Vector y = X.col(0).scale(3).plus(1).plus(Vector.randn(n, 5).scale(0.2));
        for (int i = 0; i < n; i += 10) y = y.with(i, y.get(i) + 50);
        var huber = HuberRegression.fit(X, y);
        var ols = LinearRegression.fit(X, y);
        assertEquals(3, huber.w().get(0), 0.15);
        assertEquals(1, huber.b(), 0.3);
        assertTrue(Math.abs(ols.b() - 1) > 4, "least squares is pulled up by the outliers: b = " + ols.b());
        Vector flagged = huber.outliers(X, y);
        for (int i = 0; i < n; i += 10) assertEquals(1.0, flagged.get(i), "point " + i + " is flagged");
    }

    @Test
    void aHugeEpsilonIsLeastSquares() {
        // when no residual exceeds εσ, L = nσ + ‖r‖²/σ + α‖w‖²: at α = 0 the w minimising it is OLS's
        Matrix X = Matrix.randn(40, 2, 3);
        Vector y = X.times(Vector.of(1, 2)).plus(Vector.randn(40, 4)).plus(0.5);
        var huber = HuberRegression.fit(X, y, Options.defaults().withEpsilon(1e6).withAlpha(0));
        var ols = LinearRegression.fit(X, y);
        assertTrue(huber.w().isClose(ols.w(), 1e-6), huber.w() + " vs " + ols.w());
        assertEquals(ols.b(), huber.b(), 1e-6);
        // and σ is then the root mean squared residual: ∂L/∂σ = n − ‖r‖²/σ² = 0
        Vector r = y.minus(ols.predict(X));
        assertEquals(Math.sqrt(r.dot(r) / 40), huber.sigma(), 1e-6);
    }

    @Test
    void withoutInterceptTheLineGoesThroughTheOrigin() {
        Matrix X = Vector.linspace(0.5, 5, 40).asColumn();
        Vector y = X.col(0).scale(3).plus(Vector.randn(40, 8).scale(0.1)).with(10, 60).with(30, -40);
        var m = HuberRegression.fit(X, y, Options.defaults().withIntercept(false));
        assertEquals(0.0, m.b());
        assertEquals(3, m.w().get(0), 0.05);
        assertEquals(1.0, m.outliers(X, y).get(10));
        assertEquals(1.0, m.outliers(X, y).get(30));
    }

    @Test
    void sameOptionsAndDataGiveAnIdenticalModel() {
        var data = Datasets.diabetes();
        assertEquals(HuberRegression.fit(data.X(), data.y()), HuberRegression.fit(data.X(), data.y()));
    }

    @Nested
    class Contract extends EstimatorContract<HuberRegression> {
        @Override protected Fitter<HuberRegression> fitter() { return HuberRegression::fit; }

        @Override protected List<BadOption> badOptions() {
            return List.of(badOption("epsilon", () -> Options.defaults().withEpsilon(0.5)),
                    badOption("epsilon", () -> Options.defaults().withEpsilon(Double.NaN)),
                    badOption("alpha", () -> Options.defaults().withAlpha(-1)),
                    badOption("lbfgs", () -> Options.defaults().withLbfgs(null)));
        }
    }
}
