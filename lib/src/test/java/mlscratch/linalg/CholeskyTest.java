package mlscratch.linalg;

import static mlscratch.linalg.DecompositionFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class CholeskyTest {

    @Test
    void handComputed2x2() {
        // A = [[4, 2], [2, 3]]: L₀₀ = √4 = 2; L₁₀ = 2/2 = 1; L₁₁ = √(3 − 1²) = √2.
        // log det = 2(log 2 + log √2) = log 8, and det = 4·3 − 2·2 = 8.
        // Ax = [6, 5]: Ly = b → y = [6/2, (5 − 1·3)/√2] = [3, √2]; Lᵀx = y → x₁ = √2/√2 = 1, x₀ = (3 − 1·1)/2 = 1.
        var c = Cholesky.of(Matrix.of(new double[][] {{4, 2}, {2, 3}}));
        assertClose(Matrix.of(new double[][] {{2, 0}, {1, Math.sqrt(2)}}), c.L(), 1e-15, "L");
        assertEquals(Math.log(8), c.logDet(), 1e-15);
        assertClose(Vector.of(1, 1), c.solve(Vector.of(6, 5)), 1e-15, "solve");
    }

    @Test
    void handComputed3x3() {
        // A = [[4, 12, −16], [12, 37, −43], [−16, −43, 98]]:
        // L₀₀ = √4 = 2,        L₁₀ = 12/2 = 6,   L₂₀ = −16/2 = −8
        // L₁₁ = √(37 − 6²) = 1, L₂₁ = (−43 − (−8)(6))/1 = 5
        // L₂₂ = √(98 − 64 − 25) = √9 = 3          det = (2·1·3)² = 36
        var c = Cholesky.of(Matrix.of(new double[][] {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}}));
        assertEquals(Matrix.of(new double[][] {{2, 0, 0}, {6, 1, 0}, {-8, 5, 3}}), c.L());
        assertEquals(Math.log(36), c.logDet(), 1e-14);
    }

    @Test
    void factorRebuildsA() {
        var rng = Rng.of(11);
        for (int n : SIZES) {
            Matrix A = spd(n, rng);
            Matrix L = Cholesky.of(A).L();
            assertClose(A, L.times(L.transpose()), 1e-13, "A = LLᵀ, n = " + n);
            assertLowerTriangular(L, "L");
            for (int i = 0; i < n; i++) assertTrue(L.get(i, i) > 0, "positive diagonal");
        }
    }

    @Test
    void solveSatisfiesAxEqualsB() {
        var rng = Rng.of(12);
        for (int n : SIZES) {
            Matrix A = spd(n, rng);
            var c = A.cholesky();
            Vector x = Vector.randn(n, rng);
            assertClose(x, c.solve(A.times(x)), 1e-12, "x from Ax = b, n = " + n);
            Matrix X = Matrix.randn(n, 4, rng);
            assertClose(X, c.solve(A.times(X)), 1e-12, "X from AX = B, n = " + n);
            assertClose(LU.of(A).solve(A.times(X)), c.solve(A.times(X)), 1e-12, "Cholesky and LU agree");
        }
    }

    @Test
    void logDetMatchesLUAndEigenvalues() {
        var rng = Rng.of(13);
        for (int n : SIZES) {
            Matrix A = spd(n, rng);
            double logDet = Cholesky.of(A).logDet();
            double sumLogLambda = 0;
            for (double l : SymmetricEigen.of(A).values().toArray()) sumLogLambda += Math.log(l);   // log det = Σ log λᵢ
            assertEquals(sumLogLambda, logDet, 1e-10 * Math.max(1, Math.abs(logDet)), "Σ log λ, n = " + n);
            if (n <= 40) assertEquals(Math.log(A.det()), logDet, 1e-10 * Math.max(1, Math.abs(logDet)), "log det (LU), n = " + n);
        }
        // no overflow where det itself does: 300×300 with eigenvalues ≥ 300 has det > 300³⁰⁰ = 10⁷⁴³
        Matrix big = spd(300, rng);
        assertEquals(Double.POSITIVE_INFINITY, big.det());
        assertTrue(Double.isFinite(Cholesky.of(big).logDet()) && Cholesky.of(big).logDet() > 743 * Math.log(10));
    }

    @Test
    void indefiniteMatrixNamesTheRowAndPivot() {
        // [[1, 2], [2, 1]] has eigenvalues 3 and −1. L₀₀ = 1, L₁₀ = 2, pivot 1 − 2² = −3 < 0.
        var e = assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.of(Matrix.of(new double[][] {{1, 2}, {2, 1}})));
        assertEquals(1, e.row());
        assertEquals(-3.0, e.pivot());
        assertEquals("Cholesky.of: A is not positive definite: pivot in row 1 is -3 (must be > 4.44e-16 = n·ε·max Aᵢᵢ); "
                + "add a small ridge λI to the diagonal (A + λI), or use A.lu() for a symmetric indefinite A", e.getMessage());
        assertInstanceOf(ArithmeticException.class, e);
        // a negative diagonal fails at once, in row 0
        e = assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.of(Matrix.of(new double[][] {{-1}})));
        assertEquals(0, e.row());
    }

    @Test
    void semidefiniteFailsAndARidgeFixesIt() {
        // [[1, 1], [1, 1]] is positive SEMI-definite (eigenvalues 2, 0): pivot 1 − 1² = 0.
        var e = assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.of(Matrix.of(new double[][] {{1, 1}, {1, 1}})));
        assertEquals(0.0, e.pivot());
        // XᵀX for X with a repeated column is singular; XᵀX + λI is positive definite for any λ > 0
        var rng = Rng.of(14);
        Matrix x = Matrix.randn(20, 3, rng);
        Matrix X = Matrix.hstack(x, x.cols(0, 1));
        Matrix XtX = X.transpose().times(X);
        var fail = assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.of(XtX));
        assertEquals(3, fail.row(), "column 3 repeats column 0");
        assertDoesNotThrow(() -> Cholesky.of(XtX.plus(Matrix.identity(4).scale(1e-3))));
    }

    @Test
    void nonSymmetricInputIsAnArgumentError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Cholesky.of(Matrix.of(new double[][] {{2, 1}, {0.5, 2}})));
        assertEquals("Cholesky.of: A is not symmetric: A[1][0] = 0.5 but A[0][1] = 1 (Cholesky needs Aᵀ = A; for a "
                + "general square A use A.lu())", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Cholesky.of(Matrix.zeros(2, 3)));
        assertTrue(e.getMessage().startsWith("Cholesky.of: A is 2×3 but must be square"), e.getMessage());
        // rounding-level asymmetry (as in (AᵀA) computed another way) is accepted
        Matrix A = spd(5, Rng.of(15));
        assertDoesNotThrow(() -> Cholesky.of(A.with(0, 1, A.get(0, 1) * (1 + 1e-15))));
        var c = Cholesky.of(Matrix.identity(2));
        e = assertThrows(IllegalArgumentException.class, () -> c.solve(Vector.of(1)));
        assertEquals("Cholesky.solve: A is 2×2 but b has size 1 (b needs one entry per row, 2)", e.getMessage());
    }
}
