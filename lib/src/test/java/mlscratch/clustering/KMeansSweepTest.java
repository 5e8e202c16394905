package mlscratch.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.clustering.KMeans.KSweep;
import mlscratch.data.Generators;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;

/// The helpers for choosing k appended to KMeans: [KMeans#sweep] and [KSweep].
class KMeansSweepTest {

    @Test
    void elbowByHand() {
        // k = 1…5, J = 100, 40, 10, 8, 6. Scaled: k̂ = 0, .25, .5, .75, 1; Ĵ = (J − 6)/94 = 1, .362, .043, .021, 0.
        // Below the chord k̂ + Ĵ = 1 by 1 − k̂ − Ĵ = 0, .388, .457, .229, 0 → the elbow is k = 3.
        var s = new KSweep(Vector.of(1, 2, 3, 4, 5), Vector.of(100, 40, 10, 8, 6), Vector.of(Double.NaN, 0.5, 0.7, 0.6, 0.4));
        assertEquals(3, s.elbow());
        assertEquals(3, s.bestSilhouette());
    }

    @Test
    void fourSeparatedBlobsGiveKEqualsFourBothWays() {
        var blobs = Generators.blobs(400, Matrix.of(4, 2, 0, 0, 6, 0, 0, 6, 6, 6), 0.6, 12);   // the corners of a square
        var s = KMeans.sweep(blobs.X(), 1, 8, KMeans.Options.defaults().withNInit(3));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, s.k().toArray());
        assertEquals(4, s.elbow(), s.toString());
        assertEquals(4, s.bestSilhouette(), s.toString());
        assertTrue(Double.isNaN(s.silhouette().get(0)), "k = 1: undefined");
        for (int i = 1; i < 8; i++) assertTrue(s.inertia().get(i) <= s.inertia().get(i - 1) * 1.001, s.toString());
        assertTrue(s.toString().contains("elbow at k = 4, best silhouette at k = 4"), s.toString());
    }

    @Test
    void sweepRecordsWhatEachFitGives() {
        var X = Matrix.randn(120, 2, 3);
        var options = KMeans.Options.defaults().withNInit(2).withSeed(5);
        var s = KMeans.sweep(X, 2, 4, options);
        for (int k = 2; k <= 4; k++) {
            var m = KMeans.fit(X, options.withK(k));
            assertEquals(m.inertia(), s.inertia().get(k - 2), 0);
            assertEquals(Metrics.silhouette(X, m.labels()), s.silhouette().get(k - 2), 0);
        }
    }

    @Test
    void badInputFailsWithClearMessages() {
        var X = Matrix.randn(5, 2, 1);
        var o = KMeans.Options.defaults();
        assertEquals("KMeans.sweep: kMax = 2 is below kMin = 3",
                assertThrows(IllegalArgumentException.class, () -> KMeans.sweep(X, 3, 2, o)).getMessage());
        assertEquals("KMeans.sweep: kMax = 6 exceeds the number of samples n = 5",
                assertThrows(IllegalArgumentException.class, () -> KMeans.sweep(X, 1, 6, o)).getMessage());
        assertEquals("KMeans.sweep: 'kMin' must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> KMeans.sweep(X, 0, 3, o)).getMessage());
        var one = new KSweep(Vector.of(1), Vector.of(3), Vector.of(Double.NaN));
        assertEquals("bestSilhouette: the sweep has no k ≥ 2, where the silhouette is defined",
                assertThrows(IllegalArgumentException.class, one::bestSilhouette).getMessage());
    }
}
