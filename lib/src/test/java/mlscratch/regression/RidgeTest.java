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
import mlscratch.regression.Ridge.Options;
import mlscratch.regression.Ridge.Solver;

class RidgeTest {

    @Test
    void shrinksAHandComputedSlope() {
        // x = [−1, 0, 1] (centred, Σx² = 2), y = [0, 1, 2] (ȳ = 1, Σxy = 2); α = 2
        // w = Σxy / (Σx² + α) = 2 / 4 = 0.5 (OLS would give 1),  b = ȳ − x̄w = 1
        var m = Ridge.fit(Matrix.of(3, 1, -1, 0, 1), Vector.of(0, 1, 2), 2.0);
        assertEquals(0.5, m.w().get(0), 1e-14);
        assertEquals(1.0, m.b(), 1e-14);
    }

    @Test
    void closedFormMatchesAnIndependentAugmentedLeastSquares() {
        // ‖yc − Xc w‖² + α‖w‖² = ‖[Xc; √α I] w − [yc; 0]‖²: ordinary least squares on stacked rows, by QR
        for (int n = 5; n <= 40; n += 7)
            for (int d = 1; d <= 6; d++) {
                Matrix X = Matrix.randn(n, d, 31L * n + d).scale(3).plus(1);
                Vector y = Vector.randn(n, 7L * n + d).plus(5);
                double alpha = 0.1 * d;
                Matrix Xc = X.minusRowVector(X.mean(0));
                Matrix A = Matrix.vstack(Xc, Matrix.identity(d).scale(Math.sqrt(alpha)));
                Vector rhs = Vector.concat(y.minus(y.mean()), Vector.zeros(d));
                Vector expected = A.qr().solve(rhs);
                for (Solver s : List.of(Solver.CHOLESKY, Solver.SVD)) {
                    var m = Ridge.fit(X, y, Options.defaults().withAlpha(alpha).withSolver(s));
                    assertTrue(m.w().isClose(expected, 1e-8), s + " n=" + n + " d=" + d);
                    assertEquals(y.mean() - X.mean(0).dot(expected), m.b(), 1e-8);
                }
            }
    }

    @Test
    void theGradientIsZeroAtTheFit() {
        // the defining identity: −2Xᵀr + 2αw = 0 and Σr = 0 at the optimum, r = y − Xw − b
        Matrix X = Matrix.randn(50, 4, 3);
        Vector y = Vector.randn(50, 4).scale(2).plus(3);
        var m = Ridge.fit(X, y, 0.7);
        Vector r = y.minus(m.predict(X));
        assertTrue(X.transpose().times(r).minus(m.w().scale(0.7)).normInf() < 1e-10);
        assertEquals(0, r.sum(), 1e-10);
    }

    @Test
    void theObjectivesGradientPassesAGradientCheck() {
        Matrix X = Matrix.randn(20, 3, 5);
        Vector y = Vector.randn(20, 6);
        Vector theta = Vector.randn(4, 7);
        for (boolean intercept : new boolean[] {true, false}) {
            var f = Ridge.objective(X, y, 0.3, intercept);
            Vector t = intercept ? theta : theta.slice(0, 3);
            var gc = GradCheck.check(f::value, t, f.gradient(t));
            assertTrue(gc.passed(), gc.toString());
        }
    }

    @Test
    void theThreeSolversAgree() {
        Matrix X = Matrix.randn(200, 8, 11);
        Vector y = X.times(Vector.randn(8, 12)).plus(Vector.randn(200, 13)).plus(4);
        var chol = Ridge.fit(X, y, Options.defaults().withAlpha(5));
        var svd = Ridge.fit(X, y, Options.defaults().withAlpha(5).withSolver(Solver.SVD));
        var lbfgs = Ridge.fit(X, y, Options.defaults().withAlpha(5).withSolver(Solver.LBFGS));
        assertTrue(chol.w().isClose(svd.w(), 1e-10));
        assertTrue(chol.w().isClose(lbfgs.w(), 1e-7), lbfgs.w().minus(chol.w()).normInf() + "");
        assertEquals(chol.b(), lbfgs.b(), 1e-7);
        assertTrue(lbfgs.trace().converged(), lbfgs.trace().toString());
        assertTrue(lbfgs.trace().iterations() > 0);
    }

