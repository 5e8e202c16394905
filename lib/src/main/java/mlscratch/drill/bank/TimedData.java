package mlscratch.drill.bank;

import java.util.function.Supplier;
import mlscratch.data.Dataset;
import mlscratch.data.Datasets;
import mlscratch.data.Generators;
import mlscratch.data.Split;
import mlscratch.data.StandardScaler;
import mlscratch.drill.DrillCase;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// The real data behind the timed drills: stratified 75/25 splits (seeded), standardised on the training
/// part, loaded lazily (listing the drills loads nothing) and once.
final class TimedData {
    private TimedData() {}

    /// A train/test split.
    record Data(Matrix Xtrain, Vector ytrain, Matrix Xtest, Vector ytest) {}

    static <T> Supplier<T> lazy(Supplier<T> s) {
        return new Supplier<>() {
            private volatile T value;
            @Override public T get() {
                T v = value;
                if (v == null) synchronized (this) { if (value == null) value = s.get(); v = value; }
                return v;
            }
        };
    }

    static final Supplier<Dataset> IRIS = lazy(Datasets::iris);
    static final Supplier<Dataset> WINE = lazy(Datasets::wine);
    static final Supplier<Dataset> CANCER = lazy(Datasets::breastCancer);
    static final Supplier<Dataset> DIGITS = lazy(Datasets::digits);

    /// 75/25 stratified split of (X, y), standardised with the training mean and deviation.
    static Supplier<Data> split(Supplier<Dataset> data, long seed) { return split(data, seed, -1); }

    /// The same with the labels made binary: 1 for class `positive`, 0 otherwise (`positive < 0`: as they are).
    static Supplier<Data> split(Supplier<Dataset> data, long seed, int positive) {
        return lazy(() -> {
            Dataset d = data.get();
            Vector y = positive < 0 ? d.y() : d.y().map(c -> c == positive ? 1 : 0);
            var fold = Split.stratified(y, 0.25, seed);
            Matrix Xtr = d.X().selectRows(fold.train()), Xte = d.X().selectRows(fold.test());
            var scaler = StandardScaler.fit(Xtr);
            return new Data(scaler.transform(Xtr), y.select(fold.train()), scaler.transform(Xte), y.select(fold.test()));
        });
    }

    static Supplier<Data> moons(long seed) { return split(lazy(() -> Generators.moons(300, 0.15, seed)), seed); }

    static Supplier<Data> circles(long seed) { return split(lazy(() -> Generators.circles(300, 0.05, 0.5, seed)), seed); }

    static Supplier<Data> blobs(int k, long seed) { return split(lazy(() -> Generators.blobs(300, k, 1.5, seed)), seed); }

    /// A classifier case `(Xtrain, ytrain, Xtest) → predicted labels`, judged by test accuracy ≥ reference − tol.
    static DrillCase classify(String name, Supplier<Data> data, double tol) {
        return DrillCase.random(name, 0, rng -> {
            Data d = data.get();
            return new Object[] {d.Xtrain(), d.ytrain(), d.Xtest()};
        }, Expect.atLeast("test accuracy", (args, answer) -> accuracy(data.get().ytest(), answer), tol));
    }

    /// Fraction of `answer` (a Vector of labels) equal to `y`; a wrong type or size is an error naming it.
    static double accuracy(Vector y, Object answer) {
        if (!(answer instanceof Vector p)) {
            throw new IllegalArgumentException("expected a Vector of labels, got " + (answer == null ? "null" : answer.getClass().getSimpleName()));
        }
        if (p.size() != y.size()) throw new IllegalArgumentException("expected " + y.size() + " labels (one per test row), got " + p.size());
        int right = 0;
        for (int i = 0; i < y.size(); i++) if (p.get(i) == y.get(i)) right++;
        return (double) right / y.size();
    }
}
