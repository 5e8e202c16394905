package mlscratch.drill.bank;

import static mlscratch.drill.bank.WrongAnswers.check;
import static mlscratch.drill.bank.WrongAnswers.failsAt;
import static mlscratch.drill.bank.WrongAnswers.passesAt;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.SVD;
import mlscratch.linalg.Vector;

/// One typical wrong answer per drill of ClusteringDrills, NeighbourDrills, TreeDrills, BayesDrills,
/// DecompositionDrills, MetricDrills and PreprocessingDrills, and the case that catches it.
class ClassicWrongAnswersTest {

    // ── clustering ──

    @Test void assignmentWithLessOrEqualSendsTiesToTheLastCentre() {
        var r = check("kmeans-assign", a -> {
            Matrix X = (Matrix) a[0], C = (Matrix) a[1];
            int[] labels = new int[X.rows()];
            for (int i = 0; i < X.rows(); i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < C.rows(); j++) {
                    double d = Math.pow(X.row(i).minus(C.row(j)).norm(), 2);
                    if (d <= best) { best = d; labels[i] = j; }                  // ≤: a tie moves to the later centre
                }
            }
            return labels;
        });
        failsAt(r, "ties go to the lower index", "expected int[2] [0, 0]", "got int[2] [2, 2]");
        passesAt(r, "hand case on a line");
    }

    @Test void updateDividingByAZeroCountPoisonsAnEmptyCluster() {
        var r = check("kmeans-update", a -> {
            Matrix X = (Matrix) a[0], C = (Matrix) a[2];
            Vector labels = (Vector) a[1];
            double[][] sum = new double[C.rows()][C.cols()];
            int[] count = new int[C.rows()];
            for (int i = 0; i < X.rows(); i++) {
                int j = (int) labels.get(i);
                count[j]++;
                for (int c = 0; c < X.cols(); c++) sum[j][c] += X.get(i, c);
            }
            for (int j = 0; j < C.rows(); j++) for (int c = 0; c < C.cols(); c++) sum[j][c] /= count[j];   // 0/0 = NaN
            return Matrix.of(sum);
        });
        failsAt(r, "empty cluster keeps its centre", "expected 7 but got NaN");
        passesAt(r, "hand case");
    }

    @Test void responsibilitiesAsARatioOfDensitiesAreNaNForAFarPoint() {
        var r = check("gmm-responsibilities", a -> {
            Matrix X = (Matrix) a[0], mu = (Matrix) a[2];
            Vector w = (Vector) a[1], var = (Vector) a[3];
            int K = mu.rows(), d = X.cols();
            double[][] R = new double[X.rows()][K];
            for (int i = 0; i < X.rows(); i++) {
                double total = 0;
                for (int k = 0; k < K; k++) {
                    double sq = Math.pow(X.row(i).minus(mu.row(k)).norm(), 2);
                    R[i][k] = w.get(k) * Math.pow(2 * Math.PI * var.get(k), -d / 2.0) * Math.exp(-sq / (2 * var.get(k)));   // the density itself
                    total += R[i][k];
                }
                for (int k = 0; k < K; k++) R[i][k] /= total;                   // 0/0 when every density underflows
            }
            return Matrix.of(R);
        });
        failsAt(r, "far point: densities underflow", "got NaN");
        passesAt(r, "hand case 1-D");
    }

    // ── neighbours ──

    @Test void knnBreakingVoteTiesTowardTheLargerLabelFails() {
        var r = check("knn-predict", a -> {
            Matrix X = (Matrix) a[0], Q = (Matrix) a[2];
            Vector y = (Vector) a[1];
            int k = (Integer) a[3];
            double[] out = new double[Q.rows()];
            for (int i = 0; i < Q.rows(); i++) {
                Matrix D = LinearAlgebraDrills.sqDistancesRef(Q.rows(i, i + 1), X);
                Integer[] order = new Integer[X.rows()];
                for (int j = 0; j < order.length; j++) order[j] = j;
                java.util.Arrays.sort(order, (p, q) -> Double.compare(D.get(0, p), D.get(0, q)));
                var votes = new TreeMap<Double, Integer>();
                for (int j = 0; j < k; j++) votes.merge(y.get(order[j]), 1, Integer::sum);
                int most = -1;
                for (var e : votes.entrySet()) if (e.getValue() >= most) { most = e.getValue(); out[i] = e.getKey(); }   // ≥: last wins
            }
            return Vector.of(out);
        });
        failsAt(r, "hand case with a vote tie", "at [1] expected 0 but got 1");
        passesAt(r, "k = 1 on training points");
    }

    // ── trees ──

    @Test void giniWithoutTheOneMinusIsOneForAPureNode() {
        var r = check("gini", a -> {
            double s = 0;
            for (int c : TreeDrills.counts((Vector) a[0]).values()) { double p = (double) c / ((Vector) a[0]).size(); s += p * p; }
            return s;                                                            // Σ p² instead of 1 − Σ p²
        });
        failsAt(r, "pure node", "expected 0, got 1");
    }

    @Test void entropyInNatsIsNotBits() {
        var r = check("entropy", a -> {
            double h = 0;
            for (int c : TreeDrills.counts((Vector) a[0]).values()) { double p = (double) c / ((Vector) a[0]).size(); h -= p * Math.log(p); }
            return h;                                                            // natural log: ln 2 ≈ 0.693 for a fair coin
        });
        failsAt(r, "hand case [0, 1] → 1 bit", "expected 1, got 0.693147");
        passesAt(r, "pure node");
    }

    @Test void thresholdAtADataValueInsteadOfTheMidpointIsRejected() {
        var r = check("best-split", a -> {
            Vector x = (Vector) a[0], y = (Vector) a[1];
            double[] s = x.toArray();
            java.util.Arrays.sort(s);
            double bestT = Double.NaN, best = TreeDrills.giniRef(y);
            for (int i = 0; i + 1 < s.length; i++) {
                if (s[i] == s[i + 1]) continue;
                double t = s[i];                                                // the value itself, not (s[i] + s[i+1]) / 2
                double g = TreeDrills.weightedGini(x, y, t);
                if (Double.isNaN(bestT) || g < best) { best = g; bestT = t; }
            }
            return Vector.of(bestT, best);
        });
        failsAt(r, "hand case: perfect split at 2.5", "t = 2 is not halfway between two consecutive distinct values");
        passesAt(r, "all x equal: no threshold");
    }

    // ── Bayes ──

    @Test void naiveBayesWithoutThePriorFails() {
        var r = check("gaussian-nb", a -> {
            Matrix X = (Matrix) a[0], Q = (Matrix) a[2];
            Vector y = (Vector) a[1];
            Matrix L = BayesDrills.logJointRef(X, y, Q);
            int K = L.cols();
            double[] logPrior = new double[K];
            for (int i = 0; i < y.size(); i++) logPrior[(int) y.get(i)]++;
            for (int c = 0; c < K; c++) logPrior[c] = Math.log(logPrior[c] / y.size());
            return L.minusRowVector(Vector.of(logPrior));                       // dropped log P(c)
        });
        failsAt(r, "constant feature", "expected Matrix");
    }

    // ── PCA ──

    @Test void pcaWithoutCentringPointsAtTheMean() {
        var r = check("pca", a -> {
            Matrix V = SVD.of((Matrix) a[0]).V();                               // SVD of the raw data
            int k = (Integer) a[1];
            Vector[] rows = new Vector[k];
            for (int j = 0; j < k; j++) rows[j] = V.col(j);
            return Matrix.fromRows(rows);
        });
        failsAt(r, "data at 1e6 from the origin", "component 0: expected ±");
    }

    // ── metrics ──

    @Test void transposedConfusionMatrixFails() {
        var r = check("confusion-matrix", a -> MetricDrills.confusionRef((Vector) a[1], (Vector) a[0], (Integer) a[2]));   // rows = predictions
        failsAt(r, "hand case", "at [0][1] expected 1 but got 0");
        passesAt(r, "perfect predictions");
    }

    @Test void precisionAndRecallSwappedFailOnlyWhereTheyDiffer() {
        var r = check("precision-recall-f1", a -> {
            Vector v = MetricDrills.prf1Ref((Vector) a[0], (Vector) a[1]);
            return Vector.of(v.get(1), v.get(0), v.get(2));
        });
        failsAt(r, "precision ≠ recall", "at [0] expected 1 but got 0.25");
        passesAt(r, "hand case");   // P = R = ⅔ there: why a test must have P ≠ R
    }

    @Test void aucIgnoringTiesFailsWhenScoresTie() {
        var r = check("roc-auc", a -> {
            Vector s = (Vector) a[0], y = (Vector) a[1];
            double pairs = 0, wins = 0;
            for (int i = 0; i < s.size(); i++)
                for (int j = 0; j < s.size(); j++)
                    if (y.get(i) == 1 && y.get(j) == 0) { pairs++; if (s.get(i) > s.get(j)) wins++; }   // a tie counts 0
            return wins / pairs;
        });
        failsAt(r, "all tied → ½", "expected 0.5, got 0");
        passesAt(r, "perfect ranking");
    }

    @Test void onePassR2CancelsAtLargeOffsets() {
        var r = check("r2-score", a -> {
            Vector y = (Vector) a[0], yhat = (Vector) a[1];
            double n = y.size(), mean = y.mean(), sumSq = y.dot(y);
            double ssTot = sumSq - n * mean * mean;                             // Σy² − nȳ²: catastrophic cancellation
            Vector res = y.minus(yhat);
            return 1 - res.dot(res) / ssTot;
        });
        failsAt(r, "offset 1e8", "expected");
        passesAt(r, "hand case ½");
    }

    // ── preprocessing ──

    @Test void oneBasedOneHotIsOffByOne() {
        var r = check("one-hot", a -> {
            Vector y = (Vector) a[0];
            int k = (Integer) a[1];
            double[] Y = new double[y.size() * k];
            for (int i = 0; i < y.size(); i++) Y[i * k + (int) y.get(i) - 1] = 1;   // labels treated as 1..k
            return Matrix.wrap(y.size(), k, Y);
        });
        failsAt(r, "hand case", "expected Matrix");
        passesAt(r, "n = 0");
    }

    @Test void standardisingAConstantColumnDividesByZero() {
        var r = check("standardise", a -> {
            Matrix Xc = ((Matrix) a[0]).minusRowVector(((Matrix) a[0]).mean(0));
            return Xc.divideColumns(Xc.hadamard(Xc).mean(0).map(Math::sqrt));    // σ = 0 ⇒ 0/0
        });
        failsAt(r, "hand case with a constant column", "got NaN");
        passesAt(r, "random 30×4 on different scales");
    }

    @Test void roundRobinFoldsAreNotContiguous() {
        var r = check("k-fold", a -> {
            int n = (Integer) a[0], k = (Integer) a[1];
            int[] fold = new int[n];
            for (int i = 0; i < n; i++) fold[i] = i % k;
            return fold;
        });
        failsAt(r, "hand case n = 7, k = 3", "expected int[7] [0, 0, 0, 1, 1, 2, 2]", "got int[7] [0, 1, 2, 0, 1, 2, 0]");
        passesAt(r, "k = n: leave-one-out");
        passesAt(r, "k = 1");
    }
}
