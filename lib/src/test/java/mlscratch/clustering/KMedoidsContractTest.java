package mlscratch.clustering;

import java.util.List;
import java.util.Optional;

import mlscratch.model.ClusteringContract;
import mlscratch.model.EstimatorContract.BadOption;

class KMedoidsContractTest extends ClusteringContract<KMedoids> {
    @Override protected Fit<KMedoids> fitter() { return X -> KMedoids.fit(X, KMedoids.Options.defaults()); }

    @Override protected Fit<KMedoids> fitter(long seed) {
        return X -> KMedoids.fit(X, KMedoids.Options.defaults().withInit(KMedoids.Init.RANDOM).withSeed(seed));
    }

    @Override protected Optional<Fit<KMedoids>> fitterWithK(int k) { return Optional.of(X -> KMedoids.fit(X, k)); }

    @Override protected Optional<String> oneSampleError() { return Optional.of("k = 8 exceeds the number of samples n = 1"); }

    @Override protected List<BadOption> badOptions() {
        var o = KMedoids.Options.defaults();
        return List.of(badOption("k", () -> o.withK(0)), badOption("maxIter", () -> o.withMaxIter(0)),
                badOption("distance", () -> o.withDistance(null)), badOption("init", () -> o.withInit(null)));
    }
}
