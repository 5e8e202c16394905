package mlscratch.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.MatrixBuffer;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.util.Check;
import mlscratch.util.Progress;

/// The mini-batch training loop, written once: the loop of [Sequential]'s example over shuffled batches,
/// with a validation split, early stopping, a progress bar and Ctrl-C.
/// ```
/// split:    perm = permutation(n, seed);  validation = first ⌊f·n⌉ rows of perm, training = the rest
/// epoch:    shuffle the training rows;  for each batch B of batchSize rows:
///               O = net(X_B);  L_B = loss(O, T_B)                        forward
///               net.zeroGrad();  net.backward(∂L_B/∂O)                   backward (only the parameter gradients)
///               optimizer.step()                                         update
///           loss[epoch] = mean over the epoch's rows of L_B;  valLoss = loss(net(X_val), T_val) in eval mode
/// stop:     after `patience` epochs without a new best monitored loss → restore the best weights
/// ```
/// The network is trained IN PLACE (it is the model); the optimizer keeps its state between calls, so
/// calling `fit` again with a few more epochs continues training (tutorial 31 draws a frame between calls).
/// No allocation per sample: the batch buffers are allocated once, and each layer reuses its own.
///
/// Ctrl-C (see [Progress]) stops after the current batch; the network keeps the weights it has, and the
/// history says so. A loss that turns NaN or infinite stops training with a note ("lower the learning rate").
public final class Trainer {
    private Trainer() {}

    /// Trains `net` on rows of `X` with targets `T` (one row per example, the network's output width).
    public static TrainingHistory fit(Sequential net, LossFunction loss, Optimizer optimizer, Matrix X, Matrix T,
                                      TrainingOptions options) {
        String where = "fit";
        Check.notNull(where, "net", net);
        Check.notNull(where, "loss", loss);
        Check.notNull(where, "optimizer", optimizer);
        Check.notNull(where, "options", options);
        Check.notNull(where, "T", T);
        Inputs.requireXy(where, X, Vector.zeros(Check.notNull(where, "X", X).rows()));
        if (T.rows() != X.rows()) throw Check.fail(where, "X has " + X.rows() + " rows but T has " + T.rows());
        T.requireFinite(where, "T");
        checkWidth(where, net, X);
        int width = net.forward(X.rows(0, 1)).cols();
        if (T.cols() != width)
            throw Check.fail(where, "T has " + T.cols() + " columns but the network outputs " + width);
        return run(net, loss, optimizer, X, T, options);
    }

    /// Trains a classifier `net` on class labels `y`: with k ≥ 2 output scores, labels 0…k−1 are one-hot
    /// encoded here (for [SoftmaxCrossEntropy]); with one output (a logit for [BinaryCrossEntropy]), labels
    /// 0/1 are the targets themselves.
    public static TrainingHistory fit(Sequential net, LossFunction loss, Optimizer optimizer, Matrix X, Vector y,
                                      TrainingOptions options) {
        String where = "fit";
        Check.notNull(where, "net", net);
        Check.notNull(where, "loss", loss);
        Check.notNull(where, "optimizer", optimizer);
        Check.notNull(where, "options", options);
        Inputs.requireXy(where, X, y);
        int k = Inputs.requireLabels(where, y);
        checkWidth(where, net, X);
        int width = net.forward(X.rows(0, 1)).cols();
        if (width == 1 && k <= 2) return run(net, loss, optimizer, X, Matrix.wrap(y.size(), 1, y.toArray()), options);
        if (k > width) throw Check.fail(where, "y has labels up to " + (k - 1) + " but the network outputs only " + width + " scores");
        return run(net, loss, optimizer, X, oneHot(y, width), options);   // X, y checked above: no second scan
    }

    /// [#fit(Sequential, LossFunction, Optimizer, Matrix, Vector, TrainingOptions)] with [TrainingOptions#defaults()].
    public static TrainingHistory fit(Sequential net, LossFunction loss, Optimizer optimizer, Matrix X, Vector y) {
        return fit(net, loss, optimizer, X, y, TrainingOptions.defaults());
    }

