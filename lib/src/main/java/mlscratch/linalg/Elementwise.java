package mlscratch.linalg;

/// Elementwise kernels on `double[]` slices — `out[oo + i] = f(a[ao + i], …)` for i < n — the hot loops under
/// [Matrix]'s `plus`, `minus`, `hadamard`, `scale` and [MatrixBuffer]'s in-place operations and activations.
///
/// Arithmetic (add, subtract, multiply, scale, axpy, relu) runs the plain loops: C2 turns them into SIMD code
/// itself, and their Vector API versions (kept in VectorElementwise for the benchmark) were measured no
/// faster, yet ≈ 7× slower on a cold first call (the Vector API runs allocation-heavy Java code until C2 has
/// compiled it: 0.5 s for one add of 10⁶ entries, 4 s for one exp).
///
/// exp, sigmoid, tanh and softmax have three routes:
/// ```
/// foo(…)         the dispatch: the Vector API kernel once a background thread has seen it compiled
///                (VectorElementwise.warmUp), else fooLoop
/// fooLoop(…)     the scalar twin of the vector kernel: the same IEEE operations in the same order
///                (exp by [#expPoly]), so both routes give the same bits — a result never depends on
///                whether the warm-up had finished, or on whether jdk.incubator.vector is present
/// fooScalar(…)   the textbook loop on Math.exp / Math.tanh: the reference both are tested against
/// ```
/// Accuracy against the reference: exp ≤ 1 ulp measured (tests assert 2), sigmoid ≤ 4, tanh ≤ 2 (tests: 4);
/// softmax within 1e-14 relative (its row sum runs in a fixed 4-way order, not the reference's).
/// Measured (`ElementwiseBench`, 8192 entries, quiet machine), µs: exp 19.7 vector / 40.6 Math.exp loop /
/// 65 scalar twin; sigmoid 22.7 / 56.9 / 90; tanh 35.5 / 103 / 118; softmax (64 rows of 128) 37 / 62.
///
/// Aliasing: `out` may be the input itself at the same offset (the in-place form; `…InPlace` spells it);
/// partially overlapping slices are not supported.
final class Elementwise {
    private Elementwise() {}

    /// Shorter slices stay on the scalar loop: a vector loop of one or two iterations does not pay.
    static final int VECTOR_MIN = 16;

    /// Set (once) by VectorElementwise.warmUp when C2 has compiled the vector kernels.
    private static volatile boolean vectorWarm;

    static void vectorIsWarm() { vectorWarm = true; }

    static boolean isVectorWarm() { return vectorWarm; }

    /// Whether a transcendental kernel on n entries takes the vector route; the first call starts the warm-up.
    private static boolean vector(int n) {
        if (!Kernels.VECTOR || n < VECTOR_MIN) return false;
        if (vectorWarm) return true;
        VectorElementwise.warmUpInBackground();
        return false;
    }

    // ───────────────────────────── arithmetic ─────────────────────────────

    /// `out = a + b`.
    static void add(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        addScalar(a, ao, b, bo, out, oo, n);
    }

