package mlscratch.linalg;

import static mlscratch.linalg.DecompositionFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LUTest {

    @Test
    void handComputed2x2() {
        // A = [[2, 1], [4, 3]]. Column 0: |4| > |2|, so swap rows → [[4, 3], [2, 1]], pivot = [1, 0].
        // L₁₀ = 2/4 = 0.5; U₁₁ = 1 − 0.5·3 = −0.5.  det = (−1)¹ · 4 · (−0.5) = 2 = 2·3 − 1·4.
        // Ax = [3, 7]: Pb = [7, 3]; y = [7, 3 − 0.5·7] = [7, −0.5]; x₁ = −0.5/−0.5 = 1, x₀ = (7 − 3·1)/4 = 1.
        var lu = LU.of(Matrix.of(new double[][] {{2, 1}, {4, 3}}));
        assertArrayEquals(new int[] {1, 0}, lu.pivot());
        assertEquals(Matrix.of(new double[][] {{0, 1}, {1, 0}}), lu.P());
        assertEquals(Matrix.of(new double[][] {{1, 0}, {0.5, 1}}), lu.L());
        assertEquals(Matrix.of(new double[][] {{4, 3}, {0, -0.5}}), lu.U());
        assertEquals(2.0, lu.det());
        assertEquals(Vector.of(1, 1), lu.solve(Vector.of(3, 7)));
        // A⁻¹ = (1/det)·[[3, −1], [−4, 2]] = [[1.5, −0.5], [−2, 1]]
        assertClose(Matrix.of(new double[][] {{1.5, -0.5}, {-2, 1}}), lu.inverse(), 1e-15, "inverse");
    }

    @Test
    void handComputed3x3WithTwoSwaps() {
        // A = [[2, 1, 1], [4, 3, 3], [8, 7, 9]].
        // k = 0: pivot 8 (row 2): swap rows 0, 2 → [[8, 7, 9], [4, 3, 3], [2, 1, 1]];
        //        L₁₀ = 4/8 = 0.5  → row 1 = [3 − 0.5·7, 3 − 0.5·9]   = [−0.5, −1.5]
        //        L₂₀ = 2/8 = 0.25 → row 2 = [1 − 0.25·7, 1 − 0.25·9] = [−0.75, −1.25]
        // k = 1: |−0.75| > |−0.5|: swap rows 1, 2 (multipliers travel with their rows);
        //        L₂₁ = −0.5 / −0.75 = 2/3 → U₂₂ = −1.5 − (2/3)(−1.25) = −2/3
        // pivot = [2, 0, 1], two swaps, det = +8 · (−0.75) · (−2/3) = 4.
        // Cofactor check: 2(3·9 − 3·7) − 1(4·9 − 3·8) + 1(4·7 − 3·8) = 12 − 12 + 4 = 4.
        var A = Matrix.of(new double[][] {{2, 1, 1}, {4, 3, 3}, {8, 7, 9}});
        var lu = LU.of(A);
        assertArrayEquals(new int[] {2, 0, 1}, lu.pivot());
        assertClose(Matrix.of(new double[][] {{1, 0, 0}, {0.25, 1, 0}, {0.5, 2.0 / 3, 1}}), lu.L(), 1e-15, "L");
        assertClose(Matrix.of(new double[][] {{8, 7, 9}, {0, -0.75, -1.25}, {0, 0, -2.0 / 3}}), lu.U(), 1e-15, "U");
        assertEquals(4.0, lu.det(), 1e-14);
        assertEquals(4.0, det3(A), 0);
        // x = [1, −1, 2]: b = A x = [2 − 1 + 2, 4 − 3 + 6, 8 − 7 + 18] = [3, 7, 19]
        assertClose(Vector.of(1, -1, 2), lu.solve(Vector.of(3, 7, 19)), 1e-14, "solve");
    }

    @Test
    void factorsRebuildPA() {
        var rng = Rng.of(1);
        for (int n : SIZES) {
            Matrix A = Matrix.randn(n, n, rng);
            var lu = LU.of(A);
            Matrix L = lu.L(), U = lu.U();
            assertClose(lu.P().times(A), L.times(U), 1e-13, "PA = LU, n = " + n);
            assertLowerTriangular(L, "L");
            assertUpperTriangular(U, "U");
            for (int i = 0; i < n; i++) {
                assertEquals(1.0, L.get(i, i), "Lᵢᵢ = 1");
                for (int j = 0; j < i; j++) assertTrue(Math.abs(L.get(i, j)) <= 1, "partial pivoting keeps |Lᵢⱼ| ≤ 1");
            }
            // P is a permutation: each row and column holds exactly one 1
            assertEquals(Vector.ones(n), lu.P().sum(0));
            assertEquals(Vector.ones(n), lu.P().sum(1));
        }
    }

    @Test
    void solveSatisfiesAxEqualsB() {
        var rng = Rng.of(2);
        for (int n : SIZES) {
            Matrix A = Matrix.randn(n, n, rng).plus(Matrix.identity(n).scale(3));
            Vector x = Vector.randn(n, rng);
            Vector b = A.times(x);
            assertClose(x, LU.of(A).solve(b), 1e-10, "x from Ax = b, n = " + n);
            assertClose(b, A.times(A.solve(b)), 1e-12, "A · A.solve(b) = b, n = " + n);

            Matrix X = Matrix.randn(n, 3, rng);
            Matrix B = A.times(X);
            assertClose(X, LU.of(A).solve(B), 1e-10, "X from AX = B, n = " + n);
            assertClose(LU.of(A).solve(B.col(1)).asColumn(), A.solve(B).cols(1, 2), 1e-12, "matrix solve = column-wise solves");
        }
    }

    @Test
    void inverseTimesAIsIdentity() {
        var rng = Rng.of(3);
        for (int n : SIZES) {
            Matrix A = Matrix.randn(n, n, rng).plus(Matrix.identity(n).scale(2));
            Matrix inv = A.inverse();
            assertClose(Matrix.identity(n), A.times(inv), 1e-11, "A·A⁻¹ = I, n = " + n);
            assertClose(Matrix.identity(n), inv.times(A), 1e-11, "A⁻¹·A = I, n = " + n);
        }
    }

    @Test
    void detMatchesCofactorExpansionAndEigenvalues() {
        var rng = Rng.of(4);
        for (int trial = 0; trial < 20; trial++) {
            Matrix A = Matrix.randn(3, 3, rng);
            assertEquals(det3(A), A.det(), 1e-12 * Math.max(1, Math.abs(det3(A))), "3×3 cofactor expansion");
        }
        for (int n : SIZES) {
            if (n > 40) continue;   // Πλ over/underflows nothing here, but keeps the product in a sane range
            Matrix S = symmetric(n, rng);
            double prod = 1;
            for (double lambda : SymmetricEigen.of(S).values().toArray()) prod *= lambda;   // det = Πλᵢ
            assertEquals(prod, S.det(), 1e-9 * Math.max(1, Math.abs(prod)), "det = Πλ, n = " + n);
        }
        // det(AB) = det A · det B
        Matrix A = Matrix.randn(6, 6, rng), B = Matrix.randn(6, 6, rng);
        assertEquals(A.det() * B.det(), A.times(B).det(), 1e-10 * Math.abs(A.det() * B.det()));
    }

    @Test
    void singularMatrixHasZeroDetAndSolveNamesThePivot() {
        // [[1, 2], [2, 4]]: column 0 pivots on 2 (row 1); L₁₀ = 1/2; U₁₁ = 2 − ½·4 = 0 exactly.
        // Tolerance n·ε·max|Aᵢⱼ| = 2 · 2.22e-16 · 4 = 1.78e-15.
        var A = Matrix.of(new double[][] {{1, 2}, {2, 4}});
        var lu = LU.of(A);
        assertTrue(lu.isSingular());
        assertEquals(0.0, lu.det());
        assertClose(lu.P().times(A), lu.L().times(lu.U()), 0, "PA = LU holds for a singular A too");
        var e = assertThrows(SingularMatrixException.class, () -> lu.solve(Vector.of(1, 2)));
        assertEquals(1, e.column());
        assertEquals(0.0, e.pivot());
        assertEquals("LU.solve: A is singular: pivot in column 1 is 0 (|pivot| ≤ 1.78e-15 = n·ε·max|Aᵢⱼ|); the columns "
                + "are linearly dependent; for least squares try A.lstsq(b) (QR), or Ridge with λ > 0", e.getMessage());
        assertThrows(SingularMatrixException.class, () -> lu.solve(Matrix.identity(2)));
        var inv = assertThrows(SingularMatrixException.class, lu::inverse);
        assertTrue(inv.getMessage().startsWith("LU.inverse: A is singular: pivot in column 1"), inv.getMessage());
        assertInstanceOf(ArithmeticException.class, inv);
    }

    @Test
    void roundingLevelPivotCountsAsSingular() {
        // [[1, 2, 3], [4, 5, 6], [7, 8, 9]] has rank 2 (row 3 = 2·row 2 − row 1); elimination leaves
        // U₂₂ ≈ 1e-16 instead of 0, below the tolerance 3·ε·9 ≈ 6e-15.
        var A = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        var lu = LU.of(A);
        assertTrue(Math.abs(lu.U().get(2, 2)) < 6e-15);
        assertEquals(0.0, A.det(), "not rounding noise such as 6.7e-16");
        var e = assertThrows(SingularMatrixException.class, () -> A.solve(Vector.of(1, 2, 3)));
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("lstsq") && e.getMessage().contains("Ridge"), e.getMessage());
        // a tiny but regular matrix is not singular: the tolerance is relative to max|Aᵢⱼ|
        assertEquals(1e-30, Matrix.identity(3).scale(1e-10).det(), 1e-45);
    }

    @Test
    void badArgumentsFailWithTheShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> LU.of(Matrix.zeros(3, 2)));
        assertEquals("LU.of: A is 3×2 but must be square (LU needs a square matrix; for least squares use A.lstsq(b))", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LU.of(Matrix.of(new double[][] {{1, Double.NaN}, {0, 1}})));
        assertEquals("LU.of: A[0][1] is NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LU.of(Matrix.zeros(0, 0)));
        assertEquals("LU.of: A is 0×0 (the matrix is empty)", e.getMessage());
        var lu = LU.of(Matrix.identity(2));
        e = assertThrows(IllegalArgumentException.class, () -> lu.solve(Vector.of(1, 2, 3)));
        assertEquals("LU.solve: A is 2×2 but b has size 3 (b needs one entry per row, 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lu.solve(Matrix.zeros(3, 1)));
        assertEquals("LU.solve: A is 2×2 but B is 3×1 (B.rows must equal 2)", e.getMessage());
    }

    @Test
    void pivotIsACopyAndInputIsUntouched() {
        var A = Matrix.of(new double[][] {{0, 1}, {1, 0}});
        var copy = Matrix.of(A.toArray2D());
        var lu = LU.of(A);
        lu.pivot()[0] = 99;
        assertArrayEquals(new int[] {1, 0}, lu.pivot());
        assertEquals(copy, A);
        assertEquals(-1.0, lu.det(), "one swap: det = −1");
    }
}
