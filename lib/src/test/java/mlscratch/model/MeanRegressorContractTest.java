package mlscratch.model;

import java.util.List;

/// [MeanRegressor] joins the estimator contract: the suite run on a regressor that follows the conventions.
class MeanRegressorContractTest extends EstimatorContract<MeanRegressor> {

    @Override protected Fitter<MeanRegressor> fitter() { return MeanRegressor::fit; }

    @Override protected List<BadOption> badOptions() {
        return List.of(
                badOption("shrinkage", () -> MeanRegressor.Options.defaults().withShrinkage(1.5)),
                badOption("shrinkage", () -> MeanRegressor.Options.defaults().withShrinkage(Double.NaN)),
                badOption("prior", () -> MeanRegressor.Options.defaults().withPrior(Double.POSITIVE_INFINITY)),
                badOption("options", () -> MeanRegressor.fit(X(), y(), null)));
    }
}
