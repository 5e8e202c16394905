package mlscratch.linalg;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/// [MatrixBuffer]: every in-place / into operation agrees with the immutable [Matrix] route to the same
/// answer (over random shapes), a hand-computed case each, and the shape errors.
class MatrixBufferTest {
    static final Matrix A = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);

    static void fails(String message, Runnable call) {
        var e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(message, e.getMessage());
    }

    @Test void productsMatchTheHandComputedCase() {
        var a = MatrixBuffer.copyOf(A);
        var w = MatrixBuffer.copyOf(Matrix.of(3, 1, 1, 0, -1));
        var z = MatrixBuffer.zeros(2, 1);
        a.timesInto(w, z);                               // [1−3, 4−6] = [−2, −2]
        assertEquals(Matrix.of(2, 1, -2, -2), z.toMatrix());
        var g = MatrixBuffer.zeros(3, 3);
        a.transposeTimesInto(a, g);                      // AᵀA: (0,0) = 1+16 = 17, (0,1) = 2+20 = 22
        assertEquals(17, g.get(0, 0));
        assertEquals(22, g.get(0, 1));
        var h = MatrixBuffer.zeros(2, 2);
        a.timesTransposeInto(a, h);                      // AAᵀ: (0,0) = 1+4+9 = 14, (0,1) = 4+10+18 = 32
        assertEquals(Matrix.of(2, 2, 14, 32, 32, 77), h.toMatrix());
    }

    @Test void productsAgreeWithMatrixOverRandomShapes() {
        var rng = Rng.of(7);
        for (int trial = 0; trial < 30; trial++) {
            int m = 1 + rng.nextInt(40), n = 1 + rng.nextInt(40), p = 1 + rng.nextInt(40);
            Matrix X = Matrix.randn(m, n, rng), W = Matrix.randn(n, p, rng), Y = Matrix.randn(m, p, rng);
            var out = MatrixBuffer.zeros(m, p).fill(Double.NaN);   // stale contents must be overwritten
            MatrixBuffer.copyOf(X).timesInto(MatrixBuffer.copyOf(W), out);
            assertTrue(out.isClose(X.times(W), 1e-12));
            var outT = MatrixBuffer.zeros(n, p).fill(Double.NaN);
            MatrixBuffer.copyOf(X).transposeTimesInto(MatrixBuffer.copyOf(Y), outT);
            assertTrue(outT.isClose(X.transpose().times(Y), 1e-12));
            var outB = MatrixBuffer.zeros(m, n).fill(Double.NaN);
            MatrixBuffer.copyOf(Y).timesTransposeInto(MatrixBuffer.copyOf(W), outB);
            assertTrue(outB.isClose(Y.times(W.transpose()), 1e-12));
        }
    }

    @Test void elementwiseOperationsAgreeWithMatrix() {
        var rng = Rng.of(3);
        Matrix X = Matrix.randn(5, 4, rng), Y = Matrix.randn(5, 4, rng), b = Matrix.randn(1, 4, rng);
        assertTrue(MatrixBuffer.copyOf(X).plusInPlace(MatrixBuffer.copyOf(Y)).isClose(X.plus(Y), 1e-15));
        assertTrue(MatrixBuffer.copyOf(X).plusScaledInPlace(-0.5, MatrixBuffer.copyOf(Y)).isClose(X.minus(Y.scale(0.5)), 1e-15));
        assertTrue(MatrixBuffer.copyOf(X).scaleInPlace(3).isClose(X.scale(3), 1e-15));
        assertTrue(MatrixBuffer.copyOf(X).hadamardInPlace(MatrixBuffer.copyOf(Y)).isClose(X.hadamard(Y), 1e-15));
        assertTrue(MatrixBuffer.copyOf(X).plusRowVectorInPlace(MatrixBuffer.copyOf(b)).isClose(X.plusRowVector(b.row(0)), 1e-15));
        assertTrue(MatrixBuffer.copyOf(X).mapInPlace(Math::tanh).isClose(X.map(Math::tanh), 1e-15));
        var t = MatrixBuffer.zeros(5, 4);
        MatrixBuffer.copyOf(X).mapInto(Math::exp, t);
        assertTrue(t.isClose(X.map(Math::exp), 1e-15));
        var s = MatrixBuffer.zeros(1, 4);
        MatrixBuffer.copyOf(X).columnSumsInto(s);
        assertTrue(s.isClose(Matrix.wrap(1, 4, X.sum(0).toArray()), 1e-12));
        assertEquals(X.dot(X), MatrixBuffer.copyOf(X).sumOfSquares(), 1e-12);
    }

    @Test void columnSumsOfTheHandCase() {
        var s = MatrixBuffer.zeros(1, 3).fill(9);        // overwritten, not accumulated
        MatrixBuffer.copyOf(A).columnSumsInto(s);        // [1+4, 2+5, 3+6]
        assertEquals(Matrix.of(1, 3, 5, 7, 9), s.toMatrix());
    }

    @Test void gatherRowsPicksTheIndexedRowsAndReusesStorage() {
        Matrix X = Matrix.of(4, 2, 0, 0, 1, 1, 2, 2, 3, 3);
        var batch = MatrixBuffer.zeros(3, 2);
        double[] storage = batch.data();
        batch.gatherRows(X, new int[] {3, 1, 0, 2}, 1, 3);      // rows 1, 0, 2
        assertEquals(Matrix.of(3, 2, 1, 1, 0, 0, 2, 2), batch.toMatrix());
        batch.gatherRows(X, new int[] {3, 1, 0, 2}, 0, 1);      // a smaller last batch: same storage
        assertEquals(Matrix.of(1, 2, 3, 3), batch.toMatrix());
        assertSame(storage, batch.data());
        fails("gatherRows: index[0] = 7 is outside X's 4 rows", () -> batch.gatherRows(X, new int[] {7}, 0, 1));
    }

    @Test void mutationIsVisibleButCopiesAreIndependent() {
        var B = MatrixBuffer.copyOf(A);
        Matrix before = B.toMatrix();
        B.set(0, 0, 42);
        assertEquals(42, B.get(0, 0));
        assertEquals(1, before.get(0, 0));               // toMatrix copied
        assertEquals(1, A.get(0, 0));                    // copyOf copied
        var C = MatrixBuffer.copyOf(B);
        C.fill(0);
        assertEquals(42, B.get(0, 0));
        B.copyFrom(A);
        assertEquals(A, B.toMatrix());
    }

    @Test void shapeErrorsPrintBothShapes() {
        var a = MatrixBuffer.copyOf(A);
        fails("timesInto: A is 2×3 but B is 2×3 (A.cols must equal B.rows)", () -> a.timesInto(a, MatrixBuffer.zeros(2, 3)));
        fails("timesInto: out is 2×2 but the result is 2×1",
                () -> a.timesInto(MatrixBuffer.zeros(3, 1), MatrixBuffer.zeros(2, 2)));
        fails("plusInPlace: A is 2×3 but B is 3×2 (shapes must match)", () -> a.plusInPlace(MatrixBuffer.zeros(3, 2)));
        fails("plusRowVectorInPlace: A is 2×3 but b is 2×3 (b must be 1×3)", () -> a.plusRowVectorInPlace(a));
        fails("get: index (2, 0) is outside the 2×3 buffer", () -> a.get(2, 0));
    }

    @Test void printsLikeAMatrix() {
        assertTrue(MatrixBuffer.copyOf(A).toString().startsWith("MatrixBuffer 2×3"), MatrixBuffer.copyOf(A).toString());
    }
}
