package mlscratch.classification;

import java.util.List;

import mlscratch.model.EstimatorContract;
import mlscratch.model.Fitter;

/// [LinearSVM] joins the estimator contract.
class LinearSVMContractTest extends EstimatorContract<LinearSVM> {

    @Override protected Fitter<LinearSVM> fitter() { return LinearSVM::fit; }

    @Override protected Fitter<LinearSVM> fitter(long seed) {
        var o = LinearSVM.Options.defaults().withMaxIter(20).withSeed(seed);
        return (X, y) -> LinearSVM.fit(X, y, o);
    }

    @Override protected List<BadOption> badOptions() {
        var d = LinearSVM.Options.defaults();
        return List.of(badOption("lambda", () -> d.withLambda(0)), badOption("solver", () -> d.withSolver(null)),
                badOption("maxIter", () -> d.withMaxIter(0)), badOption("batchSize", () -> d.withBatchSize(0)),
                badOption("supportTol", () -> d.withSupportTol(-1)));
    }
}
