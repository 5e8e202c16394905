// 31 · Spirals: depth, activations, initialisation and learning rate, watched as the regions grow
// Run it in the shell with  /open tutorials/31-spirals.jsh   (on a terminal each cell waits for Enter; r runs
// the rest, q stops pausing). Interleaved spirals cannot be separated by a line or a simple curve: a deep
// network must fold the plane several times. We train one with the loop of tutorial 30 (now over
// mini-batches, via Trainer.fit), record the decision regions as a GIF, and vary one thing at a time.

// ━━━ Cell 1 · Two interleaved spirals ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "Two interleaved spirals");
// n points on two arms of 1.5 turns each, one class per arm, a little noise. In the test suite
// (headless) the trainings below run fewer epochs so the whole file stays quick; in the shell they run in full.
boolean quick = headless();
int epochs = quick ? 100 : 400;
var two = Generators.spirals(300, 2, 1.5, 0.03, Rng.of(1));
var X2 = two.X();
var y2 = two.y();
Plot.scatter(X2, y2).withTitle("two spirals").show();
check("300 points, two balanced classes", X2.rows() == 300 && y2.sum() == 150);

// ━━━ Cell 2 · A linear model is stuck ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "A linear model is stuck");
// No hidden layer: softmax regression, a straight boundary. It cannot beat chance by much.
var linear = MLPClassifier.fit(X2, y2, MLPOptions.defaults().withHidden().withEpochs(50));
double linearAcc = Metrics.accuracy(y2, linear.predict(X2));
show("linear training accuracy", linearAcc);
check("a straight boundary gets at most 75 % of the spirals right", linearAcc < 0.75);

// ━━━ Cell 3 · A 4-layer network, trained with the loop in plain sight ━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "A 4-layer network, trained with the loop in plain sight");
// Three hidden layers of 32 ReLUs and an output layer of 2 scores (4 Dense layers), He initialisation,
// Adam. `mlp` builds such a stack; `net.predictClasses` turns scores into labels (argmax) for the plot.
// Trainer.fit runs the loop of tutorial 30 (forward, zeroGrad, backward, step) over shuffled mini-batches;
// calling it again continues from where it stopped (the optimizer keeps its moments), so we draw a frame
// every few epochs.
Sequential mlp(int in, int out, int width, int hidden, Supplier<Layer> act, Init init, long seed) {
    var rng = Rng.of(seed);
    var layers = new ArrayList<Layer>();
    for (int l = 0; l < hidden; l++) { layers.add(new Dense(l == 0 ? in : width, width, init, rng)); layers.add(act.get()); }
    layers.add(new Dense(hidden == 0 ? in : width, out, Init.xavier(), rng));
    return new Sequential(layers);
}
var net2 = mlp(2, 2, 32, 3, ReLU::new, Init.he(), 7);
IO.println(net2);
var ce = new SoftmaxCrossEntropy();
var opt2 = Optimizer.adam(net2.params(), 0.01);
var anim2 = new Animation(480, 400);
int frames = quick ? 4 : 40;
var losses2 = new ArrayList<Double>();
for (int f = 1; f <= frames; f++) {
    var hist = Trainer.fit(net2, ce, opt2, X2, y2, TrainingOptions.defaults().withEpochs(epochs / frames).withSeed(f));
    for (int e = 0; e < hist.epochs(); e++) losses2.add(hist.loss().get(e));
    anim2.add(Plot.decisionRegions(net2::predictClasses, X2, y2).withTitle("two spirals, epoch " + f * (epochs / frames)));
}
var gif2 = anim2.save(Path.of(System.getProperty("mlscratch.plot.dir", "out"), "31-two-spirals.gif"), 150);
IO.println("animation: " + gif2);
double acc2 = Metrics.accuracy(y2, net2.predictClasses(X2));
show("training accuracy", acc2);
check("the 4-layer network separates the spirals (≥ 95 % of the training points)", acc2 >= 0.95);

// ━━━ Cell 4 · ReLU against sigmoid ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "ReLU against sigmoid");
// Same depth, same data, same optimizer, only the activation changes. σ′ ≤ ¼, so the gradient reaching the
// first layer is multiplied by at most ¼ per sigmoid layer (here three): the early layers barely learn
// and the loss crawls. ReLU passes gradients through unchanged where it is active.
TrainingHistory train(Sequential net, Matrix X, Vector y, double lr, int ep) {
    return Trainer.fit(net, new SoftmaxCrossEntropy(), Optimizer.adam(net.params(), lr), X, y,
            TrainingOptions.defaults().withEpochs(ep));
}
var hRelu = train(mlp(2, 2, 32, 3, ReLU::new, Init.he(), 7), X2, y2, 0.01, epochs);
var hSigmoid = train(mlp(2, 2, 32, 3, Sigmoid::new, Init.xavier(), 7), X2, y2, 0.01, epochs);
var curves = new LinkedHashMap<String, Vector>();
curves.put("ReLU", hRelu.loss());
curves.put("sigmoid", hSigmoid.loss());
Plot.lines(curves).withTitle("training loss: ReLU vs sigmoid").withLabels("epoch", "loss").show();
show("final loss ReLU", hRelu.finalLoss());
show("final loss sigmoid", hSigmoid.finalLoss());
check("ReLU ends lower than sigmoid", hRelu.finalLoss() < hSigmoid.finalLoss());

