package mlscratch.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mlscratch.data.Datasets;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.SingularMatrixException;
import mlscratch.linalg.Vector;
import mlscratch.model.EstimatorContract;
import mlscratch.model.Fitter;
import mlscratch.regression.LinearRegression.Options;
import mlscratch.regression.LinearRegression.Solver;

class LinearRegressionTest {

    @Test
    void fitsAHandComputedLine() {
        // x = [0, 1, 2], y = [1, 2, 4]: x̄ = 1, ȳ = 7/3
        // Sxy = Σ(x − x̄)(y − ȳ) = (−1)(−4/3) + 0 + (1)(5/3) = 3,  Sxx = Σ(x − x̄)² = 2
        // w = Sxy / Sxx = 1.5,  b = ȳ − w·x̄ = 7/3 − 3/2 = 5/6
        var model = LinearRegression.fit(Matrix.of(3, 1, 0, 1, 2), Vector.of(1, 2, 4));
        assertEquals(1.5, model.w().get(0), 1e-14);
        assertEquals(5.0 / 6, model.b(), 1e-14);
    }

    @Test
    void recoversAnExactPlane() {
        // y = 2·x₀ − 3·x₁ + 0.5, no noise: every solver must return it exactly (up to rounding)
        Matrix X = Matrix.randn(20, 2, 7);
        Vector y = X.times(Vector.of(2, -3)).plus(0.5);
        for (Solver s : Solver.values()) {
            var m = LinearRegression.fit(X, y, Options.defaults().withSolver(s));
            assertTrue(m.w().isClose(Vector.of(2, -3), 1e-12), s + ": " + m.w());
            assertEquals(0.5, m.b(), 1e-12, s.toString());
        }
    }

    @Test
    void residualsAreOrthogonalToTheColumnsAndSumToZero() {
        // the defining identity of least squares with an intercept: Xᵀr = 0 and Σr = 0, r = y − Xw − b
        for (int n = 3; n <= 40; n += 7)
            for (int d = 1; d <= Math.min(n - 1, 6); d++) {
                Matrix X = Matrix.randn(n, d, 100L * n + d);
                Vector y = Vector.randn(n, 5L * n + d);
                var m = LinearRegression.fit(X, y);
                Vector r = y.minus(m.predict(X));
                assertTrue(X.transpose().times(r).normInf() < 1e-10, "Xᵀr at n=" + n + " d=" + d);
                assertEquals(0, r.sum(), 1e-10);
            }
    }

    @Test
    void withoutInterceptTheResidualsAreOrthogonalToX() {
        Matrix X = Matrix.randn(30, 4, 3);
        Vector y = Vector.randn(30, 4).plus(2);
        var m = LinearRegression.fit(X, y, Options.defaults().withIntercept(false));
        assertEquals(0.0, m.b());
        assertTrue(X.transpose().times(y.minus(m.predict(X))).normInf() < 1e-10);
    }

    @Test
    void theThreeSolversAgree() {
        Matrix X = Matrix.randn(200, 8, 11);
        Vector y = X.times(Vector.randn(8, 12)).plus(Vector.randn(200, 13));
        var qr = LinearRegression.fit(X, y, Options.defaults().withSolver(Solver.QR));
        var chol = LinearRegression.fit(X, y, Options.defaults().withSolver(Solver.CHOLESKY));
        var svd = LinearRegression.fit(X, y, Options.defaults().withSolver(Solver.SVD));
        assertTrue(qr.w().isClose(chol.w(), 1e-10));
        assertTrue(qr.w().isClose(svd.w(), 1e-10));
        assertEquals(qr.b(), svd.b(), 1e-10);
    }