    @Test
    void alphaZeroIsOrdinaryLeastSquares() {
        Matrix X = Matrix.randn(30, 3, 1);
        Vector y = Vector.randn(30, 2);
        var ols = LinearRegression.fit(X, y);
        var ridge = Ridge.fit(X, y, 0.0);
        assertTrue(ridge.w().isClose(ols.w(), 1e-10));
        assertEquals(ols.b(), ridge.b(), 1e-10);
    }

    @Test
    void theInterceptIsNotPenalised() {
        // adding a constant to y moves b by that constant and leaves w alone (a penalised b would shrink)
        Matrix X = Matrix.randn(25, 3, 8);
        Vector y = Vector.randn(25, 9);
        var a = Ridge.fit(X, y, 10.0);
        var b = Ridge.fit(X, y.plus(1000), 10.0);
        assertTrue(a.w().isClose(b.w(), 1e-9));
        assertEquals(a.b() + 1000, b.b(), 1e-9);
    }

    @Test
    void weightsShrinkAsAlphaGrows() {
        var data = Datasets.diabetes();
        double previous = Double.POSITIVE_INFINITY;
        for (double alpha : new double[] {0, 0.01, 0.1, 1, 10, 100}) {
            double norm = Ridge.fit(data.X(), data.y(), alpha).w().norm();
            assertTrue(norm < previous, "‖w‖ at α = " + alpha);
            previous = norm;
        }
    }

    @Test
    void matchesScikitLearnOnDiabetes() {
        // /usr/bin/python3 -c "from sklearn.datasets import load_diabetes; from sklearn.linear_model import Ridge;
        //   X,y=load_diabetes(return_X_y=True); m=Ridge(alpha=0.1).fit(X,y); print(m.coef_.tolist(), m.intercept_)"
        Vector sklearnW = Vector.of(1.308705426931723, -207.19241785853896, 489.6951710904437, 301.7640578617737,
                -83.46603399161167, -70.82683190150554, -188.678897818544, 115.71213559879234, 443.81291747304437,
                86.74931540489801);
        var data = Datasets.diabetes();
        for (Solver s : Solver.values()) {
            var m = Ridge.fit(data.X(), data.y(), Options.defaults().withAlpha(0.1).withSolver(s));
            assertTrue(m.w().isClose(sklearnW, s == Solver.LBFGS ? 1e-4 : 1e-9), s + ": " + m.w());
            assertEquals(152.13348416289602, m.b(), s == Solver.LBFGS ? 1e-4 : 1e-9);
        }
    }

    @Test
    void matchesSmilesRidgeRegressionOnDiabetes() {
        // Smile standardises each column by its sample std s (s² = 1/(n − 1) on diabetes) before
        // penalising, so its λ is our α = λs² (see SmileData)
        var data = Datasets.diabetes();
        int n = data.n();
        double lambda = 100;
        var ref = smile.regression.RidgeRegression.fit(SmileData.formula(), SmileData.frame(data.X(), data.y()), lambda);
        var ours = Ridge.fit(data.X(), data.y(), lambda / (n - 1));
        assertTrue(ours.w().isClose(SmileData.coefficients(ref), 1e-8), ours.w() + " vs " + SmileData.coefficients(ref));
        assertEquals(ref.intercept(), ours.b(), 1e-8);
    }

    @Test
    void sameOptionsAndDataGiveAnIdenticalModel() {
        Matrix X = Matrix.randn(40, 3, 2);
        Vector y = Vector.randn(40, 3);
        var o = Options.defaults().withSolver(Solver.LBFGS);
        assertEquals(Ridge.fit(X, y, o), Ridge.fit(X, y, o));
    }

    @Nested
    class Contract extends EstimatorContract<Ridge> {
        @Override protected Fitter<Ridge> fitter() { return Ridge::fit; }

        @Override protected List<BadOption> badOptions() {
            return List.of(badOption("alpha", () -> Options.defaults().withAlpha(-1)),
                    badOption("alpha", () -> Options.defaults().withAlpha(Double.NaN)),
                    badOption("solver", () -> Options.defaults().withSolver(null)),
                    badOption("lbfgs", () -> Options.defaults().withLbfgs(null)));
        }
    }

    @Nested
    class LbfgsContract extends EstimatorContract<Ridge> {
        @Override protected Fitter<Ridge> fitter() {
            return (X, y) -> Ridge.fit(X, y, Options.defaults().withSolver(Solver.LBFGS));
        }
    }
}
