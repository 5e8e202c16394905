package mlscratch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

/// Hand-computed cases (arithmetic in the comments), numbers printed by scikit-learn 1.2.1 (the one-liner
/// beside each, run with /usr/bin/python3), and defining identities over random data.
class MetricsTest {

    private static final double TOL = 1e-12;

    private static void message(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    // ───────────────────────────── regression ─────────────────────────────

    @Test void regressionErrorsByHand() {
        Vector y = Vector.of(3, -0.5, 2, 7), yHat = Vector.of(2.5, 0.0, 2, 8);
        // residuals 0.5, −0.5, 0, −1:  mse = (0.25 + 0.25 + 0 + 1)/4 = 0.375,  mae = (0.5 + 0.5 + 0 + 1)/4 = 0.5
        assertEquals(0.375, Metrics.mse(y, yHat), TOL);
        assertEquals(Math.sqrt(0.375), Metrics.rmse(y, yHat), TOL);
        assertEquals(0.5, Metrics.mae(y, yHat), TOL);
        // ȳ = 2.875, SS_tot = 0.125² + 3.375² + 0.875² + 4.125² = 29.1875, SS_res = 1.5, R² = 1 − 1.5/29.1875
        assertEquals(1 - 1.5 / 29.1875, Metrics.r2(y, yHat), TOL);
        // python3 -c "from sklearn.metrics import r2_score; print(repr(r2_score([3,-0.5,2,7],[2.5,0.0,2,8])))"
        assertEquals(0.9486081370449679, Metrics.r2(y, yHat), TOL);
    }

    @Test void r2OfTheMeanIsZeroAndOfThePerfectFitIsOne() {
        RandomGenerator rng = Rng.of(1);
        for (int n = 2; n <= 40; n += 7) {
            Vector y = Vector.randn(n, rng);
            assertEquals(0, Metrics.r2(y, Vector.full(n, y.mean())), 1e-12);
            assertEquals(1, Metrics.r2(y, y), 0);
            // R² = 1 − n·mse / (n·var(y))
            Vector yHat = y.plus(Vector.randn(n, rng).scale(0.3));
            assertEquals(1 - Metrics.mse(y, yHat) / y.var(), Metrics.r2(y, yHat), 1e-12);
        }
    }

    @Test void r2OfAConstantTargetFollowsForceFinite() {
        // SS_tot = 0: 1 when the prediction is perfect, else 0 (scikit-learn's force_finite=True)
        assertEquals(1.0, Metrics.r2(Vector.of(2, 2, 2), Vector.of(2, 2, 2)));
        assertEquals(0.0, Metrics.r2(Vector.of(2, 2, 2), Vector.of(2, 2, 3)));
        assertEquals(1.0, Metrics.r2(Vector.of(5), Vector.of(5)));
    }

    // ───────────────────────────── classification ─────────────────────────────

    // yTrue = [0,1,2,0,1,2,2], yPred = [0,0,1,0,1,1,1]: class 2 is never predicted
    //   class 0: TP 2 (#0, #3), FP 1 (#1), FN 0      precision 2/3, recall 1,   F1 = 2·2/(4+1+0) = 0.8
    //   class 1: TP 1 (#4), FP 3 (#2, #5, #6), FN 1  precision 1/4, recall 1/2, F1 = 2·1/(2+3+1) = 1/3
    //   class 2: TP 0, FP 0, FN 3                    precision 0/0 → 0, recall 0, F1 = 0
    private static final Vector T = Vector.of(0, 1, 2, 0, 1, 2, 2), P = Vector.of(0, 0, 1, 0, 1, 1, 1);

    @Test void accuracyByHand() {
        assertEquals(3.0 / 7, Metrics.accuracy(T, P), TOL);   // correct at #0, #3, #4
        assertEquals(1.0, Metrics.accuracy(T, T));
    }

    @Test void macroScoresWithAClassNeverPredicted() {
        assertEquals(Vector.of(2.0 / 3, 0.25, 0).toString(), Metrics.precisionPerClass(T, P).toString());
        assertEquals(Vector.of(1, 0.5, 0), Metrics.recallPerClass(T, P));
        assertEquals(0.8, Metrics.f1PerClass(T, P).get(0), TOL);
        assertEquals(1.0 / 3, Metrics.f1PerClass(T, P).get(1), TOL);
        assertEquals(0.0, Metrics.f1PerClass(T, P).get(2));
        // python3 -c "from sklearn.metrics import f1_score as f; print(repr(f([0,1,2,0,1,2,2],[0,0,1,0,1,1,1],average='macro',zero_division=0)))"
        assertEquals(0.37777777777777777, Metrics.f1(T, P), TOL);                 // (0.8 + 1/3 + 0)/3
        // python3 -c "from sklearn.metrics import precision_score as p; print(repr(p([0,1,2,0,1,2,2],[0,0,1,0,1,1,1],average='macro',zero_division=0)))"
        assertEquals(0.3055555555555555, Metrics.precision(T, P), TOL);           // (2/3 + 1/4 + 0)/3
        // python3 -c "from sklearn.metrics import recall_score as r; print(repr(r([0,1,2,0,1,2,2],[0,0,1,0,1,1,1],average='macro',zero_division=0)))"
        assertEquals(0.5, Metrics.recall(T, P), TOL);                            // (1 + 1/2 + 0)/3
    }

    @Test void macroAveragesOnlyTheClassesThatOccur() {
        // labels 0 and 3 only; classes 1 and 2 occur nowhere and are left out (scikit-learn's unique_labels)
        // class 0: precision 1/1, recall 1/2;  class 3: precision 2/3, recall 2/2
        Vector t = Vector.of(0, 0, 3, 3), p = Vector.of(0, 3, 3, 3);
        assertEquals((1 + 2.0 / 3) / 2, Metrics.precision(t, p), TOL);
        assertEquals((0.5 + 1) / 2, Metrics.recall(t, p), TOL);
        assertEquals(4, Metrics.precisionPerClass(t, p).size());
    }

    @Test void f1IsTheHarmonicMeanOfPrecisionAndRecall() {
        RandomGenerator rng = Rng.of(2);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + rng.nextInt(50), k = 2 + rng.nextInt(5);
            double[] t = new double[n], p = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = rng.nextInt(k);
                p[i] = rng.nextDouble() < 0.6 ? t[i] : rng.nextInt(k);
            }
            Vector yt = Vector.of(t), yp = Vector.of(p);
            Vector prec = Metrics.precisionPerClass(yt, yp), rec = Metrics.recallPerClass(yt, yp), f1 = Metrics.f1PerClass(yt, yp);
            for (int c = 0; c < f1.size(); c++) {
                double P = prec.get(c), R = rec.get(c);
                assertEquals(P + R == 0 ? 0 : 2 * P * R / (P + R), f1.get(c), 1e-12, "class " + c);
            }
        }
    }

    // ───────────────────────────── probabilities ─────────────────────────────

    @Test void binaryLogLoss() {
        Vector y = Vector.of(0, 1, 1, 0, 1), p = Vector.of(0.1, 0.8, 0.6, 0.3, 0.95);
        // −(ln 0.9 + ln 0.8 + ln 0.6 + ln 0.7 + ln 0.95)/5 = (0.10536 + 0.22314 + 0.51083 + 0.35667 + 0.05129)/5
        double hand = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.6) + Math.log(0.7) + Math.log(0.95)) / 5;
        assertEquals(hand, Metrics.logLoss(y, p), TOL);
        // python3 -c "from sklearn.metrics import log_loss; print(repr(log_loss([0,1,1,0,1],[0.1,0.8,0.6,0.3,0.95])))"
        assertEquals(0.24945958581286196, Metrics.logLoss(y, p), TOL);
    }

    @Test void multiclassLogLoss() {
        Vector y = Vector.of(0, 2, 1, 2);
        Matrix P = Matrix.of(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.3, 0.6}, {0.2, 0.5, 0.3}, {0.25, 0.25, 0.5}});
        // −(ln 0.7 + ln 0.6 + ln 0.5 + ln 0.5)/4 = (0.35667 + 0.51083 + 0.69315 + 0.69315)/4 = 0.56345
        // python3 -c "from sklearn.metrics import log_loss; print(repr(log_loss([0,2,1,2],[[0.7,0.2,0.1],[0.1,0.3,0.6],[0.2,0.5,0.3],[0.25,0.25,0.5]])))"
        assertEquals(0.5634487322061534, Metrics.logLoss(y, P), TOL);
    }

    @Test void binaryLogLossIsTheTwoColumnMulticlassLoss() {
        RandomGenerator rng = Rng.of(3);
        for (int n = 1; n <= 30; n += 4) {
            Vector p = Vector.random(n, rng), y = Vector.random(n, rng).map(u -> u < 0.5 ? 0 : 1);
            Matrix P = Matrix.fromColumns(p.map(q -> 1 - q), p);
            assertEquals(Metrics.logLoss(y, P), Metrics.logLoss(y, p), 1e-12);
        }
    }

    @Test void logLossClipsCertainWrongAnswers() {
        // p = 0 for a positive costs −ln(1e-15) = 34.539 instead of +∞; p = 1 for a positive costs ≈ 0
        assertEquals(-Math.log(1e-15) / 2, Metrics.logLoss(Vector.of(1, 1), Vector.of(0, 1)), 1e-9);
        assertEquals(-Math.log(1e-15), Metrics.logLoss(Vector.of(1), Matrix.of(1, 2, 1, 0)), 1e-9);
    }

    // ───────────────────────────── ranking ─────────────────────────────

    @Test void rocAucWithTiesByRanks() {
        Vector y = Vector.of(0, 0, 1, 1, 0, 1, 0, 1), s = Vector.of(0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.7, 0.9);
        // ascending: 0.1(−) r1, 0.35(+) r2, 0.4 ×3 (−, −, +) share r(3+4+5)/3 = 4, 0.7(−) r6, 0.8(+) r7, 0.9(+) r8
        // R₊ = 2 + 4 + 7 + 8 = 21, n₊ = n₋ = 4, U = 21 − 4·5/2 = 11, AUC = 11/16 = 0.6875
        // python3 -c "from sklearn.metrics import roc_auc_score as a; print(repr(a([0,0,1,1,0,1,0,1],[0.1,0.4,0.35,0.8,0.4,0.4,0.7,0.9])))"
        assertEquals(0.6875, Metrics.rocAuc(y, s), TOL);
    }

    @Test void rocAucIsTheFractionOfCorrectlyOrderedPairs() {
        RandomGenerator rng = Rng.of(4);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rng.nextInt(60);
            double[] y = new double[n], s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = i < 1 ? 0 : i < 2 ? 1 : rng.nextInt(2);            // both classes present
                s[i] = Math.round(5 * rng.nextDouble() + y[i]) / 2.0;      // coarse scores: many ties
            }
            double pairs = 0, won = 0;                                     // second route: Σ over (+, −) pairs
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (y[i] == 1 && y[j] == 0) {
                        pairs++;
                        won += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
            Vector yv = Vector.of(y), sv = Vector.of(s);
            assertEquals(won / pairs, Metrics.rocAuc(yv, sv), 1e-12);
            assertEquals(1 - won / pairs, Metrics.rocAuc(yv, sv.negate()), 1e-12);        // reversed ranking
            assertEquals(won / pairs, Metrics.rocAuc(yv, sv.map(Math::exp)), 1e-12);    // only the order matters
        }
    }

    // ───────────────────────────── clustering ─────────────────────────────

    @Test void silhouetteOfTwoPairsOnALineByHand() {
        // x = 0, 1 | 4, 5.  Point 0: a = 1, b = (4 + 5)/2 = 4.5, s = 3.5/4.5 = 7/9.  Point 1: a = 1, b = (3 + 4)/2 = 3.5,
        // s = 2.5/3.5 = 5/7. By symmetry points 5 and 4 mirror them. Mean = (7/9 + 5/7)/2 = 47/63.
        Matrix X = Matrix.of(4, 1, 0, 1, 4, 5);
        Vector labels = Vector.of(0, 0, 1, 1);
        assertEquals(Vector.of(7.0 / 9, 5.0 / 7, 5.0 / 7, 7.0 / 9).toString(), Metrics.silhouetteSamples(X, labels).toString());
        assertEquals(47.0 / 63, Metrics.silhouette(X, labels), TOL);
    }

    @Test void silhouetteMatchesScikitLearnWithASingletonCluster() {
        Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {4, 4}, {4, 5}, {5, 4}, {10, 0}});
        Vector labels = Vector.of(0, 0, 0, 1, 1, 1, 2);                    // cluster 2 is one point: s = 0
        // python3 -c "import numpy as np; from sklearn.metrics import silhouette_score as s; print(repr(s(np.array([[0,0],[0,1],[1,0],[4,4],[4,5],[5,4],[10,0]],float),[0,0,0,1,1,1,2])))"
        assertEquals(0.6859728470809667, Metrics.silhouette(X, labels), TOL);
        // python3 -c "import numpy as np; from sklearn.metrics import silhouette_samples as s; print(s(np.array([[0,0],[0,1],[1,0],[4,4],[4,5],[5,4],[10,0]],float),[0,0,0,1,1,1,2]).tolist())"
        double[] sk = {0.8375137676051518, 0.7803637238418593, 0.7803637238418593, 0.8083906286540756,
                       0.7975890428119106, 0.7975890428119106, 0.0};
        Vector s = Metrics.silhouetteSamples(X, labels);
        for (int i = 0; i < sk.length; i++) assertEquals(sk[i], s.get(i), TOL, "sample " + i);
        // labels are names only: −1 (noise) and 7 give the same partition
        assertEquals(0.6859728470809667, Metrics.silhouette(X, Vector.of(7, 7, 7, -1, -1, -1, 3)), TOL);
    }

    @Test void silhouetteMatchesScikitLearnOnAnotherSet() {
        Matrix X = Matrix.of(new double[][] {{1, 2}, {1.5, 1.8}, {5, 8}, {8, 8}, {1, 0.6}, {9, 11}});
        // python3 -c "import numpy as np; from sklearn.metrics import silhouette_score as s; print(repr(s(np.array([[1,2],[1.5,1.8],[5,8],[8,8],[1,0.6],[9,11]]),[0,0,1,1,0,1])))"
        assertEquals(0.7479566620911685, Metrics.silhouette(X, Vector.of(0, 0, 1, 1, 0, 1)), TOL);
    }

    @Test void adjustedRandIndexByHand() {
        // A = [0,0,1,1], B = [0,0,1,2]: cells (0,0)×2, (1,1), (1,2): Σ C(nᵢⱼ,2) = 1, Σ C(aᵢ,2) = 2, Σ C(bⱼ,2) = 1, C(4,2) = 6
        // expected = 2·1/6 = 1/3, max = (2 + 1)/2 = 3/2, ARI = (1 − 1/3)/(3/2 − 1/3) = (2/3)/(7/6) = 4/7
        // python3 -c "from sklearn.metrics import adjusted_rand_score as a; print(repr(a([0,0,1,1],[0,0,1,2])))"
        assertEquals(4.0 / 7, Metrics.adjustedRandIndex(Vector.of(0, 0, 1, 1), Vector.of(0, 0, 1, 2)), TOL);
        assertEquals(0.5714285714285714, Metrics.adjustedRandIndex(Vector.of(0, 0, 1, 2), Vector.of(0, 0, 1, 1)), TOL);
    }

    @Test void adjustedRandIndexIgnoresLabelNames() {
        // python3 -c "from sklearn.metrics import adjusted_rand_score as a; print(repr(a([0,0,1,1,2,2],[5,5,3,3,-1,-1])))"  → 1.0
        assertEquals(1.0, Metrics.adjustedRandIndex(Vector.of(0, 0, 1, 1, 2, 2), Vector.of(5, 5, 3, 3, -1, -1)), TOL);
        RandomGenerator rng = Rng.of(5);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + rng.nextInt(40), k = 1 + rng.nextInt(5);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) a[i] = rng.nextInt(k);
            int[] rename = Rng.permutation(k, rng);
            Vector A = Vector.of(a), B = A.map(v -> 10 * rename[(int) v] - 3);   // a bijection of the names
            assertEquals(1.0, Metrics.adjustedRandIndex(A, B), 1e-12);
        }
    }

    @Test void adjustedRandIndexMatchesScikitLearn() {
        Vector a = Vector.of(0, 0, 0, 1, 1, 1, 2, 2, 2, 2), b = Vector.of(0, 0, 1, 1, 1, 2, 2, 2, 0, 0);
        // python3 -c "from sklearn.metrics import adjusted_rand_score as a; print(repr(a([0,0,0,1,1,1,2,2,2,2],[0,0,1,1,1,2,2,2,0,0])))"
        assertEquals(0.09090909090909091, Metrics.adjustedRandIndex(a, b), TOL);
        assertEquals(0.09090909090909091, Metrics.adjustedRandIndex(b, a), TOL);   // symmetric
        assertEquals(1.0, Metrics.adjustedRandIndex(Vector.of(4, 4, 4), Vector.of(0, 0, 0)));   // 0/0 → 1
    }

    // ───────────────────────────── errors ─────────────────────────────

    @Test void errorsNameTheMetricTheArgumentAndTheEntry() {
        message("accuracy: yTrue has 10 entries but yPred has 9", () -> Metrics.accuracy(Vector.zeros(10), Vector.zeros(9)));
        message("accuracy: yTrue and yPred are empty", () -> Metrics.accuracy(Vector.zeros(0), Vector.zeros(0)));
        message("accuracy: 'yPred' must not be null", () -> Metrics.accuracy(Vector.zeros(2), null));
        message("r2: yPred[3] is NaN", () -> Metrics.r2(Vector.zeros(4), Vector.of(0, 0, 0, Double.NaN)));
        message("mse: yTrue[0] is +Infinity", () -> Metrics.mse(Vector.of(Double.POSITIVE_INFINITY), Vector.of(0)));
        message("f1: yPred[2] = 1.5 is not a class index (labels must be 0, 1, …, k−1)",
                () -> Metrics.f1(Vector.of(0, 1, 1), Vector.of(0, 1, 1.5)));
        message("accuracy: yTrue[0] = -1.0 is not a class index (labels must be 0, 1, …, k−1)",
                () -> Metrics.accuracy(Vector.of(-1, 1), Vector.of(0, 1)));
        message("logLoss: p[1] = 1.2 is not a probability (must be in [0, 1])", () -> Metrics.logLoss(Vector.of(0, 1), Vector.of(0.5, 1.2)));
        message("logLoss: yTrue[0] = 2.0 is not a binary label (must be 0 or 1)", () -> Metrics.logLoss(Vector.of(2, 1), Vector.of(0.5, 0.5)));
        message("logLoss: row 1 of P sums to 0.9 (each row must sum to 1)",
                () -> Metrics.logLoss(Vector.of(0, 1), Matrix.of(2, 2, 0.5, 0.5, 0.45, 0.45)));
        message("logLoss: yTrue[1] = 2 is not a column of P (P has 2 columns, one per class)",
                () -> Metrics.logLoss(Vector.of(0, 2), Matrix.of(2, 2, 0.5, 0.5, 0.5, 0.5)));
        message("logLoss: yTrue has 3 entries but P has 2 rows", () -> Metrics.logLoss(Vector.of(0, 1, 1), Matrix.of(2, 2, 0.5, 0.5, 0.5, 0.5)));
        message("rocAuc: yTrue holds only class 1; ROC AUC needs both classes 0 and 1", () -> Metrics.rocAuc(Vector.of(1, 1), Vector.of(0.2, 0.3)));
        message("silhouette: there is 1 cluster among n = 3 samples; the silhouette needs 2 to n − 1 clusters",
                () -> Metrics.silhouette(Matrix.zeros(3, 2), Vector.of(4, 4, 4)));
        message("silhouette: X has 3 rows but labels has 2", () -> Metrics.silhouette(Matrix.zeros(3, 2), Vector.of(0, 1)));
        message("silhouette: X[1][0] is NaN", () -> Metrics.silhouette(Matrix.zeros(3, 2).with(1, 0, Double.NaN), Vector.of(0, 1, 1)));
        message("adjustedRandIndex: labelsB[1] = 0.5 is not a whole number (labels must be whole numbers)",
                () -> Metrics.adjustedRandIndex(Vector.of(0, 1), Vector.of(0, 0.5)));
    }
}
