package mlscratch.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// The contract every estimator of mlscratch passes: bad data and bad options fail with an
/// [IllegalArgumentException] whose message names the parameter or the shape — never a
/// NullPointerException, an ArrayIndexOutOfBoundsException or a silent NaN — and the same seed gives the
/// same model.
///
/// An estimator joins by subclassing, in a class whose name ends in `Test`:
/// ```
/// class LinearRegressionContractTest extends EstimatorContract<LinearRegression> {
///     @Override protected Fitter<LinearRegression> fitter() { return LinearRegression::fit; }
///     @Override protected Optional<String> oneSampleError() { return Optional.empty(); }   // it fits n = 1
///     @Override protected List<BadOption> badOptions() {
///         return List.of(badOption("l2", () -> LinearRegression.Options.defaults().withL2(-1)));
///     }
/// }
/// ```
/// Hooks, with their defaults: [#fitter()] (required), [#fitter(long)] (seeded; default: `fitter()`, for a
/// deterministic estimator), [#X()] and [#y()] (12×3 well-conditioned features, labels 0/1 that also serve as
/// regression targets), [#oneSampleError()] (default: fitting one sample must succeed), [#badOptions()]
/// (default: none). Classifiers (models implementing [Classifier]) are also checked on non-class labels.
///
/// The messages asserted are those of [Inputs], e.g. `X has 12 rows but y has 11`, `X[2][1] is NaN`,
/// `X has 4 columns but the model was fitted on 3`.
public abstract class EstimatorContract<M extends Predictor> {

    // ───────────────────────────── hooks ─────────────────────────────

    /// Fits with default options.
    protected abstract Fitter<M> fitter();

    /// Fits with options carrying `seed`. Default: [#fitter()], for estimators without randomness.
    protected Fitter<M> fitter(long seed) { return fitter(); }

    /// Training features (n×d, n ≥ 4, d ≥ 2). Default: 12×3, seeded.
    protected Matrix X() { return Matrix.randn(12, 3, 20240501L).plus(Matrix.ones(12, 3)); }

    /// Training targets for [#X()]. Default: 0/1 labels (the sign of the first feature above its median,
    /// both classes present), usable as class indices or as real-valued targets.
    protected Vector y() {
        Vector x0 = X().col(0);
        double[] sorted = x0.toArray();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        return x0.map(v -> v >= median ? 1 : 0);
    }

    /// Empty when the estimator fits a single example; otherwise a fragment of the
    /// IllegalArgumentException message it gives for one (e.g. `"at least 2 samples"`).
    protected Optional<String> oneSampleError() { return Optional.empty(); }

    /// Attempts that must fail with an IllegalArgumentException naming `'parameter'` (quoted, as
    /// `mlscratch.util.Check` writes it). Usually building an Options record with one bad value.
    protected List<BadOption> badOptions() { return List.of(); }

    /// One invalid option: `attempt` must throw an IllegalArgumentException whose message names `'parameter'`.
    public record BadOption(String parameter, Executable attempt) {}

    protected static BadOption badOption(String parameter, Executable attempt) {
        return new BadOption(parameter, attempt);
    }

    // ───────────────────────────── the contract ─────────────────────────────

    @Test public void fitsAndPredictsOneFiniteValuePerRow() {
        Matrix X = X();
        Vector yHat = fitter().fit(X, y()).predict(X);
        assertEquals(X.rows(), yHat.size(), "predict must give one value per row of X");
        yHat.requireFinite("test", "yHat");
    }

    @Test public void predictionsDoNotDependOnTheOtherRows() {
        Matrix X = X();
        M model = fitter().fit(X, y());
        Vector all = model.predict(X);
        for (int i = 0; i < X.rows(); i++) {
            double alone = model.predict(X.rows(i, i + 1)).get(0);
            assertTrue(Math.abs(all.get(i) - alone) <= 1e-12 * Math.max(1, Math.abs(alone)),
                    "row " + i + " predicted " + all.get(i) + " in a batch but " + alone + " alone");
        }
    }

    @Test public void nullXOrYIsRejected() {
        assertRejects(() -> fitter().fit(null, y()), "'X'");
        assertRejects(() -> fitter().fit(X(), null), "'y'");
        M model = fitter().fit(X(), y());
        assertRejects(() -> model.predict(null), "'X'");
    }

    @Test public void nanInXIsRejected() {
        assertRejects(() -> fitter().fit(X().with(2, 1, Double.NaN), y()), "X[2][1] is NaN");
    }

