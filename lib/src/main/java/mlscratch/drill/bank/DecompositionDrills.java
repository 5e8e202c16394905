package mlscratch.drill.bank;

import java.util.List;

import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.SVD;
import mlscratch.linalg.Vector;

/// A drill on principal component analysis through the SVD (or the covariance eigendecomposition).
public final class DecompositionDrills implements DrillSet {

    @Override
    public List<Drill> drills() { return List.of(pca()); }

    static Matrix pcaRef(Matrix X, int k) {
        Matrix Xc = X.minusRowVector(X.mean(0));                               // centre the columns
        Matrix V = SVD.of(Xc).V();                                            // Xc = U Σ Vᵀ: principal directions = columns of V
        Vector[] rows = new Vector[k];
        for (int j = 0; j < k; j++) rows[j] = V.col(j);
        return Matrix.fromRows(rows);
    }

    static Drill pca() {
        return Drill.builder("pca")
                .title("Principal components").topic("decomposition").difficulty(Difficulty.MEDIUM)
                .signature("Matrix pcaComponents(Matrix X, int k)")
                .statement("""
                        X is n×d (n ≥ 2 samples as rows), 1 ≤ k ≤ min(n, d). Return the k×d matrix whose rows are the
                        first k principal directions: unit vectors, mutually orthogonal, in decreasing order of the
                        variance of the data projected on them. Centre the columns first (features need not have
                        mean 0: one case sits at 1e6 from the origin).
                        Use mlscratch.linalg: SVD.of(A) (A = U Σ Vᵀ, V() holds the right singular vectors as columns,
                        S() descending) or SymmetricEigen.of(S) (values() descending, vectors() as columns).
                        Each row may come with either sign. The test data have well-separated variances.
                        Tolerance: each entry within 1e-6 (of the row or its negative).""")
                .starter("""
                        Matrix pcaComponents(Matrix X, int k) {
                            Matrix Xc = X.minusRowVector(X.mean(0));     // centred
                            // SVD of Xc, or eigenvectors of the covariance Xcᵀ Xc / (n − 1)
                            return null;
                        }""")
                .hints("The principal directions are the eigenvectors of the covariance XcᵀXc/(n − 1), largest eigenvalue first.",
                       "Or: Xc = UΣVᵀ ⇒ XcᵀXc = VΣ²Vᵀ, so they are the columns of V — no need to form XcᵀXc.",
                       "Rows of the answer = columns of V: Matrix.fromRows(V.col(0), …, V.col(k − 1)).")
                .solution("""
                        Matrix pcaComponents(Matrix X, int k) {
                            Matrix Xc = X.minusRowVector(X.mean(0));             // centre: PCA is about variance
                            Matrix V = SVD.of(Xc).V();                           // Xc = U Σ Vᵀ
                            Vector[] rows = new Vector[k];
                            for (int j = 0; j < k; j++) rows[j] = V.col(j);      // j-th direction, σⱼ descending
                            return Matrix.fromRows(rows);
                        }""")
                .explanation("""
                        The first direction maximises the variance of the projection: max wᵀSw subject to ‖w‖ = 1,
                        S = XcᵀXc/(n − 1). The Lagrangian wᵀSw − λ(wᵀw − 1) gives Sw = λw, with variance wᵀSw = λ: the top
                        eigenvector. Each next direction does the same orthogonally to the previous ones.
                        With the SVD Xc = UΣVᵀ: XcᵀXc = VΣ²Vᵀ, so the directions are V's columns, the variances σⱼ²/(n − 1),
                        and the scores XcV = UΣ. The SVD avoids forming XcᵀXc, which squares the condition number.
                        Without centring, the first "component" points at the mean (for data at 1e6, almost exactly):
                        that is the second moment about 0, not the variance.""")
                .reference((Matrix X, Integer k) -> pcaRef(X, k))
                .tests(
                        // points on the line y = x (plus a tiny orthogonal wiggle): first direction (1, 1)/√2
                        DrillCase.of("hand case: the diagonal", rowsUpToSign(),
                                Bank.m(new double[] {0, 0}, new double[] {1, 1}, new double[] {2, 2}, new double[] {3, 3.01}, new double[] {4, 3.99}), 1),
                        DrillCase.random("k = d = 3", 121, rng -> new Object[] {shaped(rng, 40, Vector.of(5, 2, 0.5), 0), 3}, rowsUpToSign()),
                        DrillCase.random("one feature", 122, rng -> new Object[] {Matrix.randn(10, 1, rng), 1}, rowsUpToSign()),
                        DrillCase.random("data at 1e6 from the origin", 123, rng -> new Object[] {shaped(rng, 50, Vector.of(4, 1, 0.3), 1e6), 2},
                                rowsUpToSign()),
                        DrillCase.random("random 100×6, k = 3", 124, rng -> new Object[] {shaped(rng, 100, Vector.of(6, 4, 2.5, 1, 0.5, 0.2), 0), 3},
                                rowsUpToSign()))
                .build();
    }

    /// n samples with standard deviations `scales` along random orthogonal directions, shifted by `offset`.
    static Matrix shaped(java.util.random.RandomGenerator rng, int n, Vector scales, double offset) {
        int d = scales.size();
        Matrix Z = Matrix.randn(n, d, rng).scaleColumns(scales);
        Matrix R = Matrix.randn(d, d, rng);
        Matrix Q = mlscratch.linalg.SymmetricEigen.of(R.plus(R.transpose())).vectors();
        return Z.times(Q.transpose()).plus(offset);
    }

    /// Each row within 1e-6 of the reference's row or of its negative.
    static Expect rowsUpToSign() {
        return Expect.that((args, expected, got) -> {
            Matrix e = (Matrix) expected;
            if (!(got instanceof Matrix g)) return "expected a Matrix, got " + (got == null ? "null" : got.getClass().getSimpleName());
            if (g.rows() != e.rows() || g.cols() != e.cols()) {
                return "expected " + e.rows() + "×" + e.cols() + " (k rows of d entries), got " + g.rows() + "×" + g.cols();
            }
            for (int j = 0; j < e.rows(); j++) {
                if (!g.row(j).isClose(e.row(j), 1e-6) && !g.row(j).isClose(e.row(j).negate(), 1e-6)) {
                    return "component " + j + ": expected ±" + e.row(j) + ", got " + g.row(j) + " (length " + Bank.num(g.row(j).norm()) + ")";
                }
            }
            return null;
        });
    }
}
