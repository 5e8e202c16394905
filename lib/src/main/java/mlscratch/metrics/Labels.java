package mlscratch.metrics;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Argument checks shared by the metrics: one message shape, naming the argument and the entry.
final class Labels {
    private Labels() {}

    /// Both present, same size, not empty, every entry finite.
    static void pair(String where, String nameA, Vector a, String nameB, Vector b) {
        Check.notNull(where, nameA, a);
        Check.notNull(where, nameB, b);
        if (a.size() != b.size())
            throw Check.fail(where, nameA + " has " + a.size() + entries(a.size()) + " but " + nameB + " has " + b.size());
        if (a.size() == 0) throw Check.fail(where, nameA + " and " + nameB + " are empty");
        a.requireFinite(where, nameA);
        b.requireFinite(where, nameB);
    }

    /// The entries as class indices (whole numbers ≥ 0); `y` must already be known finite.
    static int[] classIndices(String where, String name, Vector y) {
        return y.toClassIndices(where, name, 0);
    }

    /// The entries as cluster ids `0…m−1` (any whole numbers, −1 for noise included, renumbered in
    /// increasing order); `y` must already be known finite.
    static int[] clusterIds(String where, String name, Vector y) {
        int n = y.size();
        for (int i = 0; i < n; i++) {
            double v = y.get(i);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE)
                throw Check.fail(where, name + "[" + i + "] = " + v + " is not a whole number (labels must be whole numbers)");
        }
        double[] sorted = y.toArray();
        java.util.Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < n; i++) if (i == 0 || sorted[i] != sorted[i - 1]) sorted[m++] = sorted[i];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = java.util.Arrays.binarySearch(sorted, 0, m, y.get(i));
        return out;
    }

    /// Number of distinct values in ids `0…m−1`, i.e. `max + 1`.
    static int count(int[] ids) {
        int m = 0;
        for (int id : ids) m = Math.max(m, id + 1);
        return m;
    }

    static void requireFinite(String where, String name, Matrix X) {
        Check.notNull(where, name, X);
        X.requireFinite(where, name);
    }

    static String entries(int n) { return n == 1 ? " entry" : " entries"; }
}
