package mlscratch.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.*;

import mlscratch.clustering.KMeans;
import mlscratch.linalg.Matrix;

/// Lloyd's k-means, mlscratch beside Smile in one JVM, on the PERF.md task: uniform [0,1)^16 (no
/// cluster structure, so every run does all its iterations), n = 100 000, k = 8, 100 iterations,
/// tol = 0, one k-means++ start.
///
/// ```
/// scripts/bench KMeansBench
/// ```
/// Rows: `mlscratch` = `KMeans.fit` (nInit = 1, maxIter = 100, tol = 0); `smileLloyd` =
/// `smile.clustering.KMeans.lloyd` (k = 8, maxIter = 100, tol = 0). Both include their k-means++
/// initialisation. The inertia each reaches is printed at tear-down (Smile's distortion is J/n, shown ×n).
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class KMeansBench {
    static final int N = 100_000, D = 16, K = 8, ITER = 100;

    Matrix X;
    double[][] x;
    KMeans.Options options;
    double oursInertia, smileInertia;

    @Setup public void setup() {
        X = Matrix.random(N, D, 2024);                                   // uniform [0,1)^16
        x = X.toArray2D();
        options = KMeans.Options.defaults().withK(K).withNInit(1).withMaxIter(ITER).withTol(0).withSeed(1);
    }

    @Benchmark public KMeans mlscratch() {
        KMeans m = KMeans.fit(X, options);
        oursInertia = m.inertia();
        return m;
    }

    @Benchmark public Object smileLloyd() {
        var m = smile.clustering.KMeans.lloyd(x, new smile.clustering.Clustering.Options(K, ITER, 0.0, null));
        smileInertia = m.distortion() * N;
        return m;
    }

    @TearDown public void report() {
        if (oursInertia > 0) System.out.printf(Locale.ROOT, "%n  inertia: mlscratch %.3f%n", oursInertia);
        if (smileInertia > 0) System.out.printf(Locale.ROOT, "%n  inertia: smile %.3f%n", smileInertia);
    }
}
