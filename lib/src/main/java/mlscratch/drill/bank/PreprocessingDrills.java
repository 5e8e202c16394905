package mlscratch.drill.bank;

import java.util.List;

import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Drills on data preparation: one-hot encoding, standardisation and k-fold assignment.
public final class PreprocessingDrills implements DrillSet {

    @Override
    public List<Drill> drills() { return List.of(oneHot(), standardise(), kFold()); }

    static Drill oneHot() {
        return Drill.builder("one-hot")
                .title("One-hot encoding").topic("preprocessing").difficulty(Difficulty.EASY)
                .signature("Matrix oneHot(Vector labels, int k)")
                .statement("""
                        labels holds n ≥ 0 class indices in 0..k−1 (k ≥ 1). Return the n×k matrix Y with Y[i][c] = 1
                        when labels[i] = c, else 0 (exactly one 1 per row).
                        Edge cases: n = 0 (a 0×k matrix: Matrix.zeros(0, k)); k = 1; a class that never occurs
                        (an all-zero column); labels out of order.
                        Compared exactly.""")
                .starter("""
                        Matrix oneHot(Vector labels, int k) {
                            double[] Y = new double[labels.size() * k];          // row-major n×k
                            return Matrix.wrap(labels.size(), k, Y);
                        }""")
                .hints("Row i has its 1 in column (int) labels.get(i).",
                       "Matrix.of(new double[0][]) cannot know k: build a row-major array and use Matrix.wrap(n, k, array).")
                .solution("""
                        Matrix oneHot(Vector labels, int k) {
                            int n = labels.size();
                            double[] Y = new double[n * k];                      // row-major n×k, all 0
                            for (int i = 0; i < n; i++) Y[i * k + (int) labels.get(i)] = 1;   // Y[i][yᵢ] = 1
                            return Matrix.wrap(n, k, Y);
                        }""")
                .explanation("""
                        One-hot turns a categorical value into k indicator features, so a linear model can give each
                        category its own weight without inventing an order (encoding colours as 0, 1, 2 would claim
                        blue is "between" red and green). It is also the target format for softmax cross-entropy:
                        −Σₖ Yᵢₖ log pᵢₖ picks out −log p of the true class. Y·1 = 1 for every row, so together with an
                        intercept column the k columns are collinear (the dummy-variable trap): drop one column or
                        regularise. Y is mostly zeros; large vocabularies use sparse storage or embeddings.""")
                .reference((Vector y, Integer k) -> Bank.oneHot(y, k))
                .tests(
                        DrillCase.of("hand case", Expect.close(0), Vector.of(1, 0, 2), 3),
                        DrillCase.of("n = 0", Expect.close(0), Vector.zeros(0), 4),
                        DrillCase.of("k = 1", Expect.close(0), Vector.of(0, 0), 1),
                        DrillCase.of("a class never occurs", Expect.close(0), Vector.of(0, 0, 3), 4),
                        DrillCase.random("random 50 labels, k = 6", 141, rng -> new Object[] {Bank.labels(50, 6, rng), 6}, Expect.close(0)))
                .build();
    }

    static Matrix standardiseRef(Matrix X) {
        Vector mu = X.mean(0);
        Matrix Xc = X.minusRowVector(mu);                                         // x − μ
        Vector sd = Xc.hadamard(Xc).mean(0).map(Math::sqrt);                      // σ = √(mean (x − μ)²), population
        return Xc.divideColumns(sd.map(s -> s == 0 ? 1 : s));                     // constant column: leave 0
    }

