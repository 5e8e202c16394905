package mlscratch.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.data.Datasets;
import mlscratch.decomposition.PCA.Solver;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

class PCATest {

    private static PCA fit(Matrix X, int k, Solver solver) {
        return PCA.fit(X, PCA.Options.defaults().withNComponents(k).withSolver(solver));
    }

    /// Correlated Gaussian data: n×d, with column scales 1 … d so the variances are well separated.
    private static Matrix data(int n, int d, long seed) {
        var rng = Rng.of(seed);
        Matrix A = Matrix.randn(d, d, rng);
        return Matrix.randn(n, d, rng).times(A).plus(3);
    }

    private static void assertClose(Vector expected, Vector actual, double tol, String what) {
        assertTrue(expected.isClose(actual, tol), what + ": expected " + expected + " but got " + actual);
    }

    private static void assertClose(Matrix expected, Matrix actual, double tol, String what) {
        assertTrue(expected.isClose(actual, tol), what + ": expected\n" + expected + "\nbut got\n" + actual);
    }

    @Test void handComputedAxisAlignedCross() {
        // Rows (2,0), (0,0), (−2,0), (0,1), (0,−1): mean 0, so Xc = X and
        // C = XcᵀXc/(n − 1) = [[8, 0], [0, 2]] / 4 = diag(2, 0.5): components e₁ then e₂,
        // λ = [2, 0.5], ratio = λ / trace(C) = [2/2.5, 0.5/2.5] = [0.8, 0.2].
        Matrix X = Matrix.of(new double[][] {{2, 0}, {0, 0}, {-2, 0}, {0, 1}, {0, -1}});
        for (Solver s : Solver.values()) {
            PCA pca = fit(X, 0, s);
            assertClose(Vector.of(0, 0), pca.mean(), 1e-15, "μ, " + s);
            assertClose(Matrix.identity(2), pca.components(), 1e-12, "W, " + s);
            assertClose(Vector.of(2, 0.5), pca.explainedVariance(), 1e-12, "λ, " + s);
            assertClose(Vector.of(0.8, 0.2), pca.explainedVarianceRatio(), 1e-12, "ratio, " + s);
            // z = W(x − μ): (2, 0) stays (2, 0); (0, −1) stays (0, −1)
            assertClose(Matrix.of(new double[][] {{2, 0}, {0, -1}}), pca.transform(Matrix.of(new double[][] {{2, 0}, {0, -1}})),
                    1e-12, "Z, " + s);
        }
    }

    @Test void svdAndCovarianceRoutesGiveTheSameComponents() {
        var rng = Rng.of(11);
        for (int trial = 0; trial < 8; trial++) {
            int n = 2 + rng.nextInt(40), d = 1 + rng.nextInt(9);
            Matrix X = data(n, d, 100 + trial);
            int r = Math.min(n, d);
            // compare only the components whose variance is well separated from the next (distinct eigenvalues)
            PCA a = fit(X, r, Solver.SVD), b = fit(X, r, Solver.COVARIANCE);
            assertClose(a.explainedVariance(), b.explainedVariance(), 1e-9 * (1 + a.explainedVariance().get(0)),
                    "λ, n = " + n + ", d = " + d);
            for (int j = 0; j < r; j++) {
                double lj = a.explainedVariance().get(j);
                boolean distinct = lj > 1e-6 * a.explainedVariance().get(0)
                        && (j == 0 || a.explainedVariance().get(j - 1) - lj > 1e-3 * lj)
                        && (j == r - 1 || lj - a.explainedVariance().get(j + 1) > 1e-3 * lj);
                if (!distinct) continue;
                // same sign convention on both routes, so equal, not just equal up to sign
                assertClose(a.components().row(j), b.components().row(j), 1e-6, "v" + j + ", n = " + n + ", d = " + d);
            }
        }
    }