    private static void checkWidth(String where, Sequential net, Matrix X) {
        int d = net.inputWidth();
        if (d >= 0 && X.cols() != d)
            throw Check.fail(where, "X is " + X.shape() + " but the network's first layer expects " + d + " columns");
    }

    /// `T[i][yᵢ] = 1`, zeros elsewhere (width k).
    static Matrix oneHot(Vector y, int k) {
        double[] t = new double[y.size() * k];
        for (int i = 0; i < y.size(); i++) t[i * k + (int) y.get(i)] = 1;
        return Matrix.wrap(y.size(), k, t);
    }

    private static TrainingHistory run(Sequential net, LossFunction loss, Optimizer optimizer, Matrix X, Matrix T,
                                       TrainingOptions o) {
        int n = X.rows();
        RandomGenerator rng = Rng.of(o.seed());
        int[] perm = Rng.permutation(n, rng);
        int nVal = (int) Math.round(o.validationFraction() * n);
        if (nVal >= n) nVal = n - 1;
        int[] val = Arrays.copyOfRange(perm, 0, nVal), train = Arrays.copyOfRange(perm, nVal, n);
        int nTrain = train.length, batch = Math.min(o.batchSize(), nTrain);
        int batches = (nTrain + batch - 1) / batch;

        var Xb = MatrixBuffer.zeros(batch, X.cols());                 // the batch buffers: allocated once
        var Tb = MatrixBuffer.zeros(batch, T.cols());
        var G = MatrixBuffer.zeros(batch, T.cols());
        var lossH = new ArrayList<Double>(); var accH = new ArrayList<Double>();
        var valLossH = new ArrayList<Double>(); var valAccH = new ArrayList<Double>();
        var notes = new ArrayList<String>();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = -1, lastEpoch = -1;
        boolean hasAccuracy = true, restored = false, stopped = false;
        List<Matrix> bestWeights = null;

        net.train();
        try (var progress = Progress.start("fit", (long) o.epochs() * batches)) {
            for (int epoch = 0; epoch < o.epochs() && !stopped; epoch++) {
                lastEpoch = epoch;
                shuffle(train, rng);
                double lossSum = 0;
                long correct = 0;
                int seen = 0;
                for (int from = 0; from < nTrain; from += batch) {
                    int count = Math.min(batch, nTrain - from);
                    Xb.gatherRows(X, train, from, count);             // X_B   (count, d)
                    Tb.gatherRows(T, train, from, count);             // T_B   (count, k)
                    G.resizeRows(count);
                    MatrixBuffer out = net.forward(Xb);               // O = net(X_B)
                    double L = loss.value(out, Tb);                   // L_B
                    lossSum += L * count;
                    int c = hasAccuracy ? loss.countCorrect(out, Tb) : -1;
                    if (c < 0) hasAccuracy = false; else correct += c;
                    seen += count;
                    loss.gradientInto(out, Tb, G);                    // G = ∂L_B/∂O
                    net.zeroGrad();
                    net.backwardParams(G);                            // θ.grad = ∂L_B/∂θ
                    optimizer.step();                                 // θ ← update(θ, θ.grad)
                    progress.step(L);
                    if (!Double.isFinite(L)) break;
                    if (progress.stopped()) { stopped = true; break; }
                }
                double epochLoss = lossSum / seen;
                lossH.add(epochLoss);
                if (hasAccuracy) accH.add((double) correct / seen);
                if (stopped) {
                    notes.add("stopped by Ctrl-C in epoch " + (epoch + 1) + "; the network keeps its weights so far");
                    break;
                }
                if (!Double.isFinite(epochLoss)) {
                    notes.add("the loss became " + epochLoss + " in epoch " + (epoch + 1) + ": lower the learning rate");
                    break;
                }
                double monitored = epochLoss;
                if (nVal > 0) {
                    double[] e = evaluate(net, loss, X, T, val, batch);
                    valLossH.add(e[0]);
                    if (e[1] >= 0) valAccH.add(e[1]);
                    monitored = e[0];
                }
                if (monitored < best) {
                    best = monitored;
                    bestEpoch = epoch;
                    if (o.patience() > 0) bestWeights = net.snapshot();
                } else if (o.patience() > 0 && epoch - bestEpoch >= o.patience()) {
                    net.load(bestWeights);
                    restored = true;
                    notes.add("early stopping after epoch " + (epoch + 1) + ": no better " + (nVal > 0 ? "validation" : "training")
                            + " loss for " + o.patience() + " epochs; restored the weights of epoch " + (bestEpoch + 1));
                    break;
                }
            }
        } finally {
            net.train();
        }
        return new TrainingHistory(vector(lossH), vector(accH), vector(valLossH), vector(valAccH),
                restored ? bestEpoch : Math.max(lastEpoch, 0), notes);
    }

