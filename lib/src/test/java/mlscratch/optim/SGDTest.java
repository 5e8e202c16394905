package mlscratch.optim;

import static mlscratch.optim.UpdateRuleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

class SGDTest {

    // y = X·[1, −2, 0.5] + 0.1·noise, 200 rows; the least-squares minimum w* = lstsq(X, y)
    static final Matrix X = Matrix.randn(200, 3, 7);
    static final Vector y = X.times(Vector.of(1, -2, 0.5)).plus(Vector.randn(200, 8).scale(0.1));
    static final StochasticObjective f = Objectives.leastSquares(X, y);
    static final Vector wStar = X.lstsq(y);

    @Test void everyRuleReachesTheLeastSquaresMinimum() {
        var base = SGD.Options.defaults().withBatchSize(10).withEpochs(100).withSchedule(Schedule.exponential(0.93));
        List<UpdateRule> rules = List.of(new UpdateRule.Plain(0.05), new UpdateRule.Momentum(0.01, 0.9),
                new UpdateRule.Nesterov(0.01, 0.9), new UpdateRule.AdaGrad(0.3, 1e-8),
                new UpdateRule.RMSProp(0.01, 0.9, 1e-8), UpdateRule.Adam.of(0.05));
        for (var rule : rules) {
            var r = SGD.minimize(f, Vector.zeros(3), base.withRule(rule));
            assertTrue(r.w().isClose(wStar, 1e-3), rule + ": " + r.w() + " vs " + wStar);
            assertEquals(100, r.trace().iterations());
        }
    }

    @Test void sameSeedGivesTheSameResult() {
        var options = SGD.Options.defaults().withRule(new UpdateRule.Momentum(0.01, 0.9)).withEpochs(5).withSeed(3);
        var a = SGD.minimize(f, Vector.zeros(3), options);
        var b = SGD.minimize(f, Vector.zeros(3), options);
        assertEquals(a.w(), b.w());
        assertEquals(a.trace(), b.trace());
        assertNotEquals(a.w(), SGD.minimize(f, Vector.zeros(3), options.withSeed(4)).w());
    }

    @Test void oneBatchOfAllRowsIsGradientDescent() {
        // batchSize ≥ n: every epoch is one full-gradient step, whatever the shuffle order (up to rounding)
        var sgd = SGD.minimize(f, Vector.zeros(3), SGD.Options.defaults().withRule(new UpdateRule.Plain(0.1)).withBatchSize(500).withEpochs(7));
        var gd = GradientDescent.minimize(f, Vector.zeros(3), GradientDescent.Options.defaults().withTol(0).withMaxIter(7));
        assertTrue(sgd.w().isClose(gd.w(), 1e-12), sgd.w() + " vs " + gd.w());
    }

    @Test void earlyStoppingRestoresTheBestWeights() {
        // validation on other targets: y' = X·[0, 0, 0]; from w = 0 every step moves away from its minimum
        var validation = Objectives.leastSquares(X, Vector.zeros(200));
        var options = SGD.Options.defaults().withRule(new UpdateRule.Plain(0.05)).withEpochs(50)
                .withEarlyStopping(new EarlyStopping(validation, 4, true));
        var r = SGD.minimize(f, Vector.zeros(3), options);
        var m = Pattern.compile("stopped early at epoch (\\d+), restored best epoch (\\d+)").matcher(r.trace().notes().getFirst());
        assertTrue(m.matches(), r.trace().toString());
        assertEquals(5, Integer.parseInt(m.group(1)));
        assertEquals(1, Integer.parseInt(m.group(2)));
        // two routes: the restored weights are those after one epoch with the same seed
        assertEquals(SGD.minimize(f, Vector.zeros(3), options.withEarlyStopping(null).withEpochs(1)).w(), r.w());
    }

    @Test void ctrlCReturnsTheWeightsSoFar() {
        Thread.currentThread().interrupt();
        try {
            var r = SGD.minimize(f, Vector.zeros(3));
            assertEquals(List.of("stopped by Ctrl-C in epoch 1 after 32 of 200 rows"), r.trace().notes());   // one batch
            assertEquals(1, r.trace().iterations());
        } finally {
            Thread.interrupted();
        }
    }

    @Test void badOptionsNameTheParameter() {
        var d = SGD.Options.defaults();
        assertMessage(() -> d.withBatchSize(0), "SGD.Options: 'batchSize' must be > 0, got 0");
        assertMessage(() -> d.withEpochs(-2), "SGD.Options: 'epochs' must be > 0, got -2");
        assertMessage(() -> d.withSchedule(null), "'schedule' must not be null");
    }
}
