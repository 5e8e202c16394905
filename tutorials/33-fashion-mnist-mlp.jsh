// 33 · Fashion-MNIST with a 784-128-10 MLP: curves, confusion matrix, mistakes, L2 and dropout
// Run it in the shell with  /open tutorials/33-fashion-mnist-mlp.jsh   (on a terminal each cell waits for
// Enter; r runs the rest, q stops pausing). Seventy thousand 28×28 grey images of clothing in ten classes.
// One hidden layer of 128 ReLUs is enough for about 87 % test accuracy in a few epochs. We train it with the
// loop of tutorials 30–31, watch the loss and accuracy curves, read the confusion matrix, look at the
// mistakes, and see what weight decay and dropout do when the training set is small.
// Opened in the shell it uses all 60 000 training images (5 epochs, a minute or two; Ctrl-C stops a training
// and keeps the weights so far); in the test suite (headless) 3 000 images and 2 epochs.

// ━━━ Cell 1 · The data ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "The data");
// Each image is one row of 784 pixels (pixel (r, c) is column 28r + c), scaled to 0…1, 0 = background.
// Needs the IDX files: Debian's package dataset-fashion-mnist, or Datasets.downloadFashionMnist().
boolean quick = headless();
var fashion = quick ? Datasets.fashionMnist(3000, 1000) : Datasets.fashionMnist();
var train = fashion.train();
var test = fashion.test();
var Xtr = train.X();                                   // (n, 784)
var ytr = train.y();
var Xte = test.X();
var yte = test.y();
var names = train.classNames();
show("train", train);
Plot.images(Xtr.rows(0, 32), 28, 28, 8, ytr.slice(0, 32), names).withTitle("the first 32 training images").show();
check("784 pixels in [0, 1], ten classes", Xtr.cols() == 784 && Xtr.min() >= 0 && Xtr.max() <= 1 && names.size() == 10);

// ━━━ Cell 2 · The network: 784 → 128 → 10 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "The network: 784 → 128 → 10");
//     X̃ = (X − μ)/s              (batch, 784)      Standardize: μ, s per pixel from the training images, fixed
//     H = ReLU(X̃·W₁ + b₁)        (batch, 128)      W₁ 784×128, He initialisation N(0, 2/784)
//     Z = H·W₂ + b₂              (batch, 10)       W₂ 128×10, Xavier; Z are the class scores (logits)
//     L = −(1/n) Σᵢ log softmax(Zᵢ)_yᵢ             SoftmaxCrossEntropy works on the logits (log-sum-exp inside)
// Parameters: 784·128 + 128 + 128·10 + 10 = 100 352 + 128 + 1 280 + 10 = 101 770 (Standardize trains none).
// `mlp` takes the scaler (null: raw pixels) and a dropout probability (0: none) for cell 7.
// `net.predictClasses(X)` gives ŷᵢ = argmax_c Zᵢc, in evaluation mode (no dropout).
Sequential mlp(Standardize scaler, double dropout, long seed) {
    var rng = Rng.of(seed);
    var layers = new ArrayList<Layer>();
    if (scaler != null) layers.add(scaler);
    layers.add(new Dense(784, 128, Init.he(), rng));
    layers.add(new ReLU());
    if (dropout > 0) layers.add(new Dropout(dropout, seed + 1));
    layers.add(new Dense(128, 10, Init.xavier(), rng));
    return new Sequential(layers);
}
var net = mlp(Standardize.fit(Xtr), 0, 42);
IO.println(net);
double chance = Metrics.accuracy(yte, net.predictClasses(Xte));
show("test accuracy before training", chance);
check("101 770 parameters", net.paramCount() == 101_770);
check("untrained, it is about as good as guessing (< 25 %)", chance < 0.25);