    @Test public void infinityInXIsRejected() {
        assertRejects(() -> fitter().fit(X().with(0, 0, Double.NEGATIVE_INFINITY), y()), "X[0][0] is -Infinity");
    }

    @Test public void infinityInYIsRejected() {
        assertRejects(() -> fitter().fit(X(), y().with(3, Double.POSITIVE_INFINITY)), "y[3] is +Infinity");
    }

    @Test public void nanInYIsRejected() {
        assertRejects(() -> fitter().fit(X(), y().with(1, Double.NaN)), "y[1] is NaN");
    }

    @Test public void emptyXIsRejected() {
        assertRejects(() -> fitter().fit(Matrix.zeros(0, X().cols()), Vector.zeros(0)), "X is empty (0 rows)");
    }

    @Test public void xWithoutColumnsIsRejected() {
        assertRejects(() -> fitter().fit(Matrix.zeros(X().rows(), 0), y()), "X has 0 columns");
    }

    @Test public void mismatchedRowsAreRejected() {
        Matrix X = X();
        Vector y = y();
        int n = X.rows();
        assertRejects(() -> fitter().fit(X, y.slice(0, n - 1)), "X has " + n + " rows but y has " + (n - 1));
        assertRejects(() -> fitter().fit(X.rows(0, n - 1), y), "X has " + (n - 1) + " rows but y has " + n);
    }

    @Test public void oneSampleFitsOrFailsClearly() {
        Matrix X1 = X().rows(0, 1);
        Vector y1 = y().slice(0, 1);
        Optional<String> expected = oneSampleError();
        if (expected.isPresent()) {
            assertRejects(() -> fitter().fit(X1, y1), expected.get());
        } else {
            M model = assertDoesNotThrow(() -> fitter().fit(X1, y1),
                    "the estimator declares (oneSampleError() is empty) that it fits a single example");
            Vector yHat = model.predict(X());
            assertEquals(X().rows(), yHat.size());
            yHat.requireFinite("test", "yHat");
        }
    }

    @Test public void predictWithTheWrongNumberOfColumnsIsRejected() {
        Matrix X = X();
        int d = X.cols();
        M model = fitter().fit(X, y());
        Matrix wider = Matrix.hstack(X, Matrix.ones(X.rows(), 1));
        assertRejects(() -> model.predict(wider), "X has " + (d + 1) + " columns but the model was fitted on " + d);
        Matrix narrower = X.cols(0, d - 1);
        assertRejects(() -> model.predict(narrower),
                "X has " + (d - 1) + (d - 1 == 1 ? " column" : " columns") + " but the model was fitted on " + d);
    }

    @Test public void predictWithNaNIsRejected() {
        M model = fitter().fit(X(), y());
        assertRejects(() -> model.predict(X().with(1, 0, Double.NaN)), "X[1][0] is NaN");
    }

    @Test public void nonClassLabelsAreRejectedByClassifiers() {
        M model = fitter().fit(X(), y());
        assumeTrue(model instanceof Classifier, "regressors accept real-valued targets");
        assertRejects(() -> fitter().fit(X(), y().with(3, 0.5)), "y[3] = 0.5 is not a class index");
        assertRejects(() -> fitter().fit(X(), y().with(0, -1)), "y[0] = -1.0 is not a class index");
    }

    @TestFactory public Stream<DynamicTest> invalidOptionsAreRejectedNamingTheParameter() {
        return badOptions().stream().map(bad -> DynamicTest.dynamicTest("bad '" + bad.parameter() + "'",
                () -> assertRejects(bad.attempt(), "'" + bad.parameter() + "'")));
    }

    @Test public void sameSeedGivesAnIdenticalModel() {
        M a = fitter(7).fit(X(), y()), b = fitter(7).fit(X(), y());
        assertEquals(a, b, "two fits with seed 7 on the same data must be equal (exact equals)");
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.predict(X()), b.predict(X()));
    }

    // ───────────────────────────── helper ─────────────────────────────

    /// Asserts that `call` throws an IllegalArgumentException (not any other exception) whose message
    /// contains every fragment.
    protected static IllegalArgumentException assertRejects(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call,
                "expected an IllegalArgumentException mentioning " + List.of(fragments));
        String message = e.getMessage();
        if (message == null) fail("the IllegalArgumentException has no message");
        for (String fragment : fragments)
            assertTrue(message.contains(fragment), () -> "message \"" + message + "\" should contain \"" + fragment + "\"");
        return e;
    }
}
