package mlscratch.model;

import java.util.List;

/// [MajorityClassifier] joins the estimator contract: a seeded, probabilistic classifier.
class MajorityClassifierContractTest extends EstimatorContract<MajorityClassifier> {

    @Override protected Fitter<MajorityClassifier> fitter() { return MajorityClassifier::fit; }

    @Override protected Fitter<MajorityClassifier> fitter(long seed) {
        var options = MajorityClassifier.Options.defaults().withSeed(seed);
        return (X, y) -> MajorityClassifier.fit(X, y, options);
    }

    @Override protected List<BadOption> badOptions() {
        return List.of(badOption("smoothing", () -> MajorityClassifier.Options.defaults().withSmoothing(-1)));
    }
}
