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
import mlscratch.regression.Lasso.Options;

class LassoTest {

    @Test
    void softThresholdsAnOrthogonalDesignByHand() {
        // x₀ = [1, −1, 1, −1], x₁ = [1, 1, −1, −1]: centred, orthogonal, (1/n)‖xⱼ‖² = 1; y = [3, 1, 0, −4], ȳ = 0
        // (1/n)x₀ᵀy = (3 − 1 + 0 + 4)/4 = 1.5,  (1/n)x₁ᵀy = (3 + 1 − 0 + 4)/4 = 2
        // with orthogonal columns wⱼ = S((1/n)xⱼᵀy, α): α = 1.7 ⇒ w₀ = S(1.5, 1.7) = 0, w₁ = S(2, 1.7) = 0.3
        Matrix X = Matrix.of(4, 2, 1, 1, -1, 1, 1, -1, -1, -1);
        var m = Lasso.fit(X, Vector.of(3, 1, 0, -4), 1.7);
        assertEquals(0.0, m.w().get(0));                       // exactly zero, not just small
        assertEquals(0.3, m.w().get(1), 1e-14);
        assertEquals(0.0, m.b(), 1e-14);
        assertEquals(1, m.nonZero());
    }

    @Test
    void softThresholdShrinksTowardZeroAndClipsAtGamma() {
        assertEquals(1.0, ElasticNet.softThreshold(3, 2));
        assertEquals(-1.0, ElasticNet.softThreshold(-3, 2));
        assertEquals(0.0, ElasticNet.softThreshold(1.5, 2));
        assertEquals(0.0, ElasticNet.softThreshold(-2, 2));
    }

    @Test
    void satisfiesTheKktConditions() {
        // optimal ⇔ with g = −(1/n)Xcᵀr:  gⱼ = −α·sign(wⱼ) where wⱼ ≠ 0,  |gⱼ| ≤ α where wⱼ = 0 — computed here
        // from scratch, not with the library's kktViolation
        for (long seed = 1; seed <= 6; seed++) {
            int n = 30 + 10 * (int) seed, d = 2 + (int) seed;
            Matrix X = Matrix.randn(n, d, seed);
            Vector wTrue = Vector.randn(d, seed + 100).hadamard(Vector.random(d, seed + 200).map(u -> u < 0.5 ? 0 : 1));
            Vector y = X.times(wTrue).plus(Vector.randn(n, seed + 300).scale(0.5)).plus(2);
            double alpha = 0.05 * seed;
            var m = Lasso.fit(X, y, alpha);
            Vector r = y.minus(m.predict(X));
            Matrix Xc = X.minusRowVector(X.mean(0));
            Vector g = Xc.transpose().times(r).scale(-1.0 / n);
            int zeros = 0;
            for (int j = 0; j < d; j++) {
                double wj = m.w().get(j);
                if (wj != 0) assertEquals(-alpha * Math.signum(wj), g.get(j), 1e-8, "active j=" + j + " seed " + seed);
                else {
                    zeros++;
                    assertTrue(Math.abs(g.get(j)) <= alpha + 1e-8, "inactive j=" + j + " |g| = " + Math.abs(g.get(j)));
                }
            }
            assertEquals(0, r.sum(), 1e-9, "the intercept makes Σr = 0");
            assertTrue(m.kktViolation(X, y) < 1e-8);
            assertEquals(d - zeros, m.nonZero());
        }
    }

    @Test
    void anAlphaAtOrAboveAlphaMaxGivesAllZeros() {
        var data = Datasets.diabetes();
        double alphaMax = ElasticNet.alphaGrid(data.X(), data.y(), 1.0, 1, 1e-3).get(0);
        assertEquals(0, Lasso.fit(data.X(), data.y(), alphaMax).nonZero());
        assertTrue(Lasso.fit(data.X(), data.y(), 0.99 * alphaMax).nonZero() >= 1);
        assertEquals(data.y().mean(), Lasso.fit(data.X(), data.y(), alphaMax).b(), 1e-12);
    }

    @Test
    void theObjectiveNeverIncreasesAcrossSweeps() {
        var data = Datasets.diabetes();
        Vector L = Lasso.fit(data.X(), data.y(), 0.05).trace().loss();
        for (int k = 1; k < L.size(); k++) assertTrue(L.get(k) <= L.get(k - 1) + 1e-9, "sweep " + k);
    }

