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
import mlscratch.regression.ElasticNet.Options;

class ElasticNetTest {

    @Test
    void shrinksAnOrthogonalDesignByHand() {
        // as in LassoTest: (1/n)x₀ᵀy = 1.5, (1/n)x₁ᵀy = 2, zⱼ = 1; α = 2, ρ = 0.5 ⇒ αρ = 1, α(1 − ρ) = 1
        // wⱼ = S(pⱼ, αρ) / (zⱼ + α(1 − ρ)):  w₀ = 0.5/2 = 0.25,  w₁ = 1/2 = 0.5
        Matrix X = Matrix.of(4, 2, 1, 1, -1, 1, 1, -1, -1, -1);
        var m = ElasticNet.fit(X, Vector.of(3, 1, 0, -4), Options.defaults().withAlpha(2).withL1Ratio(0.5));
        assertTrue(m.w().isClose(Vector.of(0.25, 0.5), 1e-14), m.w().toString());
    }

    @Test
    void satisfiesTheKktConditions() {
        // g = −(1/n)Xcᵀr + α(1 − ρ)w;  gⱼ = −αρ·sign(wⱼ) if wⱼ ≠ 0, |gⱼ| ≤ αρ if wⱼ = 0 (computed here from scratch)
        for (double rho : new double[] {0.1, 0.5, 0.9}) {
            Matrix X = Matrix.randn(60, 6, 3);
            Vector y = X.times(Vector.of(2, 0, 0, -1, 0, 0.5)).plus(Vector.randn(60, 4)).plus(1);
            double alpha = 0.3;
            var m = ElasticNet.fit(X, y, Options.defaults().withAlpha(alpha).withL1Ratio(rho));
            Vector r = y.minus(m.predict(X));
            Vector g = X.minusRowVector(X.mean(0)).transpose().times(r).scale(-1.0 / 60).plus(m.w().scale(alpha * (1 - rho)));
            double tol = 1e-8 * X.minusRowVector(X.mean(0)).transpose().times(y.minus(y.mean())).normInf() / 60;  // the fit's stopping rule
            for (int j = 0; j < 6; j++) {
                double wj = m.w().get(j);
                if (wj != 0) assertEquals(-alpha * rho * Math.signum(wj), g.get(j), tol, "ρ=" + rho + " j=" + j);
                else assertTrue(Math.abs(g.get(j)) <= alpha * rho + tol, "ρ=" + rho + " j=" + j);
            }
            assertTrue(m.kktViolation(X, y) <= tol);
        }
    }

    @Test
    void l1RatioZeroIsRidgeWithAlphaTimesN() {
        // (1/2n)‖r‖² + ½α‖w‖² = (1/2n)(‖r‖² + nα‖w‖²): Ridge with α' = nα — coordinate descent vs Cholesky
        Matrix X = Matrix.randn(50, 4, 7);
        Vector y = Vector.randn(50, 8).plus(3);
        var enet = ElasticNet.fit(X, y, Options.defaults().withAlpha(0.2).withL1Ratio(0));
        var ridge = Ridge.fit(X, y, 50 * 0.2);
        assertTrue(enet.w().isClose(ridge.w(), 1e-8), enet.w() + " vs " + ridge.w());
        assertEquals(ridge.b(), enet.b(), 1e-8);
    }

    @Test
    void theSmoothPartPassesAGradientCheck() {
        Matrix X = Matrix.randn(15, 3, 1);
        Vector y = Vector.randn(15, 2);
        var f = ElasticNet.smoothObjective(X, y, 0.4, 0.3);
        Vector theta = Vector.randn(4, 3);
        var gc = GradCheck.check(f::value, theta, f.gradient(theta));
        assertTrue(gc.passed(), gc.toString());
    }

    @Test
    void coordinateDescentBeatsNearbyPoints() {
        // the objective at the fit is no larger than at random perturbations of it (convexity + optimality)
        var data = Datasets.diabetes();
        var m = ElasticNet.fit(data.X(), data.y(), Options.defaults().withAlpha(0.01).withL1Ratio(0.7));
        double best = ElasticNet.objectiveValue(data.X(), data.y(), m.w(), m.b(), 0.01, 0.7);
        for (long s = 0; s < 20; s++) {
            Vector dw = Vector.randn(10, s).scale(0.5);
            double other = ElasticNet.objectiveValue(data.X(), data.y(), m.w().plus(dw), m.b() + 0.1 * (s - 10), 0.01, 0.7);
            assertTrue(best <= other, "perturbation " + s);
        }
        assertEquals(best, m.trace().finalLoss(), 1e-9 * best);     // the trace records the objective
    }