    static Drill standardise() {
        return Drill.builder("standardise")
                .title("Standardise the columns").topic("preprocessing").difficulty(Difficulty.EASY)
                .signature("Matrix standardise(Matrix X)")
                .statement("""
                        X is n×d (n ≥ 1). Return Z with each column rescaled to mean 0 and standard deviation 1:
                            Zᵢⱼ = (Xᵢⱼ − μⱼ) / σⱼ,   μⱼ = column mean,   σⱼ = √((1/n) Σᵢ (Xᵢⱼ − μⱼ)²)   (population: ÷ n).
                        A constant column (σⱼ = 0) becomes all zeros — no NaN.
                        Edge cases: one row (all zeros); a constant column; a column at 1e9 with spread 1
                        (compute deviations from the mean first: E[x²] − E[x]² cancels catastrophically there).
                        Tolerance: each entry within 1e-6 · max(1, |expected|).""")
                .starter("""
                        Matrix standardise(Matrix X) {
                            Vector mu = X.mean(0);                   // column means
                            return null;
                        }""")
                .hints("Centre first: Xc = X.minusRowVector(X.mean(0)); then σ = sqrt of the column mean of Xc².",
                       "Replace σ = 0 by 1 before dividing: a centred constant column is already 0.",
                       "Xc.divideColumns(sd) divides column j by sd[j].")
                .solution("""
                        Matrix standardise(Matrix X) {
                            Matrix Xc = X.minusRowVector(X.mean(0));                         // x − μ
                            Vector sd = Xc.hadamard(Xc).mean(0).map(Math::sqrt);             // σ (÷ n)
                            return Xc.divideColumns(sd.map(s -> s == 0 ? 1 : s));            // (x − μ)/σ; constant → 0
                        }""")
                .explanation("""
                        After z = (x − μ)/σ every feature has mean 0 and variance 1, so no feature dominates a distance
                        (KNN, k-means, RBF kernels) or a penalty (ridge/lasso), and gradient descent sees a better
                        conditioned problem. Use the TRAINING set's μ, σ for test data too (fitting them on all data
                        leaks test information). The two-pass formula matters: for x ≈ 1e9 ± 1, E[x²] ≈ 1e18 has a
                        rounding error of ≈ 1e2 — larger than the variance ≈ 1 you are after. ÷ n (population) vs
                        ÷ (n − 1) (sample) only rescales Z by √(n/(n − 1)); scikit-learn's StandardScaler uses ÷ n.""")
                .reference((Matrix X) -> standardiseRef(X))
                .tests(
                        // column [1, 3]: μ = 2, σ = 1 ⇒ [−1, 1]; column [0, 0]: constant ⇒ [0, 0]
                        DrillCase.of("hand case with a constant column", Expect.close(1e-6), Bank.m(new double[] {1, 0}, new double[] {3, 0})),
                        DrillCase.of("one row", Expect.close(1e-6), Bank.m(new double[] {4, -2, 7})),
                        DrillCase.random("column at 1e9", 142, rng -> new Object[] {Matrix.randn(40, 2, rng).plus(Matrix.full(40, 2, 1e9))},
                                Expect.close(1e-6)),
                        DrillCase.random("random 30×4 on different scales", 143, rng -> new Object[] {
                                Matrix.randn(30, 4, rng).scaleColumns(Vector.of(1e-3, 1, 1e3, 5))}, Expect.close(1e-6)),
                        DrillCase.of("two rows", Expect.close(1e-6), Bank.m(new double[] {-5, 10}, new double[] {5, 30})))
                .build();
    }

    static int[] kFoldRef(int n, int k) {
        int[] fold = new int[n];
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);                                // the first n mod k folds get one more
            for (int i = start; i < start + size; i++) fold[i] = f;
            start += size;
        }
        return fold;
    }

    static Drill kFold() {
        return Drill.builder("k-fold")
                .title("k-fold assignment (no shuffle)").topic("validation").difficulty(Difficulty.EASY)
                .signature("int[] kFold(int n, int k)")
                .statement("""
                        Split samples 0..n−1 into k contiguous folds (1 ≤ k ≤ n), as scikit-learn's KFold without
                        shuffling: the first n mod k folds have ⌊n/k⌋ + 1 samples, the others ⌊n/k⌋, in order.
                        Return fold (int[n]): fold[i] = the fold of sample i (0-based).
                        Example: n = 7, k = 3 → sizes 3, 2, 2 → [0, 0, 0, 1, 1, 2, 2].
                        Edge cases: k = 1 (all 0); k = n (leave-one-out: fold[i] = i); n divisible by k.
                        Compared exactly.""")
                .starter("""
                        int[] kFold(int n, int k) {
                            int[] fold = new int[n];
                            return fold;
                        }""")
                .hints("Fold f has size n / k + (f < n % k ? 1 : 0).",
                       "Walk a start index through the folds, filling [start, start + size) with f.",
                       "i % k (round robin) is a different split — not contiguous.")
                .solution("""
                        int[] kFold(int n, int k) {
                            int[] fold = new int[n];
                            int start = 0;
                            for (int f = 0; f < k; f++) {
                                int size = n / k + (f < n % k ? 1 : 0);          // the first n mod k folds: one extra
                                for (int i = start; i < start + size; i++) fold[i] = f;
                                start += size;
                            }
                            return fold;
                        }""")
                .explanation("""
                        Sizes ⌊n/k⌋ + 1 for n mod k folds and ⌊n/k⌋ for the rest sum to n and differ by at most one,
                        so every fold has about n/k samples and every sample is tested exactly once. Each round trains
                        on the other k − 1 folds (≈ (k − 1)n/k samples) and tests on fold f; the k scores are averaged.
                        Contiguous folds assume the rows are in random order: if the file is sorted by class or by time,
                        shuffle first (with a seed) — or, for time series, keep the order and only ever test on the
                        future. Stratified k-fold keeps each class's proportion in every fold.""")
                .reference((Integer n, Integer k) -> kFoldRef(n, k))
                .tests(
                        DrillCase.of("hand case n = 7, k = 3", Expect.close(0), 7, 3),
                        DrillCase.of("k = 1", Expect.close(0), 4, 1),
                        DrillCase.of("k = n: leave-one-out", Expect.close(0), 5, 5),
                        DrillCase.of("n divisible by k", Expect.close(0), 12, 4),
                        DrillCase.of("n = 1", Expect.close(0), 1, 1),
                        DrillCase.of("n = 103, k = 10", Expect.close(0), 103, 10),
                        DrillCase.random("random n ≤ 500, k ≤ n", 144, rng -> {
                            int n = 1 + rng.nextInt(500);
                            return new Object[] {n, 1 + rng.nextInt(Math.min(n, 20))};
                        }, Expect.close(0)))
                .build();
    }
}
