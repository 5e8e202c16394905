package mlscratch.classification;

import java.util.List;

import mlscratch.model.EstimatorContract;
import mlscratch.model.Fitter;

/// [LogisticRegression] joins the estimator contract (with its SGD solver for the seeded case).
class LogisticRegressionContractTest extends EstimatorContract<LogisticRegression> {

    @Override protected Fitter<LogisticRegression> fitter() { return LogisticRegression::fit; }

    @Override protected Fitter<LogisticRegression> fitter(long seed) {
        var o = LogisticRegression.Options.defaults().withSolver(LogisticRegression.Solver.SGD).withMaxIter(20).withSeed(seed);
        return (X, y) -> LogisticRegression.fit(X, y, o);
    }

    @Override protected List<BadOption> badOptions() {
        var d = LogisticRegression.Options.defaults();
        return List.of(badOption("l2", () -> d.withL2(-1)), badOption("l1", () -> d.withL1(-0.1)),
                badOption("solver", () -> d.withSolver(null)), badOption("maxIter", () -> d.withMaxIter(0)),
                badOption("tol", () -> d.withTol(-1)), badOption("learningRate", () -> d.withLearningRate(0)),
                badOption("batchSize", () -> d.withBatchSize(0)), badOption("threshold", () -> d.withThreshold(1.5)));
    }
}
