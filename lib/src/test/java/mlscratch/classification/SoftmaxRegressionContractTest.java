package mlscratch.classification;

import java.util.List;

import mlscratch.model.EstimatorContract;
import mlscratch.model.Fitter;

/// [SoftmaxRegression] joins the estimator contract (with its SGD solver for the seeded case).
class SoftmaxRegressionContractTest extends EstimatorContract<SoftmaxRegression> {

    @Override protected Fitter<SoftmaxRegression> fitter() { return SoftmaxRegression::fit; }

    @Override protected Fitter<SoftmaxRegression> fitter(long seed) {
        var o = SoftmaxRegression.Options.defaults().withSolver(SoftmaxRegression.Solver.SGD).withMaxIter(20).withSeed(seed);
        return (X, y) -> SoftmaxRegression.fit(X, y, o);
    }

    @Override protected List<BadOption> badOptions() {
        var d = SoftmaxRegression.Options.defaults();
        return List.of(badOption("l2", () -> d.withL2(-1)), badOption("solver", () -> d.withSolver(null)),
                badOption("maxIter", () -> d.withMaxIter(0)), badOption("tol", () -> d.withTol(-1)),
                badOption("learningRate", () -> d.withLearningRate(-1)), badOption("batchSize", () -> d.withBatchSize(0)));
    }
}
