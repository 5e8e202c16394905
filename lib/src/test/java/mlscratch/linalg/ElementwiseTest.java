package mlscratch.linalg;

import static mlscratch.linalg.KernelsTest.garbage;
import static mlscratch.linalg.KernelsTest.uniform;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/// The elementwise kernels ([Elementwise]) on every route: the Vector API one ([VectorElementwise], called
/// directly), its scalar twin, and the textbook reference loop, over lengths that hit the vector loop, the
/// scalar tail and both (0, 1, 7, 33, 1023) at nonzero offsets, in place and out of place. Arithmetic and the
/// twins must agree to the bit; exp to ≤ 2 ulp of `Math.exp` over its whole range; sigmoid, tanh and
/// softmax to a few ulps of the reference.
class ElementwiseTest {
    static final int[] SIZES = {0, 1, 3, 4, 7, 16, 33, 1023};

    /// Distance in units in the last place of `want`: |got − want| / ulp(want) (0 when both are the same NaN or ∞).
    static double ulps(double got, double want) {
        if (Double.compare(got, want) == 0 || got == want) return 0;
        if (Double.isNaN(got) || Double.isNaN(want) || Double.isInfinite(got) || Double.isInfinite(want)) return Double.POSITIVE_INFINITY;
        return Math.abs(got - want) / Math.ulp(want);
    }

    static double[] slice(double[] a, int from, int n) { return Arrays.copyOfRange(a, from, from + n); }

    interface Unary { void apply(double[] a, int ao, double[] out, int oo, int n); }

    interface Binary { void apply(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n); }

    /// The vector route against the scalar one on `a[3 : 3+n]` written to `out[5 : 5+n]`, and in place; entries
    /// outside the slice must stay untouched. Returns the largest ulp distance seen.
    static double compareUnary(String name, Unary vector, Unary scalar, double[] a, int n) {
        double[] want = garbage(n + 9), got = garbage(n + 9);
        scalar.apply(a, 3, want, 5, n);
        vector.apply(a, 3, got, 5, n);
        double worst = 0;
        for (int i = 0; i < n + 9; i++) {
            if (i < 5 || i >= 5 + n) { assertTrue(Double.isNaN(got[i]), name + " wrote outside its slice at " + i); continue; }
            worst = Math.max(worst, ulps(got[i], want[i]));
        }
        double[] inPlace = a.clone();
        vector.apply(inPlace, 3, inPlace, 3, n);                           // out = a: the in-place form
        for (int i = 0; i < n; i++) worst = Math.max(worst, ulps(inPlace[3 + i], got[5 + i]) > 0 ? ulps(inPlace[3 + i], want[5 + i]) : 0);
        assertArrayEquals(slice(a, 0, 3), slice(inPlace, 0, 3), name + " in place touched entries before the slice");
        return worst;
    }

    static double[] data(int n, RandomGenerator rng, double scale) {
        double[] a = uniform(n + 6, rng);
        for (int i = 0; i < a.length; i++) a[i] *= scale;
        return a;
    }

    // ───────────────────────────── arithmetic: bit-for-bit ─────────────────────────────

    @Test void arithmeticGivesTheSameBitsOnBothRoutes() {
        RandomGenerator rng = Rng.of(31);
        Binary[][] pairs = {
                {VectorElementwise::add, Elementwise::addScalar},
                {VectorElementwise::subtract, Elementwise::subtractScalar},
                {VectorElementwise::multiply, Elementwise::multiplyScalar}};
        String[] names = {"add", "subtract", "multiply"};
        for (int n : SIZES)
            for (int q = 0; q < pairs.length; q++) {
                double[] a = data(n, rng, 10), b = data(n, rng, 10);
                double[] want = garbage(n + 9), got = garbage(n + 9);
                pairs[q][1].apply(a, 3, b, 1, want, 5, n);
                pairs[q][0].apply(a, 3, b, 1, got, 5, n);
                assertArrayEquals(want, got, names[q] + " n = " + n);          // NaN outside the slice on both
                double[] dispatched = garbage(n + 9);
                if (q == 0) Elementwise.add(a, 3, b, 1, dispatched, 5, n);
                if (q == 1) Elementwise.subtract(a, 3, b, 1, dispatched, 5, n);
                if (q == 2) Elementwise.multiply(a, 3, b, 1, dispatched, 5, n);
                assertArrayEquals(want, dispatched, names[q] + " (dispatch) n = " + n);
            }
        for (int n : SIZES) {
            double[] a = data(n, rng, 10);
            assertEquals(0, compareUnary("scale", (x, xo, o, oo, m) -> VectorElementwise.scale(-2.5, x, xo, o, oo, m),
                    (x, xo, o, oo, m) -> Elementwise.scaleScalar(-2.5, x, xo, o, oo, m), a, n));
            assertEquals(0, compareUnary("relu", VectorElementwise::relu, Elementwise::reluScalar, a, n));
            double[] y1 = data(n, rng, 1), y2 = y1.clone(), x = data(n, rng, 1);
            Elementwise.axpyScalar(-0.1, x, 2, y1, 4, n);
            VectorElementwise.axpy(-0.1, x, 2, y2, 4, n);
            assertArrayEquals(y1, y2, "axpy n = " + n);
        }
    }

