package mlscratch.data;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

class OneHotTest {

    @Test
    void handCase() {
        var Y = OneHot.encode(Vector.of(0, 2, 1), 3);
        assertEquals(Matrix.of(new double[][] {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}}), Y);
        assertEquals(Vector.of(0, 2, 1), OneHot.decode(Y));
        // k inferred as max + 1 = 4: a trailing column no label uses is still there when k is given.
        assertEquals(4, OneHot.encode(Vector.of(3, 0)).cols());
        assertEquals(5, OneHot.encode(Vector.of(3, 0), 5).cols());
    }

    @Test
    void decodeOfEncodeIsTheIdentityAndRowsSumToOne() {
        var rng = Rng.of(41);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(40), k = 1 + rng.nextInt(6);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) labels[i] = rng.nextInt(k);
            var y = Vector.ofInts(labels);
            var Y = OneHot.encode(y, k);
            assertEquals(y, OneHot.decode(Y));
            assertEquals(Vector.ones(n), Y.sum(1));
            assertEquals(n, Y.sum());
        }
    }

    @Test
    void decodeTakesTheArgmaxOfProbabilities() {
        var P = Matrix.of(new double[][] {{0.2, 0.5, 0.3}, {0.6, 0.1, 0.3}, {0.4, 0.4, 0.2}});
        assertEquals(Vector.of(1, 0, 0), OneHot.decode(P));   // ties → first maximum
    }

    @Test
    void errorsNameTheBadLabel() {
        var e = assertThrows(IllegalArgumentException.class, () -> OneHot.encode(Vector.of(0, 1, 3), 3));
        assertEquals("OneHot.encode: y[2] = 3.0 is not a class index in 0..2 (there are 3 classes)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OneHot.encode(Vector.of(0, 1.5), 3));
        assertEquals("OneHot.encode: y[1] = 1.5 is not a class index in 0..2 (there are 3 classes)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OneHot.encode(Vector.of(0, 1), 0));
        assertEquals("OneHot.encode: 'k' must be > 0, got 0", e.getMessage());
    }
}
