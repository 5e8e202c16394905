package mlscratch.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Train/test splits and k-fold cross-validation folds, plain or stratified (each part keeping the
/// class proportions of the whole).
///
/// The index versions (`trainTest(n, …)`, `kFold(n, k, …)`, `stratifiedKFold(y, k, …)`) return [Fold]s of
/// row indices; [#apply(Dataset, Fold)] turns a fold into two data sets, and `Matrix.selectRows(fold.train())`
/// does the same for a bare matrix.
/// ```
/// var tt = Split.stratified(iris, 0.2, 42);            // tt.train(): 120 rows, tt.test(): 30, 10 of each class
/// for (var fold : Split.kFold(iris.n(), 5, 42)) {
///     var part = Split.apply(iris, fold);              // part.train(), part.test()
/// }
/// ```
/// Sizes follow scikit-learn: the test part of a train/test split has `⌈f·n⌉` rows (at least 1, and
/// ignoring binary rounding: 0.07·100 = 7.000000000000001 gives 7, where scikit-learn takes 8); k folds
/// have `⌊n/k⌋` or `⌈n/k⌉` test rows, the first `n mod k` folds the larger.
public final class Split {
    private Split() {}

    /// Row indices of one split: `train` and `test` are disjoint.
    /// The arrays are copied on the way in and on the way out, so a fold never changes.
    public record Fold(int[] train, int[] test) {
        public Fold {
            train = Check.notNull("Fold", "train", train).clone();
            test = Check.notNull("Fold", "test", test).clone();
        }

        /// A copy of the training indices.
        @Override public int[] train() { return train.clone(); }

        /// A copy of the test indices.
        @Override public int[] test() { return test.clone(); }

        @Override public boolean equals(Object o) {
            return o instanceof Fold f && Arrays.equals(train, f.train) && Arrays.equals(test, f.test);
        }

        @Override public int hashCode() { return 31 * Arrays.hashCode(train) + Arrays.hashCode(test); }

        @Override public String toString() {
            return "Fold train " + train.length + " " + head(train) + "  test " + test.length + " " + head(test);
        }

        private static String head(int[] a) {
            if (a.length <= 8) return Arrays.toString(a);
            return Arrays.toString(Arrays.copyOf(a, 6)).replace("]", ", …]");
        }
    }

    /// A data set split in two.
    public record TrainTest(Dataset train, Dataset test) {
        public TrainTest {
            Check.notNull("TrainTest", "train", train);
            Check.notNull("TrainTest", "test", test);
        }

        @Override public String toString() {
            return "TrainTest train " + train.n() + " rows, test " + test.n() + " rows";
        }
    }

    // ───────────────────────────── train/test ─────────────────────────────

    /// A random split of `0 … n−1`: `⌈f·n⌉` test indices, the rest for training, both in random order.
    public static Fold trainTest(int n, double testFraction, long seed) { return trainTest(n, testFraction, Rng.of(seed)); }

    /// As [#trainTest(int, double, long)], drawing from `rng`.
    public static Fold trainTest(int n, double testFraction, RandomGenerator rng) {
        String where = "Split.trainTest";
        int nTest = testSize(where, n, testFraction);
        Check.notNull(where, "rng", rng);
        int[] p = Rng.permutation(n, rng);
        return new Fold(Arrays.copyOfRange(p, nTest, n), Arrays.copyOfRange(p, 0, nTest));
    }

    /// A random train/test split of a data set (`⌈f·n⌉` test rows), rows in random order.
    public static TrainTest trainTest(Dataset data, double testFraction, long seed) {
        return trainTest(data, testFraction, Rng.of(seed));
    }

    /// As [#trainTest(Dataset, double, long)], drawing from `rng`.
    public static TrainTest trainTest(Dataset data, double testFraction, RandomGenerator rng) {
        Check.notNull("Split.trainTest", "data", data);
        return apply(data, trainTest(data.n(), testFraction, rng));
    }

    /// A stratified split of the class labels `y` (whole numbers `0 … k−1`): every class c with `n_c`
    /// examples puts `t_c` of them in the test part, where
    /// ```
    /// Σ_c t_c = ⌈f·n⌉        and   |t_c − f·n_c| < 1  for every class
    /// ```
    /// (largest-remainder rounding of `f·n_c`, ties broken at random), so both parts keep the class
    /// proportions to within one example. Indices come out in random order.
    public static Fold stratified(Vector y, double testFraction, long seed) { return stratified(y, testFraction, Rng.of(seed)); }

    /// As [#stratified(Vector, double, long)], drawing from `rng`.
    public static Fold stratified(Vector y, double testFraction, RandomGenerator rng) {
        String where = "Split.stratified";
        int[] labels = labels(where, y);
        int n = labels.length;
        int nTest = testSize(where, n, testFraction);
        Check.notNull(where, "rng", rng);
        int[][] byClass = shuffledByClass(labels, rng);
        int k = byClass.length;

        // t_c = ⌊f·n_c⌋, then the remaining ⌈f·n⌉ − Σ t_c go to the classes with the largest remainders f·n_c − t_c.
        int[] t = new int[k];
        double[] remainder = new double[k];
        int assigned = 0;
        for (int c = 0; c < k; c++) {
            double share = testFraction * byClass[c].length;             // f·n_c
            t[c] = (int) Math.floor(share);
            remainder[c] = share - t[c];
            assigned += t[c];
        }
        int[] order = Rng.permutation(k, rng);                            // random tie-break
        Integer[] byRemainder = new Integer[k];
        for (int c = 0; c < k; c++) byRemainder[c] = order[c];
        Arrays.sort(byRemainder, (a, b) -> Double.compare(remainder[b], remainder[a]));   // stable sort
        for (int r = 0; assigned < nTest; r++, assigned++) t[byRemainder[r % k]]++;

        int[] train = new int[n - nTest], test = new int[nTest];
        int at = 0, bt = 0;
        for (int c = 0; c < k; c++) {
            int[] idx = byClass[c];
            for (int i = 0; i < idx.length; i++) {
                if (i < t[c]) test[bt++] = idx[i];
                else train[at++] = idx[i];
            }
        }
        return new Fold(permuted(train, rng), permuted(test, rng));
    }

    /// A stratified train/test split of a classification data set; see [#stratified(Vector, double, long)].
    public static TrainTest stratified(Dataset data, double testFraction, long seed) {
        return stratified(data, testFraction, Rng.of(seed));
    }

    /// As [#stratified(Dataset, double, long)], drawing from `rng`.
    public static TrainTest stratified(Dataset data, double testFraction, RandomGenerator rng) {
        Check.notNull("Split.stratified", "data", data);
        return apply(data, stratified(data.y(), testFraction, rng));
    }

    // ───────────────────────────── k-fold ─────────────────────────────

    /// `k` folds of `0 … n−1` in their natural order (no shuffling): fold j tests on the j-th contiguous
    /// block of `⌊n/k⌋` or `⌈n/k⌉` indices and trains on the rest. For data whose order matters.
    public static List<Fold> kFold(int n, int k) {
        int[] identity = new int[checkFolds("Split.kFold", n, k)];
        for (int i = 0; i < n; i++) identity[i] = i;
        return blocks(identity, k);
    }

    /// `k` folds of a random permutation of `0 … n−1`: every index is tested exactly once, the test
    /// sets have `⌊n/k⌋` or `⌈n/k⌉` indices, and each fold's train set is the complement of its test set.
    /// Indices within a fold are sorted.
    public static List<Fold> kFold(int n, int k, long seed) { return kFold(n, k, Rng.of(seed)); }

    /// As [#kFold(int, int, long)], drawing from `rng`.
    public static List<Fold> kFold(int n, int k, RandomGenerator rng) {
        checkFolds("Split.kFold", n, k);
        Check.notNull("Split.kFold", "rng", rng);
        return blocks(Rng.permutation(n, rng), k);
    }

    /// `k` folds that keep the class proportions: the indices of each class (whole numbers in `y`) are
    /// shuffled, the classes are laid end to end, and the i-th index of that list goes to fold `i mod k`.
    /// So each fold holds `⌊n_c/k⌋` or `⌈n_c/k⌉` examples of class c, and the fold sizes differ by at
    /// most one. A class with fewer than k examples is missing from some test folds.
    /// Indices within a fold are sorted.
    public static List<Fold> stratifiedKFold(Vector y, int k, long seed) { return stratifiedKFold(y, k, Rng.of(seed)); }

    /// As [#stratifiedKFold(Vector, int, long)], drawing from `rng`.
    public static List<Fold> stratifiedKFold(Vector y, int k, RandomGenerator rng) {
        String where = "Split.stratifiedKFold";
        int[] labels = labels(where, y);
        int n = checkFolds(where, labels.length, k);
        Check.notNull(where, "rng", rng);
        int[] fold = new int[n];                                          // fold[i] = the fold that tests index i
        int i = 0;
        for (int[] members : shuffledByClass(labels, rng))
            for (int idx : members) fold[idx] = i++ % k;
        return fromAssignment(fold, k);
    }

    // ───────────────────────────── applying a split ─────────────────────────────

    /// The rows of `data` named by the fold, as two data sets (`name/train`, `name/test`).
    public static TrainTest apply(Dataset data, Fold fold) {
        Check.notNull("Split.apply", "data", data);
        Check.notNull("Split.apply", "fold", fold);
        return new TrainTest(rows(data, fold.train, "train"), rows(data, fold.test, "test"));
    }

    private static Dataset rows(Dataset data, int[] idx, String part) {
        for (int i : idx)
            Check.that(i >= 0 && i < data.n(), "Split.apply", "the fold names row %d but %s has %d rows", i, data.name(), data.n());
        return new Dataset(data.name() + "/" + part, data.X().selectRows(idx), data.y().select(idx),
                data.featureNames(), data.classNames(), data.description());
    }

    // ───────────────────────────── helpers ─────────────────────────────

    /// `⌈f·n⌉`, checked to leave both parts non-empty.
    private static int testSize(String where, int n, double f) {
        Check.that(f > 0 && f < 1, where, "'testFraction' must be in (0, 1), got %s", f);
        Check.that(n >= 2, where, "cannot split n = %d examples into a train and a test part", n);
        int nTest = (int) Math.ceil(f * n - 1e-9 * n);                   // ⌈f·n⌉, forgiving f·n = 30.000000000000004
        nTest = Math.max(nTest, 1);
        Check.that(nTest < n, where, "testFraction = %s of n = %d leaves no training examples", f, n);
        return nTest;
    }

    private static int checkFolds(String where, int n, int k) {
        Check.that(k >= 2, where, "'k' must be >= 2, got %d", k);
        Check.that(k <= n, where, "k = %d exceeds the number of samples n = %d", k, n);
        return n;
    }

    /// Class labels as ints, checked to be whole numbers ≥ 0.
    private static int[] labels(String where, Vector y) {
        Check.notNull(where, "y", y);
        return y.toClassIndices(where, "y", 0);
    }

    /// The indices of each class `0 … max(y)`, each list in random order.
    private static int[][] shuffledByClass(int[] labels, RandomGenerator rng) {
        int k = 0;
        for (int c : labels) k = Math.max(k, c + 1);
        int[] count = new int[k];
        for (int c : labels) count[c]++;
        int[][] byClass = new int[k][];
        for (int c = 0; c < k; c++) byClass[c] = new int[count[c]];
        int[] fill = new int[k];
        for (int i = 0; i < labels.length; i++) byClass[labels[i]][fill[labels[i]]++] = i;
        for (int c = 0; c < k; c++) byClass[c] = permuted(byClass[c], rng);
        return byClass;
    }

    private static int[] permuted(int[] a, RandomGenerator rng) {
        int[] p = Rng.permutation(a.length, rng), out = new int[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[p[i]];
        return out;
    }

    /// Fold j tests on the j-th block of `order` (sizes ⌈n/k⌉ first, then ⌊n/k⌋).
    private static List<Fold> blocks(int[] order, int k) {
        int n = order.length;
        int[] fold = new int[n];
        int at = 0;
        for (int j = 0; j < k; j++)
            for (int c = n / k + (j < n % k ? 1 : 0); c > 0; c--) fold[order[at++]] = j;
        return fromAssignment(fold, k);
    }

    /// Folds from `fold[i]` = the fold that tests index i; indices sorted within each part.
    private static List<Fold> fromAssignment(int[] fold, int k) {
        int n = fold.length;
        int[] size = new int[k];
        for (int f : fold) size[f]++;
        List<Fold> out = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            int[] train = new int[n - size[j]], test = new int[size[j]];
            int a = 0, b = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] == j) test[b++] = i;
                else train[a++] = i;
            }
            out.add(new Fold(train, test));
        }
        return List.copyOf(out);
    }
}
