package mlscratch.linalg;

import static mlscratch.linalg.DecompositionFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class QRTest {

    @Test
    void handComputedLineFit() {
        // Fit y = w₀ + w₁t through (0, 1), (1, 2), (2, 2): X = [[1, 0], [1, 1], [1, 2]].
        // Normal equation: XᵀX = [[3, 3], [3, 5]], Xᵀy = [5, 6], det = 15 − 9 = 6,
        //   w₀ = (5·5 − 3·6)/6 = 7/6,  w₁ = (3·6 − 3·5)/6 = 1/2.
        // Householder, column 0 = (1, 1, 1): x₀ = 1 > 0, so R₀₀ = α = −‖x‖ = −√3, q₀ = −(1, 1, 1)/√3,
        //   R₀₁ = q₀·(0, 1, 2) = −3/√3 = −√3; what remains of column 1 is (0, 1, 2) − (1, 1, 1) = (−1, 0, 1),
        //   of length √2, so |R₁₁| = √2 (the reflection makes it −√2).
        var X = Matrix.of(new double[][] {{1, 0}, {1, 1}, {1, 2}});
        var qr = QR.of(X);
        double s3 = Math.sqrt(3), s2 = Math.sqrt(2);
        assertClose(Matrix.of(new double[][] {{-s3, -s3}, {0, -s2}}), qr.R(), 1e-15, "R");
        assertClose(Matrix.of(new double[][] {{-1 / s3, 1 / s2}, {-1 / s3, 0}, {-1 / s3, -1 / s2}}), qr.Q(), 1e-15, "Q");
        assertClose(Vector.of(7.0 / 6, 0.5), qr.solve(Vector.of(1, 2, 2)), 1e-15, "least squares");
        assertTrue(qr.isFullRank());
    }

    @Test
    void factorsRebuildAWithOrthonormalQAndTriangularR() {
        var rng = Rng.of(21);
        for (int m : SIZES)
            for (int n : new int[] {1, 2, (m + 1) / 2, m}) {
                if (n > m) continue;
                Matrix A = Matrix.randn(m, n, rng);
                var qr = QR.of(A);
                Matrix Q = qr.Q(), R = qr.R();
                assertEquals(new Shape(m, n), Q.shape());
                assertEquals(new Shape(n, n), R.shape());
                assertClose(A, Q.times(R), 1e-13, "QR = A, " + m + "×" + n);
                assertOrthonormalColumns(Q, 1e-13, m + "×" + n);
                assertUpperTriangular(R, "R");
            }
        // a zero column: H = I at that step, and QR = A still holds (rank deficient)
        Matrix A = Matrix.hstack(Matrix.randn(6, 2, rng), Matrix.zeros(6, 1), Matrix.randn(6, 1, rng));
        var qr = QR.of(A);
        assertClose(A, qr.Q().times(qr.R()), 1e-13, "QR = A with a zero column");
        assertFalse(qr.isFullRank());
    }

    @Test
    void leastSquaresMatchesNormalEquationOnWellConditionedData() {
        var rng = Rng.of(22);
        for (int n : new int[] {1, 2, 3, 5, 9}) {
            int m = 4 * n + 3;
            Matrix X = Matrix.randn(m, n, rng);
            Vector y = Vector.randn(m, rng);
            Vector w = X.lstsq(y);
            Vector wNormal = Cholesky.of(X.transpose().times(X)).solve(X.transpose().times(y));   // XᵀXw = Xᵀy
            assertClose(wNormal, w, 1e-12, "QR vs normal equation, n = " + n);
            Vector gradient = X.transpose().times(X.times(w).minus(y));                             // Xᵀ(Xw − y) = 0 at the optimum
            assertTrue(gradient.normInf() < 1e-12 * y.norm() * X.norm(), "Xᵀr = 0, got " + gradient);
        }
    }

    @Test
    void squareSystemsAgreeWithLU() {
        var rng = Rng.of(23);
        for (int n : SIZES) {
            Matrix A = Matrix.randn(n, n, rng).plus(Matrix.identity(n).scale(3));
            Vector b = Vector.randn(n, rng);
            assertClose(LU.of(A).solve(b), QR.of(A).solve(b), 1e-11, "QR and LU, n = " + n);
            assertClose(b, A.times(QR.of(A).solve(b)), 1e-12, "Ax = b, n = " + n);
        }
    }

    @Test
    void matrixSolveIsColumnByColumn() {
        var rng = Rng.of(24);
        Matrix X = Matrix.randn(30, 5, rng), Y = Matrix.randn(30, 3, rng);
        var qr = QR.of(X);
        Matrix W = qr.solve(Y);
        for (int c = 0; c < 3; c++) assertClose(qr.solve(Y.col(c)), W.col(c), 1e-13, "column " + c);
    }

    @Test
    void qrBeatsTheInverseOfTheNormalEquationOnAVandermondeDesign() {
        // Degree-10 polynomial regression on 50 points in [0, 1]: the columns 1, t, t², …, t¹⁰ are nearly
        // parallel, κ(X) ≈ 2e7, so κ(XᵀX) = κ(X)² ≈ 4e14 and the normal equation keeps ~1 digit.
        int m = 50, deg = 10;
        double[][] x = new double[m][deg + 1];
        for (int i = 0; i < m; i++)
            for (int j = 0; j <= deg; j++) x[i][j] = Math.pow(i / (m - 1.0), j);
        Matrix X = Matrix.of(x);
        assertTrue(X.svd().cond() > 1e7, "ill conditioned: κ = " + X.svd().cond());
        Vector y = X.times(Vector.randn(deg + 1, 7)).plus(Vector.randn(m, 8).scale(1e-3));

        Vector wQR = X.lstsq(y);
        Vector wInv = X.transpose().times(X).inverse().times(X.transpose().times(y));   // w = (XᵀX)⁻¹Xᵀy
        double rQR = X.times(wQR).minus(y).norm(), rInv = X.times(wInv).minus(y).norm();
        // QR reaches the least-squares minimum: the residual is orthogonal to the columns
        assertTrue(X.transpose().times(X.times(wQR).minus(y)).norm() < 1e-10, "Xᵀr ≈ 0 for QR");
        assertTrue(X.transpose().times(X.times(wInv).minus(y)).norm() > 1e-4, "Xᵀr is far from 0 for the inverse");
        assertTrue(rInv >= rQR, "residual via inverse " + rInv + " vs QR " + rQR);   // QR is the minimum; the gap itself depends on rounding order
        // and the minimum really is QR's: the SVD route (pseudo-inverse) lands on the same residual
        assertEquals(X.times(X.svd().pseudoInverse().times(y)).minus(y).norm(), rQR, 1e-9);
    }

    @Test
    void rankDeficientDesignIsDetectedAndNamed() {
        // column 2 = column 0 + column 1
        var rng = Rng.of(25);
        Matrix a = Matrix.randn(8, 2, rng);
        Matrix X = Matrix.hstack(a, a.col(0).plus(a.col(1)).asColumn());
        var qr = QR.of(X);
        assertFalse(qr.isFullRank());
        var e = assertThrows(SingularMatrixException.class, () -> qr.solve(Vector.randn(8, rng)));
        assertEquals(2, e.column());
        assertTrue(e.getMessage().startsWith("QR.solve: A is rank deficient: R[2][2] = "), e.getMessage());
        assertTrue(e.getMessage().contains("column 2 is a linear combination of columns 0…1")
                && e.getMessage().contains("Ridge with λ > 0") && e.getMessage().contains("pseudoInverse"), e.getMessage());
        assertThrows(SingularMatrixException.class, () -> X.lstsq(Vector.zeros(8)));
        assertThrows(SingularMatrixException.class, () -> qr.solve(Matrix.zeros(8, 2)));
    }

    @Test
    void badArgumentsFailWithTheShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> QR.of(Matrix.zeros(2, 3)));
        assertEquals("QR.of: A is 2×3 but QR needs rows ≥ cols (an underdetermined system has many solutions; the "
                + "minimum-norm one is A.svd().pseudoInverse().times(b))", e.getMessage());
        var qr = QR.of(Matrix.randn(4, 2, 1));
        e = assertThrows(IllegalArgumentException.class, () -> qr.solve(Vector.of(1, 2)));
        assertEquals("QR.solve: A is 4×2 but b has size 2 (b needs one entry per row, 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> qr.solve(Vector.of(1, 2, Double.POSITIVE_INFINITY, 0)));
        assertEquals("QR.solve: b[2] is +Infinity", e.getMessage());
    }
}
