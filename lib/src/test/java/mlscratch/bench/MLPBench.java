package mlscratch.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.*;

import mlscratch.data.Dataset;
import mlscratch.data.Datasets;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.nn.*;
import smile.classification.MLP;
import smile.model.mlp.Layer;
import smile.model.mlp.OutputFunction;
import smile.util.function.TimeFunction;

/// One epoch of a 784-128(ReLU)-10 softmax network on Fashion-MNIST (60 000 images, pixels / 255), batch 64,
/// SGD with learning rate 0.01 and momentum 0.9: mlscratch (`Trainer.fit`) beside Smile's `MLP` (mini-batch
/// `update`) in one JVM, each from freshly initialised weights, same seeded batch order per epoch.
///
/// ```
/// scripts/bench MLPBench
/// ```
/// Quality (setup, once): both train 5 epochs and print their test accuracy; mlscratch must reach ≥ 0.86
/// (PERF.md: both peers reach ≈ 0.866), so a fast wrong answer cannot win.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class MLPBench {
    static final int BATCH = 64, HIDDEN = 128, CLASSES = 10;
    static final double LR = 0.01, MOMENTUM = 0.9;

    Matrix X, Xtest;
    Vector y, ytest;
    double[][] x;
    int[] labels;
    long seed = 1;

    @Setup(Level.Trial) public void setup() {
        var data = Datasets.fashionMnist();
        Dataset train = data.train(), test = data.test();
        X = train.X();
        y = train.y();
        Xtest = test.X();
        ytest = test.y();
        x = X.toArray2D();
        labels = new int[y.size()];
        for (int i = 0; i < labels.length; i++) labels[i] = (int) y.get(i);

        var ours = network(7);
        var opt = Optimizer.momentum(ours.params(), LR, MOMENTUM);
        Trainer.fit(ours, new SoftmaxCrossEntropy(), opt, X, y, options(7).withEpochs(5));
        double accOurs = accuracy(ours.predict(Xtest).argmax(1));
        MLP smile = smileNetwork();
        for (int e = 0; e < 5; e++) smileEpoch(smile, 7 + e);
        int[] pred = new int[Xtest.rows()];
        double[][] xt = Xtest.toArray2D();
        for (int i = 0; i < pred.length; i++) pred[i] = smile.predict(xt[i]);
        double accSmile = accuracy(pred);
        System.out.printf(Locale.ROOT, "%n  test accuracy after 5 epochs: mlscratch %.4f, smile %.4f%n", accOurs, accSmile);
        if (accOurs < 0.86) throw new IllegalStateException("mlscratch reached only " + accOurs + " test accuracy (< 0.86)");
    }

    double accuracy(int[] pred) {
        int ok = 0;
        for (int i = 0; i < pred.length; i++) if (pred[i] == (int) ytest.get(i)) ok++;
        return (double) ok / pred.length;
    }

    static Sequential network(long seed) {
        var rng = Rng.of(seed);
        return new Sequential(new Dense(784, HIDDEN, Init.he(), rng), new ReLU(), new Dense(HIDDEN, CLASSES, Init.xavier(), rng));
    }

    static TrainingOptions options(long seed) { return TrainingOptions.defaults().withEpochs(1).withBatchSize(BATCH).withSeed(seed); }

    static MLP smileNetwork() {
        var m = new MLP(Layer.input(784), Layer.rectifier(HIDDEN), Layer.mle(CLASSES, OutputFunction.SOFTMAX));
        m.setLearningRate(TimeFunction.constant(LR));
        m.setMomentum(TimeFunction.constant(MOMENTUM));
        return m;
    }

    /// One epoch of Smile's mini-batch updates in a seeded shuffled order.
    void smileEpoch(MLP m, long seed) {
        int n = x.length;
        int[] perm = Rng.permutation(n, Rng.of(seed));
        for (int from = 0; from < n; from += BATCH) {
            int count = Math.min(BATCH, n - from);
            double[][] bx = new double[count][];
            int[] by = new int[count];
            for (int r = 0; r < count; r++) {
                bx[r] = x[perm[from + r]];
                by[r] = labels[perm[from + r]];
            }
            m.update(bx, by);
        }
    }

    @Benchmark public Sequential mlscratch() {
        var net = network(seed);
        Trainer.fit(net, new SoftmaxCrossEntropy(), Optimizer.momentum(net.params(), LR, MOMENTUM), X, y, options(seed++));
        return net;
    }

    @Benchmark public MLP smile() {
        MLP m = smileNetwork();
        smileEpoch(m, seed++);
        return m;
    }
}
