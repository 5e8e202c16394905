package mlscratch.nn;

import java.util.List;

import mlscratch.model.EstimatorContract;
import mlscratch.model.Fitter;

/// [MLPRegressor] joins the estimator contract.
class MLPRegressorContractTest extends EstimatorContract<MLPRegressor> {
    static final MLPOptions FAST = MLPOptions.defaults().withEpochs(5);

    @Override protected Fitter<MLPRegressor> fitter() { return (X, y) -> MLPRegressor.fit(X, y, FAST); }

    @Override protected Fitter<MLPRegressor> fitter(long seed) { return (X, y) -> MLPRegressor.fit(X, y, FAST.withSeed(seed)); }

    @Override protected List<BadOption> badOptions() {
        return List.of(badOption("patience", () -> FAST.withPatience(-1)));
    }
}
