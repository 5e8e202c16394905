package mlscratch.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.*;

import mlscratch.clustering.DBSCAN;
import mlscratch.data.Generators;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;

/// DBSCAN on 50 000 two-dimensional points (two moons, noise 0.05, seed 1), ε = 0.05, minPts = 10
/// (about 300 points in each neighbourhood), mlscratch beside Smile in one JVM.
///
/// ```
/// scripts/bench DBSCANBench
/// ```
/// Rows: `mlscratch` = `DBSCAN.fit(X, 0.05, 10)` (grid of ε-cells); `smile` =
/// `smile.clustering.DBSCAN.fit(x, 9, 0.05)` — Smile's minPts does not count the point itself, so 9 there
/// is 10 here; it searches with a KD-tree. Set-up runs both once and checks they find the same partition
/// (two clusters, the same noise points, adjusted Rand index 1), so a fast wrong answer cannot win.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class DBSCANBench {
    static final int N = 50_000, MIN_PTS = 10;
    static final double EPS = 0.05;

    Matrix X;
    double[][] x;

    @Setup public void setup() {
        X = Generators.moons(N, 0.05, 1).X();
        x = X.toArray2D();
        DBSCAN ours = mlscratch();
        var theirs = smile();
        double[] t = new double[N];
        for (int i = 0; i < N; i++) {
            int g = theirs.group(i);
            t[i] = g == smile.clustering.Clustering.OUTLIER ? -1 : g;
            if ((t[i] == -1) != ours.isNoise(i))
                throw new IllegalStateException("DBSCANBench: noise disagrees at row " + i);
        }
        double ari = Metrics.adjustedRandIndex(ours.labels(), Vector.wrap(t));
        if (ours.clusters() != 2 || theirs.k() != 2 || ari < 1 - 1e-12)
            throw new IllegalStateException("DBSCANBench: partitions differ: ours " + ours.clusters() + " clusters, Smile "
                    + theirs.k() + ", ARI " + ari);
        System.out.printf(Locale.ROOT, "%n  both: %d clusters, %d noise points, ARI %.6f%n", ours.clusters(), ours.noise(), ari);
    }

    @Benchmark public DBSCAN mlscratch() { return DBSCAN.fit(X, EPS, MIN_PTS); }

    @Benchmark public smile.clustering.DBSCAN<double[]> smile() { return smile.clustering.DBSCAN.fit(x, MIN_PTS - 1, EPS); }
}
