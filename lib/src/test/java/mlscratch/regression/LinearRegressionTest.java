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
import mlscratch.optim.GradCheck;
import mlscratch.optim.Objectives;
import mlscratch.optim.SGD;
import mlscratch.optim.Schedule;
import mlscratch.optim.UpdateRule;
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
        for (Solver s : List.of(Solver.QR, Solver.CHOLESKY, Solver.SVD)) {
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

    // ───────────────────────────── iterative solvers ─────────────────────────────

    /// 300×5 standard normal features (already on one scale), y = Xw + 7 (+ noise when `noise`).
    private static Matrix X300() { return Matrix.randn(300, 5, 1); }

    private static Vector y300(boolean noise) {
        Vector y = X300().times(Vector.of(1, -2, 0.5, 3, 0)).plus(7);
        return noise ? y.plus(Vector.randn(300, 2)) : y;
    }

    @Test
    void theIterativeObjectivePassesAGradientCheck() {
        // the solvers minimise Objectives.leastSquares on [Xc | 1]: (1/2n)‖Aθ − yc‖², ∇ = Aᵀ(Aθ − yc)/n
        Matrix A = Matrix.hstack(Matrix.randn(20, 3, 4), Matrix.ones(20, 1));
        var f = Objectives.leastSquares(A, Vector.randn(20, 5));
        Vector theta = Vector.randn(4, 6);
        var gc = GradCheck.check(f::value, theta, f.gradient(theta));
        assertTrue(gc.passed(), gc.toString());
    }

    @Test
    void gradientDescentAgreesWithTheClosedForm() {
        Matrix X = X300();
        Vector y = y300(true);
        var closed = LinearRegression.fit(X, y);
        var gd = LinearRegression.fit(X, y, Options.defaults().withSolver(Solver.GD));
        assertTrue(gd.w().isClose(closed.w(), 1e-4), gd.w() + " vs " + closed.w());
        assertEquals(closed.b(), gd.b(), 1e-4);
        assertTrue(gd.trace().converged(), gd.trace().toString());
        assertTrue(gd.trace().iterations() > 10);
    }

    @Test
    void miniBatchSgdAgreesWithTheClosedFormWhenTheDataAreNoiseFree() {
        // without noise every row's gradient vanishes at w*, so constant-rate SGD converges to it (no noise ball)
        Matrix X = X300();
        Vector y = y300(false);
        var closed = LinearRegression.fit(X, y);
        var sgd = LinearRegression.fit(X, y, Options.defaults().withSolver(Solver.SGD)
                .withSgd(SGD.Options.defaults().withRule(new UpdateRule.Plain(0.05)).withEpochs(100)));
        assertTrue(sgd.w().isClose(closed.w(), 1e-4), sgd.w() + " vs " + closed.w());
        assertEquals(closed.b(), sgd.b(), 1e-4);
    }

    @Test
    void miniBatchSgdOnNoisyDataEndsNearTheClosedFormAndFullBatchSgdOnIt() {
        Matrix X = X300();
        Vector y = y300(true);
        var closed = LinearRegression.fit(X, y);
        var noisy = LinearRegression.fit(X, y, Options.defaults().withSolver(Solver.SGD)
                .withSgd(SGD.Options.defaults().withRule(new UpdateRule.Plain(0.05)).withEpochs(200)
                        .withSchedule(Schedule.cosine(200, 1e-6))));
        assertTrue(noisy.w().isClose(closed.w(), 1e-2), noisy.w() + " vs " + closed.w());   // the noise ball, shrunk
        var fullBatch = LinearRegression.fit(X, y, Options.defaults().withSolver(Solver.SGD)
                .withSgd(SGD.Options.defaults().withBatchSize(300).withRule(new UpdateRule.Plain(0.5)).withEpochs(500)));
        assertTrue(fullBatch.w().isClose(closed.w(), 1e-4));
        assertEquals(closed.b(), fullBatch.b(), 1e-4);
    }

    @Test
    void earlyStoppingHoldsOutRowsAndRestoresTheBestEpoch() {
        var m = LinearRegression.fit(X300(), y300(true), Options.defaults().withSolver(Solver.SGD)
                .withValidationFraction(0.2).withPatience(3)
                .withSgd(SGD.Options.defaults().withRule(new UpdateRule.Plain(0.05)).withEpochs(1000)));
        assertTrue(m.trace().iterations() < 1000, m.trace().toString());
        assertTrue(m.trace().converged());
        assertTrue(m.trace().notes().stream().anyMatch(s -> s.contains("stopped early")), m.trace().toString());
        assertTrue(m.score(X300(), y300(true)) > 0.9);
    }

    @Test
    void aDivergingLearningRateFailsWithAHint() {
        var e = assertThrows(IllegalArgumentException.class, () -> LinearRegression.fit(X300(), y300(true),
                Options.defaults().withSolver(Solver.GD).withGd(Options.defaults().gd().withRule(new UpdateRule.Plain(50)))));
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
    }

    @Test
    void aValidationFractionThatLeavesNoRowsIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> LinearRegression.fit(Matrix.randn(3, 1, 1), Vector.of(1, 2, 3),
                Options.defaults().withSolver(Solver.GD).withValidationFraction(0.1)));
        assertTrue(e.getMessage().contains("validationFraction"), e.getMessage());
    }

    @Nested
    class GdContract extends EstimatorContract<LinearRegression> {
        @Override protected Fitter<LinearRegression> fitter() {
            return (X, y) -> LinearRegression.fit(X, y, Options.defaults().withSolver(Solver.GD));
        }

        @Override protected List<BadOption> badOptions() {
            return List.of(badOption("gd", () -> Options.defaults().withGd(null)),
                    badOption("sgd", () -> Options.defaults().withSgd(null)),
                    badOption("validationFraction", () -> Options.defaults().withValidationFraction(1)),
                    badOption("patience", () -> Options.defaults().withPatience(0)));
        }
    }

    @Nested
    class SgdContract extends EstimatorContract<LinearRegression> {
        @Override protected Fitter<LinearRegression> fitter() {
            return (X, y) -> LinearRegression.fit(X, y, Options.defaults().withSolver(Solver.SGD));
        }

        @Override protected Fitter<LinearRegression> fitter(long seed) {
            return (X, y) -> LinearRegression.fit(X, y, Options.defaults().withSolver(Solver.SGD)
                    .withSgd(SGD.Options.defaults().withSeed(seed)));
        }
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
