package mlscratch.linalg;

/// Opens package-private kernels to the JMH benchmarks in `mlscratch.bench` (test sources only), so a
/// benchmark can show each rung of the performance ladder on its own.
public final class BenchAccess {
    private BenchAccess() {}

    /// `C = A·B` through the blocked kernel, on the calling thread only (no parallel split).
    public static void gemmSequential(int m, int n, int p, double[] A, double[] B, double[] C) {
        Kernels.gemm(m, n, p, A, n, 1, B, p, 1, C, false);
    }

    /// `C = A·B` through the scalar blocked kernel (the fallback without jdk.incubator.vector), in parallel.
    public static void gemmScalar(int m, int n, int p, double[] A, double[] B, double[] C) {
        Kernels.gemm(m, n, p, A, n, 1, B, p, 1, C, true, false);
    }

    /// `C = A·B` through the Vector API micro-kernel, in parallel (needs `--add-modules jdk.incubator.vector`).
    public static void gemmVector(int m, int n, int p, double[] A, double[] B, double[] C) {
        Kernels.gemm(m, n, p, A, n, 1, B, p, 1, C, true, true);
    }
}
