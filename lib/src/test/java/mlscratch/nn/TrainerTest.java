package mlscratch.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import mlscratch.data.Generators;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.MatrixBuffer;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.optim.UpdateRule;
import mlscratch.util.Progress;

/// The training loop, the optimizers and the fit conveniences: XOR is learned, same seed ⇒ same weights,
/// each in-place optimizer equals [UpdateRule]'s pure step, bad input fails naming the shapes or the NaN.
class TrainerTest {
    static final Matrix XOR_X = Matrix.of(4, 2, 0, 0, 0, 1, 1, 0, 1, 1);
    static final Vector XOR_Y = Vector.of(0, 1, 1, 0);

    static void rejects(String fragment, Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" should contain \"" + fragment + "\"");
    }

    static Sequential xorNet(long seed) {
        return new Sequential(new Dense(2, 8, Init.xavier(), seed), new Tanh(), new Dense(8, 1, Init.xavier(), seed + 1));
    }

    @Test void handWrittenLoopLearnsXor() {
        var net = xorNet(1);
        var loss = new BinaryCrossEntropy();
        var opt = Optimizer.adam(net.params(), 0.05);
        var X = MatrixBuffer.copyOf(XOR_X);
        var T = MatrixBuffer.copyOf(Matrix.wrap(4, 1, XOR_Y.toArray()));
        double first = loss.value(net.forward(X), T);
        for (int epoch = 0; epoch < 500; epoch++) {
            var out = net.forward(X);
            net.zeroGrad();
            net.backward(loss.gradient(out, T));
            opt.step();
        }
        var out = net.forward(X);
        double last = loss.value(out, T);
        assertTrue(last < 0.05 && last < first, "loss " + first + " → " + last);
        assertEquals(4, loss.countCorrect(out, T));
    }

    @Test void fitConvenienceLearnsXorWithIntegerLabels() {
        var m = MLPClassifier.fit(XOR_X, XOR_Y, MLPOptions.defaults().withHidden(8).withEpochs(300).withBatchSize(4)
                .withStandardize(false).withActivation(Tanh::new).withL2(0));
        assertEquals(XOR_Y, m.predict(XOR_X));
        assertEquals(XOR_Y, m.network().predictClasses(XOR_X));                // argmax of the two scores
        Matrix P = m.predictProba(XOR_X);
        for (int i = 0; i < 4; i++) assertEquals(1, P.get(i, 0) + P.get(i, 1), 1e-12);
        assertTrue(m.history().accuracy().get(m.history().epochs() - 1) == 1.0, m.history().toString());
    }

    @Test void oneLogitNetworksTrainOnZeroOneLabelsDirectly() {
        var net = xorNet(3);
        var h = Trainer.fit(net, new BinaryCrossEntropy(), Optimizer.adam(net.params(), 0.05), XOR_X, XOR_Y,
                TrainingOptions.defaults().withEpochs(400).withBatchSize(4));
        assertEquals(1.0, h.accuracy().get(h.epochs() - 1), h.toString());
        assertEquals(XOR_Y, net.predictClasses(XOR_X));
        var e = Trainer.evaluate(net, new BinaryCrossEntropy(), XOR_X, XOR_Y);
        assertEquals(1.0, e.accuracy());
        assertEquals(new BinaryCrossEntropy().value(net.forward(MatrixBuffer.copyOf(XOR_X)),
                MatrixBuffer.copyOf(Matrix.wrap(4, 1, XOR_Y.toArray()))), e.loss(), 1e-15);
    }

    @Test void sameSeedGivesIdenticalWeightsAndHistory() {
        var ds = Generators.moons(60, 0.2, 3);
        var opts = MLPOptions.defaults().withEpochs(5).withValidationFraction(0.2).withSeed(9);
        var a = MLPClassifier.fit(ds.X(), ds.y(), opts);
        var b = MLPClassifier.fit(ds.X(), ds.y(), opts);
        assertEquals(a.network().snapshot(), b.network().snapshot());
        assertEquals(a.history(), b.history());
        assertEquals(a, b);
        var c = MLPClassifier.fit(ds.X(), ds.y(), opts.withSeed(10));
        assertNotEquals(a.network().snapshot(), c.network().snapshot());
    }

    @Test void dropoutWithTheSameSeedTrainsTheSameWeights() {
        var ds = Generators.moons(40, 0.2, 3);
        List<Matrix> w[] = new List[2];
        for (int r = 0; r < 2; r++) {
            var net = new Sequential(new Dense(2, 16, Init.he(), 1), new ReLU(), new Dropout(0.3, 5), new Dense(16, 2, Init.xavier(), 2));
            Trainer.fit(net, new SoftmaxCrossEntropy(), Optimizer.sgd(net.params(), 0.1), ds.X(), ds.y(),
                    TrainingOptions.defaults().withEpochs(3).withBatchSize(8));
            w[r] = net.snapshot();
        }
        assertEquals(w[0], w[1]);
    }

    @Test void ruleOptimizerEqualsUpdateRuleStepForEveryRule() {
        List<UpdateRule> rules = List.of(new UpdateRule.Plain(0.1), new UpdateRule.Momentum(0.1, 0.9),
                new UpdateRule.Nesterov(0.1, 0.9), new UpdateRule.AdaGrad(0.1, 1e-8),
                new UpdateRule.RMSProp(0.01, 0.9, 1e-8), UpdateRule.Adam.of(0.01));
        var rng = Rng.of(4);
        for (UpdateRule rule : rules) {
            Matrix w0 = Matrix.randn(3, 2, rng);
            var p = new Param("W", MatrixBuffer.copyOf(w0), true);
            var opt = Optimizer.of(rule, List.of(p), 0);
            var s = UpdateRule.State.start(w0.flatten());
            for (int t = 0; t < 4; t++) {
                Matrix g = Matrix.randn(3, 2, rng);
                p.grad().copyFrom(g);
                opt.step();
                s = rule.step(s, g.flatten());
                assertTrue(p.value().isClose(Matrix.wrap(3, 2, s.w().toArray()), 1e-13), rule + " step " + t);
            }
        }
    }

    @Test void weightDecayAddsLambdaWToTheWeightsOnly() {
        // one plain step with λ = 0.5, η = 0.1 from w = 2, g = 1: g ← 1 + 0.5·2 = 2, w ← 2 − 0.1·2 = 1.8; bias: 2 − 0.1 = 1.9
        var W = new Param("W", MatrixBuffer.zeros(1, 1).fill(2), true);
        var b = new Param("b", MatrixBuffer.zeros(1, 1).fill(2), false);
        W.grad().fill(1);
        b.grad().fill(1);
        Optimizer.of(new UpdateRule.Plain(0.1), List.of(W, b), 0.5).step();
        assertEquals(1.8, W.value().get(0, 0), 1e-15);
        assertEquals(1.9, b.value().get(0, 0), 1e-15);
    }

    @Test void regressorFitsALineAndMapsTheTargetBack() {
        var rng = Rng.of(2);
        Matrix X = Matrix.random(80, 1, rng).scale(4);
        Vector y = X.col(0).scale(30).plus(500);                                // y = 30x + 500: far from unit scale
        var m = MLPRegressor.fit(X, y, MLPOptions.defaults().withHidden().withEpochs(200).withL2(0));
        Vector r = m.predict(X).minus(y);
        assertTrue(Math.sqrt(r.dot(r) / 80) < 1.0, "rmse " + Math.sqrt(r.dot(r) / 80));
    }

    @Test void earlyStoppingRestoresTheBestEpoch() {
        var ds = Generators.moons(80, 0.3, 3);
        var opts = MLPOptions.defaults().withHidden(64).withEpochs(300).withValidationFraction(0.25).withPatience(5)
                .withRule(UpdateRule.Adam.of(0.05)).withL2(0);
        var m = MLPClassifier.fit(ds.X(), ds.y(), opts);
        var h = m.history();
        assertTrue(h.epochs() < 300, h.toString());
        assertTrue(h.notes().getFirst().startsWith("early stopping"), h.toString());
        assertEquals(h.valLoss().min(), h.valLoss().get(h.bestEpoch()), 0.0);
        assertEquals(h.epochs() - 1 - 5, h.bestEpoch());
    }

    @Test void ctrlCStopsTrainingKeepingAUsableModel() {
        var ds = Generators.moons(100, 0.2, 3);
        Progress.requestStop();
        MLPClassifier m;
        try {
            m = MLPClassifier.fit(ds.X(), ds.y(), MLPOptions.defaults().withEpochs(50));
        } finally {
            Progress.clearStop();
        }
        assertEquals(1, m.history().epochs());
        assertTrue(m.history().notes().getFirst().contains("Ctrl-C"), m.history().toString());
        m.predict(ds.X()).requireFinite("test", "yHat");
    }

    @Test void divergingLossIsNotedNotThrown() {
        var net = new Sequential(new Dense(2, 4, Init.he(), 1), new ReLU(), new Dense(4, 1, Init.he(), 2));
        var X = Matrix.randn(32, 2, 3).scale(1e100);
        var h = Trainer.fit(net, new MeanSquaredError(), Optimizer.sgd(net.params(), 10), X, Matrix.ones(32, 1).scale(1e100),
                TrainingOptions.defaults());
        assertTrue(h.notes().getFirst().contains("lower the learning rate"), h.toString());
    }

    @Test void badInputFailsNamingTheShapesOrTheValue() {
        var net = xorNet(1);
        rejects("Dense.forward: X is 4×3 but W is 2×8 (X.cols must equal W.rows = 2)",
                () -> net.forward(MatrixBuffer.zeros(4, 3)));
        rejects("forward: X[1][0] is NaN", () -> net.forward(XOR_X.with(1, 0, Double.NaN)));
        rejects("forward: X is 4×3 but the network's first layer expects 2 columns", () -> net.forward(Matrix.zeros(4, 3)));
        rejects("fit: X is 4×3 but the network's first layer expects 2 columns", () -> Trainer.fit(net, new BinaryCrossEntropy(),
                Optimizer.sgd(net.params(), 0.1), Matrix.zeros(4, 3), XOR_Y));
        var loss = new SoftmaxCrossEntropy();
        rejects("output is 4×2 but target is 4×3", () -> loss.value(MatrixBuffer.zeros(4, 2), MatrixBuffer.zeros(4, 3)));
        var opt = Optimizer.sgd(net.params(), 0.1);
        rejects("fit: T has 2 columns but the network outputs 1",
                () -> Trainer.fit(net, new BinaryCrossEntropy(), opt, XOR_X, Matrix.zeros(4, 2), TrainingOptions.defaults()));
        rejects("fit: X has 4 rows but T has 3",
                () -> Trainer.fit(net, new BinaryCrossEntropy(), opt, XOR_X, Matrix.zeros(3, 1), TrainingOptions.defaults()));
        rejects("fit: y has labels up to 2 but the network outputs only 1 scores",
                () -> Trainer.fit(net, new BinaryCrossEntropy(), opt, XOR_X, Vector.of(0, 1, 2, 0), TrainingOptions.defaults()));
        rejects("fit: y[1] = 0.5 is not a class index",
                () -> Trainer.fit(net, new BinaryCrossEntropy(), opt, XOR_X, Vector.of(0, 0.5, 1, 0), TrainingOptions.defaults()));
        rejects("fit: X[2][1] is NaN",
                () -> MLPClassifier.fit(XOR_X.with(2, 1, Double.NaN), XOR_Y));
        rejects("'batchSize' must be > 0", () -> TrainingOptions.defaults().withBatchSize(0));
        rejects("'p' must be in [0, 1)", () -> new Dropout(1, 1));
        rejects("Sequential: layer 1 is null", () -> new Sequential(new ReLU(), null));
        var relu = new ReLU();
        rejects("Sequential: layer 1 is layer 0 again", () -> new Sequential(relu, relu));
    }

    @Test void dropoutIsIdentityInEvalModeAndKeepsTheMeanInTraining() {
        var X = MatrixBuffer.copyOf(Matrix.ones(200, 50));
        var drop = new Dropout(0.4, 1);
        double mean = drop.forward(X).toMatrix().mean();                       // E[x·M] = 1
        assertEquals(1, mean, 0.05);
        drop.training(false);
        assertEquals(Matrix.ones(200, 50), drop.forward(X).toMatrix());
    }

    @Test void historyPrintsOneRowPerEpoch() {
        var m = MLPClassifier.fit(XOR_X, XOR_Y, MLPOptions.defaults().withEpochs(3).withBatchSize(2));
        String s = m.history().toString();
        assertTrue(s.startsWith("TrainingHistory: 3 epochs"), s);
        assertEquals(5, s.lines().count(), s);                                 // title, header, three epochs
    }
}
