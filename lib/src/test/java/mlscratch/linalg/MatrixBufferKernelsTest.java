package mlscratch.linalg;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/// [MatrixBuffer]'s elementwise operations and activations on the elementwise kernels: each against the
/// plain loop on the same entries (`Math.exp`, `Math.tanh`, …), into another buffer and in place, on shapes
/// that take the vector loop and its scalar tail (7×33 = 231 entries) and a tiny one (1×3, scalar only).
class MatrixBufferKernelsTest {

    static MatrixBuffer buf(int rows, int cols, long seed, double scale) {
        return MatrixBuffer.copyOf(Matrix.randn(rows, cols, seed).scale(scale));
    }

    /// Every entry of `got` within `ulps` units in the last place of `f` applied to `in`'s entry.
    static void entrywise(MatrixBuffer in, MatrixBuffer got, java.util.function.DoubleUnaryOperator f, double ulps, String what) {
        for (int i = 0; i < in.rows(); i++)
            for (int j = 0; j < in.cols(); j++) {
                double want = f.applyAsDouble(in.get(i, j));
                assertTrue(ElementwiseTest.ulps(got.get(i, j), want) <= ulps,
                        what + "(" + in.get(i, j) + ") = " + got.get(i, j) + " but the loop gives " + want);
            }
    }

    @Test void activationsMatchTheTextbookFunctionsIntoAnotherBufferAndInPlace() {
        for (int[] s : new int[][] {{7, 33}, {1, 3}, {64, 128}}) {
            MatrixBuffer X = buf(s[0], s[1], 41, 3), out = MatrixBuffer.zeros(s[0], s[1]);
            X.reluInto(out);
            entrywise(X, out, x -> Math.max(0, x), 0, "relu");
            X.sigmoidInto(out);
            entrywise(X, out, x -> 1 / (1 + Math.exp(-x)), 4, "sigmoid");
            X.tanhInto(out);
            entrywise(X, out, Math::tanh, 4, "tanh");
            X.expInto(out);
            entrywise(X, out, Math::exp, 2, "exp");
            MatrixBuffer Y = MatrixBuffer.copyOf(X);
            Y.tanhInto(Y);                                                 // in place
            entrywise(X, Y, Math::tanh, 4, "tanh in place");
        }
    }

    @Test void softmaxRowsHandComputedAndInPlace() {
        // [0, ln 3] → [1/4, 3/4];  [ln 2, ln 2] → [1/2, 1/2]
        MatrixBuffer Z = MatrixBuffer.copyOf(Matrix.of(2, 2, 0, Math.log(3), Math.log(2), Math.log(2)));
        Z.softmaxRowsInto(Z);
        assertTrue(Z.isClose(Matrix.of(2, 2, 0.25, 0.75, 0.5, 0.5), 1e-15), Z.toString());
        MatrixBuffer X = buf(64, 10, 42, 5), P = MatrixBuffer.zeros(64, 10);
        X.softmaxRowsInto(P);
        double[] want = new double[640];
        Elementwise.softmaxRowsScalar(64, 10, X.data(), 0, want, 0);
        assertTrue(P.isClose(Matrix.wrap(64, 10, want), 1e-15));
    }

    @Test void inPlaceArithmeticMatchesTheLoopsBitForBit() {
        MatrixBuffer A = buf(7, 33, 43, 1), B = buf(7, 33, 44, 1), b = buf(1, 33, 45, 1);
        double[] a = A.data().clone(), bb = B.data(), bias = b.data();
        MatrixBuffer S = MatrixBuffer.copyOf(A).plusInPlace(B), D = MatrixBuffer.copyOf(A).hadamardInPlace(B),
                G = MatrixBuffer.copyOf(A).plusScaledInPlace(-0.01, B), C = MatrixBuffer.copyOf(A).scaleInPlace(3),
                R = MatrixBuffer.copyOf(A).plusRowVectorInPlace(b);
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k] + bb[k], S.data()[k]);
            assertEquals(a[k] * bb[k], D.data()[k]);
            assertEquals(Math.fma(-0.01, bb[k], a[k]), G.data()[k]);     // w ← w − η·g, one rounding
            assertEquals(3 * a[k], C.data()[k]);
            assertEquals(a[k] + bias[k % 33], R.data()[k]);
        }
    }

    @Test void activationIntoAWrongShapeNamesBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> MatrixBuffer.zeros(2, 3).sigmoidInto(MatrixBuffer.zeros(3, 2)));
        assertEquals("sigmoidInto: out is 3×2 but the result is 2×3", e.getMessage());
    }
}
