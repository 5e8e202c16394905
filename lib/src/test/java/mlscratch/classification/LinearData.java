package mlscratch.classification;

import java.util.random.RandomGenerator;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

/// Data sets shared by the linear-classifier tests and benchmarks, each reproducible from its formula or seed.
public final class LinearData {
    private LinearData() {}

    /// Features and labels.
    public record Xy(Matrix X, Vector y) {}

    /// The PERF.md logistic task: X ~ N(0, I), y ~ Bernoulli(σ(Xw + 0.3)) for w ~ N(0, I).
    public static Xy logistic(int n, int d, long seed) { return logistic(n, d, seed, 1.0); }

    /// The same with w ~ N(0, scale²·I): the scale sets how separable the classes are. PERF.md's peers reach a
    /// training log-loss of 0.463 on their draw; scale 0.27 lands there (scikit-learn, C = 1, on this formula).
    public static Xy logistic(int n, int d, long seed, double scale) {
        RandomGenerator rng = Rng.of(seed);
        Matrix X = Matrix.randn(n, d, rng);
        Vector w = Vector.randn(d, rng).scale(scale);
        Vector p = X.times(w).plus(0.3).map(LogisticRegression::sigmoid);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = rng.nextDouble() < p.get(i) ? 1 : 0;
        return new Xy(X, Vector.wrap(y));
    }

    /// The PERF.md softmax task: X ~ N(0, I), y ~ Categorical(softmax(XW)) for W ~ N(0, I) (k×d).
    public static Xy softmax(int n, int d, int k, long seed) { return softmax(n, d, k, seed, 1.0); }

    /// The same with W ~ N(0, scale²): PERF.md's peers reach a training log-loss of 0.971; scale 0.42 lands
    /// near it (scikit-learn, C = 1, on this formula).
    public static Xy softmax(int n, int d, int k, long seed, double scale) {
        RandomGenerator rng = Rng.of(seed);
        Matrix X = Matrix.randn(n, d, rng);
        Matrix W = Matrix.randn(k, d, rng).scale(scale);
        Matrix Z = X.timesTranspose(W);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            Vector p = SoftmaxRegression.softmax(Z.row(i));
            double u = rng.nextDouble(), cum = 0;
            int c = 0;
            for (; c < k - 1; c++) {
                cum += p.get(c);
                if (u < cum) break;
            }
            y[i] = c;
        }
        return new Xy(X, Vector.wrap(y));
    }

    /// 40 rows, `xᵢ = (sin(i + 1), 2cos(0.7i))`, `yᵢ = [sin(2.3i) + xᵢ₁ > 0.2]`: overlapping classes, the
    /// same formula as the scikit-learn golden values (numpy, i = 0..39).
    static Xy goldenBinary() {
        int n = 40;
        double[][] X = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            X[i] = new double[] {Math.sin(i + 1.0), 2 * Math.cos(0.7 * i)};
            y[i] = Math.sin(2.3 * i) + X[i][0] > 0.2 ? 1 : 0;
        }
        return new Xy(Matrix.of(X), Vector.wrap(y));
    }

    /// 60 rows, 3 classes: `xᵢ` as in [#goldenBinary()], `sᵢ = sin(1.7i)`,
    /// `yᵢ = 2 if xᵢ₁ + sᵢ/2 > 0.4, else 1 if xᵢ₂ + sᵢ > 0, else 0`.
    static Xy goldenMulti() {
        int n = 60;
        double[][] X = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            X[i] = new double[] {Math.sin(i + 1.0), 2 * Math.cos(0.7 * i)};
            double s = Math.sin(1.7 * i);
            y[i] = X[i][0] + 0.5 * s > 0.4 ? 2 : X[i][1] + s > 0 ? 1 : 0;
        }
        return new Xy(Matrix.of(X), Vector.wrap(y));
    }
}
