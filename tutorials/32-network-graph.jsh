// 32 · A network drawn as a graph: weights before and after training, weight decay, an MLP fitting a curve
// Run it in the shell with  /open tutorials/32-network-graph.jsh   (on a terminal each cell waits for Enter;
// r runs the rest, q stops pausing). A trained network is nothing but its weight matrices. We draw a deep
// one as a graph — one column of nodes per layer, one edge per weight, blue for w > 0, red for w < 0, wider
// the larger |w| — at initialisation and after training, see what weight decay does to the picture, and
// finally fit a wiggly 1-D function with an MLP regressor and plot the fit against the data.

// ━━━ Cell 1 · A 7-layer network at initialisation ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "A 7-layer network at initialisation");
// Seven Dense layers (2 → 8 → 8 → 8 → 8 → 8 → 8 → 2): eight columns of nodes counting the input, seven
// weight matrices Wₗ of shape nₗ × nₗ₊₁ (inputs × outputs, as in Z = X·W + b). Tanh between them, Xavier
// initialisation W ~ U(−a, a), a = √(6/(fanIn + fanOut)) = √(6/16) ≈ 0.61 for the 8 × 8 layers.
// `weights(net)` collects the W of every Dense layer: exactly what Plot.network draws.
Sequential deep(int in, int width, int hidden, int out, long seed) {
    var rng = Rng.of(seed);
    var layers = new ArrayList<Layer>();
    for (int l = 0; l < hidden; l++) { layers.add(new Dense(l == 0 ? in : width, width, Init.xavier(), rng)); layers.add(new Tanh()); }
    layers.add(new Dense(width, out, Init.xavier(), rng));
    return new Sequential(layers);
}
List<Matrix> weights(Sequential net) {
    return net.layers().stream().filter(l -> l instanceof Dense).map(l -> ((Dense) l).W().value().toMatrix()).toList();
}
var net = deep(2, 8, 6, 2, 5);
IO.println(net);
var before = weights(net);
var graphBefore = Plot.network(before).withTitle("7-layer network, at initialisation");
graphBefore.show();
IO.print(graphBefore.toText());
double a = Math.sqrt(6.0 / 16);
check("seven weight matrices, 2 → 8 ×6 → 2", before.size() == 7 && before.get(0).rows() == 2 && before.get(6).cols() == 2);
check("every hidden-to-hidden weight lies in (−a, a), a = √(6/16)", before.subList(1, 6).stream().allMatch(W -> W.map(Math::abs).max() < a));

// ━━━ Cell 2 · Train it on two moons ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "Train it on two moons");
// Two interleaved half-circles: not linearly separable, easy for a deep net. Softmax cross-entropy on the
// two output scores, Adam with η = 0.01, mini-batches of 32 (the loop of tutorial 30, run by Trainer.fit).
// `net.predictClasses(X)` labels each row by its largest score: ŷᵢ = argmax_c Zᵢc.
boolean quick = headless();
var moons = Generators.moons(300, 0.15, 1);
var X = moons.X();
var y = moons.y();
var opt = Optimizer.adam(net.params(), 0.01);
var history = Trainer.fit(net, new SoftmaxCrossEntropy(), opt, X, y, TrainingOptions.defaults().withEpochs(quick ? 60 : 150).withSeed(1));
Plot.decisionRegions(net::predictClasses, X, y).withTitle("7-layer tanh network, two moons").show();
double acc = Metrics.accuracy(y, net.predictClasses(X));
show("training loss, first → last epoch", "%.3f → %.3f".formatted(history.loss().get(0), history.finalLoss()));
show("training accuracy", acc);
check("the deep network separates the moons (≥ 95 % of the training points)", acc >= 0.95);

// ━━━ Cell 3 · The same network after training ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "The same network after training");
// Compare the two pictures. Widths are relative to the largest |w| in each picture, so look at the pattern:
// training picks out a few strong paths (thick edges) through the network and leaves many weights near
// their start. The relative change ‖W_after − W_before‖ / ‖W_before‖ measures how far each layer moved.
var after = weights(net);
var graphAfter = Plot.network(after).withTitle("7-layer network, after training on two moons");
graphAfter.show();
IO.print(graphAfter.toText());
var moved = new double[7];
for (int l = 0; l < 7; l++) moved[l] = after.get(l).minus(before.get(l)).norm() / before.get(l).norm();
show("relative change per layer", Vector.of(moved));
check("training moved every layer's weights (by ≥ 5 %)", Arrays.stream(moved).allMatch(m -> m >= 0.05));
check("the largest weight grew", after.stream().mapToDouble(W -> W.map(Math::abs).max()).max().getAsDouble()
        > before.stream().mapToDouble(W -> W.map(Math::abs).max()).max().getAsDouble());

