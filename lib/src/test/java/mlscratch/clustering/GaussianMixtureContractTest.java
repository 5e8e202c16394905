package mlscratch.clustering;

import java.util.List;
import java.util.Optional;

import mlscratch.model.ClusteringContract;
import mlscratch.model.EstimatorContract.BadOption;

class GaussianMixtureContractTest extends ClusteringContract<GaussianMixture> {
    @Override protected Fit<GaussianMixture> fitter() { return GaussianMixture::fit; }

    /// k = 3, so that the seed matters (the k-means start)
    @Override protected Fit<GaussianMixture> fitter(long seed) {
        return X -> GaussianMixture.fit(X, GaussianMixture.Options.defaults().withK(3).withNInit(2).withSeed(seed));
    }

    @Override protected Optional<Fit<GaussianMixture>> fitterWithK(int k) { return Optional.of(X -> GaussianMixture.fit(X, k)); }

    @Override protected Optional<String> oneSampleError() { return Optional.empty(); }   // k = 1: Σ = reg·I

    @Override protected List<BadOption> badOptions() {
        var o = GaussianMixture.Options.defaults();
        return List.of(badOption("k", () -> o.withK(0)), badOption("reg", () -> o.withReg(-1e-6)),
                badOption("covariance", () -> o.withCovariance(null)), badOption("maxIter", () -> o.withMaxIter(0)),
                badOption("tol", () -> o.withTol(Double.NaN)), badOption("nInit", () -> o.withNInit(0)));
    }
}