    @Test
    void matchesScikitLearnOnDiabetes() {
        // /usr/bin/python3 -c "from sklearn.datasets import load_diabetes; from sklearn.linear_model import ElasticNet;
        //   X,y=load_diabetes(return_X_y=True); m=ElasticNet(alpha=0.01, l1_ratio=0.5, tol=1e-12, max_iter=100000).fit(X,y);
        //   print(m.coef_.tolist(), m.intercept_)"
        Vector sklearnA = Vector.of(33.14952987572888, -35.2429725656189, 211.0274745656728, 144.55976801923023,
                21.93070296685443, 0.0, -115.6192107766184, 100.65756804003414, 185.32517347775106, 96.25698662545423);
        // same with alpha=0.001, l1_ratio=0.7
        Vector sklearnB = Vector.of(3.3047703125002257, -198.25672622530453, 478.4840709787888, 295.6405535456081,
                -66.92851955331804, -76.61752867971754, -190.65070246411054, 116.52366140814536, 427.03216085391233,
                90.60264900223206);
        var data = Datasets.diabetes();
        var a = ElasticNet.fit(data.X(), data.y(), Options.defaults().withAlpha(0.01).withL1Ratio(0.5));
        var b = ElasticNet.fit(data.X(), data.y(), Options.defaults().withAlpha(0.001).withL1Ratio(0.7));
        assertTrue(a.w().isClose(sklearnA, 1e-6), a.w().toString());
        assertTrue(b.w().isClose(sklearnB, 1e-6), b.w().toString());
        assertEquals(0.0, a.w().get(5));
        assertEquals(152.13348416289597, a.b(), 1e-6);
    }

    @Test
    void matchesSmilesElasticNetOnDiabetes() {
        // Smile's ElasticNet(λ₁, λ₂) is the naive elastic net ‖r‖² + λ₁‖v‖₁ + λ₂‖v‖² on columns standardised
        // by s = 1/√(n − 1): αρ = λ₁s/(2n), α(1 − ρ) = λ₂s²/n (see SmileData)
        var data = Datasets.diabetes();
        int n = data.n();
        double l1 = 100, l2 = 100, s = 1 / Math.sqrt(n - 1);
        var ref = smile.regression.ElasticNet.fit(SmileData.formula(), SmileData.frame(data.X(), data.y()),
                new smile.regression.ElasticNet.Options(l1, l2, 1e-10, 10000));
        double a1 = l1 * s / (2 * n), a2 = l2 * s * s / n;
        var ours = ElasticNet.fit(data.X(), data.y(), Options.defaults().withAlpha(a1 + a2).withL1Ratio(a1 / (a1 + a2)));
        Vector theirs = SmileData.coefficients(ref);
        assertTrue(ours.w().minus(theirs).normInf() < 1e-3 * theirs.normInf(), ours.w() + " vs " + theirs);
        assertEquals(ref.intercept(), ours.b(), 1e-3);
    }

    @Test
    void aPathWithTwoAlphasEqualsTwoFits() {
        Matrix X = Matrix.randn(40, 4, 9);
        Vector y = Vector.randn(40, 10);
        var o = Options.defaults().withL1Ratio(0.3);
        var path = ElasticNet.path(X, y, Vector.of(0.5, 0.05), o);
        assertTrue(path.W().row(1).isClose(ElasticNet.fit(X, y, o.withAlpha(0.05)).w(), 1e-6));
        assertTrue(path.W().row(0).isClose(ElasticNet.fit(X, y, o.withAlpha(0.5)).w(), 1e-6));
    }

    @Nested
    class Contract extends EstimatorContract<ElasticNet> {
        @Override protected Fitter<ElasticNet> fitter() {
            return (X, y) -> ElasticNet.fit(X, y, Options.defaults().withAlpha(0.01));
        }

        @Override protected List<BadOption> badOptions() {
            return List.of(badOption("alpha", () -> Options.defaults().withAlpha(-1)),
                    badOption("l1Ratio", () -> Options.defaults().withL1Ratio(1.5)),
                    badOption("l1Ratio", () -> Options.defaults().withL1Ratio(Double.NaN)),
                    badOption("maxIter", () -> Options.defaults().withMaxIter(-3)));
        }
    }
}
