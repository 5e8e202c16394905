package mlscratch.model;

import java.util.List;
import java.util.Optional;

/// An [EstimatorContract] configured by constructor arguments, for [EstimatorContractSelfTest] to run the
/// contract's checks one by one on deliberately broken estimators. A named class (not anonymous) whose
/// name matches no test pattern, so JUnit never runs it on its own.
final class SuiteProbe<M extends Predictor> extends EstimatorContract<M> {
    private final Fitter<M> fitter;
    private final Optional<String> oneSampleError;
    private final List<BadOption> badOptions;

    SuiteProbe(Fitter<M> fitter) { this(fitter, Optional.empty(), List.of()); }

    SuiteProbe(Fitter<M> fitter, Optional<String> oneSampleError, List<BadOption> badOptions) {
        this.fitter = fitter;
        this.oneSampleError = oneSampleError;
        this.badOptions = badOptions;
    }

    @Override protected Fitter<M> fitter() { return fitter; }

    @Override protected Optional<String> oneSampleError() { return oneSampleError; }

    @Override protected List<BadOption> badOptions() { return badOptions; }
}
