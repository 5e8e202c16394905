package mlscratch.drill.bank;

import java.util.List;

import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Drills on evaluation metrics: confusion matrix, precision/recall/F1, ROC AUC and R².
public final class MetricDrills implements DrillSet {

    @Override
    public List<Drill> drills() { return List.of(confusion(), prf1(), rocAuc(), r2()); }

    // ───────────────────────────── confusion matrix ─────────────────────────────

    static Matrix confusionRef(Vector y, Vector yhat, int k) {
        double[] C = new double[k * k];
        for (int i = 0; i < y.size(); i++) C[(int) y.get(i) * k + (int) yhat.get(i)]++;   // row = true, column = predicted
        return Matrix.wrap(k, k, C);
    }

    static Drill confusion() {
        return Drill.builder("confusion-matrix")
                .title("Confusion matrix").topic("metrics").difficulty(Difficulty.EASY)
                .signature("Matrix confusionMatrix(Vector y, Vector yhat, int k)")
                .statement("""
                        y (true labels) and yhat (predictions) have the same size n ≥ 0, entries in 0..k−1, k ≥ 1.
                        Return the k×k matrix C with C[i][j] = the number of samples whose TRUE class is i and
                        PREDICTED class is j (rows = truth, columns = prediction, as scikit-learn).
                        Edge cases: n = 0 (all zeros); a class never predicted (a zero column); perfect predictions
                        (diagonal); k = 1.
                        Compared exactly.""")
                .starter("""
                        Matrix confusionMatrix(Vector y, Vector yhat, int k) {
                            double[][] C = new double[k][k];
                            return Matrix.of(C);
                        }""")
                .hints("One pass: C[(int) y.get(i)][(int) yhat.get(i)]++.",
                       "Rows are the truth: row sums are the class supports, column sums the prediction counts.")
                .solution("""
                        Matrix confusionMatrix(Vector y, Vector yhat, int k) {
                            double[][] C = new double[k][k];
                            for (int i = 0; i < y.size(); i++) C[(int) y.get(i)][(int) yhat.get(i)]++;   // [true][predicted]
                            return Matrix.of(C);
                        }""")
                .explanation("""
                        Every sample lands in exactly one cell, so the entries sum to n; the diagonal holds the correct
                        predictions (accuracy = trace/n). For class c: TP = C[c][c], FN = row sum − TP (class c predicted
                        as something else), FP = column sum − TP (something else predicted as c). Per-class recall is
                        TP/row sum, precision TP/column sum. The orientation is a convention — scikit-learn and
                        mlscratch put the truth in rows; some texts transpose it — so always label the axes.""")
                .reference((Vector y, Vector yhat, Integer k) -> confusionRef(y, yhat, k))
                .tests(
                        // y = 0,0,1,1,2 yhat = 0,1,1,1,0: C[0] = [1,1,0], C[1] = [0,2,0], C[2] = [1,0,0]
                        DrillCase.of("hand case", Expect.close(0), Vector.of(0, 0, 1, 1, 2), Vector.of(0, 1, 1, 1, 0), 3),
                        DrillCase.of("no samples", Expect.close(0), Vector.zeros(0), Vector.zeros(0), 2),
                        DrillCase.of("a class never predicted", Expect.close(0), Vector.of(0, 1, 2), Vector.of(0, 0, 0), 3),
                        DrillCase.of("perfect predictions", Expect.close(0), Vector.of(2, 0, 1, 2), Vector.of(2, 0, 1, 2), 3),
                        DrillCase.of("k = 1", Expect.close(0), Vector.of(0, 0), Vector.of(0, 0), 1),
                        DrillCase.random("random 200 samples, k = 4", 131, rng -> new Object[] {Bank.labels(200, 4, rng), Bank.labels(200, 4, rng), 4},
                                Expect.close(0)))
                .build();
    }

    // ───────────────────────────── precision, recall, F1 ─────────────────────────────

