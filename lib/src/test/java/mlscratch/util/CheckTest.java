package mlscratch.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;

class CheckTest {
    @Test
    void messagesHaveOneShape() {
        var e = assertThrows(IllegalArgumentException.class, () -> Check.positive("KMeans.Options", "k", 0));
        assertEquals("KMeans.Options: 'k' must be > 0, got 0", e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> Check.finite("fit", "X", new double[] {1, 2, Double.NaN, 4}, 2, false));
        assertEquals("fit: X[1][0] is NaN", f.getMessage());
    }

    @Test
    void theTopFrameIsTheMethodTheUserCalledNotTheValidationHelper() {
        var e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(3, 2).times(Matrix.zeros(3, 4)));
        assertEquals(Matrix.class.getName(), e.getStackTrace()[0].getClassName());
        assertEquals("times", e.getStackTrace()[0].getMethodName());
    }
}
