package mlscratch.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;

import org.openjdk.jmh.annotations.*;

import mlscratch.linalg.BenchAccess;
import mlscratch.linalg.Matrix;

/// The elementwise kernels on one MLP activation buffer (64×128 = 8192 entries, N(0, 2²) values; softmax on
/// 64 rows of 128): the Vector API route against the scalar reference loop, and the generic lambda path a
/// user would write (`Matrix.map(Math::exp)`), in one JVM. There is no peer: Smile has no vectorised
/// elementwise kernels to call.
///
/// ```
/// scripts/bench ElementwiseBench
/// scripts/bench ElementwiseBench -p op=exp
/// ```
/// Rows: `vector` = the Vector API kernel (exp: own polynomial, ≤ 1 ulp; softmax: the dispatch, warm);
/// `loop` = the scalar twin the dispatch uses until the vector kernels are compiled (same bits; for relu and
/// axpy the plain loop, which C2 vectorises itself); `reference` = the textbook loop on Math.exp, Math.tanh;
/// `mapLambda` = `Matrix.map` with the same function (allocates). Setup warms the vector kernels and checks
/// them against the reference (4 ulps; softmax 1e-14 relative: its row sum runs in another order), so a fast wrong answer cannot win.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ElementwiseBench {
    @Param({"exp", "sigmoid", "tanh", "softmax", "relu", "axpy"})
    public String op;

    static final int ROWS = 64, COLS = 128;

    double[] a, out;
    Matrix A;
    DoubleUnaryOperator f;

    @Setup public void setup() {
        A = Matrix.randn(ROWS, COLS, 7).scale(2);
        a = A.toArray();
        out = new double[a.length];
        f = switch (op) {
            case "exp" -> Math::exp;
            case "sigmoid" -> x -> 1 / (1 + Math.exp(-x));
            case "tanh" -> Math::tanh;
            case "relu" -> x -> Math.max(0, x);
            default -> x -> x;                       // softmax and axpy are not elementwise maps
        };
        if (!BenchAccess.warmUpVector()) throw new IllegalStateException("the vector kernels did not warm up");
        double[] v = new double[a.length], s = new double[a.length];
        BenchAccess.elementwise(op, "vector", a, v, COLS);
        BenchAccess.elementwise(op, "reference", a, s, COLS);
        for (int i = 0; i < a.length; i++)
            if (!(Math.abs(v[i] - s[i]) <= (op.equals("softmax") ? 1e-14 * s[i] : 4 * Math.ulp(s[i])))) throw new IllegalStateException(op + ": vector " + v[i] + " vs scalar " + s[i]);
    }

    @Benchmark public double[] vector() {
        BenchAccess.elementwise(op, "vector", a, out, COLS);
        return out;
    }

    @Benchmark public double[] loop() {
        BenchAccess.elementwise(op, "loop", a, out, COLS);
        return out;
    }

    @Benchmark public double[] reference() {
        BenchAccess.elementwise(op, "reference", a, out, COLS);
        return out;
    }

    @Benchmark public Matrix mapLambda() { return A.map(f); }
}
