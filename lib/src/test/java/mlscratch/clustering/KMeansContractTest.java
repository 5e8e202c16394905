package mlscratch.clustering;

import java.util.List;
import java.util.Optional;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.ClusteringContract;
import mlscratch.model.EstimatorContract.BadOption;

class KMeansContractTest extends ClusteringContract<KMeans> {
    @Override protected Fit<KMeans> fitter() { return KMeans::fit; }

    @Override protected Fit<KMeans> fitter(long seed) { return X -> KMeans.fit(X, KMeans.Options.defaults().withSeed(seed)); }

    @Override protected Optional<Fit<KMeans>> fitterWithK(int k) { return Optional.of(X -> KMeans.fit(X, k)); }

    @Override protected Vector labels(KMeans model, Matrix X) { return model.labels(); }

    @Override protected Optional<String> oneSampleError() { return Optional.of("k = 8 exceeds the number of samples n = 1"); }

    @Override protected List<BadOption> badOptions() {
        var o = KMeans.Options.defaults();
        return List.of(badOption("k", () -> o.withK(0)), badOption("nInit", () -> o.withNInit(0)),
                badOption("maxIter", () -> o.withMaxIter(-1)), badOption("tol", () -> o.withTol(Double.NaN)),
                badOption("init", () -> o.withInit(null)), badOption("metric", () -> o.withMetric(null)));
    }
}
