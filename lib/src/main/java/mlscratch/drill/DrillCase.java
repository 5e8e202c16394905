package mlscratch.drill;

import java.util.function.Function;
import java.util.random.RandomGenerator;
import mlscratch.linalg.Rng;

/// One test of a drill: a name (`"random n=7"`, `"ties"`, `"logits 1000"`), how to build its arguments, and
/// how to judge the answer. The arguments are rebuilt for every call (reference and answer each get a fresh
/// copy), so an answer that mutates a `double[]` cannot spoil the comparison; random cases draw from
/// `Rng.of(seed)`, so a case is the same on every run.
///
/// ```
/// DrillCase.of("one element", Expect.close(1e-12), Vector.of(3.0))
/// DrillCase.random("random n=50", 7, rng -> new Object[] {Vector.randn(50, rng)}, Expect.close(1e-9))
/// ```
public record DrillCase(String name, Function<RandomGenerator, Object[]> args, long seed, Expect expect) {

    public DrillCase {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("DrillCase: 'name' must not be blank");
        if (args == null) throw new IllegalArgumentException("DrillCase " + name + ": 'args' must not be null");
        if (expect == null) throw new IllegalArgumentException("DrillCase " + name + ": 'expect' must not be null");
    }

    /// A case with fixed arguments (Vector and Matrix are immutable; arrays are cloned for every call).
    public static DrillCase of(String name, Expect expect, Object... args) {
        Object[] fixed = args.clone();
        return new DrillCase(name, rng -> deepCopy(fixed), 0, expect);
    }

    /// A case whose arguments are drawn from `Rng.of(seed)`.
    public static DrillCase random(String name, long seed, Function<RandomGenerator, Object[]> args, Expect expect) {
        return new DrillCase(name, args, seed, expect);
    }

    /// A fresh copy of the arguments.
    public Object[] build() { return args.apply(Rng.of(seed)); }

    private static Object[] deepCopy(Object[] a) {
        Object[] out = new Object[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = switch (a[i]) {
                case double[] d -> d.clone();
                case int[] d -> d.clone();
                case double[][] d -> {
                    double[][] c = new double[d.length][];
                    for (int r = 0; r < d.length; r++) c[r] = d[r].clone();
                    yield c;
                }
                case null, default -> a[i];
            };
        }
        return out;
    }
}
