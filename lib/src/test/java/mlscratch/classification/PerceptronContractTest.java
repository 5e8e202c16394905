package mlscratch.classification;

import java.util.List;

import mlscratch.model.EstimatorContract;
import mlscratch.model.Fitter;

/// [Perceptron] joins the estimator contract.
class PerceptronContractTest extends EstimatorContract<Perceptron> {

    @Override protected Fitter<Perceptron> fitter() { return Perceptron::fit; }

    @Override protected Fitter<Perceptron> fitter(long seed) {
        var o = Perceptron.Options.defaults().withMaxEpochs(50).withSeed(seed);
        return (X, y) -> Perceptron.fit(X, y, o);
    }

    @Override protected List<BadOption> badOptions() {
        var d = Perceptron.Options.defaults();
        return List.of(badOption("maxEpochs", () -> d.withMaxEpochs(0)), badOption("learningRate", () -> d.withLearningRate(-1)));
    }
}