// ━━━ Cell 3 · Training, epoch by epoch, with a validation split ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "Training, epoch by epoch, with a validation split");
// Adam on mini-batches of 32; 10 % of the training images are held out to measure the validation loss and
// accuracy after each epoch (the same seed every call keeps the same held-out rows). We call Trainer.fit one
// epoch at a time to lower the learning rate between epochs, η_e = 0.001·0.6^e: big steps first, then
// smaller ones that settle instead of rattling around the minimum (worth about a point of accuracy here).
// Training numbers are averaged over the epoch's batches while the weights move (as Keras reports them).
int epochs = quick ? 2 : 5;
var opt = Optimizer.adam(net.params(), 0.001);
var perEpoch = TrainingOptions.defaults().withEpochs(1).withBatchSize(32).withValidationFraction(0.1).withSeed(1);
var histories = new ArrayList<TrainingHistory>();
for (int e = 0; e < epochs; e++) {
    opt.setLearningRate(0.001 * Math.pow(0.6, e));                        // η_e = 0.001·0.6^e
    var h = Trainer.fit(net, new SoftmaxCrossEntropy(), opt, Xtr, ytr, perEpoch);
    histories.add(h);
    if (!h.notes().isEmpty()) { IO.println(h.notes()); break; }          // Ctrl-C (or a NaN loss): stop here
}
Vector curve(Function<TrainingHistory, Vector> part) {
    return Vector.wrap(histories.stream().mapToDouble(h -> part.apply(h).get(0)).toArray());
}
var history = new TrainingHistory(curve(TrainingHistory::loss), curve(TrainingHistory::accuracy),
        curve(TrainingHistory::valLoss), curve(TrainingHistory::valAccuracy), histories.size() - 1, List.of());
show("history", history);
var epochAxis = Vector.range(history.epochs()).plus(1);
var lossCurves = new LinkedHashMap<String, Vector>();
lossCurves.put("train", history.loss());
lossCurves.put("validation", history.valLoss());
Plot.lines(epochAxis, lossCurves).withTitle("cross-entropy per epoch").withLabels("epoch", "loss").show();
var accCurves = new LinkedHashMap<String, Vector>();
accCurves.put("train", history.accuracy());
accCurves.put("validation", history.valAccuracy());
Plot.lines(epochAxis, accCurves).withTitle("accuracy per epoch").withLabels("epoch", "accuracy").show();
check("the training loss went down every epoch", IntStream.range(1, history.epochs()).allMatch(e -> history.loss().get(e) < history.loss().get(e - 1)));
check("validation accuracy above 70 % after the first epoch", history.valAccuracy().get(0) > 0.7);

// ━━━ Cell 4 · Test accuracy ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "Test accuracy");
// The test images were never seen, not even for early stopping: this is the honest number. With all
// 60 000 images and 5 epochs, expect about 0.87.
var yHat = net.predictClasses(Xte);
double acc = Metrics.accuracy(yte, yHat);
show("test accuracy", acc);
check(quick ? "3 000 images, 2 epochs: test accuracy ≥ 0.78" : "60 000 images, 5 epochs: test accuracy ≥ 0.86", acc >= (quick ? 0.78 : 0.86));

// ━━━ Cell 5 · The confusion matrix ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "The confusion matrix");
// Row = true class, column = predicted class. The diagonal holds the correct answers; the big numbers off it
// are the pairs the network mixes up — shirts, T-shirts, pullovers and coats look alike at 28×28.
var cm = ConfusionMatrix.of(yte, yHat, names);
show("confusion matrix", cm);
Plot.confusionMatrix(cm.counts(), names).withTitle("Fashion-MNIST, 784-128-10 MLP (test set)").show();
int worstT = 0, worstP = 1;
for (int t = 0; t < 10; t++)
    for (int p = 0; p < 10; p++)
        if (t != p && cm.count(t, p) > cm.count(worstT, worstP)) { worstT = t; worstP = p; }
IO.println("most frequent mistake: " + names.get(worstT) + " taken for " + names.get(worstP) + " (" + (int) cm.count(worstT, worstP) + " times)");
checkClose("the diagonal share of the matrix is the accuracy", cm.accuracy(), acc, 1e-12);
check("the most frequent mistake is between two tops (T-shirt, pullover, coat, shirt)",
        Set.of(0, 2, 4, 6).containsAll(List.of(worstT, worstP)));

