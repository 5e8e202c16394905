package mlscratch.linalg;

import static mlscratch.linalg.DecompositionFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/// Two routes to one answer: the from-scratch decompositions against Smile's (LAPACK through OpenBLAS).
class DecompositionsVsSmileTest {

    private static smile.tensor.DenseMatrix smile(Matrix A) { return smile.tensor.DenseMatrix.of(A.toArray2D()); }

    private static double[] values(smile.tensor.Vector v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i);
        return out;
    }

    @Test
    void singularValuesMatchSmile() {
        var rng = Rng.of(51);
        for (int[] shape : new int[][] {{30, 8}, {8, 30}, {12, 12}}) {
            Matrix A = Matrix.randn(shape[0], shape[1], rng);
            double[] expected = values(smile(A).svd().s());
            assertClose(Vector.of(expected), SVD.of(A).S(), 1e-12, "σ, " + A.shape());
        }
    }

    @Test
    void symmetricEigenvaluesMatchSmile() {
        Matrix A = symmetric(15, Rng.of(52));
        double[] expected = values(smile(A).eigen().wr());
        Arrays.sort(expected);
        double[] descending = new double[expected.length];
        for (int i = 0; i < expected.length; i++) descending[i] = expected[expected.length - 1 - i];
        assertClose(Vector.of(descending), SymmetricEigen.of(A).values(), 1e-12, "λ");
    }

    @Test
    void determinantMatchesSmile() {
        Matrix A = Matrix.randn(10, 10, Rng.of(53));
        double expected = smile(A).lu().det();
        assertEquals(expected, A.det(), 1e-11 * Math.abs(expected));
    }
}
