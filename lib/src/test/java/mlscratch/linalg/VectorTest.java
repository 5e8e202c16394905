package mlscratch.linalg;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/// The public contract of [Vector]: hand-computed cases for every operation and every error message.
class VectorTest {
    static final Vector a = Vector.of(1, 2, 3), b = Vector.of(4, 5, 6);

    static void fails(String message, Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    // ───────────────────────────── factories ─────────────────────────────

    @Test void ofCopiesTheValues() {
        double[] values = {1, 2, 3};
        Vector v = Vector.of(values);
        values[0] = 99;
        assertEquals(1, v.get(0));
        assertEquals(3, v.size());
        assertEquals(0, Vector.of().size());
        fails("Vector.of: 'values' must not be null", () -> Vector.of((double[]) null));
        fails("Vector.wrap: 'values' must not be null", () -> Vector.wrap(null));
        assertEquals(a, Vector.wrap(new double[] {1, 2, 3}));
    }

    @Test void constantVectors() {
        assertEquals(Vector.of(0, 1, 1, 0), Vector.ofInts(0, 1, 1, 0));
        assertEquals(Vector.of(0, 0, 0), Vector.zeros(3));
        assertEquals(Vector.of(1, 1), Vector.ones(2));
        assertEquals(Vector.of(7, 7, 7), Vector.full(3, 7));
        assertEquals(Vector.of(0, 1, 2, 3), Vector.range(4));
        assertEquals(Vector.of(), Vector.range(0));
        fails("Vector.zeros: 'n' must be >= 0, got -1", () -> Vector.zeros(-1));
        fails("Vector.full: 'n' must be >= 0, got -2", () -> Vector.full(-2, 1));
        fails("Vector.range: 'n' must be >= 0, got -3", () -> Vector.range(-3));
    }

    @Test void linspaceIncludesBothEnds() {
        assertEquals(Vector.of(0, 0.25, 0.5, 0.75, 1), Vector.linspace(0, 1, 5));   // step (1 − 0)/4
        assertEquals(Vector.of(2), Vector.linspace(2, 3, 1));                        // NumPy: just the start
        assertEquals(Vector.of(), Vector.linspace(2, 3, 0));
        assertEquals(0.3, Vector.linspace(0, 0.3, 4).get(3));                        // exact end, whatever 3·0.1 rounds to
        assertEquals(Vector.of(3, 2, 1), Vector.linspace(3, 1, 3));
        fails("Vector.linspace: 'n' must be >= 0, got -1", () -> Vector.linspace(0, 1, -1));
    }

    @Test void sameSeedSameVector() {
        assertEquals(Vector.random(5, 42), Vector.random(5, 42));
        assertNotEquals(Vector.random(5, 42), Vector.random(5, 43));
        assertEquals(Vector.random(5, 42), Vector.random(5, Rng.of(42)));
        assertEquals(Vector.randn(5, 42), Vector.randn(5, 42));
        assertEquals(Vector.randn(5, 42), Vector.randn(5, Rng.of(42)));
        // one generator, consecutive draws: the first 3 then the next 2 are the 5
        var rng = Rng.of(9);
        assertEquals(Vector.random(5, 9), Vector.concat(Vector.random(3, rng), Vector.random(2, rng)));
        fails("Vector.random: 'n' must be >= 0, got -1", () -> Vector.random(-1, 1));
        fails("Vector.randn: 'n' must be >= 0, got -1", () -> Vector.randn(-1, 1));
    }

    @Test void randomDrawsHaveTheirDistribution() {
        Vector u = Vector.random(100_000, 1), z = Vector.randn(100_000, 1);
        assertTrue(u.min() >= 0 && u.max() < 1);
        assertEquals(0.5, u.mean(), 0.01);
        assertEquals(1.0 / 12, u.var(), 0.005);
        assertEquals(0, z.mean(), 0.02);
        assertEquals(1, z.std(), 0.02);
    }

    @Test void concatJoinsEndToEnd() {
        assertEquals(Vector.of(1, 2, 3, 4, 5, 6), Vector.concat(a, b));
        assertEquals(a, Vector.concat(Vector.of(), a, Vector.of()));
        assertEquals(Vector.of(), Vector.concat());
    }

    // ───────────────────────────── access ─────────────────────────────

    @Test void getWithSliceSelect() {
        assertEquals(2, a.get(1));
        Vector c = a.with(1, -2);
        assertEquals(Vector.of(1, -2, 3), c);
        assertEquals(Vector.of(1, 2, 3), a);                     // the original is untouched
        assertEquals(Vector.of(2, 3), a.slice(1, 3));
        assertEquals(Vector.of(), a.slice(2, 2));
        assertEquals(Vector.of(3, 1, 3), a.select(2, 0, 2));
        fails("get: index 3 is out of range for a vector of size 3", () -> a.get(3));
        fails("get: index -1 is out of range for a vector of size 3", () -> a.get(-1));
        fails("with: index 5 is out of range for a vector of size 3", () -> a.with(5, 0));
        fails("slice: [2, 1) is not a range inside a vector of size 3", () -> a.slice(2, 1));
        fails("slice: [0, 4) is not a range inside a vector of size 3", () -> a.slice(0, 4));
        fails("select: index 3 is out of range for a vector of size 3", () -> a.select(0, 3));
    }

    @Test void copiesOut() {
        double[] values = a.toArray();
        values[0] = 99;
        assertEquals(1, a.get(0));
        assertArrayEquals(new int[] {1, 2, 3}, a.toIntArray());
        assertArrayEquals(new int[] {-4, 0}, Vector.of(-4, -0.0).toIntArray());
        fails("toIntArray: entry [1] = 1.5 is not a whole number", () -> Vector.of(1, 1.5).toIntArray());
        fails("toIntArray: entry [0] = NaN is not a whole number", () -> Vector.of(Double.NaN).toIntArray());
        fails("toIntArray: entry [0] = 1.0E10 is not a whole number", () -> Vector.of(1e10).toIntArray());
    }

    @Test void classIndicesAreWholeNumbersBelowK() {
        assertArrayEquals(new int[] {0, 2, 1, 2}, Vector.of(0, 2, 1, 2).toClassIndices("fit", "y", 0));
        assertArrayEquals(new int[] {0, 2}, Vector.of(0, 2).toClassIndices("fit", "y", 3));
        fails("fit: y[1] = 1.5 is not a class index (labels must be 0, 1, …, k−1)",
                () -> Vector.of(0, 1.5).toClassIndices("fit", "y", 0));
        fails("fit: y[0] = -1.0 is not a class index (labels must be 0, 1, …, k−1)",
                () -> Vector.of(-1, 0).toClassIndices("fit", "y", 0));
        fails("fit: y[0] = NaN is not a class index (labels must be 0, 1, …, k−1)",
                () -> Vector.of(Double.NaN).toClassIndices("fit", "y", 0));
        fails("Dataset: y[1] = 3.0 is not a class index in 0..2 (there are 3 classes)",
                () -> Vector.of(0, 3).toClassIndices("Dataset", "y", 3));
    }

    @Test void asColumnAndAsRow() {
        assertEquals(Matrix.of(3, 1, 1, 2, 3), a.asColumn());
        assertEquals(Matrix.of(1, 3, 1, 2, 3), a.asRow());
        assertEquals(Matrix.of(1, 1, 32), a.asRow().times(b.asColumn()));   // aᵀb as a 1×1 matrix
    }

    // ───────────────────────────── arithmetic ─────────────────────────────

    @Test void vectorWithVector() {
        assertEquals(Vector.of(5, 7, 9), a.plus(b));
        assertEquals(Vector.of(-3, -3, -3), a.minus(b));
        assertEquals(Vector.of(4, 10, 18), a.hadamard(b));
        assertEquals(Vector.of(0.25, 0.4, 0.5), a.divide(b));
        assertEquals(Vector.of(4, 5, 6), a.zip("max", b, Math::max));
    }

    @Test void vectorWithScalar() {
        assertEquals(Vector.of(2, 3, 4), a.plus(1));
        assertEquals(Vector.of(0, 1, 2), a.minus(1));
        assertEquals(Vector.of(2, 4, 6), a.scale(2));
        assertEquals(Vector.of(-1, -2, -3), a.negate());
        assertEquals(Vector.of(1, 4, 9), a.map(x -> x * x));
    }

    @Test void sizesMustMatch() {
        Vector c = Vector.of(1, 2);
        fails("plus: a has size 3 but b has size 2 (sizes must match)", () -> a.plus(c));
        fails("minus: a has size 3 but b has size 2 (sizes must match)", () -> a.minus(c));
        fails("hadamard: a has size 3 but b has size 2 (sizes must match)", () -> a.hadamard(c));
        fails("divide: a has size 3 but b has size 2 (sizes must match)", () -> a.divide(c));
        fails("max: a has size 3 but b has size 2 (sizes must match)", () -> a.zip("max", c, Math::max));
        fails("dot: a has size 3 but b has size 2 (sizes must match)", () -> a.dot(c));
        fails("plus: 'b' must not be null", () -> a.plus((Vector) null));
        fails("outer: 'b' must not be null", () -> a.outer(null));
    }

    @Test void dotAndOuter() {
        assertEquals(32, a.dot(b));                               // 4 + 10 + 18
        assertEquals(0, Vector.of().dot(Vector.of()));
        // a bᵀ = [1·4 1·5 1·6; 2·4 2·5 2·6; 3·4 3·5 3·6]
        assertEquals(Matrix.of(3, 3, 4, 5, 6, 8, 10, 12, 12, 15, 18), a.outer(b));
        assertEquals(Matrix.of(3, 2, 1, 2, 2, 4, 3, 6), a.outer(Vector.of(1, 2)));
        assertEquals(a.dot(b), a.outer(b).trace());               // trace(a bᵀ) = a·b
    }

    // ───────────────────────────── reductions ─────────────────────────────

    @Test void norms() {
        assertEquals(Math.sqrt(14), a.norm(), 1e-15);             // √(1 + 4 + 9)
        assertEquals(5, Vector.of(3, -4).norm());
        assertEquals(5e300, Vector.of(3e300, -4e300).norm(), 1e286);   // no overflow in the squares
        assertEquals(7, Vector.of(3, -4).norm1());
        assertEquals(4, Vector.of(3, -4).normInf());
        assertEquals(0, Vector.of().norm());
        assertEquals(0, Vector.of().normInf());
    }

    @Test void sumMeanVarStd() {
        assertEquals(6, a.sum());
        assertEquals(2, a.mean());
        // (1, 2, 3, 4): mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, /4 = 1.25 (ddof 0)
        Vector c = Vector.of(1, 2, 3, 4);
        assertEquals(1.25, c.var(), 1e-15);
        assertEquals(Math.sqrt(1.25), c.std(), 1e-15);
        assertEquals(0, Vector.of(7).var());
        assertEquals(0, Vector.of().sum());
        fails("mean: the vector is empty", () -> Vector.of().mean());
        fails("mean: the vector is empty", () -> Vector.of().var());
    }

    @Test void minMaxAndTheirIndicesPickTheFirstOnTies() {
        Vector v = Vector.of(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5);
        assertEquals(1, v.min());
        assertEquals(9, v.max());
        assertEquals(1, v.argmin());                              // 1 at indices 1 and 3 → 1
        assertEquals(5, v.argmax());
        Vector w = Vector.of(2, 7, 7, 1, 1);
        assertEquals(1, w.argmax());
        assertEquals(3, w.argmin());
        assertEquals(0, Vector.of(-2, -2).argmax());
        fails("argmin: the vector is empty", () -> Vector.of().argmin());
        fails("argmax: the vector is empty", () -> Vector.of().argmax());
        fails("min: the vector is empty", () -> Vector.of().min());
        fails("max: the vector is empty", () -> Vector.of().max());
    }

    // ───────────────────────────── comparison and printing ─────────────────────────────

    @Test void equalsIsExactIsCloseIsNot() {
        Vector x = Vector.of(0.1 + 0.2), y = Vector.of(0.3);
        assertNotEquals(x, y);
        assertTrue(x.isClose(y, 1e-12));
        assertFalse(x.isClose(y, 1e-17));
        assertEquals(Vector.of(1, 2), Vector.of(1, 2));
        assertEquals(Vector.of(1, 2).hashCode(), Vector.of(1, 2).hashCode());
        assertFalse(Vector.of(1, 2).isClose(Vector.of(1, 2, 3), 1));
        assertFalse(Vector.of(1).isClose(null, 1));
        assertNotEquals(Vector.of(1, 2), Matrix.of(1, 2, 1, 2));
        assertTrue(Vector.of(1e12).isClose(Vector.of(1e12 + 100), 1e-9));   // relative for large entries
        assertFalse(Vector.of(0).isClose(Vector.of(1e-8), 1e-9));           // absolute near zero
        assertTrue(Vector.of(Double.NaN).isClose(Vector.of(Double.NaN), 0));
        assertFalse(Vector.of(Double.POSITIVE_INFINITY).isClose(Vector.of(Double.NEGATIVE_INFINITY), 1));
    }

    @Test void requireFiniteNamesTheFirstOffender() {
        fails("fit: y[2] is NaN", () -> Vector.of(0, 1, Double.NaN, Double.POSITIVE_INFINITY).requireFinite("fit", "y"));
        fails("fit: w[0] is +Infinity", () -> Vector.of(Double.POSITIVE_INFINITY).requireFinite("fit", "w"));
        fails("fit: y[1] is -Infinity", () -> Vector.of(0, Double.NEGATIVE_INFINITY).requireFinite("fit", "y"));
        assertSame(a, a.requireFinite("fit", "y"));
    }

    @Test void printsLikeNumPy() {
        assertEquals("Vector(3) [1, 2, 3]", a.toString());                       // integers without decimals
        assertEquals("Vector(3) [1.0000, 2.5000, -3.0000]", Vector.of(1, 2.5, -3).toString());
        assertEquals("Vector(3) [1.0000e-05, 1.0000e+00, 2.0000e+07]", Vector.of(1e-5, 1, 2e7).toString());
        assertEquals("Vector(3) [NaN, 1.5000, -Inf]", Vector.of(Double.NaN, 1.5, Double.NEGATIVE_INFINITY).toString());
        assertEquals("Vector(20) [0, 1, 2, …, 17, 18, 19]", Vector.range(20).toString());
        assertEquals("Vector(8) [0, 1, 2, 3, 4, 5, 6, 7]", Vector.range(8).toString());   // 8 fit, 9 are cut
        assertEquals("Vector(0) []", Vector.of().toString());
    }
}
