package mlscratch.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.random.RandomGenerator;

/// Random inputs and tolerance checks shared by the decomposition tests (LU, Cholesky, QR, SymmetricEigen, SVD).
final class DecompositionFixtures {
    private DecompositionFixtures() {}

    /// Sizes 1…9 (the small cases where off-by-one errors live) and a few bigger ones.
    static final int[] SIZES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 17, 40, 75};

    /// A random symmetric matrix `(B + Bᵀ)/2`, B ~ N(0, 1).
    static Matrix symmetric(int n, RandomGenerator rng) {
        Matrix B = Matrix.randn(n, n, rng);
        return B.plus(B.transpose()).scale(0.5);
    }

    /// A random symmetric positive definite matrix `BᵀB + nI` (eigenvalues ≥ n, well conditioned).
    static Matrix spd(int n, RandomGenerator rng) {
        Matrix B = Matrix.randn(n, n, rng);
        return B.transpose().times(B).plus(Matrix.identity(n).scale(n));
    }

    /// Fails, printing both matrices, unless `|Eᵢⱼ − Aᵢⱼ| ≤ tol · scale` everywhere, `scale = max(1, max|E|)`.
    static void assertClose(Matrix expected, Matrix actual, double tol, String what) {
        if (expected.rows() != actual.rows() || expected.cols() != actual.cols())
            fail(what + ": expected shape " + expected.shape() + " but got " + actual.shape());
        double scale = Math.max(1, Decompositions.maxAbs(expected.a));
        double err = Decompositions.maxAbs(expected.minus(actual).a);
        if (!(err <= tol * scale))
            fail(what + ": max error " + err + " > " + tol + " · " + scale + "\nexpected " + expected + "\nactual " + actual);
    }

    static void assertClose(Vector expected, Vector actual, double tol, String what) {
        assertClose(expected.asColumn(), actual.asColumn(), tol, what);
    }

    /// `QᵀQ = I`: the columns of Q are orthonormal.
    static void assertOrthonormalColumns(Matrix Q, double tol, String what) {
        assertClose(Matrix.identity(Q.cols()), Q.transpose().times(Q), tol, what + ": QᵀQ = I");
    }

    static void assertUpperTriangular(Matrix R, String what) {
        for (int i = 0; i < R.rows(); i++)
            for (int j = 0; j < Math.min(i, R.cols()); j++)
                assertTrue(R.get(i, j) == 0, what + ": entry (" + i + ", " + j + ") below the diagonal is " + R.get(i, j));
    }

    static void assertLowerTriangular(Matrix L, String what) { assertUpperTriangular(L.transpose(), what); }

    /// The 3×3 determinant by cofactor expansion along the first row.
    static double det3(Matrix A) {
        return A.get(0, 0) * (A.get(1, 1) * A.get(2, 2) - A.get(1, 2) * A.get(2, 1))
             - A.get(0, 1) * (A.get(1, 0) * A.get(2, 2) - A.get(1, 2) * A.get(2, 0))
             + A.get(0, 2) * (A.get(1, 0) * A.get(2, 1) - A.get(1, 1) * A.get(2, 0));
    }
}
