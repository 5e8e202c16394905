package mlscratch.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/// The Vector API route of [Elementwise]: same signatures, a `LANES`-wide loop and a scalar tail (the
/// reference loop of [Elementwise] on the last `n mod LANES` entries). Only [Elementwise] calls it, and only
/// when [Kernels#VECTOR]; otherwise this class is never loaded.
///
/// ## exp
/// `VectorOperators.EXP` measured ≈ 3 ns per entry here (Math.exp ≈ 8 on a wide range; `VectorOperators.TANH`
/// ≈ 34, not intrinsified on AVX2), so exp is written out (≈ 2–3× Math.exp, on a loaded machine):
/// ```
/// k = round(x·log₂e)                     (the 1.5·2⁵² trick: its low bits then hold k as an integer)
/// r = x − k·ln2                          (Cody–Waite: ln2 = LN2_HI + LN2_LO, two fmas; |r| ≤ ln2/2)
/// eʳ ≈ Σ_{q ≤ 13} rᵠ/q!                   (Taylor, Horner with fma; truncation rel. error ≤ 0.35¹⁴/14! ≈ 5e-18)
/// eˣ = eʳ · 2^⌊k/2⌋ · 2^(k − ⌊k/2⌋)       (two normal powers of two: covers k = 1024 (→ ∞) and the
///                                          subnormal results down to −745, with one rounding at the end)
/// ```
/// x is first clamped to [−746, 710], so ±∞ give 0 and +∞, and NaN stays NaN. Error, measured against
/// `Math.exp` on 2·10⁶ points over −745.2 … 709.8 (subnormal results included): ≤ 1 ulp; the tests
/// (`ElementwiseTest`) assert ≤ 2. Through it, sigmoid stays ≤ 4 ulp from `1/(1 + Math.exp(−x))` (both
/// sides carry an exp error) and tanh ≤ 2 ulp from `Math.tanh`; the tests assert 4 and 4.
///
/// ## tanh
/// `tanh x = sign(x) · (u − 1)/(u + 1)` with `u = e^(2|x|)` for |x| ≥ 0.3 (u − 1 is exact there by
/// Sterbenz, so the cancellation costs only u's own rounding); below 0.3 its odd Taylor series to x²⁵
/// (13 terms, truncation ≤ 2e-18 relative), which keeps tiny arguments exact (tanh 1e-300 = 1e-300).
/// |x| is capped at 20 (tanh 20 rounds to 1) so u never overflows.
final class VectorElementwise {
    private VectorElementwise() {}

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = S.length();

    // ───────────────────────────── arithmetic ─────────────────────────────