    @Test
    void matchesScikitLearnOnDiabetes() {
        // /usr/bin/python3 -c "from sklearn.datasets import load_diabetes; from sklearn.linear_model import LinearRegression;
        //   X,y=load_diabetes(return_X_y=True); m=LinearRegression().fit(X,y); print(m.coef_, m.intercept_, m.score(X,y))"
        Vector sklearnW = Vector.of(-10.0098662998, -239.8156436724, 519.8459200545, 324.3846455023,
                -792.1756385522, 476.7390210053, 101.043267938, 177.0632376713, 751.2736995571, 67.6266921837);
        var data = Datasets.diabetes();
        var m = LinearRegression.fit(data.X(), data.y());
        assertTrue(m.w().isClose(sklearnW, 1e-9), m.w().toString());
        assertEquals(152.13348416289597, m.b(), 1e-9);
        assertEquals(0.5177484222203499, m.score(data.X(), data.y()), 1e-12);
    }

    @Test
    void matchesSmilesOlsOnDiabetes() {
        var data = Datasets.diabetes();
        String[] names = new String[data.d() + 1];
        double[][] rows = new double[data.n()][];
        for (int i = 0; i < data.n(); i++) rows[i] = Vector.concat(data.X().row(i), Vector.of(data.y().get(i))).toArray();
        for (int j = 0; j < data.d(); j++) names[j] = "x" + j;
        names[data.d()] = "y";
        var ols = smile.regression.OLS.fit(smile.data.formula.Formula.lhs("y"), smile.data.DataFrame.of(rows, names));
        var ours = LinearRegression.fit(data.X(), data.y());
        for (int j = 0; j < data.d(); j++)
            assertEquals(ols.coefficients().get(j), ours.w().get(j), 1e-8 * Math.abs(ours.w().get(j)) + 1e-8, "w" + j);
        assertEquals(ols.intercept(), ours.b(), 1e-8);
    }

    @Test
    void collinearColumnsFailWithAHintButSvdGivesTheMinimumNormSolution() {
        Matrix x = Matrix.randn(10, 1, 1);
        Matrix X = Matrix.hstack(x, x.scale(2));                     // column 1 = 2 · column 0
        Vector y = x.col(0).scale(5).plus(1);                         // y = 5x + 1 = x₀ + 2x₁ + 1 with ‖(1, 2)‖ minimal
        var e = assertThrows(SingularMatrixException.class, () -> LinearRegression.fit(X, y));
        assertTrue(e.getMessage().contains("Ridge") || e.getMessage().contains("lstsq") || e.getMessage().contains("SVD"), e.getMessage());
        var svd = LinearRegression.fit(X, y, Options.defaults().withSolver(Solver.SVD));
        assertTrue(svd.w().isClose(Vector.of(1, 2), 1e-9), svd.w().toString());   // 5 = a + 2b, min a² + b² ⇒ (1, 2)
        assertEquals(1, svd.b(), 1e-9);
    }

    @Test
    void predictNamesTheColumnMismatch() {
        var m = LinearRegression.fit(Matrix.randn(10, 3, 1), Vector.randn(10, 2));
        var e = assertThrows(IllegalArgumentException.class, () -> m.predict(Matrix.zeros(2, 4)));
        assertEquals("LinearRegression.predict: X has 4 columns but the model was fitted on 3", e.getMessage());
    }

    @Test
    void aHandPickedModelPredicts() {
        var m = new LinearRegression(Vector.of(2, -1), 0.5);
        assertEquals(Vector.of(0.5, 2.5, -0.5), m.predict(Matrix.of(3, 2, 0, 0, 1, 0, 0, 1)));
    }

    @Test
    void sameDataGivesAnIdenticalModel() {
        Matrix X = Matrix.randn(50, 3, 9);
        Vector y = Vector.randn(50, 10);
        assertEquals(LinearRegression.fit(X, y), LinearRegression.fit(X, y));
    }

    @Nested
    class Contract extends EstimatorContract<LinearRegression> {
        @Override protected Fitter<LinearRegression> fitter() { return LinearRegression::fit; }

        @Override protected Optional<String> oneSampleError() { return Optional.of("at least as many rows as columns"); }

        @Override protected List<BadOption> badOptions() {
            return List.of(badOption("solver", () -> Options.defaults().withSolver(null)));
        }
    }
}