// ━━━ Cell 5 · Initialisation ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "Initialisation");
// He draws W ~ N(0, 2/fanIn) so each ReLU layer keeps the variance of its input. Too small (σ = 0.01) and
// the signal shrinks ×(0.01·√32·√½)≈ 0.04 per layer: the output is ~0 whatever the input, and so are the
// gradients of the early layers — training starts on a plateau. Too large (σ = 1) and it grows ×4 per layer.
var hHe = hRelu;
var hTiny = train(mlp(2, 2, 32, 3, ReLU::new, Init.normal(0.01), 7), X2, y2, 0.01, epochs);
var hHuge = train(mlp(2, 2, 32, 3, ReLU::new, Init.normal(1.0), 7), X2, y2, 0.01, epochs);
var inits = new LinkedHashMap<String, Vector>();
inits.put("He", hHe.loss());
inits.put("N(0, 0.01²)", hTiny.loss());
inits.put("N(0, 1)", hHuge.loss());
Plot.lines(inits).withTitle("training loss by initialisation").withLabels("epoch", "loss").show();
show("loss after the first epoch: He / tiny / huge", "%.3f / %.3f / %.3f".formatted(hHe.loss().get(0), hTiny.loss().get(0), hHuge.loss().get(0)));
check("the tiny initialisation starts on the plateau: loss ≈ ln 2 after one epoch", Math.abs(hTiny.loss().get(0) - Math.log(2)) < 0.02);
check("He ends lower than the tiny initialisation", hHe.finalLoss() < hTiny.finalLoss());

// ━━━ Cell 6 · Learning rate ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "Learning rate");
// Adam's η is roughly the size of each weight's step. Too small and training is slow; too large and the
// loss jumps around instead of settling.
var rates = new LinkedHashMap<String, Vector>();
var finals = new LinkedHashMap<String, Double>();
for (double lr : new double[] {0.0003, 0.01, 0.3}) {
    var hh = train(mlp(2, 2, 32, 3, ReLU::new, Init.he(), 7), X2, y2, lr, epochs);
    rates.put("η = " + lr, hh.loss());
    finals.put("η = " + lr, hh.finalLoss());
}
Plot.lines(rates).withTitle("training loss by learning rate").withLabels("epoch", "loss").show();
show("final losses", finals);
check("η = 0.01 ends lower than the timid η = 0.0003", finals.get("η = 0.01") < finals.get("η = 3.0E-4"));

// ━━━ Cell 7 · Three spirals, a 5-layer network ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "Three spirals, a 5-layer network");
// Three arms, three classes: four hidden layers of 32 ReLUs and 3 output scores (5 Dense layers).
var three = Generators.spirals(450, 3, 1.0, 0.03, Rng.of(2));
var X3 = three.X();
var y3 = three.y();
var net3 = mlp(2, 3, 32, 4, ReLU::new, Init.he(), 11);
var opt3 = Optimizer.adam(net3.params(), 0.01);
var anim3 = new Animation(480, 400);
for (int f = 1; f <= frames; f++) {
    Trainer.fit(net3, ce, opt3, X3, y3, TrainingOptions.defaults().withEpochs(epochs / frames).withSeed(f));
    anim3.add(Plot.decisionRegions(net3::predictClasses, X3, y3).withTitle("three spirals, epoch " + f * (epochs / frames)));
}
var gif3 = anim3.save(Path.of(System.getProperty("mlscratch.plot.dir", "out"), "31-three-spirals.gif"), 150);
IO.println("animation: " + gif3);
double acc3 = Metrics.accuracy(y3, net3.predictClasses(X3));
show("training accuracy", acc3);
check("the 5-layer network separates three spirals (≥ 95 %)", acc3 >= 0.95);

// ━━━ Cell 8 · The same in one line ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "The same in one line");
// MLPClassifier builds the stack (standardising the inputs first), trains it and keeps the history;
// a validation split with early stopping guards against training too long.
var clf = MLPClassifier.fit(X3, y3, MLPOptions.defaults().withHidden(32, 32, 32, 32).withEpochs(epochs)
        .withValidationFraction(0.2).withPatience(50));
show("history", clf.history());
Plot.decisionRegions(clf::predict, X3, y3).withTitle("MLPClassifier, three spirals").show();
double accClf = Metrics.accuracy(y3, clf.predict(X3));
show("training accuracy", accClf);
check("MLPClassifier gets ≥ 90 % of the three spirals", accClf >= 0.9);

// ━━━ Cell 9 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(9, "Your turn");
// Try:
//     mlp(2, 2, 32, 1, ReLU::new, Init.he(), 7)       one hidden layer: how wide must it be for the spirals?
//     Generators.spirals(300, 2, 3.0, 0.03, Rng.of(1))  three turns, the classic hard version
//     new Dropout(0.2, 1) between layers, and compare the regions
//     net2.params()                                     look at the weights the GIF was made of
IO.println("Done. `net2`, `net3`, `clf`, `anim2`, `anim3` are yours to explore.");
