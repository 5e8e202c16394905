package mlscratch.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import mlscratch.data.Split;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;

class CrossValidationTest {

    @Test void leaveOneOutOfTheMeanPredictorByHand() {
        // y = [1, 2, 3, 6], k = n = 4: each fold predicts the mean of the other three
        // leave out 1: mean(2,3,6) = 11/3, (1 − 11/3)² = 64/9      leave out 2: mean(1,3,6) = 10/3, (2 − 10/3)² = 16/9
        // leave out 3: mean(1,2,6) = 3,    (3 − 3)² = 0            leave out 6: mean(1,2,3) = 2,    (6 − 2)² = 16
        // mean = (64/9 + 16/9 + 0 + 16)/4 = (224/9)/4 = 56/9
        Matrix X = Matrix.of(new double[][] {{0}, {1}, {2}, {3}});
        Vector y = Vector.of(1, 2, 3, 6);
        var cv = CrossValidation.score(4, X, y, MeanRegressor::fit, Metrics::mse);
        double[] sorted = cv.scores().toArray();
        Arrays.sort(sorted);
        assertArrayEquals(new double[] {0, 16.0 / 9, 64.0 / 9, 16}, sorted, 1e-12);
        assertEquals(56.0 / 9, cv.mean(), 1e-12);
        assertEquals(cv.scores().std(), cv.std(), 0);
    }

    @Test void theHouseStyleCallShapeCompilesAndRuns() {
        // STYLE.md: CrossValidation.score(5, X, y, (Xt, yt) -> LogisticRegression.fit(Xt, yt, opts), Metrics::accuracy)
        Matrix X = Matrix.randn(20, 2, 1);
        Vector y = Vector.ofInts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
        var opts = MajorityClassifier.Options.defaults().withSmoothing(0.5);
        var cv = CrossValidation.score(5, X, y, (Xt, yt) -> MajorityClassifier.fit(Xt, yt, opts), Metrics::accuracy);
        assertEquals(5, cv.k());
        // the majority class 0 is predicted on every fold, so the pooled accuracy is 15/20 (fold sizes are equal)
        assertEquals(0.75, cv.mean(), 1e-12);
    }

    @Test void aScorerSeesTheModel() {
        Matrix X = Matrix.randn(12, 2, 2);
        Vector y = Vector.ofInts(0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 0, 1);
        Scorer<MajorityClassifier> logLoss = (m, Xt, yt) -> Metrics.logLoss(yt, m.predictProba(Xt));
        var cv = CrossValidation.score(3, X, y, MajorityClassifier::fit, logLoss, 5);
        // second route, by hand from the same folds: P(c) = (count_c in the training fold + 1) / (8 + 3)
        var folds = Split.kFold(12, 3, Rng.of(5));                 // the folds CrossValidation draws from seed 5
        for (int f = 0; f < 3; f++) {
            int[] count = new int[3];
            for (int i : folds.get(f).train()) count[(int) y.get(i)]++;
            double loss = 0;
            for (int i : folds.get(f).test()) loss -= Math.log((count[(int) y.get(i)] + 1) / 11.0);
            assertEquals(loss / folds.get(f).test().length, cv.scores().get(f), 1e-12, "fold " + f);
        }
    }

    @Test void sameSeedSameScoresAndTheSeedMatters() {
        Matrix X = Matrix.randn(30, 3, 3);
        Vector y = X.col(0).map(v -> v * v);
        var a = CrossValidation.score(5, X, y, MeanRegressor::fit, Metrics::mse, 11);
        var b = CrossValidation.score(5, X, y, MeanRegressor::fit, Metrics::mse, 11);
        var c = CrossValidation.score(5, X, y, MeanRegressor::fit, Metrics::mse, 12);
        assertEquals(a, b);
        assertTrue(!a.scores().equals(c.scores()), "another seed gives other folds");
    }

    @Test void printsFoldsMeanAndStd() {
        var r = CrossValidation.Result.of(Vector.of(1, 0.5, 0.75, 1));
        assertEquals("CrossValidation: 4 folds, score 0.8125 ± 0.2073\n  folds [1.0000, 0.5000, 0.7500, 1.0000]",
                r.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test void rejectsBadKAndMismatchedData() {
        Matrix X = Matrix.zeros(4, 1);
        Vector y = Vector.zeros(4);
        assertEquals("CrossValidation.score: 'k' must be >= 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.score(1, X, y, MeanRegressor::fit, Metrics::mse)).getMessage());
        assertEquals("CrossValidation.score: k = 5 folds exceeds the number of samples n = 4", assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.score(5, X, y, MeanRegressor::fit, Metrics::mse)).getMessage());
        assertEquals("CrossValidation.score: X has 4 rows but y has 3", assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.score(2, X, Vector.zeros(3), MeanRegressor::fit, Metrics::mse)).getMessage());
    }
}