    @Test void componentsAreOrthonormal() {
        var rng = Rng.of(12);
        for (int trial = 0; trial < 8; trial++) {
            int n = 2 + rng.nextInt(30), d = 1 + rng.nextInt(9);
            for (Solver s : new Solver[] {Solver.SVD, Solver.COVARIANCE}) {
                Matrix W = fit(data(n, d, 200 + trial), 0, s).components();
                assertClose(Matrix.identity(W.rows()), W.timesTranspose(W), 1e-10, "WWᵀ = I, " + s + ", " + n + "×" + d);
            }
        }
    }

    @Test void allComponentsReconstructTheDataExactly() {
        var rng = Rng.of(13);
        for (int trial = 0; trial < 8; trial++) {
            int d = 1 + rng.nextInt(8), n = d + 1 + rng.nextInt(20);     // n > d: rank(Xc) = d
            Matrix X = data(n, d, 300 + trial);
            for (Solver s : new Solver[] {Solver.SVD, Solver.COVARIANCE})
                for (boolean whiten : new boolean[] {false, true}) {
                    PCA pca = PCA.fit(X, PCA.Options.defaults().withSolver(s).withWhiten(whiten));
                    assertClose(X, pca.inverseTransform(pca.transform(X)), 1e-9 * (1 + X.normInf()),
                            "X̂ = X, " + s + (whiten ? ", whitened" : ""));
                }
        }
    }

    @Test void varianceOfTheProjectionsIsTheEigenvalueAndTheyAreUncorrelated() {
        Matrix X = data(50, 5, 14);
        PCA pca = PCA.fit(X, 3);
        Matrix Z = pca.transform(X);                                      // 50×3
        Matrix cov = Z.transposeTimes(Z).scale(1.0 / (50 - 1));          // scores have mean 0
        assertClose(Matrix.diag(pca.explainedVariance()), cov, 1e-9 * pca.explainedVariance().get(0),
                "ZᵀZ/(n − 1) = diag(λ)");
        assertClose(Vector.zeros(3), Z.mean(0), 1e-10, "scores are centred");
    }

    @Test void whitenedScoresHaveUnitVariance() {
        Matrix X = data(60, 4, 15);
        PCA pca = PCA.fit(X, PCA.Options.defaults().withNComponents(3).withWhiten(true));
        Matrix Z = pca.transform(X);
        assertClose(Matrix.identity(3), Z.transposeTimes(Z).scale(1.0 / 59), 1e-9, "ZᵀZ/(n − 1) = I");
    }

    @Test void ratiosSumToOneWithAllComponentsAndDecrease() {
        PCA pca = PCA.fit(data(30, 6, 16));
        assertEquals(1.0, pca.explainedVarianceRatio().sum(), 1e-12);
        assertEquals(1.0, pca.cumulativeVarianceRatio().get(5), 1e-12);
        for (int j = 1; j < 6; j++)
            assertTrue(pca.explainedVariance().get(j) <= pca.explainedVariance().get(j - 1), "λ descending at " + j);
    }

    @Test void truncatedReconstructionIsTheBestRankKApproximation() {
        // Eckart–Young: ‖Xc − X̂c‖²_F = (n − 1) Σ_{j ≥ k} λⱼ, the variance left out.
        Matrix X = data(40, 6, 17);
        PCA all = PCA.fit(X);
        for (int k = 1; k <= 6; k++) {
            PCA pca = PCA.fit(X, k);
            double err = X.minus(pca.inverseTransform(pca.transform(X))).norm();
            double left = 0;
            for (int j = k; j < 6; j++) left += all.explainedVariance().get(j);
            assertEquals(39 * left, err * err, 1e-8 * (1 + 39 * left), "k = " + k);
        }
    }

