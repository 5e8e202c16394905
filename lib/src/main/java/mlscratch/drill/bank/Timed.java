package mlscratch.drill.bank;

import static mlscratch.drill.bank.TimedData.CANCER;
import static mlscratch.drill.bank.TimedData.DIGITS;
import static mlscratch.drill.bank.TimedData.IRIS;
import static mlscratch.drill.bank.TimedData.WINE;
import static mlscratch.drill.bank.TimedData.classify;
import static mlscratch.drill.bank.TimedData.split;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import mlscratch.clustering.KMeans;
import mlscratch.data.OneHot;
import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

/// Timed drills ("implement X in 20 minutes"): whole algorithms checked on real data (iris, wine, breast
/// cancer, digits; plus moons/circles/blobs where a non-linear or clustered shape is the point) against a
/// reference accuracy or objective. References: the library's KMeans for k-means; the drill's own reference
/// solution (below, shown by `solution(id)`) elsewhere. Every split is stratified 75/25 and standardised.
public final class Timed implements DrillSet {

    static final String TOPIC = "timed";
    static final int MINUTES = 20;

    @Override
    public List<Drill> drills() {
        return List.of(logisticRegression(), softmaxRegression(), linearSvm(), knn(), treeSplit(), kmeans(), mlp());
    }

    static double sigmoid(double t) { return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)); }

    // ─────────────────────────────── logistic regression ───────────────────────────────

    static Vector logisticRegressionRef(Matrix X, Vector y, Matrix Xtest) {
        int n = X.rows();
        Vector w = Vector.zeros(X.cols());
        double b = 0, lr = 0.5, l2 = 1e-4;
        for (int epoch = 0; epoch < 500; epoch++) {
            Vector p = X.times(w).plus(b).map(Timed::sigmoid);                        // p = σ(Xw + b)
            Vector r = p.minus(y);                                                    // r = p − y
            Vector gradW = X.transpose().times(r).scale(1.0 / n).plus(w.scale(l2));   // ∂L/∂w = Xᵀr/n + λw
            w = w.minus(gradW.scale(lr));
            b -= lr * r.mean();                                                       // ∂L/∂b = mean(r)
        }
        double bias = b;
        Vector wFinal = w;
        return Xtest.times(wFinal).plus(bias).map(t -> t >= 0 ? 1 : 0);             // p ≥ 1/2 ⇔ Xw + b ≥ 0
    }

    static Drill logisticRegression() {
        return timed("timed-logistic-regression", "Logistic regression from scratch")
                .signature("Vector logisticRegression(Matrix Xtrain, Vector ytrain, Matrix Xtest)")
                .statement("""
                        Train binary logistic regression (weights AND a bias) on Xtrain (n×d, standardised) and
                        ytrain ∈ {0, 1}ⁿ with gradient descent, then return the predicted labels (0 or 1) of the
                        rows of Xtest. Choose your own learning rate, iterations and (small) L2 penalty.
                        Checked on breast cancer, iris (setosa / versicolor vs rest), wine (class 0 vs rest) and
                        moons: test accuracy ≥ the reference's − 0.03 on each.""")
                .starter("""
                        Vector logisticRegression(Matrix Xtrain, Vector ytrain, Matrix Xtest) {
                            // w = 0, b = 0; repeat: p = σ(Xw + b), w −= lr · Xᵀ(p − y)/n, b −= lr · mean(p − y)
                            return null;
                        }""")
                .hints("σ(t) = 1/(1 + e⁻ᵗ); for t < 0 use eᵗ/(1 + eᵗ).",
                       "The gradient of the mean log-loss is Xᵀ(p − y)/n for w and mean(p − y) for b.",
                       "Standardised features: lr = 0.5 and 500 iterations are plenty.")
                .solution("""
                        double sigmoid(double t) { return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)); }

                        Vector logisticRegression(Matrix X, Vector y, Matrix Xtest) {
                            int n = X.rows();
                            Vector w = Vector.zeros(X.cols());
                            double b = 0, lr = 0.5, l2 = 1e-4;
                            for (int epoch = 0; epoch < 500; epoch++) {
                                Vector p = X.times(w).plus(b).map(t -> sigmoid(t));                       // p = σ(Xw + b)
                                Vector r = p.minus(y);                                                    // r = p − y
                                Vector gradW = X.transpose().times(r).scale(1.0 / n).plus(w.scale(l2));   // Xᵀr/n + λw
                                w = w.minus(gradW.scale(lr));
                                b -= lr * r.mean();
                            }
                            double bias = b;
                            return Xtest.times(w).plus(bias).map(t -> t >= 0 ? 1 : 0);
                        }""")
                .explanation("""
                        Model p = σ(Xw + b). The negative log-likelihood per sample is
                            ℓ = −y log p − (1 − y) log(1 − p) = log(1 + eᵗ) − y t,  t = x·w + b,
                        and dℓ/dt = σ(t) − y, so ∇_w L = Xᵀ(p − y)/n and ∂L/∂b = mean(p − y) (+ λw for the L2 term).
                        L is convex (its Hessian Xᵀ diag(p(1 − p)) X / n is PSD), so gradient descent with a small
                        enough step (≤ 4/λ_max(XᵀX/n), about 4 on standardised data) converges to the global minimum.
                        Predict 1 when p ≥ 1/2, i.e. when Xw + b ≥ 0: the decision boundary is a hyperplane.
                        Cost: O(n d) per iteration.""")
                .reference((Matrix X, Vector y, Matrix Xt) -> logisticRegressionRef(X, y, Xt))
                .tests(classify("breast cancer", split(CANCER, 1), 0.03),
                       classify("iris: setosa vs rest", split(IRIS, 2, 0), 0.03),
                       classify("iris: virginica vs rest", split(IRIS, 3, 2), 0.03),
                       classify("wine: class 0 vs rest", split(WINE, 4, 0), 0.03),
                       classify("moons", TimedData.moons(5), 0.03))
                .build();
    }

    // ─────────────────────────────── softmax regression ───────────────────────────────

    static Matrix softmaxRows(Matrix Z) {
        Matrix E = Z.minusColumnVector(Z.max(1)).map(Math::exp);      // exp(z − max z) per row: no overflow
        return E.divideRows(E.sum(1));                                // rows sum to 1
    }

    static Vector softmaxRegressionRef(Matrix X, Vector y, Matrix Xtest) {
        int n = X.rows(), k = (int) y.max() + 1;
        Matrix Y = OneHot.encode(y, k);                                        // (n, k)
        Matrix W = Matrix.zeros(X.cols(), k);                                  // (d, k)
        Vector b = Vector.zeros(k);
        double lr = 0.5, l2 = 1e-4;
        for (int epoch = 0; epoch < 500; epoch++) {
            Matrix P = softmaxRows(X.times(W).plusRowVector(b));               // P = softmax(XW + b)   (n, k)
            Matrix G = P.minus(Y).scale(1.0 / n);                              // ∂L/∂Z = (P − Y)/n
            W = W.minus(X.transposeTimes(G).plus(W.scale(l2)).scale(lr));      // ∂L/∂W = XᵀG + λW
            b = b.minus(G.sum(0).scale(lr));                                   // ∂L/∂b = column sums of G
        }
        return Vector.ofInts(Xtest.times(W).plusRowVector(b).argmax(1));
    }

    static Drill softmaxRegression() {
        return timed("timed-softmax-regression", "Softmax (multinomial logistic) regression from scratch")
                .signature("Vector softmaxRegression(Matrix Xtrain, Vector ytrain, Matrix Xtest)")
                .statement("""
                        Train softmax regression (a d×k weight matrix W and a bias vector b, k = max(ytrain) + 1
                        classes labelled 0…k−1) by gradient descent on the mean cross-entropy, and return the
                        predicted class of each row of Xtest. Make the softmax stable.
                        Checked on iris, wine, digits (10 classes, 64 features), breast cancer and 4 blobs:
                        test accuracy ≥ the reference's − 0.03 on each.""")
                .starter("""
                        Vector softmaxRegression(Matrix Xtrain, Vector ytrain, Matrix Xtest) {
                            // Y = OneHot.encode(y, k); repeat: P = softmax(XW + b), W −= lr · Xᵀ(P − Y)/n, b −= …
                            return null;
                        }""")
                .hints("Per row, softmax(z) = exp(z − max z) / Σ exp(z − max z): Z.minusColumnVector(Z.max(1)).",
                       "With one-hot targets Y, ∂L/∂Z = (P − Y)/n — the same 'prediction minus target' as logistic regression.",
                       "∂L/∂W = Xᵀ (P − Y)/n (X.transposeTimes(G)); ∂L/∂b = column sums (G.sum(0)); predict argmax(1).")
                .solution("""
                        Matrix softmaxRows(Matrix Z) {
                            Matrix E = Z.minusColumnVector(Z.max(1)).map(Math::exp);    // stable
                            return E.divideRows(E.sum(1));
                        }

                        Vector softmaxRegression(Matrix X, Vector y, Matrix Xtest) {
                            int n = X.rows(), k = (int) y.max() + 1;
                            Matrix Y = OneHot.encode(y, k);                                   // (n, k)
                            Matrix W = Matrix.zeros(X.cols(), k);                             // (d, k)
                            Vector b = Vector.zeros(k);
                            double lr = 0.5, l2 = 1e-4;
                            for (int epoch = 0; epoch < 500; epoch++) {
                                Matrix P = softmaxRows(X.times(W).plusRowVector(b));          // (n, k)
                                Matrix G = P.minus(Y).scale(1.0 / n);                         // ∂L/∂Z
                                W = W.minus(X.transposeTimes(G).plus(W.scale(l2)).scale(lr));
                                b = b.minus(G.sum(0).scale(lr));
                            }
                            return Vector.ofInts(Xtest.times(W).plusRowVector(b).argmax(1));
                        }""")
                .explanation("""
                        Scores Z = XW + b, probabilities P = softmax(Z) row by row, loss L = −(1/n) Σᵢ log P[i, yᵢ].
                        For one row, L = −zᵧ + log Σⱼ exp(zⱼ), so ∂L/∂zⱼ = pⱼ − [j = y]: in matrix form
                        ∂L/∂Z = (P − Y)/n with Y one-hot. Then Z = XW + b gives ∂L/∂W = Xᵀ ∂L/∂Z and
                        ∂L/∂b = the column sums of ∂L/∂Z. With k = 2 this is logistic regression with w = w₁ − w₀.
                        Stability: subtract each row's max before exp (softmax is shift-invariant).
                        Cost: O(n d k) per iteration.""")
                .reference((Matrix X, Vector y, Matrix Xt) -> softmaxRegressionRef(X, y, Xt))
                .tests(classify("iris", split(IRIS, 11), 0.03),
                       classify("wine", split(WINE, 12), 0.03),
                       classify("digits (10 classes)", split(DIGITS, 13), 0.03),
                       classify("breast cancer (k = 2)", split(CANCER, 14), 0.03),
                       classify("4 blobs", TimedData.blobs(4, 15), 0.03))
                .build();
    }

    // ─────────────────────────────── linear SVM ───────────────────────────────

    static Vector linearSvmRef(Matrix X, Vector y01, Matrix Xtest) {
        int n = X.rows();
        Vector y = y01.map(c -> c == 1 ? 1 : -1);                 // labels ±1
        Vector w = Vector.zeros(X.cols());
        double b = 0, lambda = 1e-3;
        for (int t = 1; t <= 1000; t++) {
            double lr = 1.0 / Math.sqrt(t);
            Vector margin = X.times(w).plus(b).hadamard(y);           // mᵢ = yᵢ (xᵢ·w + b)
            Vector active = margin.map(m -> m < 1 ? 1 : 0);           // hinge active where m < 1
            Vector coef = active.hadamard(y).scale(-1.0 / n);         // ∂/∂(xᵢ·w) of mean hinge = −yᵢ [mᵢ < 1]/n
            Vector gradW = X.transpose().times(coef).plus(w.scale(lambda));   // ∂J/∂w = Σ coefᵢ xᵢ + λw
            w = w.minus(gradW.scale(lr));
            b -= lr * coef.sum();
        }
        double bias = b;
        return Xtest.times(w).plus(bias).map(s -> s >= 0 ? 1 : 0);
    }

    static Drill linearSvm() {
        return timed("timed-linear-svm", "Linear SVM (hinge loss) from scratch")
                .signature("Vector linearSvm(Matrix Xtrain, Vector ytrain, Matrix Xtest)")
                .statement("""
                        Train a linear soft-margin SVM, minimising J(w, b) = (λ/2)‖w‖² + (1/n) Σ max(0, 1 − yᵢ(xᵢ·w + b))
                        with labels yᵢ = ±1 (ytrain is given as 0/1: map 0 → −1), by (sub)gradient descent, then
                        return the predicted 0/1 labels of Xtest (1 when xᵢ·w + b ≥ 0).
                        Checked on breast cancer, iris (setosa / virginica vs rest), wine (class 0 vs rest) and
                        2 blobs: test accuracy ≥ the reference's − 0.03 on each.""")
                .starter("""
                        Vector linearSvm(Matrix Xtrain, Vector ytrain, Matrix Xtest) {
                            // y = ±1; repeat: margins m = y ⊙ (Xw + b); the hinge is active where m < 1
                            return null;
                        }""")
                .hints("The subgradient of max(0, 1 − m) with respect to m is −1 where m < 1, else 0.",
                       "∂J/∂w = λw − (1/n) Σ_{mᵢ<1} yᵢ xᵢ,  ∂J/∂b = −(1/n) Σ_{mᵢ<1} yᵢ.",
                       "A decreasing step such as 1/√t makes subgradient descent converge; λ = 1e-3, 1000 steps.")
                .solution("""
                        Vector linearSvm(Matrix X, Vector y01, Matrix Xtest) {
                            int n = X.rows();
                            Vector y = y01.map(c -> c == 1 ? 1 : -1);                    // ±1
                            Vector w = Vector.zeros(X.cols());
                            double b = 0, lambda = 1e-3;
                            for (int t = 1; t <= 1000; t++) {
                                double lr = 1.0 / Math.sqrt(t);
                                Vector margin = X.times(w).plus(b).hadamard(y);          // yᵢ (xᵢ·w + b)
                                Vector active = margin.map(m -> m < 1 ? 1 : 0);
                                Vector coef = active.hadamard(y).scale(-1.0 / n);
                                Vector gradW = X.transpose().times(coef).plus(w.scale(lambda));
                                w = w.minus(gradW.scale(lr));
                                b -= lr * coef.sum();
                            }
                            double bias = b;
                            return Xtest.times(w).plus(bias).map(s -> s >= 0 ? 1 : 0);
                        }""")
                .explanation("""
                        The hinge loss max(0, 1 − m) with margin m = y(x·w + b) is zero for points classified
                        right with margin ≥ 1 and linear otherwise: only the "support vectors" (m < 1) pull on w.
                        It is convex but not differentiable at m = 1; a subgradient there is anything in [−1, 0],
                        and taking 0 is fine. So ∂J/∂w = λw − (1/n) Σ_{m<1} y x, ∂J/∂b = −(1/n) Σ_{m<1} y.
                        Subgradient descent needs a decaying step (Σ ηₜ = ∞, ηₜ → 0), e.g. ηₜ = 1/√t; Pegasos uses
                        ηₜ = 1/(λt) with one random sample per step. λ trades margin width (‖w‖ small) for errors.
                        References: Shalev-Shwartz et al., Pegasos (ICML 2007).""")
                .reference((Matrix X, Vector y, Matrix Xt) -> linearSvmRef(X, y, Xt))
                .tests(classify("breast cancer", split(CANCER, 21), 0.03),
                       classify("iris: setosa vs rest", split(IRIS, 22, 0), 0.03),
                       classify("iris: virginica vs rest", split(IRIS, 23, 2), 0.05),
                       classify("wine: class 0 vs rest", split(WINE, 24, 0), 0.03),
                       classify("2 blobs", TimedData.blobs(2, 25), 0.03))
                .build();
    }

    // ─────────────────────────────── k-nearest neighbours ───────────────────────────────

    static Vector knnRef(Matrix Xtrain, Vector ytrain, Matrix Xtest, int k) {
        int n = Xtrain.rows(), classes = (int) ytrain.max() + 1;
        double[] out = new double[Xtest.rows()];
        for (int q = 0; q < Xtest.rows(); q++) {
            Vector x = Xtest.row(q);
            double[] dist = new double[n];
            for (int i = 0; i < n; i++) { Vector diff = Xtrain.row(i).minus(x); dist[i] = diff.dot(diff); }   // ‖xᵢ − x‖²
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));       // nearest first (stable on ties)
            int[] votes = new int[classes];
            for (int j = 0; j < Math.min(k, n); j++) votes[(int) ytrain.get(order[j])]++;
            int best = 0;
            for (int c = 1; c < classes; c++) if (votes[c] > votes[best]) best = c;  // ties → smaller label
            out[q] = best;
        }
        return Vector.of(out);
    }

    static DrillCase knnCase(String name, Supplier<TimedData.Data> data, int k) {
        return DrillCase.random(name, 0, rng -> {
            var d = data.get();
            return new Object[] {d.Xtrain(), d.ytrain(), d.Xtest(), k};
        }, Expect.atLeast("test accuracy", (args, answer) -> TimedData.accuracy(data.get().ytest(), answer), 0.02));
    }

    static Drill knn() {
        return timed("timed-knn", "k-nearest-neighbour classifier from scratch")
                .signature("Vector knn(Matrix Xtrain, Vector ytrain, Matrix Xtest, int k)")
                .statement("""
                        For each row of Xtest, find the k rows of Xtrain nearest in Euclidean distance and return
                        the majority label among them (labels 0…K−1); break a tie between classes by the smaller
                        label. k ≥ 1; if k > n use all n training rows.
                        Checked on iris (k = 5 and k = 1), wine (k = 3), breast cancer (k = 7) and digits (k = 3):
                        test accuracy ≥ the reference's − 0.02 on each.""")
                .starter("""
                        Vector knn(Matrix Xtrain, Vector ytrain, Matrix Xtest, int k) {
                            // for each test row: distances to every training row, the k smallest, a vote
                            return null;
                        }""")
                .hints("Squared distances rank the same as distances: skip the square root.",
                       "Sort training indices by distance (an Integer[] with a comparator), or keep a max-heap of size k.",
                       "Count votes in an int[K] array; the first maximum found scanning from 0 is the smallest tied label.")
                .solution("""
                        Vector knn(Matrix Xtrain, Vector ytrain, Matrix Xtest, int k) {
                            int n = Xtrain.rows(), classes = (int) ytrain.max() + 1;
                            double[] out = new double[Xtest.rows()];
                            for (int q = 0; q < Xtest.rows(); q++) {
                                Vector x = Xtest.row(q);
                                double[] dist = new double[n];
                                for (int i = 0; i < n; i++) { Vector d = Xtrain.row(i).minus(x); dist[i] = d.dot(d); }
                                Integer[] order = new Integer[n];
                                for (int i = 0; i < n; i++) order[i] = i;
                                Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
                                int[] votes = new int[classes];
                                for (int j = 0; j < Math.min(k, n); j++) votes[(int) ytrain.get(order[j])]++;
                                int best = 0;
                                for (int c = 1; c < classes; c++) if (votes[c] > votes[best]) best = c;
                                out[q] = best;
                            }
                            return Vector.of(out);
                        }""")
                .explanation("""
                        k-NN has no training: the model is the data. Prediction for x: the k training points with
                        the smallest ‖xᵢ − x‖ vote. Small k = low bias, high variance (k = 1 memorises noise); large
                        k smooths the boundary. Features must be on one scale (here standardised), or the largest
                        unit dominates the distance.
                        Cost: O(n d) per query for the distances + O(n log n) for a full sort (O(n log k) with a
                        heap, O(n) with quickselect); KD-trees/ball trees help in low dimension only.
                        ‖a − b‖² = ‖a‖² − 2a·b + ‖b‖² turns all distances into one matrix product (fast, but
                        watch the cancellation for near-identical points).""")
                .reference((Matrix A, Vector b, Matrix C, Integer k) -> knnRef(A, b, C, k))
                .tests(knnCase("iris, k = 5", split(IRIS, 31), 5),
                       knnCase("iris, k = 1", split(IRIS, 32), 1),
                       knnCase("wine, k = 3", split(WINE, 33), 3),
                       knnCase("breast cancer, k = 7", split(CANCER, 34), 7),
                       knnCase("digits, k = 3", split(DIGITS, 35), 3))
                .build();
    }

    // ─────────────────────────────── decision-tree split ───────────────────────────────

    static double gini(int[] counts, int total) {
        if (total == 0) return 0;
        double s = 1;
        for (int c : counts) { double p = (double) c / total; s -= p * p; }       // G = 1 − Σ p_c²
        return s;
    }

    static double[] bestSplitRef(Matrix X, Vector y) {
        int n = X.rows(), classes = (int) y.max() + 1;
        int[] all = new int[classes];
        for (int i = 0; i < n; i++) all[(int) y.get(i)]++;
        double bestImpurity = gini(all, n), bestThreshold = Double.NaN;
        int bestFeature = -1;
        for (int j = 0; j < X.cols(); j++) {
            int col = j;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(X.get(a, col), X.get(b, col)));
            int[] left = new int[classes], right = all.clone();
            for (int s = 0; s < n - 1; s++) {                                       // move row order[s] to the left
                int c = (int) y.get(order[s]);
                left[c]++;
                right[c]--;
                double a = X.get(order[s], j), b = X.get(order[s + 1], j);
                if (a == b) continue;                                                // no threshold between ties
                int nl = s + 1, nr = n - nl;
                double impurity = (nl * gini(left, nl) + nr * gini(right, nr)) / n;  // weighted Gini
                if (impurity < bestImpurity - 1e-12) {
                    bestImpurity = impurity;
                    bestFeature = j;
                    bestThreshold = (a + b) / 2;
                }
            }
        }
        return new double[] {bestFeature, bestThreshold, bestImpurity};
    }

    /// The weighted Gini impurity of the split an answer {feature, threshold, …} describes (x ≤ t goes left).
    static double impurityOf(Matrix X, Vector y, Object answer) {
        if (!(answer instanceof double[] a) || a.length < 2) {
            throw new IllegalArgumentException("expected double[] {feature, threshold, impurity}, got "
                    + (answer == null ? "null" : answer.getClass().getSimpleName()));
        }
        int n = X.rows(), classes = (int) y.max() + 1, j = (int) a[0];
        int[] all = new int[classes], left = new int[classes];
        for (int i = 0; i < n; i++) all[(int) y.get(i)]++;
        if (j == -1) return gini(all, n);
        if (j < 0 || j >= X.cols() || j != a[0]) throw new IllegalArgumentException("feature " + a[0] + " is not a column of X");
        int nl = 0;
        for (int i = 0; i < n; i++) if (X.get(i, j) <= a[1]) { left[(int) y.get(i)]++; nl++; }
        int[] right = new int[classes];
        for (int c = 0; c < classes; c++) right[c] = all[c] - left[c];
        return (nl * gini(left, nl) + (n - nl) * gini(right, n - nl)) / n;
    }

    static DrillCase splitCase(String name, Supplier<Matrix> X, Supplier<Vector> y) {
        return DrillCase.random(name, 0, rng -> new Object[] {X.get(), y.get()},
                Expect.atMost("weighted Gini", (args, answer) -> impurityOf((Matrix) args[0], (Vector) args[1], answer), 1e-9));
    }

    static Drill treeSplit() {
        return timed("timed-tree-split", "Best decision-tree split (Gini)")
                .signature("double[] bestSplit(Matrix X, Vector y)")
                .statement("""
                        Find the split "x_j ≤ t goes left" that minimises the weighted Gini impurity
                            (n_L G(L) + n_R G(R)) / n,   G(S) = 1 − Σ_c p_c²,
                        over every feature j and threshold t (labels 0…K−1). Return {j, t, impurity}; use a
                        threshold halfway between two consecutive distinct values. When no split improves on the
                        parent (e.g. all values equal, or one class), return {-1, NaN, G(parent)}.
                        Checked by the impurity YOUR (j, t) achieves: ≤ the best one (+1e-9) on iris, wine,
                        breast cancer, a hand case and a case with ties.""")
                .starter("""
                        double[] bestSplit(Matrix X, Vector y) {
                            // per feature: sort rows by x_j, sweep left→right updating class counts
                            return new double[] {-1, Double.NaN, 0};
                        }""")
                .hints("Sorting once per feature and moving one row at a time from right to left gives O(n log n) per feature.",
                       "Only positions where x_j changes value are valid thresholds (ties cannot be split).",
                       "Keep class counts left[] and right[]; G = 1 − Σ (count/size)².")
                .solution("""
                        double gini(int[] counts, int total) {
                            if (total == 0) return 0;
                            double s = 1;
                            for (int c : counts) { double p = (double) c / total; s -= p * p; }
                            return s;
                        }

                        double[] bestSplit(Matrix X, Vector y) {
                            int n = X.rows(), classes = (int) y.max() + 1;
                            int[] all = new int[classes];
                            for (int i = 0; i < n; i++) all[(int) y.get(i)]++;
                            double bestImpurity = gini(all, n), bestThreshold = Double.NaN;
                            int bestFeature = -1;
                            for (int j = 0; j < X.cols(); j++) {
                                int col = j;
                                Integer[] order = new Integer[n];
                                for (int i = 0; i < n; i++) order[i] = i;
                                Arrays.sort(order, (a, b) -> Double.compare(X.get(a, col), X.get(b, col)));
                                int[] left = new int[classes], right = all.clone();
                                for (int s = 0; s < n - 1; s++) {
                                    int c = (int) y.get(order[s]);
                                    left[c]++; right[c]--;
                                    double a = X.get(order[s], j), b = X.get(order[s + 1], j);
                                    if (a == b) continue;
                                    int nl = s + 1, nr = n - nl;
                                    double impurity = (nl * gini(left, nl) + nr * gini(right, nr)) / n;
                                    if (impurity < bestImpurity - 1e-12) { bestImpurity = impurity; bestFeature = j; bestThreshold = (a + b) / 2; }
                                }
                            }
                            return new double[] {bestFeature, bestThreshold, bestImpurity};
                        }""")
                .explanation("""
                        A CART tree grows by choosing, at each node, the split that most reduces impurity. Gini
                        G = 1 − Σ p_c² is the chance two random draws from the node disagree; it is 0 for a pure node.
                        Only the order of x_j matters, so sort once and sweep: moving one row from right to left
                        changes two counts, and each candidate costs O(K) — O(d n (log n + K)) for the whole search
                        instead of O(d n² K) by recounting. Thresholds sit between consecutive distinct values
                        (any t in the gap gives the same partition; the midpoint generalises symmetrically).
                        Entropy −Σ p log p gives nearly the same splits; for regression use the variance instead.""")
                .reference((Matrix X, Vector y) -> bestSplitRef(X, y))
                .tests(splitCase("hand case: [1,2,3,4] / [0,0,1,1] → t = 2.5, Gini 0",
                                () -> Matrix.of(new double[][] {{1}, {2}, {3}, {4}}), () -> Vector.of(0, 0, 1, 1)),
                       splitCase("ties: values repeat", () -> Matrix.of(new double[][] {{1, 5}, {1, 5}, {2, 5}, {2, 5}, {2, 5}}),
                                () -> Vector.of(0, 1, 0, 1, 1)),
                       splitCase("iris", () -> IRIS.get().X(), () -> IRIS.get().y()),
                       splitCase("wine", () -> WINE.get().X(), () -> WINE.get().y()),
                       splitCase("breast cancer", () -> CANCER.get().X(), () -> CANCER.get().y()))
                .build();
    }

    // ─────────────────────────────── k-means ───────────────────────────────

    /// Σᵢ ‖xᵢ − μ_{labelᵢ}‖² with μ_c the mean of the points labelled c (the objective of any labelling).
    static double inertiaOf(Matrix X, int k, Object answer) {
        if (!(answer instanceof Vector labels)) {
            throw new IllegalArgumentException("expected a Vector of cluster labels, got " + (answer == null ? "null" : answer.getClass().getSimpleName()));
        }
        if (labels.size() != X.rows()) throw new IllegalArgumentException("expected " + X.rows() + " labels, got " + labels.size());
        double[][] sum = new double[k][X.cols()];
        int[] count = new int[k];
        for (int i = 0; i < X.rows(); i++) {
            double l = labels.get(i);
            if (l != Math.rint(l) || l < 0 || l >= k) throw new IllegalArgumentException("label " + l + " at row " + i + " is not in 0…" + (k - 1));
            count[(int) l]++;
            for (int j = 0; j < X.cols(); j++) sum[(int) l][j] += X.get(i, j);
        }
        double inertia = 0;
        for (int i = 0; i < X.rows(); i++) {
            int c = (int) labels.get(i);
            for (int j = 0; j < X.cols(); j++) { double d = X.get(i, j) - sum[c][j] / count[c]; inertia += d * d; }
        }
        return inertia;
    }

    static Vector kmeansRef(Matrix X, int k) {
        return KMeans.fit(X, KMeans.Options.defaults().withK(k)).labels();
    }

    static DrillCase kmeansCase(String name, Supplier<Matrix> X, int k) {
        return DrillCase.random(name, 0, rng -> new Object[] {X.get(), k},
                Expect.atMost("inertia", (args, answer) -> inertiaOf((Matrix) args[0], k, answer), 0.05));
    }

    static Drill kmeans() {
        return timed("timed-kmeans", "k-means (Lloyd's algorithm) from scratch")
                .signature("Vector kmeans(Matrix X, int k)")
                .statement("""
                        Cluster the n rows of X into k groups with Lloyd's algorithm (your choice of seeded
                        initialisation: random rows or k-means++; several restarts allowed) and return the
                        cluster label 0…k−1 of each row. k ≥ 1, k ≤ n; duplicate points may occur.
                        Judged by the inertia Σᵢ ‖xᵢ − μ_{cᵢ}‖² of your labels (μ = the mean of each cluster):
                        ≤ 1.05 × that of the library's KMeans (k-means++, 10 restarts) on iris (k = 3 and k = 1),
                        wine (k = 3), breast cancer (k = 2) and 4 blobs.""")
                .starter("""
                        Vector kmeans(Matrix X, int k) {
                            // init k centroids; repeat: assign each row to its nearest centroid, move centroids to means
                            return null;
                        }""")
                .hints("Assignment step: argmin_c ‖xᵢ − μ_c‖²; update step: μ_c = mean of its rows. Stop when labels stop changing.",
                       "An empty cluster: re-seed its centroid at the row farthest from its centroid.",
                       "Several random starts (seeded), keeping the lowest inertia, guard against poor local minima.")
                .solution("""
                        // The library's reference is KMeans.fit(X, KMeans.Options.defaults().withK(k)).labels();
                        // written out (Lloyd + k-means++ seeding + restarts):
                        Vector kmeans(Matrix X, int k) {
                            int n = X.rows();
                            var rng = Rng.of(42);
                            Vector bestLabels = null;
                            double bestInertia = Double.POSITIVE_INFINITY;
                            for (int start = 0; start < 10; start++) {
                                Matrix C = X.selectRows(rng.nextInt(n));                            // k-means++: first centre at random
                                while (C.rows() < k) {
                                    double[] d2 = new double[n];
                                    double total = 0;
                                    for (int i = 0; i < n; i++) {
                                        d2[i] = Double.POSITIVE_INFINITY;
                                        for (int c = 0; c < C.rows(); c++) { Vector d = X.row(i).minus(C.row(c)); d2[i] = Math.min(d2[i], d.dot(d)); }
                                        total += d2[i];
                                    }
                                    double r = rng.nextDouble() * total;
                                    int pick = 0;
                                    while (pick < n - 1 && (r -= d2[pick]) > 0) pick++;            // P(i) ∝ D(xᵢ)²
                                    C = Matrix.vstack(C, X.selectRows(pick));
                                }
                                int[] labels = new int[n];
                                double inertia = 0;
                                for (int iter = 0; iter < 300; iter++) {
                                    inertia = 0;
                                    for (int i = 0; i < n; i++) {                                   // assignment
                                        double best = Double.POSITIVE_INFINITY;
                                        for (int c = 0; c < k; c++) { Vector d = X.row(i).minus(C.row(c)); double v = d.dot(d); if (v < best) { best = v; labels[i] = c; } }
                                        inertia += best;
                                    }
                                    Matrix next = C;
                                    for (int c = 0; c < k; c++) {                                   // update: μ_c = mean
                                        int cc = c;
                                        int[] members = java.util.stream.IntStream.range(0, n).filter(i -> labels[i] == cc).toArray();
                                        if (members.length > 0) {
                                            Vector mu = X.selectRows(members).mean(0);
                                            for (int j = 0; j < X.cols(); j++) next = next.with(c, j, mu.get(j));
                                        }
                                    }
                                    if (next.equals(C)) break;
                                    C = next;
                                }
                                if (inertia < bestInertia) { bestInertia = inertia; bestLabels = Vector.ofInts(labels); }
                            }
                            return bestLabels;
                        }""")
                .explanation("""
                        k-means minimises the inertia J = Σᵢ ‖xᵢ − μ_{cᵢ}‖² over labels c and centres μ by
                        alternating two exact minimisations: with μ fixed, the best cᵢ is the nearest centre; with c
                        fixed, the best μ_c is the mean of its points (set ∂J/∂μ_c = −2 Σ_{cᵢ=c} (xᵢ − μ_c) = 0).
                        Neither step can increase J and there are finitely many labellings, so Lloyd's algorithm
                        terminates — at a local minimum. k-means++ seeding (pick each new centre with probability
                        ∝ D(x)², the squared distance to the nearest chosen centre) is O(log k)-competitive in
                        expectation; restarts keep the best run. Cost: O(n k d) per iteration.
                        References: Lloyd (1982); Arthur & Vassilvitskii, k-means++ (SODA 2007).""")
                .reference((Matrix X, Integer k) -> kmeansRef(X, k))
                .tests(kmeansCase("iris, k = 3", () -> IRIS.get().X(), 3),
                       kmeansCase("iris, k = 1 (one cluster: the mean)", () -> IRIS.get().X(), 1),
                       kmeansCase("wine (standardised), k = 3", () -> split(WINE, 41).get().Xtrain(), 3),
                       kmeansCase("breast cancer (standardised), k = 2", () -> split(CANCER, 42).get().Xtrain(), 2),
                       kmeansCase("4 blobs, k = 4", () -> TimedData.blobs(4, 43).get().Xtrain(), 4))
                .build();
    }

    // ─────────────────────────────── 2-layer MLP ───────────────────────────────

    static Vector mlpRef(Matrix X, Vector y, Matrix Xtest) {
        int n = X.rows(), d = X.cols(), h = 16, k = (int) y.max() + 1;
        var rng = Rng.of(7);
        Matrix Y = OneHot.encode(y, k);                                                   // (n, k)
        Matrix W1 = Matrix.randn(d, h, rng).scale(Math.sqrt(1.0 / d));                   // (d, h)
        Matrix W2 = Matrix.randn(h, k, rng).scale(Math.sqrt(1.0 / h));                   // (h, k)
        Vector b1 = Vector.zeros(h), b2 = Vector.zeros(k);
        double lr = 0.5;
        for (int epoch = 0; epoch < 1000; epoch++) {
            Matrix H = X.times(W1).plusRowVector(b1).map(Math::tanh);                     // H = tanh(XW₁ + b₁)   (n, h)
            Matrix P = softmaxRows(H.times(W2).plusRowVector(b2));                         // P = softmax(HW₂ + b₂) (n, k)
            Matrix dZ2 = P.minus(Y).scale(1.0 / n);                                        // ∂L/∂Z₂ = (P − Y)/n
            Matrix dW2 = H.transposeTimes(dZ2);                                            // ∂L/∂W₂ = Hᵀ dZ₂
            Vector db2 = dZ2.sum(0);
            Matrix dH = dZ2.timesTranspose(W2);                                            // ∂L/∂H = dZ₂ W₂ᵀ
            Matrix dZ1 = dH.hadamard(H.map(t -> 1 - t * t));                               // forward was tanh: ⊙ (1 − H²)
            Matrix dW1 = X.transposeTimes(dZ1);
            Vector db1 = dZ1.sum(0);
            W1 = W1.minus(dW1.scale(lr)); b1 = b1.minus(db1.scale(lr));
            W2 = W2.minus(dW2.scale(lr)); b2 = b2.minus(db2.scale(lr));
        }
        Matrix Htest = Xtest.times(W1).plusRowVector(b1).map(Math::tanh);
        return Vector.ofInts(Htest.times(W2).plusRowVector(b2).argmax(1));
    }

    static Drill mlp() {
        return timed("timed-mlp", "Two-layer neural network with backprop, from scratch")
                .signature("Vector mlp(Matrix Xtrain, Vector ytrain, Matrix Xtest)")
                .statement("""
                        Train a network with one hidden layer, H = tanh(X W₁ + b₁) (or ReLU), P = softmax(H W₂ + b₂),
                        on the mean cross-entropy with backpropagation written by hand and (full-batch or
                        mini-batch) gradient descent; return the predicted class (argmax P) of each row of Xtest.
                        Labels 0…k−1, k = max(ytrain) + 1. Seed your initialisation (Rng.of(seed)).
                        Checked on iris, wine, breast cancer, moons and circles (the last two are not linearly
                        separable): test accuracy ≥ the reference's − 0.05 on each.""")
                .starter("""
                        Vector mlp(Matrix Xtrain, Vector ytrain, Matrix Xtest) {
                            // init W1 (d×h), W2 (h×k) small random; loop: forward, backward (quote the forward line), step
                            return null;
                        }""")
                .hints("Forward: Z₁ = XW₁ + b₁, H = tanh(Z₁), Z₂ = HW₂ + b₂, P = softmax(Z₂). Backward starts at ∂L/∂Z₂ = (P − Y)/n.",
                       "∂L/∂W₂ = Hᵀ dZ₂, ∂L/∂H = dZ₂ W₂ᵀ, and since H = tanh(Z₁): dZ₁ = dH ⊙ (1 − H²); ∂L/∂W₁ = Xᵀ dZ₁.",
                       "Initialise with N(0, 1/fan_in) weights, zero biases; 16 hidden units, lr 0.5, 1000 full-batch steps work here.")
                .solution("""
                        Matrix softmaxRows(Matrix Z) {
                            Matrix E = Z.minusColumnVector(Z.max(1)).map(Math::exp);
                            return E.divideRows(E.sum(1));
                        }

                        Vector mlp(Matrix X, Vector y, Matrix Xtest) {
                            int n = X.rows(), d = X.cols(), h = 16, k = (int) y.max() + 1;
                            var rng = Rng.of(7);
                            Matrix Y = OneHot.encode(y, k);                                       // (n, k)
                            Matrix W1 = Matrix.randn(d, h, rng).scale(Math.sqrt(1.0 / d));       // (d, h)
                            Matrix W2 = Matrix.randn(h, k, rng).scale(Math.sqrt(1.0 / h));       // (h, k)
                            Vector b1 = Vector.zeros(h), b2 = Vector.zeros(k);
                            double lr = 0.5;
                            for (int epoch = 0; epoch < 1000; epoch++) {
                                Matrix H = X.times(W1).plusRowVector(b1).map(Math::tanh);         // (n, h)
                                Matrix P = softmaxRows(H.times(W2).plusRowVector(b2));             // (n, k)
                                Matrix dZ2 = P.minus(Y).scale(1.0 / n);
                                Matrix dW2 = H.transposeTimes(dZ2);
                                Vector db2 = dZ2.sum(0);
                                Matrix dH = dZ2.timesTranspose(W2);
                                Matrix dZ1 = dH.hadamard(H.map(t -> 1 - t * t));                   // forward was tanh
                                Matrix dW1 = X.transposeTimes(dZ1);
                                Vector db1 = dZ1.sum(0);
                                W1 = W1.minus(dW1.scale(lr)); b1 = b1.minus(db1.scale(lr));
                                W2 = W2.minus(dW2.scale(lr)); b2 = b2.minus(db2.scale(lr));
                            }
                            Matrix Htest = Xtest.times(W1).plusRowVector(b1).map(Math::tanh);
                            return Vector.ofInts(Htest.times(W2).plusRowVector(b2).argmax(1));
                        }""")
                .explanation("""
                        Backprop is the chain rule applied line by line, backwards, each line quoting its forward:
                          Z₂ = HW₂ + b₂, P = softmax(Z₂), L = −mean log P[i, yᵢ]   ⇒ dZ₂ = (P − Y)/n
                          Z₂ = HW₂ + b₂                                           ⇒ dW₂ = Hᵀ dZ₂, db₂ = Σ_rows dZ₂, dH = dZ₂ W₂ᵀ
                          H = tanh(Z₁)   (tanh' = 1 − tanh²)                       ⇒ dZ₁ = dH ⊙ (1 − H²)
                          Z₁ = XW₁ + b₁                                           ⇒ dW₁ = Xᵀ dZ₁, db₁ = Σ_rows dZ₁
                        Shapes check every line: dW has the shape of W. Random (not zero) initial weights break the
                        symmetry between hidden units; scale 1/√fan_in keeps tanh out of saturation. A gradient check
                        (central differences on a few weights) catches transposes and missing 1/n factors.
                        Cost: O(n (d h + h k)) per step, forward and backward alike.""")
                .reference((Matrix X, Vector y, Matrix Xt) -> mlpRef(X, y, Xt))
                .tests(classify("iris", split(IRIS, 51), 0.05),
                       classify("wine", split(WINE, 52), 0.05),
                       classify("breast cancer", split(CANCER, 53), 0.05),
                       classify("moons (non-linear)", TimedData.moons(54), 0.05),
                       classify("circles (non-linear)", TimedData.circles(55), 0.05))
                .build();
    }

    private static Drill.Builder timed(String id, String title) {
        return Drill.builder(id).title(title).topic(TOPIC).difficulty(Difficulty.HARD).minutes(MINUTES);
    }
}
