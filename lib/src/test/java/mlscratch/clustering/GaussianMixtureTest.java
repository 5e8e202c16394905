package mlscratch.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import mlscratch.clustering.GaussianMixture.Covariance;
import mlscratch.clustering.GaussianMixture.Options;
import mlscratch.data.Datasets;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.NotPositiveDefiniteException;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.model.Trace;

class GaussianMixtureTest {

    /// `k` Gaussian blobs in d dimensions, centres 8 apart along the diagonal, random within-blob correlation.
    static Matrix blobs(int perBlob, int k, int d, long seed) {
        var rng = Rng.of(seed);
        Matrix[] parts = new Matrix[k];
        for (int j = 0; j < k; j++) {
            Matrix A = Matrix.randn(d, d, rng).scale(0.6);
            parts[j] = Matrix.randn(perBlob, d, rng).times(A).plus(8.0 * j);
        }
        return Matrix.vstack(parts);
    }

    @Test void handComputedSingleGaussianIsTheSampleMeanAndCovariance() {
        // k = 1: the MLE is μ = mean = (1, 1) and Σ = Σᵢ (xᵢ − μ)(xᵢ − μ)ᵀ / n = diag(1, 1) (every coordinate is ±1
        // from the mean, and the cross terms cancel). Each point has q = (x − μ)ᵀΣ⁻¹(x − μ) = 1 + 1 = 2, so
        // log 𝒩 = −½ (2 log 2π + log 1 + 2) = −log 2π − 1 ≈ −2.837877, and ℓ = 4 · (−2.837877) ≈ −11.351508.
        Matrix X = Matrix.of(new double[][] {{0, 0}, {2, 0}, {0, 2}, {2, 2}});
        for (Covariance c : Covariance.values()) {
            var g = GaussianMixture.fit(X, Options.defaults().withCovariance(c).withReg(0));
            assertTrue(g.means().isClose(Matrix.of(new double[][] {{1, 1}}), 1e-12), c + ": μ = " + g.means());
            assertTrue(g.covariances().get(0).isClose(Matrix.identity(2), 1e-12), c + ": Σ = " + g.covariances().get(0));
            assertEquals(1.0, g.weights().get(0), 1e-12);
            assertEquals(4 * (-Math.log(2 * Math.PI) - 1), g.logLikelihood(), 1e-12, c + ": ℓ");
            assertEquals(-Math.log(2 * Math.PI) - 1, g.score(X), 1e-12, c + ": ℓ/n");
        }
        // reg is added to the diagonal: Σ = I + 0.5 I
        var g = GaussianMixture.fit(X, Options.defaults().withReg(0.5));
        assertTrue(g.covariances().get(0).isClose(Matrix.identity(2).scale(1.5), 1e-12));
    }

    @Test void logLikelihoodNeverDecreases() {
        for (long seed = 1; seed <= 3; seed++) {
            Matrix X = blobs(40, 3, 3, seed).plus(Matrix.randn(120, 3, seed + 10).scale(2));   // overlapping
            for (Covariance c : Covariance.values())
                for (double reg : new double[] {0, 1e-6}) {
                    var g = GaussianMixture.fit(X, Options.defaults().withK(4).withCovariance(c).withReg(reg)
                            .withTol(0).withMaxIter(60).withSeed(seed));
                    Vector L = g.trace().loss();                              // −ℓ/n
                    assertTrue(L.size() >= 2);
                    for (int t = 1; t < L.size(); t++)
                        assertTrue(L.get(t) <= L.get(t - 1) + 1e-12 * Math.abs(L.get(t - 1)),
                                c + ", reg " + reg + ": −ℓ/n rose at step " + t + ": " + L.get(t - 1) + " → " + L.get(t));
                    assertEquals(-g.logLikelihood() / X.rows(), g.trace().finalLoss(), 1e-12);
                }
        }
    }

