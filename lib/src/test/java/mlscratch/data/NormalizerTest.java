package mlscratch.data;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

class NormalizerTest {

    @Test
    void handCase() {
        // [3, 4] has ‖·‖₂ = 5 → [0.6, 0.8]; a zero row stays zero; [1, −1] → [1/√2, −1/√2]
        // (scikit-learn 1.2.1 Normalizer().fit_transform gives the same three rows).
        var Z = Normalizer.l2(Matrix.of(3, 2, 3, 4, 0, 0, 1, -1));
        var r = Math.sqrt(0.5);
        assertTrue(Z.isClose(Matrix.of(3, 2, 0.6, 0.8, 0, 0, r, -r), 1e-15), () -> Z.toString());
        // l1: [3, 4] has ‖·‖₁ = 7 → [3/7, 4/7].
        assertTrue(Normalizer.l1(Matrix.of(1, 2, 3, -4)).isClose(Matrix.of(1, 2, 3.0 / 7, -4.0 / 7), 1e-15));
    }

    @Test
    void rowsHaveUnitNormAndKeepTheirDirection() {
        var rng = Rng.of(31);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(30), d = 1 + rng.nextInt(8);
            var X = Matrix.randn(n, d, rng).scale(1 + 100 * rng.nextDouble());
            var Z = Normalizer.l2(X);
            var L = Normalizer.l1(X);
            for (int i = 0; i < n; i++) {
                assertEquals(1.0, Z.row(i).norm(), 1e-12);
                assertEquals(1.0, L.row(i).norm1(), 1e-12);
                // same direction: zᵢ · ‖xᵢ‖ = xᵢ
                assertTrue(Z.row(i).scale(X.row(i).norm()).isClose(X.row(i), 1e-12));
            }
        }
    }

    @Test
    void rejectsNaN() {
        var e = assertThrows(IllegalArgumentException.class, () -> Normalizer.l2(Matrix.of(1, 2, 1, Double.NaN)));
        assertEquals("Normalizer.l2: X[0][1] is NaN", e.getMessage());
        assertEquals(Vector.of(0, 0), Normalizer.l1(Matrix.zeros(1, 2)).row(0));
    }
}
