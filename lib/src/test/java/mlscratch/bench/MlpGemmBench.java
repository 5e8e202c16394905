package mlscratch.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.*;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.MatrixBuffer;
import smile.linalg.Transpose;
import smile.tensor.DenseMatrix;

/// The three matrix products of one MLP training step on the PERF.md network (784-128-10, batch 64),
/// mlscratch beside Smile (OpenBLAS `dgemm` through FFM) in one JVM. Each is 2·64·784·128 = 12.85 MFLOP,
/// so GFLOP/s = 12.85 / (time in ms).
///
/// ```
/// shape      product                         stored as                          mlscratch call
/// forward    Z = X·W      (64×784 · 784×128)  X 64×784, W 784×128               X.timesInto(W, Z)
/// gradW      G = Xᵀ·δ     (784×64 · 64×128)   X 64×784, δ 64×128                X.transposeTimesInto(δ, G)
/// deltaIn    E = δ·Wᵀ     (64×128 · 128×784)  δ 64×128, W 784×128               δ.timesTransposeInto(W, E)
///
/// scripts/bench MlpGemmBench
/// scripts/bench MlpGemmBench -p shape=forward
/// ```
/// Rows: `mlscratchInto` = [MatrixBuffer] into a preallocated output (what training does);
/// `mlscratchMatrix` = the immutable [Matrix] API (`times`, `transposeTimes`, `timesTranspose`: allocates
/// the result); `smileInto` = `DenseMatrix.mm(1, transA, A, transB, B, 0, C)` into a preallocated C;
/// `smile` = `mm` / `tm` / `mt` (allocating). Setup checks that both sides agree, so a fast wrong answer
/// cannot win.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
        "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MlpGemmBench {
    @Param({"forward", "gradW", "deltaIn"})
    public String shape;

    static final int BATCH = 64, IN = 784, HIDDEN = 128;

    Matrix X, W, D;                          // X 64×784, W 784×128, δ 64×128
    MatrixBuffer bX, bW, bD, out;
    DenseMatrix sX, sW, sD, sOut;

    @Setup public void setup() {
        X = Matrix.random(BATCH, IN, 1);
        W = Matrix.randn(IN, HIDDEN, 2).scale(0.05);
        D = Matrix.randn(BATCH, HIDDEN, 3);
        bX = MatrixBuffer.copyOf(X);
        bW = MatrixBuffer.copyOf(W);
        bD = MatrixBuffer.copyOf(D);
        sX = DenseMatrix.of(X.toArray2D());
        sW = DenseMatrix.of(W.toArray2D());
        sD = DenseMatrix.of(D.toArray2D());
        Matrix want = mlscratchMatrix();
        out = MatrixBuffer.zeros(want.rows(), want.cols());
        sOut = DenseMatrix.of(new double[want.rows()][want.cols()]);
        mlscratchInto();
        check("mlscratchInto", want, out.toMatrix());
        check("smile", want, toMatrix(smile()));
        smileInto();
        check("smileInto", want, toMatrix(sOut));
    }

    static Matrix toMatrix(DenseMatrix M) {
        double[][] a = new double[M.nrow()][M.ncol()];
        for (int i = 0; i < a.length; i++)
            for (int j = 0; j < a[i].length; j++) a[i][j] = M.get(i, j);
        return Matrix.of(a);
    }

    static void check(String who, Matrix want, Matrix got) {
        if (!want.isClose(got, 1e-10)) throw new IllegalStateException(who + " disagrees with Matrix on " + want.shape());
    }

    @Benchmark public MatrixBuffer mlscratchInto() {
        switch (shape) {
            case "forward" -> bX.timesInto(bW, out);                       // Z = X·W
            case "gradW" -> bX.transposeTimesInto(bD, out);                // G = Xᵀ·δ
            default -> bD.timesTransposeInto(bW, out);                     // E = δ·Wᵀ
        }
        return out;
    }

    @Benchmark public Matrix mlscratchMatrix() {
        return switch (shape) {
            case "forward" -> X.times(W);
            case "gradW" -> X.transposeTimes(D);
            default -> D.timesTranspose(W);
        };
    }

    @Benchmark public DenseMatrix smileInto() {
        switch (shape) {
            case "forward" -> DenseMatrix.mm(1.0, Transpose.NO_TRANSPOSE, sX, Transpose.NO_TRANSPOSE, sW, 0.0, sOut);
            case "gradW" -> DenseMatrix.mm(1.0, Transpose.TRANSPOSE, sX, Transpose.NO_TRANSPOSE, sD, 0.0, sOut);
            default -> DenseMatrix.mm(1.0, Transpose.NO_TRANSPOSE, sD, Transpose.TRANSPOSE, sW, 0.0, sOut);
        }
        return sOut;
    }

    @Benchmark public DenseMatrix smile() {
        return switch (shape) {
            case "forward" -> sX.mm(sW);
            case "gradW" -> sX.tm(sD);
            default -> sD.mt(sW);
        };
    }
}