    @Test void irisMatchesScikitLearn() {
        // /usr/bin/python3, scikit-learn 1.2.1:
        //   g = GaussianMixture(3, covariance_type=ct, random_state=0, tol=1e-10, max_iter=1000).fit(load_iris().data)
        //   full: g.score(X) = -1.201236517285659,  g.bic(X) = 580.8389081259329,  sorted weights [0.29920, 0.33333, 0.36747]
        //   diag: g.score(X) = -2.0478504782458558, g.bic(X) = 744.6316611202593
        // (random_state = 2 reaches a worse local maximum, −1.3477; our 5 starts find the best one)
        Matrix X = Datasets.iris().X();
        var opts = Options.defaults().withK(3).withTol(1e-10).withMaxIter(1000).withNInit(5).withSeed(0);
        var full = GaussianMixture.fit(X, opts);
        assertEquals(-1.201236517285659, full.score(X), 1e-7, "full: ℓ/n");
        assertEquals(580.8389081259329, full.bic(X), 1e-4, "full: BIC");
        double[] w = full.weights().toArray();
        java.util.Arrays.sort(w);
        assertTrue(Vector.wrap(w).isClose(Vector.of(0.2991955032414581, 0.33333333333333326, 0.3674711634252085), 1e-5),
                "weights " + Vector.wrap(w));
        var diag = GaussianMixture.fit(X, opts.withCovariance(Covariance.DIAGONAL));
        assertEquals(-2.0478504782458558, diag.score(X), 1e-7, "diag: ℓ/n");
        assertEquals(744.6316611202593, diag.bic(X), 1e-4, "diag: BIC");
        assertEquals(full.logLikelihood(), full.score(X) * X.rows(), 1e-9, "ℓ stored = ℓ recomputed");
    }

    @Test void bicChoosesTheNumberOfBlobs() {
        Matrix X = blobs(60, 3, 2, 5);
        double best = Double.POSITIVE_INFINITY;
        int argBest = 0;
        for (int k = 1; k <= 6; k++) {
            double bic = GaussianMixture.fit(X, Options.defaults().withK(k).withNInit(2).withSeed(k)).bic(X);
            if (bic < best) { best = bic; argBest = k; }
        }
        assertEquals(3, argBest, "three blobs, so BIC is lowest at k = 3");
    }

    @Test void parameterCountsFollowTheCovarianceShape() {
        // d = 4, k = 3: weights 2, means 12; full covariances 3 · 4·5/2 = 30 ⇒ 44; diagonal 3 · 4 = 12 ⇒ 26
        Matrix X = Datasets.iris().X();
        assertEquals(44, GaussianMixture.fit(X, 3).nParameters());
        assertEquals(26, GaussianMixture.fit(X, Options.defaults().withK(3).withCovariance(Covariance.DIAGONAL)).nParameters());
    }

    @Test void scoreSamplesMatchesTheDensityWrittenOut() {
        // A model built by hand, evaluated the textbook way: p(x) = Σⱼ πⱼ (2π)^(−d/2) det(Σⱼ)^(−½) exp(−½ (x − μⱼ)ᵀΣⱼ⁻¹(x − μⱼ))
        var rng = Rng.of(7);
        int d = 3, k = 2;
        Matrix A0 = Matrix.randn(d, d, rng), A1 = Matrix.randn(d, d, rng);
        List<Matrix> covs = List.of(A0.transposeTimes(A0).plus(Matrix.identity(d)), A1.transposeTimes(A1).plus(Matrix.identity(d)));
        Matrix means = Matrix.randn(k, d, rng);
        var g = new GaussianMixture(Vector.of(0.3, 0.7), means, covs, 0, Trace.closedForm(),
                Options.defaults().withK(k));
        Matrix X = Matrix.randn(10, d, rng).scale(2);
        Vector logP = g.scoreSamples(X);
        Matrix proba = g.predictProba(X);
        for (int i = 0; i < X.rows(); i++) {
            double[] r = new double[k];
            double p = 0;
            for (int j = 0; j < k; j++) {
                Vector diff = X.row(i).minus(means.row(j));
                double q = diff.dot(covs.get(j).inverse().times(diff));
                r[j] = g.weights().get(j) * Math.pow(2 * Math.PI, -d / 2.0) / Math.sqrt(covs.get(j).det()) * Math.exp(-0.5 * q);
                p += r[j];
            }
            assertEquals(Math.log(p), logP.get(i), 1e-10, "log p(x" + i + ")");
            for (int j = 0; j < k; j++) assertEquals(r[j] / p, proba.get(i, j), 1e-10, "γ" + i + j);
        }
    }