    static Vector prf1Ref(Vector y, Vector yhat) {
        double tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < y.size(); i++) {
            boolean t = y.get(i) == 1, p = yhat.get(i) == 1;
            if (t && p) tp++; else if (p) fp++; else if (t) fn++;
        }
        double precision = tp + fp == 0 ? 0 : tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return Vector.of(precision, recall, f1);
    }

    static Drill prf1() {
        return Drill.builder("precision-recall-f1")
                .title("Precision, recall and F1").topic("metrics").difficulty(Difficulty.EASY)
                .signature("Vector precisionRecallF1(Vector y, Vector yhat)")
                .statement("""
                        y (truth) and yhat (predictions) are binary (0/1) vectors of the same size n ≥ 0; class 1 is
                        the positive class. Return Vector.of(precision, recall, F1):
                            precision = TP/(TP + FP),  recall = TP/(TP + FN),  F1 = 2PR/(P + R).
                        A 0/0 is defined as 0 (scikit-learn's zero_division=0): nothing predicted positive ⇒ P = 0;
                        no positives ⇒ R = 0; P = R = 0 ⇒ F1 = 0.
                        Edge cases: no positive predictions; no positive labels; n = 0; perfect predictions.
                        Tolerance: within 1e-12.""")
                .starter("""
                        Vector precisionRecallF1(Vector y, Vector yhat) {
                            double tp = 0, fp = 0, fn = 0;
                            // count, then divide carefully
                            return Vector.of(0, 0, 0);
                        }""")
                .hints("TP: y = 1 and ŷ = 1; FP: y = 0 and ŷ = 1; FN: y = 1 and ŷ = 0.",
                       "Precision is about what you PREDICTED positive; recall about what IS positive.",
                       "Guard every division: a zero denominator gives 0.")
                .solution("""
                        Vector precisionRecallF1(Vector y, Vector yhat) {
                            double tp = 0, fp = 0, fn = 0;
                            for (int i = 0; i < y.size(); i++) {
                                boolean t = y.get(i) == 1, p = yhat.get(i) == 1;
                                if (t && p) tp++; else if (p) fp++; else if (t) fn++;
                            }
                            double P = tp + fp == 0 ? 0 : tp / (tp + fp);              // of the predicted positives
                            double R = tp + fn == 0 ? 0 : tp / (tp + fn);              // of the actual positives
                            double F1 = P + R == 0 ? 0 : 2 * P * R / (P + R);          // harmonic mean
                            return Vector.of(P, R, F1);
                        }""")
                .explanation("""
                        Precision = TP/(TP + FP): how many of the flagged items are real. Recall = TP/(TP + FN): how many
                        real items were flagged. F1 is their harmonic mean, 2PR/(P + R) = 2TP/(2TP + FP + FN), which is
                        dominated by the smaller of the two (P = 1, R = 0.01 ⇒ F1 ≈ 0.02, while the arithmetic mean
                        says 0.5). True negatives appear nowhere: these metrics stay informative when negatives
                        vastly outnumber positives — where accuracy is useless. The 0/0 conventions matter in
                        practice: a model that never predicts positive must score 0, not NaN.""")
                .reference((Vector y, Vector yhat) -> prf1Ref(y, yhat))
                .tests(
                        // y = 1,1,1,0,0  ŷ = 1,0,1,1,0: TP = 2, FN = 1, FP = 1 ⇒ P = ⅔, R = ⅔, F1 = ⅔
                        DrillCase.of("hand case", Expect.close(1e-12), Vector.of(1, 1, 1, 0, 0), Vector.of(1, 0, 1, 1, 0)),
                        DrillCase.of("nothing predicted positive", Expect.close(1e-12), Vector.of(1, 0, 1), Vector.of(0, 0, 0)),
                        DrillCase.of("no positive labels", Expect.close(1e-12), Vector.of(0, 0, 0), Vector.of(1, 0, 0)),
                        DrillCase.of("n = 0", Expect.close(1e-12), Vector.zeros(0), Vector.zeros(0)),
                        DrillCase.of("perfect", Expect.close(1e-12), Vector.of(1, 0, 1, 1), Vector.of(1, 0, 1, 1)),
                        // TP = 1, FP = 0, FN = 3 ⇒ P = 1, R = ¼, F1 = 2·¼/(5/4) = 0.4
                        DrillCase.of("precision ≠ recall", Expect.close(1e-12), Vector.of(1, 1, 1, 1, 0), Vector.of(1, 0, 0, 0, 0)),
                        DrillCase.random("random n = 300", 132, rng -> new Object[] {Bank.labels(300, 2, rng), Bank.labels(300, 2, rng)},
                                Expect.close(1e-12)))
                .build();
    }

    // ───────────────────────────── ROC AUC ─────────────────────────────

    static double aucRef(Vector s, Vector y) {
        double pairs = 0, wins = 0;
        for (int i = 0; i < s.size(); i++) {
            if (y.get(i) != 1) continue;
            for (int j = 0; j < s.size(); j++) {
                if (y.get(j) != 0) continue;
                pairs++;
                if (s.get(i) > s.get(j)) wins += 1;                              // positive ranked above negative
                else if (s.get(i) == s.get(j)) wins += 0.5;                      // a tie counts half
            }
        }
        return wins / pairs;
    }

    static Drill rocAuc() {
        return Drill.builder("roc-auc")
                .title("ROC AUC from scores").topic("metrics").difficulty(Difficulty.MEDIUM)
                .signature("double rocAuc(Vector scores, Vector y)")
                .statement("""
                        scores are real-valued classifier outputs (higher = more positive), y the binary labels (0/1),
                        same size; at least one positive and one negative. Return the area under the ROC curve:
                            AUC = P(score of a random positive > score of a random negative), a tie counting ½.
                        Edge cases: perfect ranking (1); reversed ranking (0); all scores tied (½); ties across
                        classes; one positive among many negatives.
                        Any method is fine (O(n₊n₋) pairs, or ranks in O(n log n)). Tolerance: within 1e-12.""")
                .starter("""
                        double rocAuc(Vector scores, Vector y) {
                            // count (positive, negative) pairs ranked correctly; ties count ½
                            return 0;
                        }""")
                .hints("Two loops: for each positive i and negative j add 1 if sᵢ > sⱼ, ½ if sᵢ = sⱼ; divide by n₊·n₋.",
                       "Fast: AUC = (Σ ranks of positives − n₊(n₊ + 1)/2) / (n₊n₋), with tied scores getting their average rank.")
                .solution("""
                        double rocAuc(Vector scores, Vector y) {
                            double pairs = 0, wins = 0;
                            for (int i = 0; i < scores.size(); i++) {
                                if (y.get(i) != 1) continue;
                                for (int j = 0; j < scores.size(); j++) {
                                    if (y.get(j) != 0) continue;
                                    pairs++;
                                    if (scores.get(i) > scores.get(j)) wins += 1;
                                    else if (scores.get(i) == scores.get(j)) wins += 0.5;   // ties count half
                                }
                            }
                            return wins / pairs;
                        }""")
                .explanation("""
                        The ROC curve plots TPR against FPR as the threshold sweeps down through the scores; each
                        negative passed moves right by 1/n₋, each positive up by 1/n₊. The area under the staircase
                        counts, for each negative, the positives scored above it: AUC = #{(i, j): sᵢ > sⱼ}/(n₊n₋) — the
                        Mann–Whitney U statistic normalised. Tied scores cross the threshold together, a diagonal step
                        whose area is half a cell: hence ½ per tie (all scores equal ⇒ 0.5, a coin flip).
                        Only the ORDER of the scores matters: any increasing transform (sigmoid, log) keeps the AUC,
                        which is why AUC says nothing about calibration.""")
                .reference((Vector s, Vector y) -> aucRef(s, y))
                .tests(
                        // positives 0.9, 0.4; negatives 0.5, 0.1: pairs (0.9>0.5)(0.9>0.1)(0.4<0.5)(0.4>0.1) ⇒ 3/4
                        DrillCase.of("hand case ¾", Expect.close(1e-12), Vector.of(0.9, 0.5, 0.4, 0.1), Vector.of(1, 0, 1, 0)),
                        DrillCase.of("perfect ranking", Expect.close(1e-12), Vector.of(3, 2, 1, 0), Vector.of(1, 1, 0, 0)),
                        DrillCase.of("reversed ranking", Expect.close(1e-12), Vector.of(0, 1, 2, 3), Vector.of(1, 1, 0, 0)),
                        DrillCase.of("all tied → ½", Expect.close(1e-12), Vector.of(0.5, 0.5, 0.5), Vector.of(1, 0, 0)),
                        // positive 0.7 ties one negative and beats the other: (½ + 1)/2 = ¾
                        DrillCase.of("a tie across classes", Expect.close(1e-12), Vector.of(0.7, 0.7, 0.2), Vector.of(1, 0, 0)),
                        DrillCase.random("random n = 200 with rounded (tied) scores", 133, rng -> {
                            double[] s = new double[200];
                            for (int i = 0; i < 200; i++) s[i] = Math.round(rng.nextGaussian() * 4) / 4.0;
                            return new Object[] {Vector.of(s), Bank.labels(200, 2, rng)};
                        }, Expect.close(1e-12)))
                .build();
    }

    // ───────────────────────────── R² ─────────────────────────────

    static double r2Ref(Vector y, Vector yhat) {
        double mean = y.mean(), ssRes = 0, ssTot = 0;
        for (int i = 0; i < y.size(); i++) {
            ssRes += (y.get(i) - yhat.get(i)) * (y.get(i) - yhat.get(i));       // Σ (y − ŷ)²
            ssTot += (y.get(i) - mean) * (y.get(i) - mean);                      // Σ (y − ȳ)²
        }
        if (ssTot == 0) return ssRes == 0 ? 1 : 0;
        return 1 - ssRes / ssTot;
    }

    static Drill r2() {
        return Drill.builder("r2-score")
                .title("Coefficient of determination R²").topic("metrics").difficulty(Difficulty.EASY)
                .signature("double r2(Vector y, Vector yhat)")
                .statement("""
                        y (targets) and yhat (predictions) have the same size n ≥ 1. Return
                            R² = 1 − Σ(yᵢ − ŷᵢ)² / Σ(yᵢ − ȳ)².
                        If y is constant (the denominator is 0): return 1 for a perfect prediction, else 0
                        (scikit-learn's convention).
                        Edge cases: perfect (1); predicting the mean (0); worse than the mean (negative); constant y;
                        large offsets (y ≈ 1e8 + noise: compute ȳ first, then the deviations — no Σy² − nȳ²).
                        Tolerance: within 1e-9 · max(1, |expected|).""")
                .starter("""
                        double r2(Vector y, Vector yhat) {
                            return 0;
                        }""")
                .hints("Residual sum of squares over total sum of squares around the mean of y.",
                       "Two passes: the mean first, then Σ(y − ȳ)² — the one-pass Σy² − nȳ² cancels catastrophically at 1e8.")
                .solution("""
                        double r2(Vector y, Vector yhat) {
                            double mean = y.mean(), ssRes = 0, ssTot = 0;
                            for (int i = 0; i < y.size(); i++) {
                                ssRes += Math.pow(y.get(i) - yhat.get(i), 2);    // Σ (y − ŷ)²
                                ssTot += Math.pow(y.get(i) - mean, 2);           // Σ (y − ȳ)²
                            }
                            if (ssTot == 0) return ssRes == 0 ? 1 : 0;           // constant y
                            return 1 - ssRes / ssTot;
                        }""")
                .explanation("""
                        Σ(y − ȳ)² is the squared error of the best constant model (predict ȳ); R² is the fraction of
                        it the model removes. 1: perfect; 0: no better than the mean; negative: worse than the mean —
                        possible on test data or for a model without an intercept (R² is NOT a square). On the
                        training data of least squares with an intercept, R² = corr(y, ŷ)² ∈ [0, 1].
                        Numerics: with y ≈ 1e8 and spread ≈ 1, Σy² ≈ 1e16·n carries rounding errors ≈ n, as big as the
                        quantity wanted; deviations from the mean are small numbers and stay accurate.""")
                .reference((Vector y, Vector yhat) -> r2Ref(y, yhat))
                .tests(
                        // y = 1,2,3, ŷ = 1,2,4: SSres = 1, SStot = 2 ⇒ R² = ½
                        DrillCase.of("hand case ½", Expect.close(1e-9), Vector.of(1, 2, 3), Vector.of(1, 2, 4)),
                        DrillCase.of("predicting the mean → 0", Expect.close(1e-9), Vector.of(1, 2, 3), Vector.of(2, 2, 2)),
                        DrillCase.of("worse than the mean", Expect.close(1e-9), Vector.of(1, 2, 3), Vector.of(3, 2, 1)),
                        DrillCase.of("constant y, perfect", Expect.close(1e-9), Vector.of(5, 5), Vector.of(5, 5)),
                        DrillCase.of("constant y, imperfect", Expect.close(1e-9), Vector.of(5, 5), Vector.of(5, 6)),
                        DrillCase.random("offset 1e8", 134, rng -> {
                            Vector y = Vector.randn(50, rng).plus(1e8);
                            return new Object[] {y, y.plus(Vector.randn(50, rng).scale(0.3))};
                        }, Expect.close(1e-9)),
                        DrillCase.random("random n = 100", 135, rng -> {
                            Vector y = Vector.randn(100, rng);
                            return new Object[] {y, y.plus(Vector.randn(100, rng).scale(0.5))};
                        }, Expect.close(1e-9)))
                .build();
    }
}