    static void add(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += LANES)
            DoubleVector.fromArray(S, a, ao + i).add(DoubleVector.fromArray(S, b, bo + i)).intoArray(out, oo + i);
        Elementwise.addScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
    }

    static void subtract(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += LANES)
            DoubleVector.fromArray(S, a, ao + i).sub(DoubleVector.fromArray(S, b, bo + i)).intoArray(out, oo + i);
        Elementwise.subtractScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
    }

    static void multiply(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += LANES)
            DoubleVector.fromArray(S, a, ao + i).mul(DoubleVector.fromArray(S, b, bo + i)).intoArray(out, oo + i);
        Elementwise.multiplyScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
    }

    static void scale(double c, double[] a, int ao, double[] out, int oo, int n) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += LANES) DoubleVector.fromArray(S, a, ao + i).mul(c).intoArray(out, oo + i);
        Elementwise.scaleScalar(c, a, ao + i, out, oo + i, n - i);
    }

    static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        int i = 0, bound = S.loopBound(n);
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        for (; i < bound; i += LANES)
            va.fma(DoubleVector.fromArray(S, x, xo + i), DoubleVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        Elementwise.axpyScalar(alpha, x, xo + i, y, yo + i, n - i);
    }

    static void relu(double[] a, int ao, double[] out, int oo, int n) {
        int i = 0, bound = S.loopBound(n);
        DoubleVector zero = DoubleVector.zero(S);
        for (; i < bound; i += LANES) zero.max(DoubleVector.fromArray(S, a, ao + i)).intoArray(out, oo + i);   // max(0, a)
        Elementwise.reluScalar(a, ao + i, out, oo + i, n - i);
    }

    // ───────────────────────────── exp and friends ─────────────────────────────

    private static final double LOG2E = 1.4426950408889634;                  // log₂e
    private static final double LN2_HI = 6.93147180369123816490e-01;         // ln 2, upper bits (fdlibm): k·LN2_HI exact
    private static final double LN2_LO = 1.90821492927058770002e-10;         // ln 2 − LN2_HI
    private static final double SHIFTER = 0x1.8p52;                          // 1.5·2⁵²: adding it rounds to an integer
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);

    private static DoubleVector c(double v) { return DoubleVector.broadcast(S, v); }

    /// `out = eᵃ` lane by lane (see the class comment). The body stays inside the loop on purpose: C2 keeps
    /// vectors in registers only within one compiled method, and a helper `exp(DoubleVector)` big enough to
    /// be compiled on its own is no longer inlined, so every call boxed its vectors (≈ 6 ns per entry,
    /// measured, against ≈ 1 here). sigmoid, tanh and softmax therefore call this loop on whole slices.
    static void exp(double[] a, int ao, double[] out, int oo, int n) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i).max(-746.0).min(710.0);   // ±∞ → 0, ∞; NaN stays
            DoubleVector t = x.fma(LOG2E, SHIFTER);                           // t = x·log₂e + 1.5·2⁵²
            DoubleVector kd = t.sub(SHIFTER);                                 // k = round(x·log₂e), as a double
            LongVector k = t.reinterpretAsLongs().sub(SHIFTER_BITS);          // the same k, as an integer
            DoubleVector r = kd.fma(c(-LN2_HI), x);                           // r = x − k·LN2_HI   (exact)
            r = kd.fma(c(-LN2_LO), r);                                        //     − k·LN2_LO
            DoubleVector p = r.fma(c(1 / 6227020800.0), c(1 / 479001600.0));  // eʳ = Σ rᵠ/q!, Horner: 1/13!, 1/12!
            p = p.fma(r, c(1 / 39916800.0));                                  // 1/11!
            p = p.fma(r, c(1 / 3628800.0));                                   // 1/10!
            p = p.fma(r, c(1 / 362880.0));
            p = p.fma(r, c(1 / 40320.0));
            p = p.fma(r, c(1 / 5040.0));
            p = p.fma(r, c(1 / 720.0));
            p = p.fma(r, c(1 / 120.0));
            p = p.fma(r, c(1 / 24.0));
            p = p.fma(r, c(1 / 6.0));
            p = p.fma(r, c(0.5));
            p = p.fma(r, c(1.0));
            p = p.fma(r, c(1.0));                                             // 1 + r + r²/2 + … + r¹³/13!
            LongVector k1 = kd.fma(0.5, SHIFTER).reinterpretAsLongs().sub(SHIFTER_BITS);   // k1 = round(k/2)
            LongVector k2 = k.sub(k1);                                        // k = k1 + k2, both in [−538, 512]
            DoubleVector s1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();   // 2^k1
            DoubleVector s2 = k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();   // 2^k2
            p.mul(s1).mul(s2).intoArray(out, oo + i);                         // eʳ·2^k1 exact; ·2^k2 rounds once
        }
        Elementwise.expScalar(a, ao + i, out, oo + i, n - i);
    }

    static void sigmoid(double[] a, int ao, double[] out, int oo, int n) {
        scale(-1.0, a, ao, out, oo, n);                                       // −a
        exp(out, oo, out, oo, n);                                             // e⁻ᵃ
        int i = 0, bound = S.loopBound(n);
        DoubleVector one = c(1.0);
        for (; i < bound; i += LANES)                                         // σ = 1 / (1 + e⁻ᵃ)
            one.div(DoubleVector.fromArray(S, out, oo + i).add(one)).intoArray(out, oo + i);
        for (; i < n; i++) out[oo + i] = 1.0 / (1.0 + out[oo + i]);
    }

    /// tanh's odd Taylor coefficients: tanh x = Σ T[q]·x^(2q+1), q = 0 … 12 (2²ⁿ(2²ⁿ − 1)B₂ₙ/(2n)!).
    private static final double[] TANH = {1.0, -0.3333333333333333, 0.13333333333333333, -0.05396825396825397,
            0.021869488536155203, -0.008863235529902197, 0.003592128036572481, -0.0014558343870513183,
            0.000590027440945586, -0.00023912911424355248, 9.691537956929451e-05, -3.927832388331683e-05,
            1.5918905069328964e-05};

    /// Entries per pass of [#tanh]: u = e^(2|x|) goes through a scratch buffer of this size, so that
    /// `out` may be `a` (in place) and the buffer stays in L1.
    private static final int CHUNK = 512;

    static void tanh(double[] a, int ao, double[] out, int oo, int n) {
        double[] u = new double[Math.min(CHUNK, n)];
        for (int c0 = 0; c0 < n; c0 += CHUNK) {
            int len = Math.min(CHUNK, n - c0), bound = S.loopBound(len), i = 0;
            for (; i < bound; i += LANES) {
                DoubleVector ax = DoubleVector.fromArray(S, a, ao + c0 + i).abs().min(20.0);   // tanh 20 rounds to 1
                ax.add(ax).intoArray(u, i);                                   // 2|x|
            }
            for (; i < len; i++) u[i] = 2 * Math.min(Math.abs(a[ao + c0 + i]), 20.0);
            exp(u, 0, u, 0, len);                                             // u = e^(2|x|), finite
            for (i = 0; i < bound; i += LANES) {
                DoubleVector x = DoubleVector.fromArray(S, a, ao + c0 + i), e = DoubleVector.fromArray(S, u, i);
                DoubleVector big = e.sub(1.0).div(e.add(1.0));                // (u − 1)/(u + 1) = tanh |x|
                big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0.0));   // odd: tanh(−x) = −tanh x
                DoubleVector x2 = x.mul(x), p = x2.fma(c(TANH[12]), c(TANH[11]));
                p = p.fma(x2, c(TANH[10])); p = p.fma(x2, c(TANH[9])); p = p.fma(x2, c(TANH[8]));
                p = p.fma(x2, c(TANH[7]));  p = p.fma(x2, c(TANH[6])); p = p.fma(x2, c(TANH[5]));
                p = p.fma(x2, c(TANH[4]));  p = p.fma(x2, c(TANH[3])); p = p.fma(x2, c(TANH[2]));
                p = p.fma(x2, c(TANH[1]));  p = p.fma(x2, c(TANH[0]));        // Σ T[q]·x²ᵠ, Horner
                VectorMask<Double> small = x.abs().compare(VectorOperators.LT, 0.3);
                big.blend(p.mul(x), small).intoArray(out, oo + c0 + i);       // x·Σ T[q]·x²ᵠ below 0.3; NaN → big = NaN
            }
            Elementwise.tanhScalar(a, ao + c0 + i, out, oo + c0 + i, len - i);
        }
    }

    static void softmaxRows(int rows, int cols, double[] a, int ao, double[] out, int oo) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int ai = ao + r * cols, oi = oo + r * cols;
            DoubleVector vm = c(Double.NEGATIVE_INFINITY);
            int j = 0;
            for (; j < bound; j += LANES) vm = vm.max(DoubleVector.fromArray(S, a, ai + j));
            double m = vm.reduceLanes(VectorOperators.MAX);
            for (; j < cols; j++) m = Math.max(m, a[ai + j]);                 // mᵢ = maxⱼ aᵢⱼ
            DoubleVector vmax = c(m);
            for (j = 0; j < bound; j += LANES) DoubleVector.fromArray(S, a, ai + j).sub(vmax).intoArray(out, oi + j);
            for (; j < cols; j++) out[oi + j] = a[ai + j] - m;                // aᵢⱼ − mᵢ ≤ 0
            exp(out, oi, out, oi, cols);                                      // e^(aᵢⱼ − mᵢ)
            DoubleVector vs = DoubleVector.zero(S);
            for (j = 0; j < bound; j += LANES) vs = vs.add(DoubleVector.fromArray(S, out, oi + j));
            double s = vs.reduceLanes(VectorOperators.ADD);
            for (; j < cols; j++) s += out[oi + j];                           // Σⱼ
            scale(1.0 / s, out, oi, out, oi, cols);                           // ÷ Σ
        }
    }
}
