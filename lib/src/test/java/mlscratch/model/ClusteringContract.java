package mlscratch.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

/// The contract every clustering estimator of mlscratch passes (the unsupervised sibling of
/// [EstimatorContract]): bad data and bad options fail with an [IllegalArgumentException] whose message
/// names the parameter or the shape, asking for more clusters than samples fails naming both numbers, and
/// the same seed gives the same model.
///
/// A clusterer joins by subclassing, in a class whose name ends in `Test`:
/// ```
/// class KMeansContractTest extends ClusteringContract<KMeans> {
///     @Override protected Fit<KMeans> fitter() { return KMeans::fit; }
///     @Override protected Fit<KMeans> fitter(long seed) { return X -> KMeans.fit(X, KMeans.Options.defaults().withSeed(seed)); }
///     @Override protected Optional<Fit<KMeans>> fitterWithK(int k) { return Optional.of(X -> KMeans.fit(X, k)); }
///     @Override protected Vector labels(KMeans m, Matrix X) { return m.labels(); }
///     @Override protected Optional<String> oneSampleError() { return Optional.of("exceeds the number of samples n = 1"); }
///     @Override protected List<BadOption> badOptions() { return List.of(badOption("k", () -> KMeans.Options.defaults().withK(0))); }
/// }
/// ```
/// Hooks, with their defaults: [#fitter()] (required), [#fitter(long)] (default: `fitter()`),
/// [#fitterWithK(int)] (default: none, for algorithms without a k such as DBSCAN: the k > n check is
/// skipped), [#labels(Object, Matrix)] (the training labels; default: `predict(X)` for a [Predictor]),
/// [#X()] (18×2, three blobs), [#oneSampleError()] (default: one sample fits), [#badOptions()].
/// Models that implement [Predictor] are also checked at predict: wrong column count, NaN, null, and a
/// prediction that must not depend on the other rows of the batch.
///
/// @param <M> the fitted model type (a record, so that equal seeds can be compared with `equals`)
public abstract class ClusteringContract<M> {

    /// "Give me data, I give you a fitted clustering": an unsupervised [Fitter].
    @FunctionalInterface
    public interface Fit<M> {
        M fit(Matrix X);
    }

    // ───────────────────────────── hooks ─────────────────────────────

    /// Fits with default options.
    protected abstract Fit<M> fitter();

    /// Fits with options carrying `seed`. Default: [#fitter()], for deterministic algorithms.
    protected Fit<M> fitter(long seed) { return fitter(); }

    /// Fits `k` clusters; empty for algorithms that do not take k.
    protected Optional<Fit<M>> fitterWithK(int k) { return Optional.empty(); }

    /// The cluster label of each training row (noise may be −1). Default: `predict(X)` of a [Predictor].
    protected Vector labels(M model, Matrix X) {
        if (model instanceof Predictor p) return p.predict(X);
        throw new AssertionError("override labels(model, X): " + model.getClass().getSimpleName() + " is not a Predictor");
    }

    /// Training data, n×d with n ≥ 4 and d ≥ 2. Default: 18×2, three well-separated blobs of six points.
    protected Matrix X() {
        var rng = Rng.of(20240502L);
        Matrix noise = Matrix.randn(18, 2, rng).scale(0.3);
        double[] centres = new double[18 * 2];
        for (int i = 0; i < 18; i++) {
            centres[2 * i] = 5.0 * (i % 3);
            centres[2 * i + 1] = i % 3 == 1 ? 5.0 : 0.0;
        }
        return Matrix.wrap(18, 2, centres).plus(noise);
    }

    /// Empty when the default fit accepts one sample; otherwise a fragment of the IllegalArgumentException
    /// message it gives for one (e.g. `"exceeds the number of samples n = 1"`).
    protected Optional<String> oneSampleError() { return Optional.empty(); }

    /// Attempts that must fail with an IllegalArgumentException naming `'parameter'`.
    protected List<EstimatorContract.BadOption> badOptions() { return List.of(); }

    protected static EstimatorContract.BadOption badOption(String parameter, org.junit.jupiter.api.function.Executable attempt) {
        return new EstimatorContract.BadOption(parameter, attempt);
    }

    // ───────────────────────────── the contract ─────────────────────────────

    @Test public void fitsAndLabelsEveryRow() {
        Matrix X = X();
        Vector z = labels(fitter().fit(X), X);
        assertEquals(X.rows(), z.size(), "one label per row of X");
        for (int i = 0; i < z.size(); i++) {
            double v = z.get(i);
            assertTrue(v == Math.rint(v) && v >= -1, "label " + i + " = " + v + " is not a cluster index (or −1 for noise)");
        }
    }

    @Test public void labelsStayBelowK() {
        Matrix X = X();
        Optional<Fit<M>> withK = fitterWithK(3);
        assumeTrue(withK.isPresent(), "the algorithm takes no k");
        Vector z = labels(withK.get().fit(X), X);
        for (int i = 0; i < z.size(); i++)
            assertTrue(z.get(i) >= 0 && z.get(i) < 3, "k = 3 but label " + i + " = " + z.get(i));
    }

