package mlscratch.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import mlscratch.linalg.Matrix;

/// PCA is a transformer (no labels, no seed), so it has its own contract: the data checks of
/// `ClusteringContract` / `EstimatorContract` applied to `fit` and `transform`, plus determinism.
class PCAContractTest {

    private static final Matrix X = Matrix.randn(12, 3, 20240503L).plus(1);

    private static void assertRejects(Executable call, String fragment) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" should contain \"" + fragment + "\"");
    }

    @Test void badDataAtFitIsRejectedNamingTheEntryOrShape() {
        assertRejects(() -> PCA.fit(null), "'X'");
        assertRejects(() -> PCA.fit(X.with(2, 1, Double.NaN)), "X[2][1] is NaN");
        assertRejects(() -> PCA.fit(X.with(0, 0, Double.NEGATIVE_INFINITY)), "X[0][0] is -Infinity");
        assertRejects(() -> PCA.fit(Matrix.zeros(0, 3)), "X is empty (0 rows)");
        assertRejects(() -> PCA.fit(Matrix.zeros(12, 0)), "X has 0 columns");
        assertRejects(() -> PCA.fit(X.rows(0, 1)), "at least 2 samples");
        assertRejects(() -> PCA.fit(X, PCA.Options.defaults().withNComponents(4)), "exceeds min(n, d)");
        assertRejects(() -> PCA.fit(X, (PCA.Options) null), "'options'");
    }

    @Test void badDataAtTransformIsRejected() {
        for (boolean whiten : new boolean[] {false, true}) {
            PCA pca = PCA.fit(X, PCA.Options.defaults().withNComponents(2).withWhiten(whiten));
            assertRejects(() -> pca.transform(null), "'X'");
            assertRejects(() -> pca.transform(Matrix.hstack(X, X)), "X has 6 columns but the model was fitted on 3");
            assertRejects(() -> pca.transform(X.cols(0, 1)), "X has 1 column but the model was fitted on 3");
            assertRejects(() -> pca.transform(X.with(1, 0, Double.NaN)), "X[1][0] is NaN");
            assertRejects(() -> pca.inverseTransform(Matrix.zeros(4, 3)), "X has 3 columns but the model was fitted on 2");
        }
    }

    @Test void badOptionsNameTheParameter() {
        assertRejects(() -> PCA.Options.defaults().withNComponents(-1), "'nComponents'");
        assertRejects(() -> PCA.Options.defaults().withSolver(null), "'solver'");
    }

    @Test void sameDataGivesAnIdenticalModel() {
        for (PCA.Solver s : PCA.Solver.values()) {
            var o = PCA.Options.defaults().withSolver(s);
            assertEquals(PCA.fit(X, o), PCA.fit(X, o), s.name());
            assertEquals(PCA.fit(X, o).hashCode(), PCA.fit(X, o).hashCode());
        }
    }

    @Test void transformOfOneRowDoesNotDependOnTheBatch() {
        PCA pca = PCA.fit(X, 2);
        Matrix Z = pca.transform(X);
        for (int i = 0; i < X.rows(); i++)
            assertEquals(Z.row(i), pca.transform(X.rows(i, i + 1)).row(0), "row " + i);
    }
}
