package mlscratch.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.data.PolynomialFeatures;
import mlscratch.data.StandardScaler;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Polynomial regression is a linear model on polynomial features: φ(x) = (x, x², x³), then ŷ = φ(x)w + b.
class PolynomialRegressionTest {

    private static final Matrix X = Vector.linspace(-2, 2, 40).asColumn();
    private static final Vector CUBIC = X.col(0).map(x -> 1 - 2 * x + 0.5 * x * x * x);   // y = 1 − 2x + 0.5x³

    @Test
    void aLinearModelOnCubicFeaturesRecoversACubicExactly() {
        // degree 3 without the bias column (the model's b is the constant term): columns x, x², x³
        var phi = PolynomialFeatures.fit(X, PolynomialFeatures.Options.defaults().withDegree(3).withIncludeBias(false));
        var m = LinearRegression.fit(phi.transform(X), CUBIC);
        assertTrue(m.w().isClose(Vector.of(-2, 0, 0.5), 1e-10), m.w().toString());
        assertEquals(1, m.b(), 1e-10);
    }

    @Test
    void aStraightLineCannotFitTheCubicButDegreeThreeCan() {
        var line = LinearRegression.fit(X, CUBIC);
        var phi = PolynomialFeatures.fit(X, PolynomialFeatures.Options.defaults().withDegree(3).withIncludeBias(false));
        var cubic = LinearRegression.fit(phi.transform(X), CUBIC);
        assertTrue(line.score(X, CUBIC) < 0.9);
        assertEquals(1.0, cubic.score(phi.transform(X), CUBIC), 1e-12);
    }

    @Test
    void ridgeTamesADegreeTwelveFitOnStandardisedFeatures() {
        // 15 noisy points, degree 12: least squares chases the noise (huge weights); ridge on standardised
        // features keeps the weights small and predicts the held-out curve better
        Matrix Xs = Vector.linspace(-1, 1, 15).asColumn();
        Vector ys = Xs.col(0).map(x -> Math.sin(3 * x)).plus(Vector.randn(15, 3).scale(0.1));
        var phi = PolynomialFeatures.fit(Xs, PolynomialFeatures.Options.defaults().withDegree(12).withIncludeBias(false));
        var scaler = StandardScaler.fit(phi.transform(Xs));
        Matrix Z = scaler.transform(phi.transform(Xs));
        var ols = LinearRegression.fit(Z, ys, LinearRegression.Options.defaults().withSolver(LinearRegression.Solver.SVD));
        var ridge = Ridge.fit(Z, ys, 0.1);
        assertTrue(ridge.w().norm() < ols.w().norm() / 10, ridge.w().norm() + " vs " + ols.w().norm());
        Matrix Xt = Vector.linspace(-0.97, 0.97, 50).asColumn();
        Vector yt = Xt.col(0).map(x -> Math.sin(3 * x));
        Matrix Zt = scaler.transform(phi.transform(Xt));
        double mseOls = ols.predict(Zt).minus(yt).norm(), mseRidge = ridge.predict(Zt).minus(yt).norm();
        assertTrue(mseRidge < mseOls, "ridge " + mseRidge + " vs least squares " + mseOls);
    }
}