    @Test public void predictionsDoNotDependOnTheOtherRows() {
        Matrix X = X();
        M model = fitter().fit(X);
        assumeTrue(model instanceof Predictor, "no predict");
        Predictor p = (Predictor) model;
        Vector all = p.predict(X);
        for (int i = 0; i < X.rows(); i++)
            assertEquals(all.get(i), p.predict(X.rows(i, i + 1)).get(0), "row " + i + " alone vs in the batch");
    }

    @Test public void nullXIsRejected() {
        EstimatorContract.assertRejects(() -> fitter().fit(null), "'X'");
        M model = fitter().fit(X());
        if (model instanceof Predictor p) EstimatorContract.assertRejects(() -> p.predict(null), "'X'");
    }

    @Test public void nanInXIsRejected() {
        EstimatorContract.assertRejects(() -> fitter().fit(X().with(2, 1, Double.NaN)), "X[2][1] is NaN");
    }

    @Test public void infinityInXIsRejected() {
        EstimatorContract.assertRejects(() -> fitter().fit(X().with(0, 0, Double.NEGATIVE_INFINITY)), "X[0][0] is -Infinity");
        EstimatorContract.assertRejects(() -> fitter().fit(X().with(5, 1, Double.POSITIVE_INFINITY)), "X[5][1] is +Infinity");
    }

    @Test public void emptyXIsRejected() {
        EstimatorContract.assertRejects(() -> fitter().fit(Matrix.zeros(0, X().cols())), "X is empty (0 rows)");
    }

    @Test public void xWithoutColumnsIsRejected() {
        EstimatorContract.assertRejects(() -> fitter().fit(Matrix.zeros(X().rows(), 0)), "X has 0 columns");
    }

    @Test public void moreClustersThanSamplesIsRejected() {
        int n = X().rows();
        Optional<Fit<M>> withK = fitterWithK(n + 1);
        assumeTrue(withK.isPresent(), "the algorithm takes no k");
        EstimatorContract.assertRejects(() -> withK.get().fit(X()), "k = " + (n + 1), "exceeds the number of samples n = " + n);
    }

    @Test public void kEqualToNFits() {
        int n = X().rows();
        Optional<Fit<M>> withK = fitterWithK(n);
        assumeTrue(withK.isPresent(), "the algorithm takes no k");
        M model = assertDoesNotThrow(() -> withK.get().fit(X()), "k = n is allowed (every point its own cluster)");
        assertEquals(n, labels(model, X()).size());
    }

    @Test public void oneSampleFitsOrFailsClearly() {
        Matrix X1 = X().rows(0, 1);
        Optional<String> expected = oneSampleError();
        if (expected.isPresent()) {
            EstimatorContract.assertRejects(() -> fitter().fit(X1), expected.get());
        } else {
            M model = assertDoesNotThrow(() -> fitter().fit(X1),
                    "the clusterer declares (oneSampleError() is empty) that it fits a single example");
            if (model instanceof Predictor p) {
                Vector z = p.predict(X());
                assertEquals(X().rows(), z.size());
                z.requireFinite("test", "labels");
            }
        }
    }

    @Test public void predictWithTheWrongNumberOfColumnsIsRejected() {
        Matrix X = X();
        int d = X.cols();
        M model = fitter().fit(X);
        assumeTrue(model instanceof Predictor, "no predict");
        Predictor p = (Predictor) model;
        EstimatorContract.assertRejects(() -> p.predict(Matrix.hstack(X, Matrix.ones(X.rows(), 1))),
                "X has " + (d + 1) + " columns but the model was fitted on " + d);
        EstimatorContract.assertRejects(() -> p.predict(X.cols(0, d - 1)),
                "X has " + (d - 1) + (d - 1 == 1 ? " column" : " columns") + " but the model was fitted on " + d);
    }

    @Test public void predictWithNaNIsRejected() {
        M model = fitter().fit(X());
        assumeTrue(model instanceof Predictor, "no predict");
        EstimatorContract.assertRejects(() -> ((Predictor) model).predict(X().with(1, 0, Double.NaN)), "X[1][0] is NaN");
    }

    @TestFactory public Stream<DynamicTest> invalidOptionsAreRejectedNamingTheParameter() {
        return badOptions().stream().map(bad -> DynamicTest.dynamicTest("bad '" + bad.parameter() + "'",
                () -> EstimatorContract.assertRejects(bad.attempt(), "'" + bad.parameter() + "'")));
    }

    @Test public void sameSeedGivesAnIdenticalModel() {
        Matrix X = X();
        M a = fitter(7).fit(X), b = fitter(7).fit(X);
        assertEquals(a, b, "two fits with seed 7 on the same data must be equal (exact equals)");
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(labels(a, X), labels(b, X));
    }
}
