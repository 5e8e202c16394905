package mlscratch.linalg;

/// Elementwise kernels on `double[]` slices — `out[oo + i] = f(a[ao + i], …)` for i < n — the hot loops under
/// [Matrix]'s `plus`, `minus`, `hadamard`, `scale` and under the neural-network buffers (activations,
/// softmax, `w ← w − η·g`).
///
/// Each operation has two routes:
/// ```
/// foo(…)         dispatch: the Vector API kernel (VectorElementwise) when jdk.incubator.vector is in the
///                boot layer and the slice is long enough, else the scalar loop
/// fooScalar(…)   the plain loop, kept as the reference the vector kernel is tested against
/// ```
/// Arithmetic (add, subtract, multiply, scale, axpy, relu) gives the same bits on both routes. The
/// transcendental ones differ by at most a couple of ulps: the scalar route calls `Math.exp`/`Math.tanh`,
/// the vector one evaluates its own `exp` (Cody–Waite reduction + degree-13 polynomial, ≤ 2 ulp from
/// `Math.exp` on all of −745 … 709.8; see VectorElementwise).
///
/// Aliasing: `out` may be the input itself at the same offset (the in-place form; `…InPlace` spells it);
/// partially overlapping slices are not supported.
final class Elementwise {
    private Elementwise() {}

    /// Shorter slices stay on the scalar loop: a vector loop of one or two iterations does not pay.
    static final int VECTOR_MIN = 16;

    private static boolean vector(int n) { return Kernels.VECTOR && n >= VECTOR_MIN; }

    // ───────────────────────────── arithmetic ─────────────────────────────

    /// `out = a + b`.
    static void add(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        if (vector(n)) VectorElementwise.add(a, ao, b, bo, out, oo, n);
        else addScalar(a, ao, b, bo, out, oo, n);
    }

    static void addScalar(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] + b[bo + i];
    }

    /// `out = a − b`.
    static void subtract(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        if (vector(n)) VectorElementwise.subtract(a, ao, b, bo, out, oo, n);
        else subtractScalar(a, ao, b, bo, out, oo, n);
    }

    static void subtractScalar(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] - b[bo + i];
    }

    /// `out = a ⊙ b` (the Hadamard product).
    static void multiply(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        if (vector(n)) VectorElementwise.multiply(a, ao, b, bo, out, oo, n);
        else multiplyScalar(a, ao, b, bo, out, oo, n);
    }

    static void multiplyScalar(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] * b[bo + i];
    }

    /// `out = c·a`.
    static void scale(double c, double[] a, int ao, double[] out, int oo, int n) {
        if (vector(n)) VectorElementwise.scale(c, a, ao, out, oo, n);
        else scaleScalar(c, a, ao, out, oo, n);
    }

    static void scaleScalar(double c, double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = c * a[ao + i];
    }

    /// `a ← c·a`.
    static void scaleInPlace(double c, double[] a, int ao, int n) { scale(c, a, ao, a, ao, n); }

    /// `y ← α·x + y`, one rounding per entry (`Math.fma`): the SGD step `w ← w − η·g` is `axpy(−η, g, w)`.
    static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        if (vector(n)) VectorElementwise.axpy(alpha, x, xo, y, yo, n);
        else axpyScalar(alpha, x, xo, y, yo, n);
    }

    static void axpyScalar(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] = Math.fma(alpha, x[xo + i], y[yo + i]);
    }

    // ───────────────────────────── activations ─────────────────────────────

    /// `out = max(0, a)`; NaN stays NaN (as `Math.max`), and relu(−0.0) = 0.0.
    static void relu(double[] a, int ao, double[] out, int oo, int n) {
        if (vector(n)) VectorElementwise.relu(a, ao, out, oo, n);
        else reluScalar(a, ao, out, oo, n);
    }

    static void reluScalar(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = Math.max(0.0, a[ao + i]);
    }

    static void reluInPlace(double[] a, int ao, int n) { relu(a, ao, a, ao, n); }

    /// `out = eᵃ`.
    static void exp(double[] a, int ao, double[] out, int oo, int n) {
        if (vector(n)) VectorElementwise.exp(a, ao, out, oo, n);
        else expScalar(a, ao, out, oo, n);
    }

    static void expScalar(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = Math.exp(a[ao + i]);
    }

    static void expInPlace(double[] a, int ao, int n) { exp(a, ao, a, ao, n); }

    /// `out = σ(a) = 1 / (1 + e⁻ᵃ)`. For a < −709.8, e⁻ᵃ overflows to +∞ and σ gives 0 (the true value is
    /// below 1e-308); for a large and positive e⁻ᵃ underflows to 0 and σ gives 1. No NaN from finite input.
    static void sigmoid(double[] a, int ao, double[] out, int oo, int n) {
        if (vector(n)) VectorElementwise.sigmoid(a, ao, out, oo, n);
        else sigmoidScalar(a, ao, out, oo, n);
    }

    static void sigmoidScalar(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = 1.0 / (1.0 + Math.exp(-a[ao + i]));
    }

    static void sigmoidInPlace(double[] a, int ao, int n) { sigmoid(a, ao, a, ao, n); }

    /// `out = tanh(a)`.
    static void tanh(double[] a, int ao, double[] out, int oo, int n) {
        if (vector(n)) VectorElementwise.tanh(a, ao, out, oo, n);
        else tanhScalar(a, ao, out, oo, n);
    }

    static void tanhScalar(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = Math.tanh(a[ao + i]);
    }

    static void tanhInPlace(double[] a, int ao, int n) { tanh(a, ao, a, ao, n); }

    /// Row-wise softmax of a row-major `rows × cols` block: `out[i][j] = e^(aᵢⱼ − mᵢ) / Σₗ e^(aᵢₗ − mᵢ)` with
    /// `mᵢ = maxⱼ aᵢⱼ`. Subtracting the row maximum changes nothing mathematically and keeps every exponent
    /// ≤ 0, so nothing overflows (the log-sum-exp trick). Each row sums to 1; a row holding +∞ or NaN, or
    /// all −∞, gives NaN (as NumPy).
    static void softmaxRows(int rows, int cols, double[] a, int ao, double[] out, int oo) {
        if (vector(cols)) VectorElementwise.softmaxRows(rows, cols, a, ao, out, oo);
        else softmaxRowsScalar(rows, cols, a, ao, out, oo);
    }

    static void softmaxRowsScalar(int rows, int cols, double[] a, int ao, double[] out, int oo) {
        for (int i = 0; i < rows; i++) {
            int ai = ao + i * cols, oi = oo + i * cols;
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) m = Math.max(m, a[ai + j]);                 // mᵢ = maxⱼ aᵢⱼ
            double s = 0;
            for (int j = 0; j < cols; j++) s += out[oi + j] = Math.exp(a[ai + j] - m);   // e^(aᵢⱼ − mᵢ), Σ
            double inv = 1.0 / s;
            for (int j = 0; j < cols; j++) out[oi + j] *= inv;                         // ÷ Σ
        }
    }

    static void softmaxRowsInPlace(int rows, int cols, double[] a, int ao) { softmaxRows(rows, cols, a, ao, a, ao); }
}
