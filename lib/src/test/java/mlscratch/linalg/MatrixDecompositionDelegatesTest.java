package mlscratch.linalg;

import static mlscratch.linalg.DecompositionFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/// The `Matrix` shortcuts give exactly what the decomposition classes give.
class MatrixDecompositionDelegatesTest {

    @Test
    void shortcutsDelegateToTheDecompositions() {
        var rng = Rng.of(61);
        Matrix A = spd(5, rng), X = Matrix.randn(9, 4, rng);
        Vector b = Vector.randn(5, rng), y = Vector.randn(9, rng);
        Matrix B = Matrix.randn(5, 2, rng);
        assertEquals(LU.of(A).U(), A.lu().U());
        assertEquals(Cholesky.of(A).L(), A.cholesky().L());
        assertEquals(QR.of(X).R(), X.qr().R());
        assertEquals(SymmetricEigen.of(A).values(), A.eigSymmetric().values());
        assertEquals(SVD.of(X).S(), X.svd().S());
        assertEquals(LU.of(A).solve(b), A.solve(b));
        assertEquals(LU.of(A).solve(B), A.solve(B));
        assertEquals(LU.of(A).det(), A.det());
        assertEquals(LU.of(A).inverse(), A.inverse());
        assertEquals(QR.of(X).solve(y), X.lstsq(y));
    }

    @Test
    void decompositionsPrintCompactly() {
        var A = Matrix.of(new double[][] {{2, 1}, {4, 3}});
        assertTrue(A.lu().toString().startsWith("LU 2×2 (PA = LU), pivot [1, 0], det = 2\nL = Matrix 2×2"), A.lu().toString());
        assertTrue(Matrix.identity(2).cholesky().toString().startsWith("Cholesky 2×2 (A = LLᵀ), log det = 0\nL = "));
        assertTrue(A.qr().toString().startsWith("QR 2×2 (A = QR), full rank\nR = "));
        assertTrue(Matrix.identity(2).eigSymmetric().toString().startsWith("SymmetricEigen 2×2 (A = VΛVᵀ), λ = [1, 1]\nV = "));
        assertEquals("SVD 2×2 (A = UΣVᵀ), σ = [3, 2], rank 2, cond 1.5", Matrix.diag(Vector.of(2, 3)).svd().toString());
    }
}