    @Test void arithmeticHandComputed() {
        double[] out = new double[3];
        Elementwise.add(new double[] {1, 2, 3}, 0, new double[] {10, 20, 30}, 0, out, 0, 3);
        assertArrayEquals(new double[] {11, 22, 33}, out);
        Elementwise.subtract(new double[] {1, 2, 3}, 0, new double[] {10, 20, 30}, 0, out, 0, 3);
        assertArrayEquals(new double[] {-9, -18, -27}, out);
        Elementwise.multiply(new double[] {1, 2, 3}, 0, new double[] {10, 20, 30}, 0, out, 0, 3);
        assertArrayEquals(new double[] {10, 40, 90}, out);
        double[] w = {1, 1, 1};
        Elementwise.axpy(-0.5, new double[] {2, 4, 6}, 0, w, 0, 3);              // w − 0.5·g = [1−1, 1−2, 1−3]
        assertArrayEquals(new double[] {0, -1, -2}, w);
        double[] r = {-1, 0, 2, -0.0, Double.NaN, Double.NEGATIVE_INFINITY};
        double[] big = new double[32];                                        // long enough for the vector route
        System.arraycopy(r, 0, big, 0, r.length);
        Elementwise.reluInPlace(big, 0, 32);
        assertArrayEquals(new double[] {0, 0, 2, 0, Double.NaN, 0}, slice(big, 0, 6));
        assertEquals(0, Double.doubleToRawLongBits(big[3]), "relu(−0.0) is +0.0 as Math.max(0.0, −0.0)");
    }

    // ───────────────────────────── exp ─────────────────────────────

