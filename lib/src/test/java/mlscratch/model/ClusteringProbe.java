package mlscratch.model;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/// A [ClusteringContract] configured by constructor arguments, for [ClusteringContractSelfTest] to run the
/// contract's checks one by one on deliberately broken clusterers. Its name matches no test pattern, so
/// JUnit never runs it on its own.
final class ClusteringProbe<M> extends ClusteringContract<M> {
    private final Fit<M> fitter;
    private final IntFunction<Fit<M>> withK;
    private final Optional<String> oneSampleError;
    private final List<EstimatorContract.BadOption> badOptions;

    ClusteringProbe(Fit<M> fitter, IntFunction<Fit<M>> withK) { this(fitter, withK, Optional.empty(), List.of()); }

    ClusteringProbe(Fit<M> fitter, IntFunction<Fit<M>> withK, Optional<String> oneSampleError,
                    List<EstimatorContract.BadOption> badOptions) {
        this.fitter = fitter;
        this.withK = withK;
        this.oneSampleError = oneSampleError;
        this.badOptions = badOptions;
    }

    @Override protected Fit<M> fitter() { return fitter; }

    @Override protected Optional<Fit<M>> fitterWithK(int k) { return withK == null ? Optional.empty() : Optional.of(withK.apply(k)); }

    @Override protected Optional<String> oneSampleError() { return oneSampleError; }

    @Override protected List<EstimatorContract.BadOption> badOptions() { return badOptions; }
}
