package mlscratch.linalg;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/// Seeded random generators. One algorithm for the whole project (L64X128MixRandom: fast, splittable,
/// statistically strong) so that the same seed gives the same numbers in every class and every JDK.
public final class Rng {
    private Rng() {}

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of("L64X128MixRandom");

    /// A new generator seeded with `seed`.
    public static RandomGenerator of(long seed) { return FACTORY.create(seed); }

    /// A random permutation of `0…n−1` (Fisher–Yates).
    public static int[] permutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i]; p[i] = p[j]; p[j] = t;
        }
        return p;
    }
}
