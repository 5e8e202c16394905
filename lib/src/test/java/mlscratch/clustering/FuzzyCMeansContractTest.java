package mlscratch.clustering;

import java.util.List;
import java.util.Optional;

import mlscratch.model.ClusteringContract;
import mlscratch.model.EstimatorContract.BadOption;

class FuzzyCMeansContractTest extends ClusteringContract<FuzzyCMeans> {
    @Override protected Fit<FuzzyCMeans> fitter() { return FuzzyCMeans::fit; }

    @Override protected Fit<FuzzyCMeans> fitter(long seed) {
        return X -> FuzzyCMeans.fit(X, FuzzyCMeans.Options.defaults().withSeed(seed));
    }

    @Override protected Optional<Fit<FuzzyCMeans>> fitterWithK(int k) { return Optional.of(X -> FuzzyCMeans.fit(X, k)); }

    @Override protected Optional<String> oneSampleError() { return Optional.of("k = 8 exceeds the number of samples n = 1"); }

    @Override protected List<BadOption> badOptions() {
        var o = FuzzyCMeans.Options.defaults();
        return List.of(badOption("k", () -> o.withK(-2)), badOption("m", () -> o.withM(1)), badOption("m", () -> o.withM(0.5)),
                badOption("m", () -> o.withM(Double.POSITIVE_INFINITY)), badOption("maxIter", () -> o.withMaxIter(0)),
                badOption("tol", () -> o.withTol(-1e-3)));
    }
}