    static void addScalar(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] + b[bo + i];
    }

    /// `out = a − b`.
    static void subtract(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        subtractScalar(a, ao, b, bo, out, oo, n);
    }

    static void subtractScalar(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] - b[bo + i];
    }

    /// `out = a ⊙ b` (the Hadamard product).
    static void multiply(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        multiplyScalar(a, ao, b, bo, out, oo, n);
    }

    static void multiplyScalar(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] * b[bo + i];
    }

    /// `out = c·a`.
    static void scale(double c, double[] a, int ao, double[] out, int oo, int n) {
        scaleScalar(c, a, ao, out, oo, n);
    }

    static void scaleScalar(double c, double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = c * a[ao + i];
    }

    /// `a ← c·a`.
    static void scaleInPlace(double c, double[] a, int ao, int n) { scale(c, a, ao, a, ao, n); }

    /// `y ← α·x + y`, one rounding per entry (`Math.fma`): the SGD step `w ← w − η·g` is `axpy(−η, g, w)`.
    static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        axpyScalar(alpha, x, xo, y, yo, n);
    }

    static void axpyScalar(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] = Math.fma(alpha, x[xo + i], y[yo + i]);
    }

    // ───────────────────────────── activations ─────────────────────────────

    /// `out = max(0, a)`; NaN stays NaN (as `Math.max`), and relu(−0.0) = 0.0.
    static void relu(double[] a, int ao, double[] out, int oo, int n) {
        reluScalar(a, ao, out, oo, n);
    }

    static void reluScalar(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = Math.max(0.0, a[ao + i]);
    }

    static void reluInPlace(double[] a, int ao, int n) { relu(a, ao, a, ao, n); }

    /// `out = eᵃ`.
    static void exp(double[] a, int ao, double[] out, int oo, int n) {
        if (vector(n)) VectorElementwise.exp(a, ao, out, oo, n);
        else expLoop(a, ao, out, oo, n);
    }

    static void expScalar(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = Math.exp(a[ao + i]);
    }

    // The scalar twin of VectorElementwise's exp: the same IEEE operations in the same order, so it gives the
    // same bits as each vector lane (tested), whichever route the dispatch takes.
    static final double LOG2E = 1.4426950408889634;                  // log₂e
    static final double LN2_HI = 6.93147180369123816490e-01;         // ln 2, upper bits (fdlibm): k·LN2_HI exact
    static final double LN2_LO = 1.90821492927058770002e-10;         // ln 2 − LN2_HI
    static final double SHIFTER = 0x1.8p52;                          // 1.5·2⁵²: adding it rounds to an integer
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);

    /// `eˣ` by Cody–Waite reduction and a degree-13 polynomial (see VectorElementwise): ≤ 1 ulp from Math.exp.
    static double expPoly(double x) {
        x = Math.min(Math.max(x, -746.0), 710.0);                        // ±∞ → e⁻⁷⁴⁶ = 0, e⁷¹⁰ = ∞; NaN stays NaN
        double t = Math.fma(x, LOG2E, SHIFTER);                          // t = x·log₂e + 1.5·2⁵²
        double kd = t - SHIFTER;                                         // k = round(x·log₂e)
        long k = Double.doubleToRawLongBits(t) - SHIFTER_BITS;
        double r = Math.fma(kd, -LN2_HI, x);                             // r = x − k·ln2, |r| ≤ ln2/2
        r = Math.fma(kd, -LN2_LO, r);
        double p = Math.fma(r, 1 / 6227020800.0, 1 / 479001600.0);      // Σ rᵠ/q!, q ≤ 13, Horner
        p = Math.fma(p, r, 1 / 39916800.0);
        p = Math.fma(p, r, 1 / 3628800.0);
        p = Math.fma(p, r, 1 / 362880.0);
        p = Math.fma(p, r, 1 / 40320.0);
        p = Math.fma(p, r, 1 / 5040.0);
        p = Math.fma(p, r, 1 / 720.0);
        p = Math.fma(p, r, 1 / 120.0);
        p = Math.fma(p, r, 1 / 24.0);
        p = Math.fma(p, r, 1 / 6.0);
        p = Math.fma(p, r, 0.5);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        long k1 = Double.doubleToRawLongBits(Math.fma(kd, 0.5, SHIFTER)) - SHIFTER_BITS, k2 = k - k1;   // k = k1 + k2
        return p * Double.longBitsToDouble((k1 + 1023) << 52) * Double.longBitsToDouble((k2 + 1023) << 52);
    }

    /// `out = eᵃ` through [#expPoly]: the route the dispatch takes when the vector one is not available.
    static void expLoop(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = expPoly(a[ao + i]);
    }

    /// `out = σ(a) = 1 / (1 + e⁻ᵃ)`. For a < −709.8, e⁻ᵃ overflows to +∞ and σ gives 0 (the true value is
    /// below 1e-308); for a large and positive e⁻ᵃ underflows to 0 and σ gives 1. No NaN from finite input.
    static void sigmoid(double[] a, int ao, double[] out, int oo, int n) {
        if (vector(n)) VectorElementwise.sigmoid(a, ao, out, oo, n);
        else sigmoidLoop(a, ao, out, oo, n);
    }

    /// The scalar twin of the vector sigmoid.
    static void sigmoidLoop(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = 1.0 / (1.0 + expPoly(-a[ao + i]));
    }

    static void sigmoidScalar(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = 1.0 / (1.0 + Math.exp(-a[ao + i]));
    }

    /// `out = tanh(a)`.
    static void tanh(double[] a, int ao, double[] out, int oo, int n) {
        if (vector(n)) VectorElementwise.tanh(a, ao, out, oo, n);
        else tanhLoop(a, ao, out, oo, n);
    }

    /// tanh's odd Taylor coefficients: tanh x = Σ T[q]·x^(2q+1), q = 0 … 12 (2²ⁿ(2²ⁿ − 1)B₂ₙ/(2n)!).
    static final double[] TANH = {1.0, -0.3333333333333333, 0.13333333333333333, -0.05396825396825397,
            0.021869488536155203, -0.008863235529902197, 0.003592128036572481, -0.0014558343870513183,
            0.000590027440945586, -0.00023912911424355248, 9.691537956929451e-05, -3.927832388331683e-05,
            1.5918905069328964e-05};

    /// The scalar twin of the vector tanh: `sign(x)·(u − 1)/(u + 1)`, `u = e^(2|x|)`, for |x| ≥ 0.3 (u − 1 is
    /// exact there, by Sterbenz); the Taylor series below 0.3, which keeps tiny arguments exact.
    static double tanhPoly(double x) {
        double ax = Math.min(Math.abs(x), 20.0);                         // tanh 20 rounds to 1; keeps u finite
        double u = expPoly(ax + ax);                                     // u = e^(2|x|)
        double big = (u - 1.0) / (u + 1.0);                              // tanh |x|
        if (x < 0.0) big = -big;                                         // odd
        double x2 = x * x, p = Math.fma(x2, TANH[12], TANH[11]);
        for (int q = 10; q >= 0; q--) p = Math.fma(p, x2, TANH[q]);      // Σ T[q]·x²ᵠ, Horner
        return Math.abs(x) < 0.3 ? p * x : big;                          // NaN: the comparison is false → big = NaN
    }

    static void tanhLoop(double[] a, int ao, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = tanhPoly(a[ao + i]);
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
        for (int i = 0; i < rows; i++) {
            int ai = ao + i * cols, oi = oo + i * cols;
            double m = max(a, ai, cols);                                               // mᵢ = maxⱼ aᵢⱼ
            for (int j = 0; j < cols; j++) out[oi + j] = a[ai + j] - m;                // aᵢⱼ − mᵢ ≤ 0
            exp(out, oi, out, oi, cols);                                               // e^(aᵢⱼ − mᵢ), either route
            double s = sum(out, oi, cols);                                             // Σⱼ, a fixed order: same bits
            scale(1.0 / s, out, oi, out, oi, cols);                                    // ÷ Σ
        }
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

    /// `maxᵢ a[ao + i]` (−∞ for n = 0; NaN if any entry is NaN), four running maxima: independent chains.
    static double max(double[] a, int ao, int n) {
        double m0 = Double.NEGATIVE_INFINITY, m1 = m0, m2 = m0, m3 = m0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            m0 = Math.max(m0, a[ao + i]);
            m1 = Math.max(m1, a[ao + i + 1]);
            m2 = Math.max(m2, a[ao + i + 2]);
            m3 = Math.max(m3, a[ao + i + 3]);
        }
        for (; i < n; i++) m0 = Math.max(m0, a[ao + i]);
        return Math.max(Math.max(m0, m1), Math.max(m2, m3));
    }

    /// `Σᵢ a[ao + i]` with four partial sums, always in this order (so the result never depends on a route).
    static double sum(double[] a, int ao, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i];
            s1 += a[ao + i + 1];
            s2 += a[ao + i + 2];
            s3 += a[ao + i + 3];
        }
        for (; i < n; i++) s0 += a[ao + i];
        return (s0 + s1) + (s2 + s3);
    }

    static void softmaxRowsInPlace(int rows, int cols, double[] a, int ao) { softmaxRows(rows, cols, a, ao, a, ao); }
}
