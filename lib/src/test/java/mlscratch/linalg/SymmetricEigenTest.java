package mlscratch.linalg;

import static mlscratch.linalg.DecompositionFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void handComputed2x2() {
        // A = [[2, 1], [1, 2]]: det(A − λI) = (2 − λ)² − 1 = 0 ⇒ λ = 3, 1.
        // λ = 3: (A − 3I)v = 0 ⇒ −v₀ + v₁ = 0 ⇒ v = (1, 1)/√2;  λ = 1: v₀ + v₁ = 0 ⇒ v = (1, −1)/√2
        // (signed so that the first of the equally large entries is positive).
        var e = SymmetricEigen.of(Matrix.of(new double[][] {{2, 1}, {1, 2}}));
        assertClose(Vector.of(3, 1), e.values(), 1e-15, "λ");
        double r = Math.sqrt(0.5);
        assertClose(Matrix.of(new double[][] {{r, r}, {r, -r}}), e.vectors(), 1e-15, "V");
    }

    @Test
    void handComputed3x3() {
        // A = [[2, 0, 0], [0, 3, 4], [0, 4, 9]]: λ = 2 with e₀, and the block [[3, 4], [4, 9]] with
        // trace 12, det 27 − 16 = 11 ⇒ λ² − 12λ + 11 = 0 ⇒ λ = 6 ± 5 = 11, 1.
        // λ = 11: −8v₁ + 4v₂ = 0 ⇒ (0, 1, 2)/√5;  λ = 1: 2v₁ + 4v₂ = 0 ⇒ (0, 2, −1)/√5.
        var e = SymmetricEigen.of(Matrix.of(new double[][] {{2, 0, 0}, {0, 3, 4}, {0, 4, 9}}));
        assertClose(Vector.of(11, 2, 1), e.values(), 1e-14, "λ, descending");
        double r = 1 / Math.sqrt(5);
        assertClose(Matrix.of(new double[][] {{0, 1, 0}, {r, 0, 2 * r}, {2 * r, 0, -r}}), e.vectors(), 1e-14, "V");
    }

    @Test
    void eigenpairsSatisfyAVEqualsVLambdaWithOrthonormalV() {
        var rng = Rng.of(31);
        for (int n : SIZES) {
            Matrix A = symmetric(n, rng);
            var e = A.eigSymmetric();
            Matrix V = e.vectors();
            Vector lambda = e.values();
            assertClose(A.times(V), V.scaleColumns(lambda), 1e-12, "AV = VΛ, n = " + n);
            assertOrthonormalColumns(V, 1e-12, "VᵀV = I, n = " + n);
            assertClose(A, V.scaleColumns(lambda).times(V.transpose()), 1e-12, "A = VΛVᵀ, n = " + n);
            for (int j = 1; j < n; j++) assertTrue(lambda.get(j - 1) >= lambda.get(j), "descending");
            assertEquals(A.trace(), lambda.sum(), 1e-11 * Math.max(1, A.norm()), "trace = Σλ");
        }
    }

    @Test
    void hundredsOfRowsStayAccurate() {
        Matrix A = symmetric(250, Rng.of(32));
        var e = SymmetricEigen.of(A);
        Matrix V = e.vectors();
        assertClose(A.times(V), V.scaleColumns(e.values()), 1e-11, "AV = VΛ, n = 250");
        assertOrthonormalColumns(V, 1e-11, "n = 250");
    }

    @Test
    void repeatedAndClusteredEigenvaluesKeepVOrthonormal() {
        // A = Q diag(2, 2, 2, 1 + 1e-12, 1, 0) Qᵀ for a random orthogonal Q: eigenvectors of a repeated
        // eigenvalue are only defined as a subspace, but V must still be orthonormal and AV = VΛ.
        var rng = Rng.of(33);
        Matrix Q = QR.of(Matrix.randn(6, 6, rng)).Q();
        Vector d = Vector.of(2, 2, 2, 1 + 1e-12, 1, 0);
        Matrix A = Q.scaleColumns(d).times(Q.transpose());
        A = A.plus(A.transpose()).scale(0.5);   // exactly symmetric
        var e = SymmetricEigen.of(A);
        assertClose(d, e.values(), 1e-14, "λ");
        assertOrthonormalColumns(e.vectors(), 1e-14, "clustered");
        assertClose(A.times(e.vectors()), e.vectors().scaleColumns(e.values()), 1e-14, "AV = VΛ");
    }

    @Test
    void alreadyDiagonalOrTridiagonalOrZeroInputs() {
        var e = SymmetricEigen.of(Matrix.diag(Vector.of(1, 5, 3)));
        assertEquals(Vector.of(5, 3, 1), e.values());
        assertEquals(Matrix.of(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}), e.vectors());

        // tridiagonal second-difference matrix [2, −1]: λₖ = 2 − 2cos(kπ/(n+1)), k = 1…n
        int n = 7;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            t[i][i] = 2;
            if (i + 1 < n) t[i][i + 1] = t[i + 1][i] = -1;
        }
        double[] expected = new double[n];
        for (int k = 1; k <= n; k++) expected[n - k] = 2 - 2 * Math.cos(k * Math.PI / (n + 1));
        assertClose(Vector.of(expected), SymmetricEigen.of(Matrix.of(t)).values(), 1e-14, "second difference");

        var zero = SymmetricEigen.of(Matrix.zeros(4, 4));
        assertEquals(Vector.zeros(4), zero.values());
        assertOrthonormalColumns(zero.vectors(), 0, "zero matrix");
    }

    @Test
    void eigenvaluesOfXtXAreSquaredSingularValues() {
        var rng = Rng.of(34);
        Matrix X = Matrix.randn(30, 6, rng);
        Vector lambda = X.transpose().times(X).eigSymmetric().values();
        Vector s = X.svd().S();
        assertClose(s.hadamard(s), lambda, 1e-12, "λ(XᵀX) = σ(X)²");
    }

    @Test
    void nonSymmetricInputIsAnArgumentError() {
        var e = assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(Matrix.of(new double[][] {{1, 2}, {3, 4}})));
        assertEquals("SymmetricEigen.of: A is not symmetric: A[1][0] = 3 but A[0][1] = 2 (the symmetric eigensolver "
                + "needs Aᵀ = A; symmetrise with (A + Aᵀ)/2 if the difference is rounding, or use A.svd() for singular "
                + "values)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(Matrix.zeros(3, 2)));
    }
}