    @Test
    void matchesScikitLearnOnDiabetes() {
        // /usr/bin/python3 -c "from sklearn.datasets import load_diabetes; from sklearn.linear_model import Lasso;
        //   X,y=load_diabetes(return_X_y=True); m=Lasso(alpha=0.1, tol=1e-12, max_iter=100000).fit(X,y); print(m.coef_.tolist(), m.intercept_)"
        Vector sklearn01 = Vector.of(0, -155.34311062478324, 517.2162412028104, 275.08722292815156,
                -52.552035811884124, 0, -210.1395090353109, 0, 483.9171745719903, 33.66219214324886);
        // same with alpha=1.0
        Vector sklearn1 = Vector.of(0, 0, 367.701625821548, 6.3097026441958, 0, 0, 0, 0, 307.60214746213575, 0);
        var data = Datasets.diabetes();
        var m01 = Lasso.fit(data.X(), data.y(), 0.1);
        var m1 = Lasso.fit(data.X(), data.y(), 1.0);
        assertTrue(m01.w().isClose(sklearn01, 1e-6), m01.w().toString());
        assertTrue(m1.w().isClose(sklearn1, 1e-6), m1.w().toString());
        assertEquals(152.13348416289602, m01.b(), 1e-6);
        for (int j = 0; j < 10; j++)                                       // the same features are left out
            assertEquals(sklearn01.get(j) == 0, m01.w().get(j) == 0, "feature " + j);
        assertEquals(3, m1.nonZero());
    }

    @Test
    void matchesSmilesLassoOnDiabetes() {
        // Smile's LASSO(λ) minimises ‖r‖² + λ‖v‖₁ on columns standardised by s = 1/√(n − 1): our α = λs/(2n).
        // Smile solves by an interior-point method, so agreement is to its tolerance, not to ours.
        var data = Datasets.diabetes();
        int n = data.n();
        double lambda = 100;
        var ref = smile.regression.LASSO.fit(SmileData.formula(), SmileData.frame(data.X(), data.y()),
                new smile.regression.LASSO.Options(lambda, 1e-10, 10000));
        var ours = Lasso.fit(data.X(), data.y(), lambda / (2 * n * Math.sqrt(n - 1)));
        Vector theirs = SmileData.coefficients(ref);
        assertTrue(ours.w().minus(theirs).normInf() < 1e-3 * theirs.normInf(), ours.w() + " vs " + theirs);
        assertEquals(ref.intercept(), ours.b(), 1e-3);
    }

    @Test
    void aWarmStartedPathEqualsColdFits() {
        var data = Datasets.diabetes();
        Vector alphas = Lasso.alphaGrid(data.X(), data.y(), 12);
        var path = Lasso.path(data.X(), data.y(), alphas);
        assertEquals(12, path.W().rows());
        assertEquals(0, path.nonZero().get(0));                         // α_max: every weight 0
        for (int k = 0; k < alphas.size(); k += 3) {
            var cold = Lasso.fit(data.X(), data.y(), alphas.get(k));
            assertTrue(path.W().row(k).isClose(cold.w(), 1e-5), "α = " + alphas.get(k));
            assertEquals(cold.b(), path.b().get(k), 1e-5);
        }
        // fewer penalties, more features: the count of nonzero weights grows along the path (on diabetes)
        assertTrue(path.nonZero().get(11) > path.nonZero().get(3));
    }

    @Test
    void equalsElasticNetWithL1RatioOne() {
        Matrix X = Matrix.randn(40, 5, 4);
        Vector y = Vector.randn(40, 5);
        var lasso = Lasso.fit(X, y, 0.1);
        var enet = ElasticNet.fit(X, y, ElasticNet.Options.defaults().withAlpha(0.1).withL1Ratio(1));
        assertEquals(enet.w(), lasso.w());
        assertEquals(enet.b(), lasso.b());
    }

    @Test
    void withoutInterceptTheKktConditionsHoldOnRawX() {
        Matrix X = Matrix.randn(30, 3, 2);
        Vector y = Vector.randn(30, 3).plus(1);
        var m = Lasso.fit(X, y, Options.defaults().withAlpha(0.05).withIntercept(false));
        assertEquals(0.0, m.b());
        Vector g = X.transpose().times(y.minus(X.times(m.w()))).scale(-1.0 / 30);
        for (int j = 0; j < 3; j++)
            if (m.w().get(j) != 0) assertEquals(-0.05 * Math.signum(m.w().get(j)), g.get(j), 1e-8);
            else assertTrue(Math.abs(g.get(j)) <= 0.05 + 1e-8);
    }

    @Test
    void sameOptionsAndDataGiveAnIdenticalModel() {
        var data = Datasets.diabetes();
        assertEquals(Lasso.fit(data.X(), data.y(), 0.3), Lasso.fit(data.X(), data.y(), 0.3));
    }

    @Nested
    class Contract extends EstimatorContract<Lasso> {
        @Override protected Fitter<Lasso> fitter() { return (X, y) -> Lasso.fit(X, y, 0.01); }

        @Override protected List<BadOption> badOptions() {
            return List.of(badOption("alpha", () -> Options.defaults().withAlpha(-0.1)),
                    badOption("maxIter", () -> Options.defaults().withMaxIter(0)),
                    badOption("tol", () -> Options.defaults().withTol(-1)));
        }
    }
}
