package mlscratch.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

class SplitTest {

    @Test
    void unshuffledKFoldIsContiguousBlocksLikeScikitLearn() {
        // scikit-learn 1.2.1: [list(t) for _, t in KFold(3).split(range(10))] = [[0,1,2,3], [4,5,6], [7,8,9]]
        List<Split.Fold> folds = Split.kFold(10, 3);
        assertArrayEquals(new int[] {0, 1, 2, 3}, folds.get(0).test());
        assertArrayEquals(new int[] {4, 5, 6}, folds.get(1).test());
        assertArrayEquals(new int[] {7, 8, 9}, folds.get(2).test());
        assertArrayEquals(new int[] {0, 1, 2, 3, 7, 8, 9}, folds.get(1).train());
    }

    @Test
    void kFoldTestSetsPartitionTheIndicesExactly() {
        var rng = Rng.of(61);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + rng.nextInt(60), k = 2 + rng.nextInt(n - 1);
            List<Split.Fold> folds = Split.kFold(n, k, rng.nextLong());
            assertEquals(k, folds.size());
            assertPartition(n, folds);
            for (Split.Fold f : folds) {
                int size = f.test().length;
                assertTrue(size == n / k || size == (n + k - 1) / k, "fold size " + size + " for n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void stratifiedKFoldKeepsEveryClassWithinOneOfItsShare() {
        var rng = Rng.of(62);
        for (int trial = 0; trial < 30; trial++) {
            int classes = 1 + rng.nextInt(4), n = 4 + rng.nextInt(80), k = 2 + rng.nextInt(Math.min(n, 10) - 1);
            int[] y = randomLabels(n, classes, rng);
            List<Split.Fold> folds = Split.stratifiedKFold(Vector.ofInts(y), k, rng.nextLong());
            assertPartition(n, folds);
            int[] total = counts(y, classes, null);
            int minSize = n, maxSize = 0;
            for (Split.Fold f : folds) {
                int[] inTest = counts(y, classes, f.test());
                for (int c = 0; c < classes; c++)
                    assertTrue(inTest[c] == total[c] / k || inTest[c] == (total[c] + k - 1) / k,
                            "class " + c + ": " + inTest[c] + " of " + total[c] + " in one of " + k + " folds");
                minSize = Math.min(minSize, f.test().length);
                maxSize = Math.max(maxSize, f.test().length);
            }
            assertTrue(maxSize - minSize <= 1, "fold sizes from " + minSize + " to " + maxSize);
        }
    }

    @Test
    void trainTestSizesFollowScikitLearn() {
        // scikit-learn 1.2.1: len(train_test_split(range(10), test_size=0.25)[1]) = 3 = ⌈2.5⌉
        var f = Split.trainTest(10, 0.25, 1);
        assertEquals(3, f.test().length);
        assertEquals(7, f.train().length);
        assertEquals(30, Split.trainTest(100, 0.3, 1).test().length);
        // 0.07·100 = 7.000000000000001 in binary: scikit-learn's ⌈⌉ takes 8, this one forgives the rounding.
        assertEquals(7, Split.trainTest(100, 0.07, 1).test().length);
        assertPartition(10, List.of(f));
    }

    @Test
    void trainTestOfADatasetTakesTheRowsOfTheFold() {
        var d = Generators.blobs(50, 3, 1.0, 5);
        var tt = Split.trainTest(d, 0.2, 9);
        var f = Split.trainTest(d.n(), 0.2, 9);
        assertEquals(d.X().selectRows(f.train()), tt.train().X());
        assertEquals(d.y().select(f.test()), tt.test().y());
        assertEquals("blobs/train", tt.train().name());
        assertEquals(10, tt.test().n());
        assertEquals(d.featureNames(), tt.test().featureNames());
        assertEquals(d.classNames(), tt.train().classNames());
    }

    @Test
    void stratifiedSplitKeepsProportionsWithinOneExample() {
        // Counts [50, 30, 20], f = 0.25: f·n_c = [12.5, 7.5, 5]; ⌈f·n⌉ = 25 test rows.
        // scikit-learn's StratifiedShuffleSplit(test_size=0.25, random_state=0) took [13, 7, 5].
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) y[i] = i < 50 ? 0 : i < 80 ? 1 : 2;
        var f = Split.stratified(Vector.ofInts(y), 0.25, 3);
        assertEquals(25, f.test().length);
        int[] inTest = counts(y, 3, f.test());
        assertEquals(5, inTest[2]);
        assertTrue(Arrays.equals(inTest, new int[] {13, 7, 5}) || Arrays.equals(inTest, new int[] {12, 8, 5}), Arrays.toString(inTest));

        var rng = Rng.of(63);
        for (int trial = 0; trial < 40; trial++) {
            int classes = 1 + rng.nextInt(5), n = 2 + rng.nextInt(100);
            double frac = 0.05 + 0.9 * rng.nextDouble();
            int[] labels = randomLabels(n, classes, rng);
            int nTest = Math.max(1, (int) Math.ceil(frac * n - 1e-9 * n));
            if (nTest >= n) continue;                                      // no training part: rejected (see errors test)
            var s = Split.stratified(Vector.ofInts(labels), frac, rng);
            assertPartition(n, List.of(s));
            assertEquals(nTest, s.test().length);
            int[] total = counts(labels, classes, null), t = counts(labels, classes, s.test()), r = counts(labels, classes, s.train());
            for (int c = 0; c < classes; c++) {
                assertTrue(Math.abs(t[c] - frac * total[c]) < 1, "test " + t[c] + " vs " + frac * total[c]);
                assertTrue(Math.abs(r[c] - (1 - frac) * total[c]) < 1, "train " + r[c] + " vs " + (1 - frac) * total[c]);
            }
        }
    }

    @Test
    void sameSeedSameSplitDifferentSeedDifferentSplit() {
        var y = Vector.ofInts(randomLabels(60, 3, Rng.of(1)));
        assertEquals(Split.kFold(60, 5, 7), Split.kFold(60, 5, 7));
        assertNotEquals(Split.kFold(60, 5, 7), Split.kFold(60, 5, 8));
        assertEquals(Split.stratifiedKFold(y, 5, 7), Split.stratifiedKFold(y, 5, 7));
        assertNotEquals(Split.stratifiedKFold(y, 5, 7), Split.stratifiedKFold(y, 5, 8));
        assertEquals(Split.trainTest(60, 0.3, 7), Split.trainTest(60, 0.3, 7));
        assertNotEquals(Split.trainTest(60, 0.3, 7), Split.trainTest(60, 0.3, 8));
        assertEquals(Split.stratified(y, 0.3, 7), Split.stratified(y, 0.3, 7));
        assertNotEquals(Split.stratified(y, 0.3, 7), Split.stratified(y, 0.3, 8));
    }

    @Test
    void foldsCannotBeChangedFromOutside() {
        int[] train = {0, 1}, test = {2};
        var f = new Split.Fold(train, test);
        train[0] = 99;
        f.test()[0] = 99;
        assertArrayEquals(new int[] {0, 1}, f.train());
        assertArrayEquals(new int[] {2}, f.test());
        assertEquals(new Split.Fold(new int[] {0, 1}, new int[] {2}), f);
        assertEquals("Fold train 2 [0, 1]  test 1 [2]", f.toString());
    }

    @Test
    void applyWorksForAnyFold() {
        var d = new Dataset("t", Matrix.of(4, 1, 10, 11, 12, 13), Vector.of(0, 1, 0, 1), List.of("x"), List.of("a", "b"), "");
        var tt = Split.apply(d, new Split.Fold(new int[] {3, 0}, new int[] {2}));
        assertEquals(Matrix.of(2, 1, 13, 10), tt.train().X());
        assertEquals(Vector.of(0), tt.test().y());
        var e = assertThrows(IllegalArgumentException.class, () -> Split.apply(d, new Split.Fold(new int[] {4}, new int[] {0})));
        assertEquals("Split.apply: the fold names row 4 but t has 4 rows", e.getMessage());
    }

    @Test
    void errorsNameTheProblem() {
        var e = assertThrows(IllegalArgumentException.class, () -> Split.trainTest(10, 1.0, 1));
        assertEquals("Split.trainTest: 'testFraction' must be in (0, 1), got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Split.trainTest(10, Double.NaN, 1));
        assertEquals("Split.trainTest: 'testFraction' must be in (0, 1), got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Split.trainTest(1, 0.5, 1));
        assertEquals("Split.trainTest: cannot split n = 1 examples into a train and a test part", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Split.trainTest(10, 0.99, 1));
        assertEquals("Split.trainTest: testFraction = 0.99 of n = 10 leaves no training examples", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Split.kFold(10, 1, 1));
        assertEquals("Split.kFold: 'k' must be >= 2, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Split.kFold(10, 11));
        assertEquals("Split.kFold: k = 11 exceeds the number of samples n = 10", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Split.stratifiedKFold(Vector.of(0, 1, 0.5, 1), 2, 1));
        assertEquals("Split.stratifiedKFold: y[2] = 0.5 is not a class index (labels must be 0, 1, …, k−1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Split.stratified(Vector.of(0, -1, 0, 1), 0.5, 1));
        assertEquals("Split.stratified: y[1] = -1.0 is not a class index (labels must be 0, 1, …, k−1)", e.getMessage());
    }

    // ───────────────────────────── helpers ─────────────────────────────

    /// Every index 0 … n−1 in exactly one test set (for folds from k-fold), and each fold's train set
    /// is exactly the complement of its test set.
    private static void assertPartition(int n, List<Split.Fold> folds) {
        int[] testedBy = new int[n];
        for (Split.Fold f : folds) {
            boolean[] inTest = new boolean[n];
            for (int i : f.test()) { inTest[i] = true; testedBy[i]++; }
            int[] train = f.train().clone();
            Arrays.sort(train);
            int[] complement = java.util.stream.IntStream.range(0, n).filter(i -> !inTest[i]).toArray();
            assertArrayEquals(complement, train, "train is not the complement of test");
            assertEquals(n, f.train().length + f.test().length);
        }
        if (folds.size() > 1)
            for (int i = 0; i < n; i++) assertEquals(1, testedBy[i], "index " + i + " tested " + testedBy[i] + " times");
    }

    private static int[] randomLabels(int n, int classes, RandomGenerator rng) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = rng.nextInt(classes);
        return y;
    }

    /// Count of each class among `idx` (all rows when null).
    private static int[] counts(int[] y, int classes, int[] idx) {
        int[] c = new int[classes];
        if (idx == null) for (int v : y) c[v]++;
        else for (int i : idx) c[y[i]]++;
        return c;
    }
}
