package mlscratch.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.*;

import mlscratch.decomposition.PCA;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;

/// PCA of a 10 000 × 784 matrix (the shape of 10 000 Fashion-MNIST images), mlscratch beside Smile in one JVM.
///
/// ```
/// scripts/bench PCABench
/// ```
/// Data: rank-20 structure plus noise, `X = ZA + 0.1·E` with Z (10 000×20), A (20×784), E (10 000×784)
/// standard normal, seeded: a spectrum with 20 large, distinct eigenvalues over a flat noise floor, like images.
/// Rows: `mlscratch` = `PCA.fit` with the COVARIANCE solver (centre, `XcᵀXc` by the GEMM kernel, then the
/// 784×784 symmetric eigendecomposition), all 784 components; `smile` = `smile.feature.extraction.PCA.fit`
/// (covariance, then LAPACK's eigensolver through OpenBLAS). Both compute every component. At tear-down the
/// top 20 variances of the row that ran are compared with the other peer's, computed outside the timing
/// (Smile's `variance()` is that of the scatter matrix, n − 1 times ours); a mismatch fails the run, so a
/// fast wrong answer cannot win.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
        "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class PCABench {
    static final int N = 10_000, D = 784, RANK = 20;

    Matrix X;
    double[][] x;
    PCA.Options options;
    PCA ours;
    smile.feature.extraction.PCA theirs;

    @Setup public void setup() {
        var rng = Rng.of(2025);
        Matrix Z = Matrix.randn(N, RANK, rng), A = Matrix.randn(RANK, D, rng);
        X = Z.times(A).plus(Matrix.randn(N, D, rng).scale(0.1));
        x = X.toArray2D();
        options = PCA.Options.defaults().withSolver(PCA.Solver.COVARIANCE);
    }

    @Benchmark public PCA mlscratch() { return ours = PCA.fit(X, options); }

    @Benchmark public Object smile() { return theirs = smile.feature.extraction.PCA.fit(x); }

    /// Each row runs in its own trial (JMH makes a fresh state per benchmark method), so the peer's answer is
    /// computed here, once, outside the timing.
    @TearDown public void check() {
        if (ours == null && theirs == null) return;
        PCA a = ours != null ? ours : PCA.fit(X, options);
        var b = theirs != null ? theirs : smile.feature.extraction.PCA.fit(x);
        double worst = 0;
        for (int j = 0; j < RANK; j++) {
            double la = a.explainedVariance().get(j), lb = b.variance().get(j) / (N - 1);
            worst = Math.max(worst, Math.abs(la - lb) / lb);
        }
        System.out.printf(Locale.ROOT, "%n  top-%d variances: worst relative difference mlscratch vs smile %.2e (λ₀ = %.4f)%n",
                RANK, worst, a.explainedVariance().get(0));
        if (!(worst < 1e-8)) throw new IllegalStateException("PCABench: variances disagree with Smile by " + worst);
    }
}
