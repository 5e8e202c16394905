package mlscratch.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Tests the clustering contract itself: each check must fail on a clusterer that breaks the rule it guards
/// (a contract that cannot fail is a defect) and pass on one that follows it.
class ClusteringContractSelfTest {

    /// Follows every rule: "nearest of the first k rows", deterministic.
    record Good(Matrix centres) implements Predictor {
        static Good fit(Matrix X, int k) {
            Check.notNull("Good.fit", "X", X);
            Inputs.requireX("Good.fit", X, X.cols());
            if (k > X.rows()) throw Check.fail("Good", "k = " + k + " exceeds the number of samples n = " + X.rows());
            return new Good(X.rows(0, k));
        }
        @Override public Vector predict(Matrix X) {
            Inputs.requireX("Good.predict", X, centres.cols());
            double[] z = new double[X.rows()];
            for (int i = 0; i < z.length; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < centres.rows(); j++) {
                    double d = X.row(i).minus(centres.row(j)).norm();
                    if (d < best) { best = d; z[i] = j; }
                }
            }
            return Vector.wrap(z);
        }
    }

    /// No validation at all; label 0 for every row.
    record Sloppy(int k) implements Predictor {
        static Sloppy fit(Matrix X, int k) { return new Sloppy(k); }
        @Override public Vector predict(Matrix X) { return Vector.zeros(X.rows()); }
    }

    /// Validates, with an unhelpful message.
    record Grumpy(int d) implements Predictor {
        static Grumpy fit(Matrix X) {
            for (double v : X.toArray()) if (!Double.isFinite(v)) throw new IllegalArgumentException("bad input");
            return new Grumpy(X.cols());
        }
        @Override public Vector predict(Matrix X) { return Vector.zeros(X.rows()); }
    }

    /// Labels each row by whether its first feature is above the batch mean (depends on the other rows).
    record BatchDependent(int d) implements Predictor {
        @Override public Vector predict(Matrix X) {
            Inputs.requireX("predict", X, d);
            double mean = X.col(0).mean();
            return X.col(0).map(v -> v > mean ? 1 : 0);
        }
    }

    private static void breaks(Executable contractTest) {
        assertThrows(AssertionError.class, contractTest, "the contract should have caught this clusterer");
    }

    @Test void passesAClustererThatFollowsTheRules() {
        var c = new ClusteringProbe<Good>(X -> Good.fit(X, 3), k -> X -> Good.fit(X, k),
                Optional.of("k = 3 exceeds the number of samples n = 1"), List.of());
        assertDoesNotThrow(c::fitsAndLabelsEveryRow);
        assertDoesNotThrow(c::labelsStayBelowK);
        assertDoesNotThrow(c::predictionsDoNotDependOnTheOtherRows);
        assertDoesNotThrow(c::nullXIsRejected);
        assertDoesNotThrow(c::nanInXIsRejected);
        assertDoesNotThrow(c::infinityInXIsRejected);
        assertDoesNotThrow(c::emptyXIsRejected);
        assertDoesNotThrow(c::xWithoutColumnsIsRejected);
        assertDoesNotThrow(c::moreClustersThanSamplesIsRejected);
        assertDoesNotThrow(c::kEqualToNFits);
        assertDoesNotThrow(c::oneSampleFitsOrFailsClearly);
        assertDoesNotThrow(c::predictWithTheWrongNumberOfColumnsIsRejected);
        assertDoesNotThrow(c::predictWithNaNIsRejected);
        assertDoesNotThrow(c::sameSeedGivesAnIdenticalModel);
    }

    @Test void catchesAClustererThatSkipsValidation() {
        var c = new ClusteringProbe<Sloppy>(X -> Sloppy.fit(X, 3), k -> X -> Sloppy.fit(X, k));
        breaks(c::nanInXIsRejected);
        breaks(c::infinityInXIsRejected);
        breaks(c::emptyXIsRejected);
        breaks(c::xWithoutColumnsIsRejected);
        breaks(c::moreClustersThanSamplesIsRejected);
        breaks(c::predictWithTheWrongNumberOfColumnsIsRejected);
        breaks(c::predictWithNaNIsRejected);
        breaks(c::nullXIsRejected);
        assertDoesNotThrow(c::fitsAndLabelsEveryRow);
        assertDoesNotThrow(c::sameSeedGivesAnIdenticalModel);
    }

    @Test void catchesAnUnhelpfulMessage() {
        var c = new ClusteringProbe<Grumpy>(Grumpy::fit, null);
        var e = assertThrows(AssertionError.class, c::nanInXIsRejected);
        assertTrue(e.getMessage().contains("X[2][1] is NaN"), e.getMessage());
    }

    @Test void catchesLabelsThatAreNotClusterIndices() {
        breaks(new ClusteringProbe<Predictor>(X -> Xq -> Vector.full(Xq.rows(), 0.5), null)::fitsAndLabelsEveryRow);
        breaks(new ClusteringProbe<Predictor>(X -> Xq -> Vector.full(Xq.rows(), 3), k -> X -> Xq -> Vector.full(Xq.rows(), k))
                ::labelsStayBelowK);
    }

    @Test void catchesPredictionsThatDependOnTheBatch() {
        breaks(new ClusteringProbe<BatchDependent>(X -> new BatchDependent(X.cols()), null)::predictionsDoNotDependOnTheOtherRows);
    }

    @Test void catchesADifferentModelForTheSameSeed() {
        var counter = new int[1];
        var c = new ClusteringProbe<Sloppy>(X -> new Sloppy(counter[0]++), null);
        breaks(c::sameSeedGivesAnIdenticalModel);
    }

    @Test void catchesAWrongOneSampleDeclaration() {
        breaks(new ClusteringProbe<Good>(X -> Good.fit(X, 3), null)::oneSampleFitsOrFailsClearly);   // it fails but says it fits
        breaks(new ClusteringProbe<Good>(X -> Good.fit(X, 1), null, Optional.of("exceeds"), List.of())::oneSampleFitsOrFailsClearly);
    }

    @Test void catchesABadOptionThatIsAccepted() {
        var c = new ClusteringProbe<Good>(X -> Good.fit(X, 3), null, Optional.empty(),
                List.of(new EstimatorContract.BadOption("k", () -> {}),
                        new EstimatorContract.BadOption("k", () -> { throw Check.fail("Opts", "'m' must be > 1, got 0"); })));
        var tests = c.invalidOptionsAreRejectedNamingTheParameter().toList();
        assertEquals(2, tests.size());
        breaks(tests.get(0).getExecutable()::execute);   // nothing thrown
        breaks(tests.get(1).getExecutable()::execute);   // rejected, but naming another parameter
    }

    @Test void skipsTheKChecksForAlgorithmsWithoutK() {
        var c = new ClusteringProbe<Good>(X -> Good.fit(X, 3), null);
        assertThrows(TestAbortedException.class, c::moreClustersThanSamplesIsRejected);
        assertThrows(TestAbortedException.class, c::labelsStayBelowK);
    }
}