    @Test void logSumExpKeepsFarPointsFinite() {
        // At x = 10⁴ both densities are exp(−5·10⁷): 0 in double precision. Their logs are not, and
        // γ = exp(log r − log p) still sums to 1 (the nearer component takes it all).
        var g = new GaussianMixture(Vector.of(0.5, 0.5), Matrix.of(2, 1, 0, 1), List.of(Matrix.of(1, 1, 1), Matrix.of(1, 1, 1)),
                0, Trace.closedForm(), Options.defaults().withK(2));
        Matrix far = Matrix.of(1, 1, 1e4);
        double logP = g.scoreSamples(far).get(0);
        assertTrue(Double.isFinite(logP) && logP < -4e7, "log p = " + logP);
        Matrix proba = g.predictProba(far);
        assertEquals(1.0, proba.get(0, 1), 1e-12);
        assertEquals(0.0, proba.get(0, 0), 1e-12);
        assertEquals(1.0, g.predict(far).get(0));
    }

    @Test void responsibilitiesAreProbabilitiesAndPredictIsTheirArgmax() {
        Matrix X = blobs(30, 3, 2, 8);
        for (Covariance c : Covariance.values()) {
            var g = GaussianMixture.fit(X, Options.defaults().withK(3).withCovariance(c));
            Matrix P = g.predictProba(X);
            Vector z = g.predict(X);
            for (int i = 0; i < X.rows(); i++) {
                assertEquals(1.0, P.row(i).sum(), 1e-12, "row " + i + " sums to 1");
                assertTrue(P.row(i).min() >= 0 && P.row(i).max() <= 1);
                assertEquals(P.row(i).argmax(), (int) z.get(i));
            }
            assertEquals(1.0, g.weights().sum(), 1e-12, "Σ π = 1");
        }
    }

    @Test void convergedParametersAreAFixedPointOfTheMStep() {
        // At convergence one more M-step changes nothing: πⱼ = Nⱼ/n and μⱼ = Σᵢ γᵢⱼ xᵢ / Nⱼ with γ from predictProba.
        Matrix X = blobs(40, 2, 2, 9);
        var g = GaussianMixture.fit(X, Options.defaults().withK(2).withTol(1e-12).withMaxIter(500));
        assertTrue(g.trace().converged());
        Matrix G = g.predictProba(X);                                    // n×k
        Vector N = G.sum(0);
        assertTrue(N.scale(1.0 / X.rows()).isClose(g.weights(), 1e-8), "π = N/n");
        Matrix mu = G.transposeTimes(X).divideRows(N);                   // k×d
        assertTrue(mu.isClose(g.means(), 1e-7), "μ = ΓᵀX / N: " + mu + " vs " + g.means());
    }

    @Test void diagonalCovariancesAreDiagonal() {
        var g = GaussianMixture.fit(blobs(30, 2, 3, 10), Options.defaults().withK(2).withCovariance(Covariance.DIAGONAL));
        for (Matrix S : g.covariances())
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++) if (a != b) assertEquals(0.0, S.get(a, b));
    }

    @Test void aCollapsedComponentWithoutRegFailsWithAHint() {
        // Two points repeated: a component on one repeated point has Σ = 0; with reg = 0 it is singular.
        Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 0}, {0, 0}, {5, 5}, {5, 5}, {5, 5}});
        var e = assertThrows(NotPositiveDefiniteException.class,
                () -> GaussianMixture.fit(X, Options.defaults().withK(2).withReg(0)));
        assertTrue(e.getMessage().contains("collapsed") && e.getMessage().contains("'reg'"), e.getMessage());
        // with the default reg it fits: Σ = reg·I around each point
        var g = GaussianMixture.fit(X, Options.defaults().withK(2));
        assertTrue(g.covariances().get(0).isClose(Matrix.identity(2).scale(1e-6), 1e-12));
    }

    @Test void kAboveNAndOtherBadInputsFailClearly() {
        var e = assertThrows(IllegalArgumentException.class, () -> GaussianMixture.fit(Matrix.randn(4, 2, 1), 5));
        assertTrue(e.getMessage().contains("k = 5 exceeds the number of samples n = 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Options.defaults().withReg(-1));
        assertTrue(e.getMessage().contains("'reg'"), e.getMessage());
    }
}
