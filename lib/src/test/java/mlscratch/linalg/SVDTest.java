package mlscratch.linalg;

import static mlscratch.linalg.DecompositionFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SVDTest {

    @Test
    void handComputed2x2() {
        // A = [[3, 0], [4, 5]]: AᵀA = [[9 + 16, 20], [20, 25]] = [[25, 20], [20, 25]], eigenvalues 25 ± 20 = 45, 5,
        // so σ = (√45, √5) = (3√5, √5), with v = (1, 1)/√2 and (1, −1)/√2;
        // u₀ = Av₀/σ₀ = (3, 9)/√2 / (3√5) = (1, 3)/√10,  u₁ = Av₁/σ₁ = (3, −1)/√2 / √5 = (3, −1)/√10.
        // κ = σ₀/σ₁ = 3; det = 15 = σ₀σ₁ up to sign.
        var svd = SVD.of(Matrix.of(new double[][] {{3, 0}, {4, 5}}));
        assertClose(Vector.of(Math.sqrt(45), Math.sqrt(5)), svd.S(), 1e-15, "σ");
        double r2 = Math.sqrt(0.5), r10 = 1 / Math.sqrt(10);
        assertClose(Matrix.of(new double[][] {{r2, r2}, {r2, -r2}}), svd.V(), 1e-15, "V");
        assertClose(Matrix.of(new double[][] {{r10, 3 * r10}, {3 * r10, -r10}}), svd.U(), 1e-15, "U");
        assertEquals(3.0, svd.cond(), 1e-14);
        assertEquals(2, svd.rank());
    }

    @Test
    void factorsRebuildAWithOrthonormalUAndVForEveryShape() {
        var rng = Rng.of(41);
        for (int m : SIZES)
            for (int n : new int[] {1, 2, 3, (m + 1) / 2, m, m + 3}) {
                if (n > 40 && m > 40) continue;
                Matrix A = Matrix.randn(m, n, rng);
                var svd = SVD.of(A);
                int k = Math.min(m, n);
                assertEquals(new Shape(m, k), svd.U().shape());
                assertEquals(new Shape(n, k), svd.V().shape());
                assertEquals(k, svd.S().size());
                assertClose(A, svd.U().scaleColumns(svd.S()).times(svd.V().transpose()), 1e-12, "A = UΣVᵀ, " + m + "×" + n);
                assertOrthonormalColumns(svd.U(), 1e-12, "U, " + m + "×" + n);
                assertOrthonormalColumns(svd.V(), 1e-12, "V, " + m + "×" + n);
                for (int j = 0; j < k; j++) {
                    assertTrue(svd.S().get(j) >= 0, "σ ≥ 0");
                    if (j > 0) assertTrue(svd.S().get(j - 1) >= svd.S().get(j), "descending");
                }
            }
    }

    @Test
    void singularValuesAreRootsOfTheEigenvaluesOfAtA() {
        var rng = Rng.of(42);
        for (int n : new int[] {1, 3, 6, 9}) {
            Matrix A = Matrix.randn(n + 4, n, rng);
            Vector lambda = A.transpose().times(A).eigSymmetric().values();
            assertClose(lambda.map(Math::sqrt), A.svd().S(), 1e-12, "σ = √λ(AᵀA), n = " + n);
            // and the transpose has the same singular values
            assertClose(A.svd().S(), A.transpose().svd().S(), 1e-12, "σ(Aᵀ) = σ(A)");
        }
    }

    @Test
    void lowRankMatricesHaveTheirRankAndStillOrthonormalFactors() {
        var rng = Rng.of(43);
        for (int r = 1; r <= 4; r++) {
            Matrix A = Matrix.randn(12, r, rng).times(Matrix.randn(r, 7, rng));   // rank r
            var svd = SVD.of(A);
            assertEquals(r, svd.rank(), "rank of a product through " + r + " dimensions");
            assertTrue(svd.S().get(r) < 1e-13 * svd.S().get(0), "σᵣ is rounding noise: " + svd.S());
            assertTrue(svd.cond() > 1e13);
            assertClose(A, svd.U().scaleColumns(svd.S()).times(svd.V().transpose()), 1e-12, "A = UΣVᵀ");
            assertOrthonormalColumns(svd.U(), 1e-12, "U, rank " + r);
            assertOrthonormalColumns(svd.V(), 1e-12, "V, rank " + r);
        }
        // exact zero singular values: U is completed to an orthonormal set
        Matrix A = Matrix.of(new double[][] {{1, 1, 0}, {1, 1, 0}, {0, 0, 0}, {0, 0, 0}});
        var svd = SVD.of(A);
        assertClose(Vector.of(2, 0, 0), svd.S(), 1e-15, "σ of [[1, 1], [1, 1]] ⊕ 0");
        assertOrthonormalColumns(svd.U(), 1e-15, "completed U");
        assertEquals(1, svd.rank());
        for (Vector d : new Vector[] {Vector.of(3, 0, 2, 0, 0, 1, 0, 5), Vector.of(6, 5, 4, 3, 2, 1, 0)}) {
            // square with exact zeros: the last vⱼ (and uⱼ) are completed to fill the space
            Matrix D = Matrix.diag(d);
            var sd = SVD.of(D);
            assertClose(D, sd.U().scaleColumns(sd.S()).times(sd.V().transpose()), 1e-15, "diag = UΣVᵀ");
            assertOrthonormalColumns(sd.U(), 1e-15, "U of diag " + d);
            assertOrthonormalColumns(sd.V(), 1e-15, "V of diag " + d);
        }
        var zero = SVD.of(Matrix.zeros(3, 2));
        assertEquals(Vector.zeros(2), zero.S());
        assertEquals(0, zero.rank());
        assertEquals(Double.POSITIVE_INFINITY, zero.cond());
        assertOrthonormalColumns(zero.U(), 0, "zero matrix");
        assertEquals(Matrix.zeros(2, 3), zero.pseudoInverse());
    }

    @Test
    void exactlyDependentColumnsAheadOfTheOthersStillConverge() {
        // A zero column, or a copy of a column, placed first leaves one column of Rᵀ at rounding noise; rotating
        // noise never settles, so it must be treated as zero (it once stalled for 100 sweeps: found by PCA on digits).
        var rng = Rng.of(44);
        Matrix B = Matrix.randn(50, 5, rng);
        for (Matrix A : new Matrix[] {Matrix.hstack(Matrix.zeros(50, 1), B),
                                      Matrix.hstack(B.cols(0, 1).scale(3), B),
                                      Matrix.hstack(B.cols(2, 3), Matrix.zeros(50, 2), B)}) {
            var svd = SVD.of(A);
            assertEquals(5, svd.rank(), "rank of " + A.shape());
            assertEquals(0.0, svd.S().get(A.cols() - 1), "the dependent direction has σ = 0 exactly");
            assertClose(A, svd.U().scaleColumns(svd.S()).times(svd.V().transpose()), 1e-12, "A = UΣVᵀ");
            assertOrthonormalColumns(svd.U(), 1e-12, "U");
            assertOrthonormalColumns(svd.V(), 1e-12, "V");
        }
    }

    @Test
    void rankWithAnExplicitTolerance() {
        // σ = (3, 2, 1e-6) on the diagonal: rank 3 by default, 2 once 1e-6 counts as noise
        var svd = SVD.of(Matrix.diag(Vector.of(2, 1e-6, 3)));
        assertEquals(Vector.of(3, 2, 1e-6), svd.S());
        assertEquals(3, svd.rank());
        assertEquals(2, svd.rank(1e-3));
        assertEquals(0, svd.rank(10));
        assertEquals(3e6, svd.cond(), 1e-6);
        var e = assertThrows(IllegalArgumentException.class, () -> svd.rank(-1));
        assertEquals("SVD.rank: 'tol' must be finite and >= 0, got -1.0", e.getMessage());
    }

    @Test
    void pseudoInverseSatisfiesThePenroseConditions() {
        var rng = Rng.of(44);
        for (int[] shape : new int[][] {{5, 3}, {3, 5}, {6, 6}, {1, 4}}) {
            Matrix A = Matrix.randn(shape[0], shape[1], rng);
            Matrix P = A.svd().pseudoInverse();
            assertEquals(new Shape(shape[1], shape[0]), P.shape());
            assertClose(A, A.times(P).times(A), 1e-12, "A A⁺ A = A");
            assertClose(P, P.times(A).times(P), 1e-12, "A⁺ A A⁺ = A⁺");
            Matrix AP = A.times(P), PA = P.times(A);
            assertClose(AP, AP.transpose(), 1e-12, "A A⁺ symmetric");
            assertClose(PA, PA.transpose(), 1e-12, "A⁺ A symmetric");
        }
        Matrix A = Matrix.randn(5, 5, rng);
        assertClose(A.inverse(), A.svd().pseudoInverse(), 1e-11, "A⁺ = A⁻¹ for invertible A");
        Matrix X = Matrix.randn(20, 4, rng);
        Vector y = Vector.randn(20, rng);
        assertClose(X.lstsq(y), X.svd().pseudoInverse().times(y), 1e-12, "A⁺y = QR least squares for full rank");
    }

    @Test
    void pseudoInverseGivesTheMinimumNormSolutionOfARankDeficientSystem() {
        // x₀ + x₁ = 2 (twice): every x = (1 + t, 1 − t) solves it; the shortest is (1, 1).
        Matrix A = Matrix.of(new double[][] {{1, 1}, {1, 1}});
        assertClose(Vector.of(1, 1), A.svd().pseudoInverse().times(Vector.of(2, 2)), 1e-15, "minimum-norm solution");
        // underdetermined 2×4: the minimum-norm solution lies in the row space, so it is orthogonal to the null space
        var rng = Rng.of(45);
        Matrix B = Matrix.randn(2, 4, rng);
        Vector b = Vector.randn(2, rng);
        Vector x = B.svd().pseudoInverse().times(b);
        assertClose(b, B.times(x), 1e-13, "Bx = b");
        Matrix rowSpace = B.svd().V();
        assertClose(x, rowSpace.times(rowSpace.transpose().times(x)), 1e-13, "x lies in the row space");
    }

    @Test
    void tinySingularValuesAreAccurateToTheRoundingOfTheLargest() {
        // A = Q₁ diag(1, 1e-5, 1e-9) Q₂ᵀ: rounding A perturbs each σ by about ε·σ₀ ≈ 2e-16, so σ₂ = 1e-9 is
        // fixed to about 7 digits; the computed values must not be worse than that
        var rng = Rng.of(46);
        Matrix Q1 = QR.of(Matrix.randn(3, 3, rng)).Q(), Q2 = QR.of(Matrix.randn(3, 3, rng)).Q();
        Matrix D = Matrix.diag(Vector.of(1, 1e-5, 1e-9));
        Vector s = SVD.of(Q1.times(D).times(Q2.transpose())).S();
        assertEquals(1, s.get(0), 1e-14);
        assertEquals(1e-5, s.get(1), 1e-5 * 1e-9);
        assertEquals(1e-9, s.get(2), 1e-9 * 1e-6);
    }

    @Test
    void badArgumentsFail() {
        var e = assertThrows(IllegalArgumentException.class, () -> SVD.of(Matrix.zeros(0, 3)));
        assertEquals("SVD.of: A is 0×3 (the matrix is empty)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SVD.of(Matrix.of(new double[][] {{1}, {Double.NEGATIVE_INFINITY}})));
        assertEquals("SVD.of: A[1][0] is -Infinity", e.getMessage());
    }
}
