package mlscratch.clustering;

/// Opens the package-private neighbourhood indexes to the JMH benchmarks in `mlscratch.bench` (test sources
/// only), so a benchmark can time DBSCAN's first pass through each index on the same data.
public final class ClusteringBenchAccess {
    private ClusteringBenchAccess() {}

    /// `counts[i] = min(|N(xᵢ)|, limit)` for every row of x (row-major n×d), in blocks of 64 rows as
    /// DBSCAN's first pass asks, through the index `RangeSearch.of` picks (`expanded`: true) or BruteForce.
    public static int[] neighbourCounts(double[] x, int n, int d, double eps, int limit, boolean expanded) {
        RangeSearch index = expanded ? RangeSearch.of(x, n, d, eps, Distance.EUCLIDEAN) : new RangeSearch.BruteForce(x, n, d, eps * eps);
        if (expanded && !(index instanceof RangeSearch.Expanded))
            throw new IllegalStateException("d = " + d + " does not take the expanded index");
        int[] counts = new int[n];
        java.util.stream.IntStream.range(0, (n + 63) / 64).parallel()
                .forEach(b -> index.countRows(x, d, b * 64, Math.min(n, b * 64 + 64), limit, counts));
        return counts;
    }
}
