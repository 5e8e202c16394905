package mlscratch.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Tests the contract suite itself: each of its checks must fail on an estimator that breaks the rule it
/// guards (a contract that cannot fail is a defect), and pass on one that follows it.
class EstimatorContractSelfTest {

    /// No validation at all: fit averages y, predict returns one value per row whatever X is.
    record Sloppy(double mean) implements Regressor {
        static Sloppy fit(Matrix X, Vector y) { return new Sloppy(y.mean()); }
        @Override public Vector predict(Matrix X) { return Vector.full(X.rows(), mean); }
    }

    /// Validates, but with an unhelpful message.
    record Grumpy(double mean) implements Regressor {
        static Grumpy fit(Matrix X, Vector y) {
            for (double v : X.toArray()) if (!Double.isFinite(v)) throw new IllegalArgumentException("bad input");
            return new Grumpy(y.mean());
        }
        @Override public Vector predict(Matrix X) { return Vector.full(X.rows(), mean); }
    }

    /// Follows the data rules, but predicts each row relative to the batch mean (depends on other rows).
    record BatchDependent(int d) implements Regressor {
        static BatchDependent fit(Matrix X, Vector y) {
            Inputs.requireXy("fit", X, y);
            return new BatchDependent(X.cols());
        }
        @Override public Vector predict(Matrix X) {
            Inputs.requireX("predict", X, d);
            Vector s = X.sum(1);
            return s.minus(s.mean());
        }
    }

    /// A classifier that accepts any real label (forgets requireLabels).
    record LaxClassifier(int d) implements Classifier {
        static LaxClassifier fit(Matrix X, Vector y) {
            Inputs.requireXy("fit", X, y);
            return new LaxClassifier(X.cols());
        }
        @Override public Vector predict(Matrix X) {
            Inputs.requireX("predict", X, d);
            return Vector.zeros(X.rows());
        }
    }

    private static <M extends Predictor> EstimatorContract<M> contract(Fitter<M> fitter) {
        return new SuiteProbe<>(fitter);
    }

    private static void breaks(Executable contractTest) {
        assertThrows(AssertionError.class, contractTest, "the contract should have caught this estimator");
    }

    @Test void catchesAnEstimatorThatSkipsValidation() {
        var c = contract(Sloppy::fit);
        breaks(c::nanInXIsRejected);
        breaks(c::infinityInXIsRejected);
        breaks(c::emptyXIsRejected);                    // NaN mean, no exception
        breaks(c::xWithoutColumnsIsRejected);
        breaks(c::predictWithTheWrongNumberOfColumnsIsRejected);
        breaks(c::predictWithNaNIsRejected);
        breaks(c::nullXOrYIsRejected);
        breaks(c::mismatchedRowsAreRejected);
        // what Sloppy does right still passes
        assertDoesNotThrow(c::fitsAndPredictsOneFiniteValuePerRow);
        assertDoesNotThrow(c::sameSeedGivesAnIdenticalModel);
        assertDoesNotThrow(c::predictionsDoNotDependOnTheOtherRows);
    }

    @Test void catchesANullPointerExceptionInsteadOfAClearMessage() {
        var c = contract((X, y) -> new Sloppy(X.rows() + y.size()));    // NPE on null X
        var e = assertThrows(AssertionError.class, c::nullXOrYIsRejected);
        assertTrue(e.getMessage().contains("NullPointerException"), e.getMessage());
    }

    @Test void catchesAnUnhelpfulMessage() {
        var c = contract(Grumpy::fit);
        var e = assertThrows(AssertionError.class, c::nanInXIsRejected);
        assertTrue(e.getMessage().contains("X[2][1] is NaN"), e.getMessage());
    }

    @Test void catchesPredictionsThatDependOnTheBatch() {
        breaks(contract(BatchDependent::fit)::predictionsDoNotDependOnTheOtherRows);
    }

    @Test void catchesAClassifierThatAcceptsFractionalLabels() {
        breaks(contract(LaxClassifier::fit)::nonClassLabelsAreRejectedByClassifiers);
    }

    @Test void catchesADifferentModelForTheSameSeed() {
        var counter = new int[1];
        var c = contract((X, y) -> new Sloppy(y.mean() + counter[0]++));   // ignores the seed: not reproducible
        breaks(c::sameSeedGivesAnIdenticalModel);
    }

    @Test void catchesABadOptionThatIsAccepted() {
        var c = new SuiteProbe<>(MeanRegressor::fit, Optional.empty(), List.of(
                new EstimatorContract.BadOption("shrinkage", () -> MeanRegressor.Options.defaults().withShrinkage(0.5)),
                new EstimatorContract.BadOption("learningRate", () -> MeanRegressor.Options.defaults().withShrinkage(2))));
        var tests = c.invalidOptionsAreRejectedNamingTheParameter().toList();
        assertEquals(2, tests.size());
        breaks(tests.get(0).getExecutable()::execute);   // 0.5 is valid: nothing thrown
        breaks(tests.get(1).getExecutable()::execute);   // rejected, but the message names 'shrinkage'
    }

    @Test void catchesAWrongOneSampleDeclaration() {
        var saysItFails = new SuiteProbe<>(MeanRegressor::fit, Optional.of("at least 2 samples"), List.of());
        breaks(saysItFails::oneSampleFitsOrFailsClearly);

        var saysItFits = contract((X, y) -> {
            if (X != null && X.rows() < 2) throw new IllegalStateException("need 2 rows");
            return MeanRegressor.fit(X, y);
        });
        breaks(saysItFits::oneSampleFitsOrFailsClearly);
    }
}