    @Test void signConventionLargestLoadingIsPositive() {
        Matrix X = data(25, 5, 18);
        for (Solver s : new Solver[] {Solver.SVD, Solver.COVARIANCE}) {
            Matrix W = PCA.fit(X, PCA.Options.defaults().withSolver(s)).components();
            for (int j = 0; j < W.rows(); j++) {
                Vector v = W.row(j);
                assertTrue(v.get(v.map(Math::abs).argmax()) > 0, s + ": component " + j + " = " + v);
            }
            // negating the data flips every raw direction; the fixed sign gives the same components
            assertClose(W, PCA.fit(X.negate(), PCA.Options.defaults().withSolver(s)).components(), 1e-9, "−X, " + s);
        }
    }

    @Test void irisMatchesScikitLearn() {
        // /usr/bin/python3: PCA().fit(load_iris().data), scikit-learn 1.2.1
        //   explained_variance_       [4.22824171, 0.24267075, 0.0782095 , 0.02383509]
        //   explained_variance_ratio_ [0.92461872, 0.05306648, 0.01710261, 0.00521218]
        //   components_[0]            [0.36138659, -0.08452251, 0.85667061, 0.3582892]
        //   components_[1]            [0.65658877, 0.73016143, -0.17337266, -0.07548102]
        // (scikit-learn's svd_flip signs by U; rows 0 and 1 have their largest loading positive either way)
        PCA pca = PCA.fit(Datasets.iris().X());
        assertClose(Vector.of(4.22824171, 0.24267075, 0.0782095, 0.02383509), pca.explainedVariance(), 1e-8, "λ");
        assertClose(Vector.of(0.92461872, 0.05306648, 0.01710261, 0.00521218), pca.explainedVarianceRatio(), 1e-8, "ratio");
        assertClose(Vector.of(0.36138659, -0.08452251, 0.85667061, 0.3582892), pca.components().row(0), 1e-8, "v0");
        assertClose(Vector.of(0.65658877, 0.73016143, -0.17337266, -0.07548102), pca.components().row(1), 1e-8, "v1");
    }

    @Test void digitsFirstTwoRatiosMatchScikitLearn() {
        // PCA(2).fit(load_digits().data).explained_variance_ratio_ = [0.14890594, 0.13618771]
        PCA pca = PCA.fit(Datasets.digits().X(), 2);
        assertClose(Vector.of(0.14890594, 0.13618771), pca.explainedVarianceRatio(), 1e-8, "ratio");
        assertClose(Vector.of(179.0069301, 163.71774688), pca.explainedVariance(), 1e-6, "λ");
    }

    @Test void matchesSmilesPCA() {
        // smile.feature.extraction.PCA.fit: eigendecomposition of the covariance (LAPACK); loadings d×d, by column.
        Matrix X = data(80, 6, 19);
        var ref = smile.feature.extraction.PCA.fit(X.toArray2D());
        PCA ours = PCA.fit(X);
        for (int j = 0; j < 6; j++) {
            // Smile's variance() is the eigenvalue of the scatter matrix XcᵀXc, (n − 1) times ours
            assertEquals(ref.variance().get(j) / 79, ours.explainedVariance().get(j), 1e-9 * ours.explainedVariance().get(0),
                    "λ" + j);
            assertEquals(ref.varianceProportion().get(j), ours.explainedVarianceRatio().get(j), 1e-10, "ratio " + j);
            double dot = 0;
            for (int i = 0; i < 6; i++) dot += ref.loadings().get(i, j) * ours.components().get(j, i);
            assertEquals(1.0, Math.abs(dot), 1e-8, "|⟨smile vⱼ, our vⱼ⟩| = 1 (same direction up to sign), j = " + j);
        }
    }

