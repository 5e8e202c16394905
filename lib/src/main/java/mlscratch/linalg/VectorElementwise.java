package mlscratch.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/// The Vector API route of [Elementwise]: same signatures, a `LANES`-wide loop and a scalar tail (the scalar
/// twins `Elementwise.expLoop` / `tanhLoop` on the last `n mod LANES` entries, so every entry gets the same
/// bits). Only [Elementwise] calls it, only when [Kernels#VECTOR], and exp/sigmoid/tanh only after
/// [#warmUp] has seen them compiled; otherwise this class is never loaded. The arithmetic kernels here
/// (add, …, relu) are not dispatched to — C2 vectorises the plain loops as well — and stay for the
/// benchmark (`ElementwiseBench`) and the tests.
///
/// ## exp
/// `VectorOperators.EXP` measured ≈ 3 ns per entry here (Math.exp ≈ 8 on a wide range; `VectorOperators.TANH`
/// ≈ 34, not intrinsified on AVX2), so exp is written out (2–7× the Math.exp loop once compiled, measured
/// on a loaded machine; about 1 ns per entry when quiet):
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

    private static final double LOG2E = Elementwise.LOG2E, LN2_HI = Elementwise.LN2_HI, LN2_LO = Elementwise.LN2_LO;
    private static final double SHIFTER = Elementwise.SHIFTER;
    private static final long SHIFTER_BITS = Elementwise.SHIFTER_BITS;

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
        Elementwise.expLoop(a, ao + i, out, oo + i, n - i);              // the tail: the same bits, lane by lane
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

    private static final double[] TANH = Elementwise.TANH;

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
            Elementwise.tanhLoop(a, ao + c0 + i, out, oo + c0 + i, len - i);
        }
    }

    // ───────────────────────────── warm-up ─────────────────────────────

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    /// Starts [#warmUp] on a daemon thread, once per JVM.
    static void warmUpInBackground() {
        if (WARMING.compareAndSet(false, true))
            Thread.ofPlatform().daemon().name("mlscratch-vector-warm-up").start(VectorElementwise::warmUp);
    }

    /// Runs exp, sigmoid and tanh on 1024 entries until ten rounds each take under 300 µs — compiled code
    /// needs ≈ 10–50; before C2 has compiled them the Vector API runs Java fallbacks at microseconds per
    /// entry, so milliseconds per round — then lets [Elementwise] dispatch to them. Gives up after a minute
    /// (e.g. a JVM without C2), leaving the scalar twins in charge. Returns whether the kernels are warm.
    static boolean warmUp() {
        double[] a = new double[1024], out = new double[1024];
        for (int i = 0; i < a.length; i++) a[i] = (i - 512) / 32.0;                // −16 … 16: both tanh branches
        long deadline = System.nanoTime() + 60_000_000_000L;
        int fast = 0;
        while (fast < 10 && System.nanoTime() < deadline) {
            long t = System.nanoTime();
            exp(a, 0, out, 0, a.length);
            sigmoid(a, 0, out, 0, a.length);
            tanh(a, 0, out, 0, a.length);
            if (System.nanoTime() - t < 300_000) fast++;
        }
        if (fast >= 10) Elementwise.vectorIsWarm();
        return fast >= 10;
    }
}
