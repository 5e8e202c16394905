package mlscratch.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.*;

import mlscratch.clustering.ClusteringBenchAccess;
import mlscratch.clustering.DBSCAN;
import mlscratch.data.Generators;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;

/// DBSCAN where the neighbour search has many features: 10 000 points, 10 Gaussian blobs in two
/// coordinates plus d − 2 noise coordinates (N(0, 0.3²)), ε = 0.36·√d, minPts = 10; mlscratch beside Smile
/// in one JVM.
///
/// ```
/// scripts/bench DBSCANWideBench
/// scripts/bench DBSCANWideBench -p d=64
/// ```
/// Rows: `mlscratch` = `DBSCAN.fit` (from d = 16 the neighbourhoods come from one GEMM per block of
/// queries × tile of points, `RangeSearch.Expanded`); `smile` = `smile.clustering.DBSCAN.fit(x, 9, ε)`
/// (Smile's minPts does not count the point itself); `countsExpanded` / `countsBruteForce` = DBSCAN's first
/// pass alone (every point's neighbour count, capped at minPts) through the expanded index and through the
/// blocked loop it replaces. Set-up checks both count vectors are equal and that the two fits give the same
/// partition (adjusted Rand index 1, same noise), so a fast wrong answer cannot win.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
        "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class DBSCANWideBench {
    @Param({"16", "32", "64"})
    public int d;

    static final int N = 10_000, MIN_PTS = 10;

    Matrix X;
    double[] flat;
    double[][] x;
    double eps;

    @Setup public void setup() {
        X = Matrix.hstack(Generators.blobs(N, 10, 1.0, 3).X(), Matrix.randn(N, d - 2, 4).scale(0.3));
        flat = X.toArray();
        x = X.toArray2D();
        eps = 0.36 * Math.sqrt(d);
        if (!Arrays.equals(countsExpanded(), countsBruteForce()))
            throw new IllegalStateException("DBSCANWideBench: expanded and brute-force counts differ at d = " + d);
        DBSCAN ours = mlscratch();
        var theirs = smile();
        double[] t = new double[N];
        for (int i = 0; i < N; i++) {
            int g = theirs.group(i);
            t[i] = g == smile.clustering.Clustering.OUTLIER ? -1 : g;
            if ((t[i] == -1) != ours.isNoise(i)) throw new IllegalStateException("DBSCANWideBench: noise disagrees at row " + i);
        }
        double ari = Metrics.adjustedRandIndex(ours.labels(), Vector.wrap(t));
        if (ours.clusters() != theirs.k() || ari < 1 - 1e-12)
            throw new IllegalStateException("DBSCANWideBench: partitions differ: ours " + ours.clusters() + ", Smile " + theirs.k() + ", ARI " + ari);
        System.out.printf(Locale.ROOT, "%n  d = %d: both %d clusters, %d noise points, ARI %.6f%n", d, ours.clusters(), ours.noise(), ari);
    }

    @Benchmark public DBSCAN mlscratch() { return DBSCAN.fit(X, eps, MIN_PTS); }

    @Benchmark public smile.clustering.DBSCAN<double[]> smile() { return smile.clustering.DBSCAN.fit(x, MIN_PTS - 1, eps); }

    @Benchmark public int[] countsExpanded() { return ClusteringBenchAccess.neighbourCounts(flat, N, d, eps, MIN_PTS, true); }

    @Benchmark public int[] countsBruteForce() { return ClusteringBenchAccess.neighbourCounts(flat, N, d, eps, MIN_PTS, false); }
}