    @Test void vectorExpIsWithinTwoUlpsOfMathExpOverItsWholeRange() {
        RandomGenerator rng = Rng.of(32);
        int n = 200_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (i % 4) {
                case 0 -> -745.2 + rng.nextDouble() * (709.79 + 745.2);       // everything, incl. subnormal results
                case 1 -> (rng.nextDouble() - 0.5) * 2;                       // |x| < 1: where activations live
                case 2 -> -745.2 + rng.nextDouble() * 37;                     // e^x subnormal: −745.13 … −708.4
                default -> (rng.nextDouble() - 0.5) * 1e-6;                   // tiny x: e^x ≈ 1 + x
            };
        }
        double[] got = new double[n];
        VectorElementwise.exp(x, 0, got, 0, n);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < n; i++) {
            double u = ulps(got[i], Math.exp(x[i]));
            if (u > worst) { worst = u; at = i; }
        }
        assertTrue(worst <= 2, "exp(" + (at < 0 ? "" : x[at]) + "): " + worst + " ulps from Math.exp");
    }

    @Test void vectorExpHandlesTheEdges() {
        double[] x = {0, -0.0, 1, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                709.78, 709.79, 710, 1e300, -745.13, -745.14, -746, -1e300, Math.log(Double.MIN_NORMAL),
                Double.MIN_VALUE, -Double.MIN_VALUE, 700, -700, 0.5 * Math.log(2), -0.5 * Math.log(2)};
        double[] got = new double[x.length];
        VectorElementwise.exp(Arrays.copyOf(x, 24), 0, Arrays.copyOf(got, 24), 0, 0);   // n = 0 is a no-op
        double[] padded = Arrays.copyOf(x, 24), out = new double[24];                   // 24: a multiple of every LANES
        VectorElementwise.exp(padded, 0, out, 0, 24);
        for (int i = 0; i < x.length; i++)
            assertTrue(ulps(out[i], Math.exp(x[i])) <= 1, "exp(" + x[i] + ") = " + out[i] + " but Math.exp gives " + Math.exp(x[i]));
        assertEquals(1.0, out[0]);
        assertEquals(1.0, out[1]);
        assertTrue(Double.isNaN(out[4]));
        assertEquals(Double.POSITIVE_INFINITY, out[5]);
        assertEquals(0.0, out[6]);
        assertEquals(Double.POSITIVE_INFINITY, out[8]);                      // e^709.79 > Double.MAX_VALUE
        assertEquals(0.0, out[13]);                                           // e^−746 < MIN_VALUE / 2
    }

    @Test void expMatchesMathExpOnBothRoutesThroughTheDispatch() {
        RandomGenerator rng = Rng.of(33);
        for (int n : SIZES) {
            double[] a = data(n, rng, 50);
            assertTrue(compareUnary("exp", VectorElementwise::exp, Elementwise::expScalar, a, n) <= 2);
            assertTrue(compareUnary("exp dispatch", Elementwise::exp, Elementwise::expScalar, a, n) <= 2);
        }
    }

    @Test void theScalarTwinsGiveTheSameBitsAsTheVectorKernels() {
        // expLoop / sigmoidLoop / tanhLoop repeat the vector kernels' operations lane by lane: a result must
        // not depend on which route the dispatch took (before or after the warm-up, with or without the module)
        RandomGenerator rng = Rng.of(37);
        for (int n : SIZES)
            for (double scale : new double[] {0.01, 0.35, 3, 40, 800}) {
                double[] a = data(n, rng, scale);
                assertEquals(0, compareUnary("exp", VectorElementwise::exp, Elementwise::expLoop, a, n));
                assertEquals(0, compareUnary("sigmoid", VectorElementwise::sigmoid, Elementwise::sigmoidLoop, a, n));
                assertEquals(0, compareUnary("tanh", VectorElementwise::tanh, Elementwise::tanhLoop, a, n));
            }
        double[] edges = {0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 709.79, -745.14, 0.3,
                -0.3, 0.2999999999999999, 20, -20, 1e-300, Double.MIN_VALUE, 710, -746, 1e300, -1e300, 19.99, 0.5};
        assertEquals(0, compareUnary("exp edges", VectorElementwise::exp, Elementwise::expLoop, edges, 14));
        assertEquals(0, compareUnary("tanh edges", VectorElementwise::tanh, Elementwise::tanhLoop, edges, 14));
        assertEquals(0, compareUnary("sigmoid edges", VectorElementwise::sigmoid, Elementwise::sigmoidLoop, edges, 14));
    }

    @Test void theDispatchGivesTheSameBitsBeforeAndAfterTheWarmUp() {
        RandomGenerator rng = Rng.of(38);
        double[] a = data(5000, rng, 10), cold = new double[5006], warm = new double[5006], p = new double[5006], q = new double[5006];
        Elementwise.exp(a, 0, cold, 0, a.length);                          // whatever route it takes now
        Elementwise.softmaxRows(50, 100, a, 0, p, 0);
        assertTrue(VectorElementwise.warmUp(), "the vector kernels should compile within a minute");
        assertTrue(Elementwise.isVectorWarm());
        Elementwise.exp(a, 0, warm, 0, a.length);                          // now the vector route
        Elementwise.softmaxRows(50, 100, a, 0, q, 0);
        assertArrayEquals(cold, warm);
        assertArrayEquals(p, q);
    }

    @Test void expPolyHandComputed() {
        // e⁰ = 1 exactly (k = 0, r = 0, p = 1); e^(ln 2 · 10) ≈ 1024; 2^k scaling past the normal range
        assertEquals(1.0, Elementwise.expPoly(0));
        assertEquals(1024.0, Elementwise.expPoly(10 * Math.log(2)), 1e-12);
        assertEquals(Math.exp(-740), Elementwise.expPoly(-740), Math.ulp(Math.exp(-740)));    // subnormal
        assertEquals(Double.POSITIVE_INFINITY, Elementwise.expPoly(709.79));
        assertEquals(0.0, Elementwise.expPoly(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Elementwise.expPoly(Double.NaN)));
        assertEquals(0.8, Elementwise.tanhPoly(Math.log(3)), 1e-15);     // (9 − 1)/(9 + 1)
        assertEquals(-0.8, Elementwise.tanhPoly(-Math.log(3)), 1e-15);
    }

    // ───────────────────────────── sigmoid, tanh ─────────────────────────────

    @Test void sigmoidAndTanhHandComputed() {
        double[] x = new double[32], s = new double[32], t = new double[32];
        x[1] = Math.log(3);                 // σ(ln 3) = 1/(1 + 1/3) = 3/4;  tanh(ln 3) = (9 − 1)/(9 + 1) = 0.8
        x[2] = -Math.log(3);                // σ(−ln 3) = 1/4;  tanh(−ln 3) = −0.8
        x[3] = 800;  x[4] = -800;           // saturate: σ → 1, 0; tanh → ±1, and no NaN
        x[5] = Double.NaN;  x[6] = 1e-300;  // tanh(1e-300) = 1e-300 exactly: the small branch, no cancellation
        Elementwise.sigmoid(x, 0, s, 0, 32);
        Elementwise.tanh(x, 0, t, 0, 32);
        assertEquals(0.5, s[0]);
        assertEquals(0.75, s[1], 1e-15);
        assertEquals(0.25, s[2], 1e-15);
        assertEquals(1.0, s[3]);
        assertEquals(0.0, s[4]);
        assertTrue(Double.isNaN(s[5]));
        assertEquals(0.0, t[0]);
        assertEquals(0.8, t[1], 1e-15);
        assertEquals(-0.8, t[2], 1e-15);
        assertEquals(1.0, t[3]);
        assertEquals(-1.0, t[4]);
        assertTrue(Double.isNaN(t[5]));
        assertEquals(1e-300, t[6]);
    }

    @Test void sigmoidAndTanhStayWithinAFewUlpsOfTheReference() {
        RandomGenerator rng = Rng.of(34);
        double worstSigmoid = 0, worstTanh = 0;
        for (int n : SIZES)
            for (double scale : new double[] {0.01, 0.35, 1, 5, 40, 800}) {   // around tanh's 0.3 switch and the saturation
                double[] a = data(n, rng, scale);
                worstSigmoid = Math.max(worstSigmoid, compareUnary("sigmoid", VectorElementwise::sigmoid, Elementwise::sigmoidScalar, a, n));
                worstTanh = Math.max(worstTanh, compareUnary("tanh", VectorElementwise::tanh, Elementwise::tanhScalar, a, n));
            }
        double[] many = data(100_000, rng, 3);                                 // and one long slice: several tanh chunks
        worstTanh = Math.max(worstTanh, compareUnary("tanh", VectorElementwise::tanh, Elementwise::tanhScalar, many, 100_000));
        worstSigmoid = Math.max(worstSigmoid, compareUnary("sigmoid", VectorElementwise::sigmoid, Elementwise::sigmoidScalar, many, 100_000));
        assertTrue(worstSigmoid <= 4, "sigmoid: " + worstSigmoid + " ulps from 1/(1 + Math.exp(−x))");
        assertTrue(worstTanh <= 4, "tanh: " + worstTanh + " ulps from Math.tanh");
    }

    @Test void tanhIsOddAndSigmoidIsSymmetric() {
        // tanh(−x) = −tanh(x) exactly (the kernel works on |x|); σ(−x) = 1 − σ(x) up to rounding
        RandomGenerator rng = Rng.of(35);
        int n = 1000;
        double[] x = data(n, rng, 4), neg = new double[n + 6], t = new double[n + 6], tn = new double[n + 6];
        for (int i = 0; i < x.length; i++) neg[i] = -x[i];
        Elementwise.tanh(x, 0, t, 0, n + 6);
        Elementwise.tanh(neg, 0, tn, 0, n + 6);
        for (int i = 0; i < n + 6; i++) assertEquals(-t[i], tn[i]);
        Elementwise.sigmoid(x, 0, t, 0, n + 6);
        Elementwise.sigmoid(neg, 0, tn, 0, n + 6);
        for (int i = 0; i < n + 6; i++) assertEquals(1.0, t[i] + tn[i], 4.5e-16);   // 2 ulps of 1
    }

    // ───────────────────────────── softmax ─────────────────────────────

    @Test void softmaxHandComputed() {
        // [0, ln 3] → [1, 3]/4; the shifted row [1000, 1000 + ln 3] gives the same (no overflow)
        double[] a = {0, Math.log(3), 1000, 1000 + Math.log(3)}, out = new double[4];
        Elementwise.softmaxRows(2, 2, a, 0, out, 0);
        assertArrayEquals(new double[] {0.25, 0.75, 0.25, 0.75}, out, 1e-13);
        double[] wide = new double[2 * 20];                                   // 20 columns: the vector route
        for (int j = 0; j < 20; j++) { wide[j] = 1; wide[20 + j] = j == 3 ? 800 : -800; }
        Elementwise.softmaxRowsInPlace(2, 20, wide, 0);
        for (int j = 0; j < 20; j++) assertEquals(1.0 / 20, wide[j], 1e-16);  // a constant row: uniform
        for (int j = 0; j < 20; j++) assertEquals(j == 3 ? 1.0 : 0.0, wide[20 + j]);
    }

    @Test void softmaxRowsSumToOneAndMatchTheReference() {
        RandomGenerator rng = Rng.of(36);
        for (int rows : new int[] {0, 1, 7})
            for (int cols : SIZES) {
                double[] a = data(rows * cols, rng, 30), want = garbage(rows * cols + 9), got = garbage(rows * cols + 9);
                Elementwise.softmaxRowsScalar(rows, cols, a, 3, want, 5);
                Elementwise.softmaxRows(rows, cols, a, 3, got, 5);
                for (int q = 0; q < got.length; q++) {
                    if (q < 5 || q >= 5 + rows * cols) { assertTrue(Double.isNaN(got[q]), "wrote outside at " + q); continue; }
                    // relative 1e-14: the row sum runs in another order than the reference's (≈ √cols·ε apart)
                    assertEquals(want[q], got[q], 1e-14 * want[q] + Double.MIN_VALUE, rows + "×" + cols + " at " + q);
                }
                for (int i = 0; i < rows && cols > 0; i++) {
                    double s = 0;
                    for (int j = 0; j < cols; j++) s += got[5 + i * cols + j];
                    assertEquals(1.0, s, 1e-13, "row " + i + " of " + rows + "×" + cols);
                }
                double[] inPlace = a.clone();
                Elementwise.softmaxRowsInPlace(rows, cols, inPlace, 3);
                assertArrayEquals(slice(got, 5, rows * cols), slice(inPlace, 3, rows * cols), 1e-15);
            }
    }

    @Test void softmaxOfARowWithInfinityIsNaNAsInNumPy() {
        double[] a = new double[20];
        a[0] = Double.POSITIVE_INFINITY;
        Elementwise.softmaxRowsInPlace(1, 20, a, 0);
        assertTrue(Double.isNaN(a[0]));
    }

    // ───────────────────────────── properties ─────────────────────────────

    @Property(tries = 80)
    void vectorAndScalarRoutesAgree(@ForAll @IntRange(min = 0, max = 300) int n, @ForAll @IntRange(min = 0, max = 7) int offset,
                                    @ForAll @DoubleRange(min = -50, max = 50) double c, @ForAll long seed) {
        RandomGenerator rng = Rng.of(seed);
        double[] a = uniform(n + offset, rng), b = uniform(n + offset, rng);
        for (int i = 0; i < a.length; i++) a[i] *= c;
        double[] want = new double[n], got = new double[n];
        Elementwise.addScalar(a, offset, b, offset, want, 0, n);
        VectorElementwise.add(a, offset, b, offset, got, 0, n);
        assertArrayEquals(want, got);
        Elementwise.scaleScalar(c, b, offset, want, 0, n);
        VectorElementwise.scale(c, b, offset, got, 0, n);
        assertArrayEquals(want, got);
        Elementwise.expScalar(a, offset, want, 0, n);
        VectorElementwise.exp(a, offset, got, 0, n);
        for (int i = 0; i < n; i++) assertTrue(ulps(got[i], want[i]) <= 2, "exp(" + a[offset + i] + ")");
        Elementwise.tanhScalar(a, offset, want, 0, n);
        VectorElementwise.tanh(a, offset, got, 0, n);
        for (int i = 0; i < n; i++) assertTrue(ulps(got[i], want[i]) <= 4, "tanh(" + a[offset + i] + ")");
    }

    @Property(tries = 50)
    void softmaxIgnoresAShiftOfTheRow(@ForAll @IntRange(min = 1, max = 60) int cols, @ForAll @DoubleRange(min = -500, max = 500) double shift,
                                      @ForAll long seed) {
        // softmax(a + s·1) = softmax(a): the row maximum is subtracted anyway
        double[] a = uniform(cols, Rng.of(seed)), shifted = a.clone(), p = new double[cols], q = new double[cols];
        for (int j = 0; j < cols; j++) shifted[j] += shift;
        Elementwise.softmaxRows(1, cols, a, 0, p, 0);
        Elementwise.softmaxRows(1, cols, shifted, 0, q, 0);
        for (int j = 0; j < cols; j++) assertEquals(p[j], q[j], 1e-12 * Math.max(1, Math.abs(shift)));
    }
}
