package mlscratch.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.*;

import mlscratch.classification.LinearData;
import mlscratch.classification.LogisticRegression;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;

/// Binary logistic regression, mlscratch beside Smile in one JVM, on the PERF.md task: n = 50 000, d = 50,
/// X ~ N(0, I), y ~ Bernoulli(σ(Xw + 0.3)), objective `½‖w‖² + Σᵢ log-loss` with an unpenalised intercept.
///
/// ```
/// scripts/bench LogisticBench
/// ```
/// Rows: `mlscratch` = `LogisticRegression.fit` with L-BFGS (λ = 1/n on the mean form, the default tol
/// 1e-6 on ‖∇L‖∞); `smile` = `smile.classification.LogisticRegression.binomial` (λₛ = 1 on the sum form: the
/// same objective; its default tol 1e-5). Set-up fits both once and fails unless their training log-losses
/// agree within 1e-4; tear-down checks the timed fits reached that log-loss, so a fast wrong answer cannot win.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
        "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LogisticBench {
    static final int N = 50_000, D = 50;
    static final double TOLERANCE = 1e-4;

    Matrix X;
    Vector y;
    double[][] x;
    int[] yi;
    LogisticRegression.Options options;
    double reference, last = Double.NaN;

    @Setup public void setup() {
        var data = LinearData.logistic(N, D, 2024, 0.27);
        X = data.X();
        y = data.y();
        x = X.toArray2D();
        yi = y.toIntArray();
        options = LogisticRegression.Options.defaults().withL2(1.0 / N);
        double ours = oursLoss(LogisticRegression.fit(X, y, options));
        double smile = smileLoss(fitSmile());
        System.out.printf(Locale.ROOT, "%n  training log-loss: mlscratch %.6f, smile %.6f%n", ours, smile);
        if (Math.abs(ours - smile) > TOLERANCE)
            throw new IllegalStateException("the two fits disagree: log-loss " + ours + " vs " + smile);
        reference = smile;
    }

    @Benchmark public LogisticRegression mlscratch() {
        var m = LogisticRegression.fit(X, y, options);
        last = oursLoss(m);
        return m;
    }

    @Benchmark public Object smile() {
        var m = fitSmile();
        last = smileLoss(m);
        return m;
    }

    @TearDown public void check() {
        if (!Double.isNaN(last) && Math.abs(last - reference) > TOLERANCE)
            throw new IllegalStateException("the timed fit reached log-loss " + last + ", not " + reference);
    }

    smile.classification.LogisticRegression.Binomial fitSmile() {
        return smile.classification.LogisticRegression.binomial(x, yi, new smile.classification.LogisticRegression.Options(1.0, 1e-5, 500));
    }

    double oursLoss(LogisticRegression m) { return Metrics.logLoss(y, m.predictProba(X)); }

    double smileLoss(smile.classification.LogisticRegression.Binomial m) {
        double s = 0;
        double[] p = new double[2];
        for (int i = 0; i < N; i++) {
            m.predict(x[i], p);
            s -= Math.log(p[yi[i]]);
        }
        return s / N;
    }
}
