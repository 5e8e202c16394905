package mlscratch.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/// `A.transposeTimes(r)` = Aᵀr, the gradient kernel of the linear models (added with the linear classifiers).
class MatrixTransposeTimesVectorTest {

    @Test void handComputed() {
        // A = [[1, 2], [3, 4], [5, 6]], r = [1, 0, −1]: Aᵀr = [1 − 5, 2 − 6] = [−4, −4]
        Matrix A = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertEquals(Vector.of(-4, -4), A.transposeTimes(Vector.of(1, 0, -1)));
    }

    @Test void equalsTheTransposeTimesTheVectorOverSizes() {
        // sizes around the 4-row unrolling and across the parallel threshold (m·n ≥ 2¹⁸, m ≥ 1024)
        int[][] shapes = {{1, 1}, {3, 5}, {4, 1}, {7, 33}, {1023, 3}, {5000, 60}, {20_003, 17}};
        for (int[] s : shapes) {
            Matrix A = Matrix.randn(s[0], s[1], s[0] + s[1]);
            Vector r = Vector.randn(s[0], 99);
            Vector expected = A.transpose().times(r);
            Vector got = A.transposeTimes(r);
            assertTrue(got.isClose(expected, 1e-12), s[0] + "×" + s[1]);
            assertEquals(got, A.transposeTimes(r), "the same sums every time (fixed blocks)");
        }
    }

    @Test void shapeErrorsNameBothSizes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(3, 2).transposeTimes(Vector.zeros(2)));
        assertEquals("transposeTimes: A is 3×2 but r has size 2 (A.rows must equal r.size)", e.getMessage());
    }
}
