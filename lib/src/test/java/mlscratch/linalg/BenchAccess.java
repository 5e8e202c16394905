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

    /// One elementwise kernel on `out = f(a)` (whole arrays): `op` is exp, sigmoid, tanh, relu, axpy or softmax
    /// (rows of `cols`). `route`: "vector" = the Vector API kernel called directly (softmax: the dispatch, after
    /// [#warmUpVector]), "loop" = the scalar twin the dispatch falls back to (the plain loop for arithmetic),
    /// "reference" = the textbook loop on Math.exp / Math.tanh.
    public static void elementwise(String op, String route, double[] a, double[] out, int cols) {
        int n = a.length;
        boolean v = route.equals("vector"), loop = route.equals("loop");
        switch (op) {
            case "exp" -> { if (v) VectorElementwise.exp(a, 0, out, 0, n); else if (loop) Elementwise.expLoop(a, 0, out, 0, n); else Elementwise.expScalar(a, 0, out, 0, n); }
            case "sigmoid" -> { if (v) VectorElementwise.sigmoid(a, 0, out, 0, n); else if (loop) Elementwise.sigmoidLoop(a, 0, out, 0, n); else Elementwise.sigmoidScalar(a, 0, out, 0, n); }
            case "tanh" -> { if (v) VectorElementwise.tanh(a, 0, out, 0, n); else if (loop) Elementwise.tanhLoop(a, 0, out, 0, n); else Elementwise.tanhScalar(a, 0, out, 0, n); }
            case "relu" -> { if (v) VectorElementwise.relu(a, 0, out, 0, n); else Elementwise.reluScalar(a, 0, out, 0, n); }
            case "axpy" -> { if (v) VectorElementwise.axpy(-0.01, a, 0, out, 0, n); else Elementwise.axpyScalar(-0.01, a, 0, out, 0, n); }
            case "softmax" -> {
                if (route.equals("reference")) Elementwise.softmaxRowsScalar(n / cols, cols, a, 0, out, 0);
                else Elementwise.softmaxRows(n / cols, cols, a, 0, out, 0);
            }
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
    }

    /// Warms the Vector API elementwise kernels on the calling thread; true when the dispatch now uses them.
    public static boolean warmUpVector() { return Kernels.VECTOR && VectorElementwise.warmUp(); }
}