    /// Mean loss and accuracy (−1 for regression) over rows `rows` of X, T in evaluation mode, in batches.
    static double[] evaluate(Sequential net, LossFunction loss, Matrix X, Matrix T, int[] rows, int batch) {
        net.eval();
        var Xb = MatrixBuffer.zeros(batch, X.cols());
        var Tb = MatrixBuffer.zeros(batch, T.cols());
        double s = 0;
        long correct = 0;
        for (int from = 0; from < rows.length; from += batch) {
            int count = Math.min(batch, rows.length - from);
            Xb.gatherRows(X, rows, from, count);
            Tb.gatherRows(T, rows, from, count);
            MatrixBuffer out = net.forward(Xb);
            s += loss.value(out, Tb) * count;
            int c = loss.countCorrect(out, Tb);
            correct = c < 0 || correct < 0 ? -1 : correct + c;
        }
        net.train();
        return new double[] {s / rows.length, correct < 0 ? -1 : (double) correct / rows.length};
    }

    /// A network's mean loss and accuracy on a data set.
    ///
    /// @param loss     mean loss over the rows
    /// @param accuracy share of rows whose predicted class is the target's, NaN for regression losses
    public record Evaluation(double loss, double accuracy) {}

    /// Mean loss and accuracy of `net` on all of X, T, in evaluation mode (dropout off); the network is left
    /// in training mode.
    /// ```
    /// Trainer.evaluate(net, new SoftmaxCrossEntropy(), Xtest, Ttest)   // Evaluation[loss=0.3712, accuracy=0.8671]
    /// ```
    public static Evaluation evaluate(Sequential net, LossFunction loss, Matrix X, Matrix T) {
        Check.notNull("evaluate", "net", net);
        Check.notNull("evaluate", "loss", loss);
        Check.notNull("evaluate", "X", X);
        Check.notNull("evaluate", "T", T);
        if (X.rows() != T.rows()) throw Check.fail("evaluate", "X has " + X.rows() + " rows but T has " + T.rows());
        if (X.rows() == 0) throw Check.fail("evaluate", "X is empty (0 rows)");
        X.requireFinite("evaluate", "X");
        checkWidth("evaluate", net, X);
        int[] all = new int[X.rows()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        double[] e = evaluate(net, loss, X, T, all, 256);
        return new Evaluation(e[0], e[1] < 0 ? Double.NaN : e[1]);
    }

    /// [#evaluate(Sequential, LossFunction, Matrix, Matrix)] with class labels (one-hot encoded, or 0/1 for one logit).
    public static Evaluation evaluate(Sequential net, LossFunction loss, Matrix X, Vector y) {
        Check.notNull("evaluate", "net", net);
        int k = Inputs.requireLabels("evaluate", y);
        checkWidth("evaluate", net, Check.notNull("evaluate", "X", X));
        int width = net.forward(X.rows(0, 1)).cols();
        if (width == 1 && k <= 2) return evaluate(net, loss, X, Matrix.wrap(y.size(), 1, y.toArray()));
        if (k > width) throw Check.fail("evaluate", "y has labels up to " + (k - 1) + " but the network outputs only " + width + " scores");
        return evaluate(net, loss, X, oneHot(y, width));
    }

    private static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {                      // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }

    private static Vector vector(List<Double> xs) {
        double[] v = new double[xs.size()];
        for (int i = 0; i < v.length; i++) v[i] = xs.get(i);
        return Vector.wrap(v);
    }
}
