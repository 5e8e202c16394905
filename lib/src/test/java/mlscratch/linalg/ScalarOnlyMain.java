package mlscratch.linalg;

/// Run by [VectorKernelsTest] in a fresh JVM started *without* `--add-modules jdk.incubator.vector`:
/// a product big enough for the parallel blocked path, checked against the textbook loop, and the elementwise
/// kernels through their dispatch. Prints
/// `VECTOR=false ok` when the scalar fallback ran and agreed.
public final class ScalarOnlyMain {
    private ScalarOnlyMain() {}

    public static void main(String[] args) {
        int m = 150, n = 140, p = 300;
        Matrix A = Matrix.random(m, n, 1), B = Matrix.random(n, p, 2);
        double[] C = A.times(B).toArray(), R = new double[m * p];
        Kernels.gemmReference(m, n, p, A.toArray(), B.toArray(), R);
        for (int i = 0; i < R.length; i++)
            if (!Kernels.close(C[i], R[i], 1e-12)) throw new AssertionError("C[" + i + "] = " + C[i] + " but " + R[i]);
        // the elementwise kernels through their dispatch: the scalar loops, same bits as the reference
        double[] x = A.toArray(), y = new double[x.length], want = new double[x.length];
        if (!A.plus(A).equals(A.scale(2))) throw new AssertionError("A + A ≠ 2A");
        Elementwise.exp(x, 0, y, 0, x.length);
        Elementwise.expLoop(x, 0, want, 0, x.length);                  // the same bits the vector route gives
        if (!java.util.Arrays.equals(y, want)) throw new AssertionError("exp without the module is not the scalar twin");
        Elementwise.expScalar(x, 0, want, 0, x.length);
        for (int i = 0; i < x.length; i++)
            if (Math.abs(y[i] - want[i]) > 2 * Math.ulp(want[i])) throw new AssertionError("exp(" + x[i] + ") is not Math.exp's");
        Elementwise.softmaxRowsInPlace(m, n, x, 0);
        Elementwise.tanhInPlace(x, 0, x.length);
        System.out.println("VECTOR=" + Kernels.VECTOR + " ok");
    }
}
