package mlscratch.nn;

import java.util.List;

import mlscratch.model.EstimatorContract;
import mlscratch.model.Fitter;

/// [MLPClassifier] joins the estimator contract (short trainings: the contract is about errors and seeds).
class MLPClassifierContractTest extends EstimatorContract<MLPClassifier> {
    static final MLPOptions FAST = MLPOptions.defaults().withEpochs(5);

    @Override protected Fitter<MLPClassifier> fitter() { return (X, y) -> MLPClassifier.fit(X, y, FAST); }

    @Override protected Fitter<MLPClassifier> fitter(long seed) { return (X, y) -> MLPClassifier.fit(X, y, FAST.withSeed(seed)); }

    @Override protected List<BadOption> badOptions() {
        return List.of(badOption("epochs", () -> FAST.withEpochs(0)),
                badOption("batchSize", () -> FAST.withBatchSize(-1)),
                badOption("l2", () -> FAST.withL2(-1)),
                badOption("validationFraction", () -> FAST.withValidationFraction(1)));
    }
}