    @Test void constantColumnsGetZeroLoadingsOnBothRoutes() {
        // a constant column (like a blank pixel) has no variance: zero loading in every component with λ > 0,
        // and the last component is its unit vector with λ = 0
        Matrix A = data(30, 3, 22);
        Matrix X = Matrix.hstack(Matrix.full(30, 1, 5), A.cols(0, 1), Matrix.zeros(30, 1), A.cols(1, 3));   // 30×5
        for (Solver s : new Solver[] {Solver.SVD, Solver.COVARIANCE}) {
            PCA pca = fit(X, 0, s);
            for (int j = 0; j < 3; j++) {
                assertEquals(0.0, pca.components().get(j, 0), 1e-12, s + ": loading of column 0 in v" + j);
                assertEquals(0.0, pca.components().get(j, 2), 1e-12, s + ": loading of column 2 in v" + j);
            }
            assertClose(Vector.of(0, 0), pca.explainedVariance().slice(3, 5), 1e-12, s + ": λ₃, λ₄");
            assertClose(PCA.fit(A).explainedVariance(), pca.explainedVariance().slice(0, 3), 1e-9, s + ": λ₀…λ₂ are A's");
            assertClose(Matrix.identity(5), pca.components().timesTranspose(pca.components()), 1e-10, s + ": WWᵀ = I");
        }
    }

    @Test void exactlyDependentColumnsStillFit() {
        // column 1 = 2 × column 0: rank 4 of 5 (such data once stalled the Jacobi SVD: see SVDTest).
        Matrix A = data(60, 4, 23);
        Matrix X = Matrix.hstack(A.cols(0, 1), A.cols(0, 1).scale(2), A.cols(1, 4));
        PCA viaSvd = fit(X, 0, Solver.SVD), viaCov = fit(X, 0, Solver.COVARIANCE);
        assertClose(viaCov.explainedVariance(), viaSvd.explainedVariance(), 1e-9 * viaCov.explainedVariance().get(0), "λ");
        assertEquals(0.0, viaSvd.explainedVariance().get(4), 1e-9, "rank 4: the last variance is 0");
        assertEquals(Solver.SVD, viaSvd.solver());
        assertEquals(Solver.COVARIANCE, viaCov.solver());
        assertClose(X, viaSvd.inverseTransform(viaSvd.transform(X)), 1e-9 * (1 + X.normInf()), "X̂ = X");
    }

    @Test void autoPicksARouteAndSaysWhich() {
        assertEquals(Solver.SVD, PCA.fit(data(50, 4, 24)).solver(), "small data: the accurate route");
        assertEquals(Solver.COVARIANCE, PCA.fit(Matrix.random(17_000, 60, 25), 2).solver(), "n·d > 10⁶, n ≥ d: the fast route");
    }

    @Test void wideDataKeepsAtMostNComponents() {
        Matrix X = data(4, 9, 20).rows(0, 4);
        PCA pca = PCA.fit(X);
        assertEquals(4, pca.k());
        assertEquals(0.0, pca.explainedVariance().get(3), 1e-9, "4 centred rows span at most 3 dimensions");
        assertClose(X, pca.inverseTransform(pca.transform(X)), 1e-9 * (1 + X.normInf()), "X̂ = X");
    }

    @Test void badInputsFailClearly() {
        Matrix X = data(10, 3, 21);
        var e = assertThrows(IllegalArgumentException.class, () -> PCA.fit(X.rows(0, 1)));
        assertTrue(e.getMessage().contains("at least 2 samples to estimate a variance, got n = 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PCA.fit(X, 4));
        assertTrue(e.getMessage().contains("'nComponents' = 4 exceeds min(n, d) = min(10, 3) = 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PCA.fit(X, 0));
        assertTrue(e.getMessage().contains("'k' must be > 0, got 0"), e.getMessage());
        PCA pca = PCA.fit(X, 2);
        e = assertThrows(IllegalArgumentException.class, () -> pca.transform(X.cols(0, 2)));
        assertTrue(e.getMessage().contains("PCA.transform: X has 2 columns but the model was fitted on 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pca.inverseTransform(X));
        assertTrue(e.getMessage().contains("PCA.inverseTransform: X has 3 columns but the model was fitted on 2"), e.getMessage());
    }
}
