package mlscratch.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.*;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.regression.Lasso;
import mlscratch.regression.Ridge;

/// Ridge and lasso, mlscratch beside Smile in one JVM, on the same data: X standard normal n × d with
/// columns standardised, y = Xw + noise with half of w zero (so the lasso has features to drop).
///
/// ```
/// scripts/bench PenalisedRegressionBench
/// ```
/// Rows: `ridgeCholesky` = `Ridge.fit` (Cholesky); `smileRidge` = `smile.regression.RidgeRegression.fit`;
/// `lassoCoordinateDescent` = `Lasso.fit` (tol 1e-8 on the KKT violation); `smileLasso` =
/// `smile.regression.LASSO.fit` (interior point, tol 1e-4, its default). Smile standardises columns by the
/// sample std, so its λ maps to our α as described in the test class `SmileData`. Quality is checked at
/// tear-down: the two ridge fits agree to 1e-6 and the two lasso fits to 1e-2 relative (Smile's tolerance),
/// so a fast wrong answer cannot win.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PenalisedRegressionBench {
    @Param({"5000"}) int n;
    @Param({"50"}) int d;

    Matrix X;
    Vector y;
    smile.data.DataFrame frame;
    double lambda = 2000;
    Vector ridgeOurs, ridgeSmile, lassoOurs, lassoSmile;

    @Setup public void setup() {
        Matrix R = Matrix.randn(n, d, 2024);
        Vector sd = R.std(0).scale(Math.sqrt(n / (n - 1.0)));                    // sample std: Smile's scaling becomes 1
        X = R.minusRowVector(R.mean(0)).divideColumns(sd);
        Vector w = Vector.randn(d, 7).hadamard(Vector.random(d, 8).map(u -> u < 0.5 ? 0 : 1));
        y = X.times(w).plus(Vector.randn(n, 9)).plus(3);
        double[][] rows = new double[n][];
        String[] names = new String[d + 1];
        for (int i = 0; i < n; i++) rows[i] = Vector.concat(X.row(i), Vector.of(y.get(i))).toArray();
        for (int j = 0; j < d; j++) names[j] = "x" + j;
        names[d] = "y";
        frame = smile.data.DataFrame.of(rows, names);
    }

    @Benchmark public Ridge ridgeCholesky() {
        Ridge m = Ridge.fit(X, y, lambda);                                       // s = 1: α = λ
        ridgeOurs = m.w();
        return m;
    }

    @Benchmark public Object smileRidge() {
        var m = smile.regression.RidgeRegression.fit(smile.data.formula.Formula.lhs("y"), frame, lambda);
        ridgeSmile = copy(m.coefficients());
        return m;
    }

    @Benchmark public Lasso lassoCoordinateDescent() {
        Lasso m = Lasso.fit(X, y, lambda / (2.0 * n));                           // s = 1: α = λ/(2n)
        lassoOurs = m.w();
        return m;
    }

    @Benchmark public Object smileLasso() {
        var m = smile.regression.LASSO.fit(smile.data.formula.Formula.lhs("y"), frame, new smile.regression.LASSO.Options(lambda));
        lassoSmile = copy(m.coefficients());
        return m;
    }

    private static Vector copy(smile.tensor.Vector v) {
        double[] a = new double[v.size()];
        for (int j = 0; j < a.length; j++) a[j] = v.get(j);
        return Vector.wrap(a);
    }

    @TearDown public void check() {
        if (ridgeOurs != null && ridgeSmile != null && !ridgeOurs.isClose(ridgeSmile, 1e-6))
            throw new IllegalStateException("ridge fits disagree: " + ridgeOurs + " vs " + ridgeSmile);
        if (lassoOurs != null && lassoSmile != null
                && lassoOurs.minus(lassoSmile).normInf() > 1e-2 * lassoSmile.normInf())
            throw new IllegalStateException("lasso fits disagree: " + lassoOurs + " vs " + lassoSmile);
        if (lassoOurs != null)
            System.out.printf(Locale.ROOT, "%n  lasso keeps %d of %d features%n",
                    (int) lassoOurs.map(v -> v != 0 ? 1 : 0).sum(), lassoOurs.size());
    }
}