// ━━━ Cell 4 · Weight decay thins the graph ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "Weight decay thins the graph");
// L2 weight decay adds ½λ‖W‖² to the loss, so every step also pulls each weight toward 0:
//     g ← g + λw        (the optimizer's line, before Adam's update)
// Weights the data does not need shrink away: Σ|w| falls by more than half, and in the picture most edges
// fade next to the few paths the data relies on (widths are relative to the largest |w| of each picture).
// Same start (seed 5), same data, λ = 0.01.
var netL2 = deep(2, 8, 6, 2, 5);
var optL2 = Optimizer.of(UpdateRule.Adam.of(0.01), netL2.params(), 0.01);
var historyL2 = Trainer.fit(netL2, new SoftmaxCrossEntropy(), optL2, X, y, TrainingOptions.defaults().withEpochs(quick ? 60 : 150).withSeed(1));
var afterL2 = weights(netL2);
Plot.network(afterL2).withTitle("after training with weight decay λ = 0.01").show();
double sumAbs = after.stream().mapToDouble(W -> W.map(Math::abs).sum()).sum();
double sumAbsL2 = afterL2.stream().mapToDouble(W -> W.map(Math::abs).sum()).sum();
double accL2 = Metrics.accuracy(y, netL2.predictClasses(X));
show("Σ|w| without / with decay", "%.1f / %.1f".formatted(sumAbs, sumAbsL2));
show("training accuracy with decay", accL2);
check("weight decay leaves smaller weights overall", sumAbsL2 < 0.8 * sumAbs);
check("and still separates the moons (≥ 90 %)", accL2 >= 0.9);

// ━━━ Cell 5 · An MLP fits a curve ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "An MLP fits a curve");
// Regression now: 200 noisy samples of f(x) = sin(2x) + x/3 on [−3, 3], noise σ = 0.1. A straight line
// cannot follow the wiggles; an MLP with two hidden layers of 32 tanh units can. MLPRegressor standardises
// x and y, trains with the mean squared error and maps its predictions back to the units of y.
java.util.function.DoubleUnaryOperator f = v -> Math.sin(2 * v) + v / 3;
var rngR = Rng.of(11);
var xs = Vector.linspace(-3, 3, 200);
var ys = xs.map(f).plus(Vector.randn(200, rngR).scale(0.1));        // yᵢ = f(xᵢ) + εᵢ
var Xr = xs.asColumn();                                             // (200, 1)
var line = LinearRegression.fit(Xr, ys);
var mlpR = MLPRegressor.fit(Xr, ys, MLPOptions.defaults().withHidden(32, 32).withActivation(Tanh::new)
        .withBatchSize(16).withEpochs(quick ? 150 : 400).withL2(0));
var grid = Vector.linspace(-3, 3, 400);
var fit = mlpR.predict(grid.asColumn());
// One picture: the data as dots (class 0), f itself as a dense row of dots (class 1), the fit on top (class 2).
var points = Matrix.vstack(Matrix.fromColumns(xs, ys), Matrix.fromColumns(grid, grid.map(f)), Matrix.fromColumns(grid, fit));
var kind = Vector.concat(Vector.zeros(200), Vector.full(400, 1), Vector.full(400, 2));
Plot.scatter(points, kind, List.of("data", "true f", "MLP fit")).withTitle("MLP regression of sin(2x) + x/3").withLabels("x", "y").show();
double rmseLine = Metrics.rmse(grid.map(f), line.predict(grid.asColumn()));
double rmseMlp = Metrics.rmse(grid.map(f), fit);
show("RMSE against the true f: line / MLP", "%.3f / %.3f".formatted(rmseLine, rmseMlp));
check("the MLP follows f closely (RMSE < 0.12; the noise alone has σ = 0.1)", rmseMlp < 0.12);
check("a straight line cannot (RMSE > 0.5)", rmseLine > 0.5);

// ━━━ Cell 6 · The regression network as a graph ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "The regression network as a graph");
// 1 → 32 → 32 → 1: Plot.network shows the first and last 8 nodes of the 32-wide layers, with ⋮ between.
// (The Standardize layer in front has no weights to draw.)
var wR = weights(mlpR.network());
Plot.network(wR).withTitle("MLP regressor 1 → 32 → 32 → 1").show();
show("shapes", wR.stream().map(Matrix::shape).toList());
check("three weight matrices: 1×32, 32×32, 32×1", wR.size() == 3 && wR.get(1).rows() == 32 && wR.get(2).cols() == 1);

// ━━━ Cell 7 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "Your turn");
// Try:
//     Plot.network(weights(deep(2, 4, 2, 2, 1))).preview()     the text summary, in the terminal
//     deep(2, 8, 6, 2, 5) with ReLU and Init.he() instead of tanh: which edges die?
//     MLPOptions.defaults().withHidden(4) on the curve: how few units can follow sin(2x)?
//     f = v -> Math.abs(v)  or a step: where does the MLP struggle?
IO.println("Done. `net`, `netL2`, `mlpR`, `before`, `after` are yours to explore.");