// ━━━ Cell 6 · What it gets wrong ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "What it gets wrong");
// The first 32 misclassified test images, each labelled with the class the network PREDICTED. Many are hard
// even for a person: a shirt without visible buttons, a sandal seen from the side.
int[] wrong = IntStream.range(0, yte.size()).filter(i -> yHat.get(i) != yte.get(i)).toArray();
int[] firstWrong = Arrays.copyOf(wrong, Math.min(32, wrong.length));
var mistakes = Plot.images(Xte.selectRows(firstWrong), 28, 28, 8, yHat.select(firstWrong), names);
mistakes.withTitle("misclassified test images (label = the network's guess)").show();
show("misclassified", wrong.length + " of " + yte.size());
check("the misclassified count is n·(1 − accuracy)", wrong.length == Math.round(yte.size() * (1 - acc)));

// ━━━ Cell 7 · Small data: overfitting, L2 and dropout ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "Small data: overfitting, L2 and dropout");
// With few images and many epochs the network memorises its training set: training accuracy → 100 %,
// while test accuracy stalls. Two cures, each one line:
//     L2 weight decay:  L + ½λ Σ‖W‖²   →  g ← g + λw in the optimizer        (shrinks every weight)
//     dropout:          H ← H ⊙ M/(1 − p), M ~ Bernoulli(1 − p), in training   (no unit can be relied on alone)
// Same start (seed 7), the same 500 images (raw pixels), 30 epochs of Adam (η = 0.002); only the regulariser changes.
// (A second or so per training: the same in the shell and in the test suite.)
int nSmall = 500, epochsSmall = 30;
var Xs = Xtr.rows(0, nSmall);
var ys = ytr.slice(0, nSmall);
record Run(String name, double trainAcc, double testAcc, double weightNorm) {}
Run run(String name, double dropout, double l2) {
    var m = mlp(null, dropout, 7);                            // raw pixels: no scaler
    var o = Optimizer.of(UpdateRule.Adam.of(0.002), m.params(), l2);
    Trainer.fit(m, new SoftmaxCrossEntropy(), o, Xs, ys, TrainingOptions.defaults().withEpochs(epochsSmall).withBatchSize(32).withSeed(3));
    double norm = Math.sqrt(m.params().stream().filter(Param::decay).mapToDouble(p -> p.value().sumOfSquares()).sum());
    return new Run(name, Metrics.accuracy(ys, m.predictClasses(Xs)), Metrics.accuracy(yte, m.predictClasses(Xte)), norm);
}
var plain = run("plain", 0, 0);
var l2 = run("L2 λ = 0.01", 0, 0.01);
var drop = run("dropout p = 0.5", 0.5, 0);
for (var r : List.of(plain, l2, drop))
    IO.println("%-16s train %.3f   test %.3f   gap %.3f   ‖W‖ %.1f".formatted(r.name(), r.trainAcc(), r.testAcc(), r.trainAcc() - r.testAcc(), r.weightNorm()));
check("without a regulariser the network memorises: training accuracy ≥ 97 %", plain.trainAcc() >= 0.97);
check("L2 keeps the weights smaller", l2.weightNorm() < plain.weightNorm());
check("L2 narrows the train–test gap", l2.trainAcc() - l2.testAcc() < plain.trainAcc() - plain.testAcc());
check("dropout narrows the train–test gap", drop.trainAcc() - drop.testAcc() < plain.trainAcc() - plain.testAcc());

// ━━━ Cell 8 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "Your turn");
// Try:
//     MLPClassifier.fit(Xtr, ytr, MLPOptions.defaults().withHidden(256, 128).withEpochs(5).withBatchSize(64)
//             .withRule(UpdateRule.Adam.of(0.001)))                  the same in one line, deeper
//     Plot.network(List.of(((Dense) net.layers().get(1)).W().value().toMatrix(),
//             ((Dense) net.layers().get(3)).W().value().toMatrix())).show()   the trained weights as a graph (tutorial 32)
//     Plot.images(((Dense) net.layers().get(1)).W().value().toMatrix().transpose().rows(0, 32), 28, 28, 8).show()
//                                                                         what the first 32 hidden units look for
//     run("both", 0.5, 0.01)                                             dropout and L2 together
IO.println("Done. `net`, `history`, `cm`, `plain`, `l2`, `drop` are yours to explore.");
