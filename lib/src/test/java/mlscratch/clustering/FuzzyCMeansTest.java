package mlscratch.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.clustering.FuzzyCMeans.Options;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.Trace;

class FuzzyCMeansTest {

    private static FuzzyCMeans handMade(Matrix centroids, double m) {
        return new FuzzyCMeans(centroids, Matrix.zeros(0, centroids.rows()), 0, Trace.closedForm(),
                Options.defaults().withK(centroids.rows()).withM(m));
    }

    @Test void handComputedMemberships() {
        // centroids 0 and 4, point x = 1: d₀ = 1, d₁ = 3.
        // m = 2: exponent 2/(m − 1) = 2: u₀ = 1 / (1 + (1/3)²) = 1 / (10/9) = 0.9,  u₁ = 0.1
        // m = 3: exponent 1:             u₀ = 1 / (1 + 1/3) = 0.75,              u₁ = 0.25
        // x = 0 sits on centroid 0: u = (1, 0). x = 2 is halfway: u = (0.5, 0.5) for any m.
        Matrix c = Matrix.of(2, 1, 0, 4);
        Matrix X = Matrix.of(3, 1, 1, 0, 2);
        assertTrue(handMade(c, 2).membership(X).isClose(Matrix.of(new double[][] {{0.9, 0.1}, {1, 0}, {0.5, 0.5}}), 1e-12));
        assertTrue(handMade(c, 3).membership(X).isClose(Matrix.of(new double[][] {{0.75, 0.25}, {1, 0}, {0.5, 0.5}}), 1e-12));
        assertEquals(Vector.of(0, 0, 0), handMade(c, 2).predict(X), "nearest centroid; the tie at 2 goes to the first");
    }

    @Test void partitionCoefficientByHand() {
        // memberships [[1, 0], [0.5, 0.5]]: (1² + 0² + 0.5² + 0.5²) / 2 = 1.5 / 2 = 0.75
        var f = new FuzzyCMeans(Matrix.of(2, 1, 0, 1), Matrix.of(new double[][] {{1, 0}, {0.5, 0.5}}), 0, Trace.closedForm(),
                Options.defaults().withK(2));
        assertEquals(0.75, f.partitionCoefficient(), 1e-15);
    }

    @Test void objectiveNeverIncreases() {
        for (long seed = 1; seed <= 3; seed++) {
            Matrix X = Matrix.randn(150, 3, seed);
            for (double m : new double[] {1.3, 2, 4}) {
                var f = FuzzyCMeans.fit(X, Options.defaults().withK(5).withM(m).withTol(0).withMaxIter(80).withSeed(seed));
                Vector J = f.trace().loss();
                assertTrue(J.size() >= 2);
                for (int t = 1; t < J.size(); t++)
                    assertTrue(J.get(t) <= J.get(t - 1) * (1 + 1e-12),
                            "m = " + m + ": Jₘ rose at step " + t + ": " + J.get(t - 1) + " → " + J.get(t));
                assertEquals(f.objective(), f.trace().finalLoss(), 0);
            }
        }
    }

    @Test void convergedModelIsAFixedPointOfBothSteps() {
        Matrix X = GaussianMixtureTest.blobs(30, 3, 2, 3);
        double m = 2;
        var f = FuzzyCMeans.fit(X, Options.defaults().withK(3).withM(m).withTol(1e-12).withMaxIter(1000));
        assertTrue(f.trace().converged(), f.trace().toString());
        Matrix U = f.memberships();
        assertTrue(U.isClose(f.membership(X), 1e-12), "memberships are those of the final centroids");
        Matrix Um = U.map(u -> Math.pow(u, m));                                     // uᵢⱼᵐ, n×k
        Matrix c = Um.transposeTimes(X).divideRows(Um.sum(0));                      // cⱼ = Σᵢ uᵢⱼᵐ xᵢ / Σᵢ uᵢⱼᵐ
        assertTrue(c.isClose(f.centroids(), 1e-8), c + " vs " + f.centroids());
        for (int i = 0; i < X.rows(); i++) assertEquals(1.0, U.row(i).sum(), 1e-12, "row " + i + " sums to 1");
        assertTrue(U.min() >= 0 && U.max() <= 1);
    }

    @Test void fuzzifierNearOneGivesKMeans() {
        // m → 1: memberships harden ((dⱼ/dₗ)^40 for m = 1.05), so the centroids become the k-means cluster means
        Matrix X = GaussianMixtureTest.blobs(40, 3, 2, 4);
        var f = FuzzyCMeans.fit(X, Options.defaults().withK(3).withM(1.05).withTol(1e-10).withMaxIter(500));
        var km = KMeans.fit(X, 3);
        for (int j = 0; j < 3; j++) {
            Vector c = f.centroids().row(j);
            double nearest = Double.POSITIVE_INFINITY;
            for (int l = 0; l < 3; l++) nearest = Math.min(nearest, c.minus(km.centroids().row(l)).norm());
            assertTrue(nearest < 1e-6, "FCM centroid " + c + " is " + nearest + " from every k-means centroid");
        }
        assertTrue(f.partitionCoefficient() > 0.999, "nearly hard: " + f.partitionCoefficient());
    }

    @Test void largeFuzzifierSpreadsTheMemberships() {
        Matrix X = GaussianMixtureTest.blobs(30, 3, 2, 5);
        var f = FuzzyCMeans.fit(X, Options.defaults().withK(3).withM(30));
        assertEquals(1.0 / 3, f.partitionCoefficient(), 0.01, "all memberships ≈ 1/k");
    }

    @Test void predictIsTheNearestCentroid() {
        Matrix X = GaussianMixtureTest.blobs(20, 3, 3, 6);
        var f = FuzzyCMeans.fit(X, 3);
        Vector z = f.predict(X.plus(0.5));
        for (int i = 0; i < X.rows(); i++) {
            Vector x = X.row(i).plus(0.5);
            int best = 0;
            for (int j = 1; j < 3; j++)
                if (x.minus(f.centroids().row(j)).norm() < x.minus(f.centroids().row(best)).norm()) best = j;
            assertEquals(best, (int) z.get(i), "row " + i);
        }
    }

    @Test void badOptionsAndKAboveNFailClearly() {
        var e = assertThrows(IllegalArgumentException.class, () -> Options.defaults().withM(1));
        assertTrue(e.getMessage().contains("'m' must be finite and > 1, got 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FuzzyCMeans.fit(Matrix.randn(3, 2, 1), 4));
        assertTrue(e.getMessage().contains("k = 4 exceeds the number of samples n = 3"), e.getMessage());
    }
}
