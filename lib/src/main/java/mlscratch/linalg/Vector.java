package mlscratch.linalg;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

import mlscratch.util.Check;

/// An immutable vector of doubles: the `y`, `w` and `b` of the blackboard.
///
/// Every operation returns a new vector; nothing changes in place. A `Vector` is neither a row nor a
/// column: [Matrix#times(Vector)] treats it as a column (`Xw`), [Matrix#plusRowVector(Vector)] adds it to
/// every row (NumPy's `X + b`). [#asColumn()] and [#asRow()] turn it into an explicit `n×1` or `1×n` matrix.
///
/// ```
/// var w = Vector.of(1, 2, 3);
/// w.dot(w);               // 14.0
/// w.scale(2).plus(w);     // [3, 6, 9]
/// w.norm();               // √14 ≈ 3.7417
/// ```
/// Equality is exact (`equals`); compare computed results with [#isClose(Vector, double)].
public final class Vector {
    final double[] v;   // owned: never shared with a caller

    Vector(double[] v) { this.v = v; }

    // ───────────────────────────── factories ─────────────────────────────

    /// A vector holding a copy of `values`.
    public static Vector of(double... values) {
        Check.notNull("Vector.of", "values", values);
        return new Vector(values.clone());
    }

    /// A vector of the given ints, as doubles (labels: `Vector.of(0, 1, 1, 0)` works too).
    public static Vector ofInts(int... values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i];
        return new Vector(out);
    }

    /// Takes ownership of `values` without copying: the caller must not modify the array afterwards.
    /// For library code that has just built the array; users want [#of(double...)].
    public static Vector wrap(double[] values) {
        return new Vector(Check.notNull("Vector.wrap", "values", values));
    }

    public static Vector zeros(int n) {
        return new Vector(new double[Check.nonNegative("Vector.zeros", "n", n)]);
    }

    public static Vector ones(int n) { return full(n, 1.0); }

    public static Vector full(int n, double value) {
        double[] out = new double[Check.nonNegative("Vector.full", "n", n)];
        Arrays.fill(out, value);
        return new Vector(out);
    }

    /// `n` evenly spaced numbers from `start` to `stop`, both included (NumPy's `linspace`).
    public static Vector linspace(double start, double stop, int n) {
        Check.nonNegative("Vector.linspace", "n", n);
        double[] out = new double[n];
        if (n == 1) out[0] = start;
        double step = n > 1 ? (stop - start) / (n - 1) : 0;
        for (int i = 0; i < n; i++) out[i] = start + i * step;
        if (n > 1) out[n - 1] = stop;   // exact end point, whatever the rounding of i·step
        return new Vector(out);
    }

    /// The integers `0, 1, …, n−1`.
    public static Vector range(int n) {
        double[] out = new double[Check.nonNegative("Vector.range", "n", n)];
        for (int i = 0; i < n; i++) out[i] = i;
        return new Vector(out);
    }

    /// `n` draws from the uniform distribution on [0, 1), from a generator seeded with `seed`.
    public static Vector random(int n, long seed) { return random(n, Rng.of(seed)); }

    public static Vector random(int n, RandomGenerator rng) {
        double[] out = new double[Check.nonNegative("Vector.random", "n", n)];
        for (int i = 0; i < n; i++) out[i] = rng.nextDouble();
        return new Vector(out);
    }

    /// `n` draws from the standard normal N(0, 1), from a generator seeded with `seed`.
    public static Vector randn(int n, long seed) { return randn(n, Rng.of(seed)); }

    public static Vector randn(int n, RandomGenerator rng) {
        double[] out = new double[Check.nonNegative("Vector.randn", "n", n)];
        for (int i = 0; i < n; i++) out[i] = rng.nextGaussian();
        return new Vector(out);
    }

    /// Joins vectors end to end.
    public static Vector concat(Vector... parts) {
        int n = 0;
        for (Vector p : parts) n += p.v.length;
        double[] out = new double[n];
        int at = 0;
        for (Vector p : parts) {
            System.arraycopy(p.v, 0, out, at, p.v.length);
            at += p.v.length;
        }
        return new Vector(out);
    }

    // ───────────────────────────── access ─────────────────────────────

    public int size() { return v.length; }

    public double get(int i) {
        checkIndex("get", i);
        return v[i];
    }

    /// A copy with entry `i` set to `value`.
    public Vector with(int i, double value) {
        checkIndex("with", i);
        double[] out = v.clone();
        out[i] = value;
        return new Vector(out);
    }

    private void checkIndex(String where, int i) {
        if (i < 0 || i >= v.length) throw Check.fail(where, "index " + i + " is out of range for a vector of size " + v.length);
    }

    /// Entries `from` (inclusive) to `to` (exclusive).
    public Vector slice(int from, int to) {
        if (from < 0 || to > v.length || from > to)
            throw Check.fail("slice", "[" + from + ", " + to + ") is not a range inside a vector of size " + v.length);
        return new Vector(Arrays.copyOfRange(v, from, to));
    }

    /// The entries at `indices`, in that order (repeats allowed).
    public Vector select(int... indices) {
        double[] out = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= v.length) throw Check.fail("select", "index " + i + " is out of range for a vector of size " + v.length);
            out[k] = v[i];
        }
        return new Vector(out);
    }

    /// A copy of the entries.
    public double[] toArray() { return v.clone(); }

    /// The entries as ints (labels); fails on an entry that is not a whole number.
    public int[] toIntArray() {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || Math.abs(v[i]) > Integer.MAX_VALUE)
                throw Check.fail("toIntArray", "entry [" + i + "] = " + v[i] + " is not a whole number");
            out[i] = (int) v[i];
        }
        return out;
    }

    /// The entries as class indices, the one label check of the library: every entry must be a whole
    /// number in `0 … k−1`, or any whole number ≥ 0 when `k = 0`. Fails naming the first offender:
    /// `fit: y[3] = 1.5 is not a class index (labels must be 0, 1, …, k−1)`, or with a bound
    /// `Dataset: y[1] = 2.0 is not a class index in 0..1 (there are 2 classes)`.
    public int[] toClassIndices(String where, String name, int k) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            double c = v[i];
            boolean ok = c >= 0 && c == Math.rint(c) && c < (k > 0 ? k : Integer.MAX_VALUE);
            if (!ok) throw Check.fail(where, name + "[" + i + "] = " + c + " is not a class index"
                    + (k > 0 ? " in 0.." + (k - 1) + " (there are " + k + " classes)" : " (labels must be 0, 1, …, k−1)"));
            out[i] = (int) c;
        }
        return out;
    }

    /// This vector as an `n×1` matrix.
    public Matrix asColumn() { return new Matrix(v.length, 1, v.clone()); }

    /// This vector as a `1×n` matrix.
    public Matrix asRow() { return new Matrix(1, v.length, v.clone()); }

    // ───────────────────────────── arithmetic ─────────────────────────────

    public Vector plus(Vector b) { return zip("plus", b, Double::sum); }

    public Vector minus(Vector b) { return zip("minus", b, (x, y) -> x - y); }

    /// Elementwise product `a ⊙ b`.
    public Vector hadamard(Vector b) { return zip("hadamard", b, (x, y) -> x * y); }

    /// Elementwise quotient `a ⊘ b`.
    public Vector divide(Vector b) { return zip("divide", b, (x, y) -> x / y); }

    public Vector plus(double c) { return map(x -> x + c); }

    public Vector minus(double c) { return map(x -> x - c); }

    /// `c · a`.
    public Vector scale(double c) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = c * v[i];
        return new Vector(out);
    }

    public Vector negate() { return scale(-1); }

    /// `f` applied to every entry.
    public Vector map(DoubleUnaryOperator f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = f.applyAsDouble(v[i]);
        return new Vector(out);
    }

    /// `f(aᵢ, bᵢ)` for every i.
    public Vector zip(String where, Vector b, DoubleBinaryOperator f) {
        sameSize(where, b);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = f.applyAsDouble(v[i], b.v[i]);
        return new Vector(out);
    }

    /// `a · b = Σᵢ aᵢbᵢ`.
    public double dot(Vector b) {
        sameSize("dot", b);
        return Kernels.dot(v, 0, b.v, 0, v.length);
    }

    /// The outer product `a bᵀ`, a `size() × b.size()` matrix.
    public Matrix outer(Vector b) {
        Check.notNull("outer", "b", b);
        double[] out = new double[v.length * b.v.length];
        for (int i = 0; i < v.length; i++)
            for (int j = 0; j < b.v.length; j++) out[i * b.v.length + j] = v[i] * b.v[j];
        return new Matrix(v.length, b.v.length, out);
    }

    // ───────────────────────────── reductions ─────────────────────────────

    /// The Euclidean norm `‖a‖₂ = √(Σ aᵢ²)`, computed without overflow for huge entries.
    public double norm() { return Kernels.norm2(v, 0, v.length); }

    /// `‖a‖₁ = Σ |aᵢ|`.
    public double norm1() {
        double s = 0;
        for (double x : v) s += Math.abs(x);
        return s;
    }

    /// `‖a‖∞ = maxᵢ |aᵢ|`.
    public double normInf() {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    public double sum() {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    public double mean() { return nonEmpty("mean").sum() / v.length; }

    /// Population variance `Σ (aᵢ − ā)² / n` (NumPy's default, `ddof = 0`).
    public double var() {
        double m = mean(), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return s / v.length;
    }

    public double std() { return Math.sqrt(var()); }

    public double min() { return v[nonEmpty("min").argmin()]; }

    public double max() { return v[nonEmpty("max").argmax()]; }

    /// Index of the smallest entry (the first one on ties).
    public int argmin() {
        nonEmpty("argmin");
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] < v[best]) best = i;
        return best;
    }

    /// Index of the largest entry (the first one on ties).
    public int argmax() {
        nonEmpty("argmax");
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    // ───────────────────────────── comparison and printing ─────────────────────────────

    /// True when the sizes match and `|aᵢ − bᵢ| ≤ tol · max(1, |aᵢ|, |bᵢ|)` for every i
    /// (absolute near zero, relative for large entries).
    public boolean isClose(Vector b, double tol) {
        if (b == null || b.v.length != v.length) return false;
        for (int i = 0; i < v.length; i++)
            if (!Kernels.close(v[i], b.v[i], tol)) return false;
        return true;
    }

    /// Fails with `where: y[3] is NaN` (or `+Infinity`, `-Infinity`) at the first entry that is not finite.
    public Vector requireFinite(String where, String name) {
        Check.finite(where, name, v, 1, true);
        return this;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Vector b && Arrays.equals(v, b.v);
    }

    @Override public int hashCode() { return Arrays.hashCode(v); }

    /// NumPy-like: `Vector(3) [1.0000, 2.5000, -3.0000]`, long vectors truncated.
    @Override public String toString() { return "Vector(" + v.length + ") " + Format.vector(v); }

    private void sameSize(String where, Vector b) {
        Check.notNull(where, "b", b);
        if (b.v.length != v.length)
            throw Check.fail(where, "a has size " + v.length + " but b has size " + b.v.length + " (sizes must match)");
    }

    private Vector nonEmpty(String where) {
        if (v.length == 0) throw Check.fail(where, "the vector is empty");
        return this;
    }
}
