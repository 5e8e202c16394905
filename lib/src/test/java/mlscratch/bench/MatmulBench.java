package mlscratch.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.*;

import mlscratch.linalg.BenchAccess;
import mlscratch.linalg.Matrix;
import smile.tensor.DenseMatrix;

/// Dense `n×n` matrix product, mlscratch beside Smile (OpenBLAS through FFM) in one JVM, so that only
/// ratios measured side by side are compared (the machine is shared and noisy).
///
/// ```
/// scripts/bench MatmulBench                  # all sizes; the summary converts ms/op to GFLOP/s = 2n³ / t
/// scripts/bench MatmulBench -p n=1024
/// ```
/// Rows: `mlscratch` = `Matrix.times` (the Vector API micro-kernel when jdk.incubator.vector is present, else
/// the scalar one); `mlscratchOneThread` = the same kernel on one thread; `vectorKernel` / `scalarKernel` =
/// each kernel called directly, in parallel; `naiveIkj` = the textbook i-k-j loop on `double[]` (the starting point);
/// `smile` = `DenseMatrix.mm`, which calls OpenBLAS `dgemm` (needs `libopenblas.so`: apt-get install libopenblas-dev).
/// Every row allocates its output, as the public APIs do.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
        "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MatmulBench {
    @Param({"256", "512", "1024", "2048"})
    public int n;

    Matrix A, B;
    double[] a, b;
    DenseMatrix sa, sb;

    @Setup public void setup() {
        A = Matrix.random(n, n, 1);
        B = Matrix.random(n, n, 2);
        a = A.toArray();
        b = B.toArray();
        sa = DenseMatrix.of(A.toArray2D());
        sb = DenseMatrix.of(B.toArray2D());
    }

    @Benchmark public Matrix mlscratch() { return A.times(B); }

    @Benchmark public double[] mlscratchOneThread() {
        double[] c = new double[n * n];
        BenchAccess.gemmSequential(n, n, n, a, b, c);
        return c;
    }

    @Benchmark public double[] vectorKernel() {
        double[] c = new double[n * n];
        BenchAccess.gemmVector(n, n, n, a, b, c);
        return c;
    }

    @Benchmark public double[] scalarKernel() {
        double[] c = new double[n * n];
        BenchAccess.gemmScalar(n, n, n, a, b, c);
        return c;
    }

    /// The loop every tutorial writes first: `C[i][j] += A[i][k]·B[k][j]` in i-k-j order.
    @Benchmark public double[] naiveIkj() {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
            }
        return c;
    }

    @Benchmark public DenseMatrix smile() { return sa.mm(sb); }
}
