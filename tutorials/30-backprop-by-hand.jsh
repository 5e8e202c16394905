// 30 · Backpropagation by hand: a two-layer network learns XOR
// Run it in the shell with  /open tutorials/30-backprop-by-hand.jsh   (on a terminal each cell waits for
// Enter; r runs the rest, q stops pausing). We write the forward pass and the backward pass of a small
// network line by line with Matrix operations, check every gradient against finite differences, train it,
// and then see mlscratch.nn compute exactly the same numbers. At the end `net` is yours.

// ━━━ Cell 1 · XOR: what a straight line cannot separate ━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "XOR: what a straight line cannot separate");
// Four points, label 1 when exactly one coordinate is 1. No line w₁x₁ + w₂x₂ + b = 0 puts (0,1) and (1,0)
// on one side and (0,0), (1,1) on the other: a linear model (logistic regression) is stuck at 50 %.
// One hidden layer bends the space enough: that is the whole point of a neural network.
var X = Matrix.of(4, 2, 0, 0, 0, 1, 1, 0, 1, 1);          // (n, d) = (4, 2)
var y = Vector.of(0, 1, 1, 0);
var T = Matrix.wrap(4, 1, y.toArray());                   // targets as a column (4, 1)
int n = X.rows(), d = X.cols(), h = 4;                    // h hidden units
show("X", X);
check("XOR labels: 1 exactly when x₁ ≠ x₂", y.equals(Vector.of(0, 1, 1, 0)));

// ━━━ Cell 2 · The forward pass, one node at a time ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "The forward pass, one node at a time");
// Parameters: W1 (d×h), b1 (1×h), W2 (h×1), b2 (1×1). Xavier initialisation: U(−a, a), a = √(6/(fanIn+fanOut)),
// so tanh starts in its linear middle. Each line computes one node of the graph; the shapes are on the right.
//     A = X·W1 + b1            pre-activations          (4, h)
//     H = tanh(A)              hidden layer             (4, h)
//     z = H·W2 + b2            output score (logit)     (4, 1)
//     p = σ(z)                 probability of class 1   (4, 1)
//     L = −(1/n) Σ [t log p + (1 − t) log(1 − p)]       binary cross-entropy, a number
var rng = Rng.of(3);
var W1 = Matrix.random(d, h, rng).scale(2).minus(1).scale(Math.sqrt(6.0 / (d + h)));
var b1 = Vector.zeros(h);
var W2 = Matrix.random(h, 1, rng).scale(2).minus(1).scale(Math.sqrt(6.0 / (h + 1)));
var b2 = Vector.zeros(1);
java.util.function.DoubleUnaryOperator sigma = v -> 1 / (1 + Math.exp(-v));
var A = X.times(W1).plusRowVector(b1);                    // A = X·W1 + b1
var H = A.map(Math::tanh);                                // H = tanh(A)
var z = H.times(W2).plusRowVector(b2);                    // z = H·W2 + b2
var p = z.map(sigma);                                     // p = σ(z)
double L = -(T.hadamard(p.map(Math::log)).plus(T.map(t -> 1 - t).hadamard(p.map(q -> Math.log(1 - q))))).sum() / n;
show("p (before training)", p);
show("L", L);
check("an untrained net is unsure: every p within 0.3 of ½", p.minus(0.5).map(Math::abs).max() < 0.3);

// ━━━ Cell 3 · The backward pass: the chain rule, node by node, in reverse ━━━━━━━━━━━━
cell(3, "The backward pass: the chain rule, node by node, in reverse");
// Each line takes the gradient of L with respect to a node's OUTPUT and turns it into the gradient with
// respect to its INPUTS, using only the local derivative of that node's forward line (quoted on the right).
// dV means ∂L/∂V, always the same shape as V.
var dz = p.minus(T).scale(1.0 / n);                       // forward was p = σ(z), L = BCE(p): σ′ = p(1 − p) cancels → dz = (p − t)/n
var dW2 = H.transposeTimes(dz);                           // forward was z = H·W2 + b2: dW2 = Hᵀ·dz        (h, 1)
var db2 = dz.sum(0);                                      //                             db2 = Σᵢ dzᵢ       (1)
var dH = dz.timesTranspose(W2);                           //                             dH = dz·W2ᵀ        (4, h)
var dA = dH.hadamard(H.map(v -> 1 - v * v));              // forward was H = tanh(A):    dA = dH ⊙ (1 − H²)
var dW1 = X.transposeTimes(dA);                           // forward was A = X·W1 + b1:  dW1 = Xᵀ·dA        (d, h)
var db1 = dA.sum(0);                                      //                             db1 = Σᵢ dAᵢ       (h)
show("dW1", dW1);
check("every gradient has its parameter's shape",
        dW1.shape().equals(W1.shape()) && dW2.shape().equals(W2.shape()) && db1.size() == h && db2.size() == 1);

// ━━━ Cell 4 · Trust, but verify: GradCheck ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "Trust, but verify: GradCheck");
// The loss as a function of all four parameters, then central differences (L(θ + h) − L(θ − h))/2h for
// every entry, compared with our backward pass. A sign error or a missing transpose shows up here at once.
interface Loss4 { double at(Matrix W1, Vector b1, Matrix W2, Vector b2); }
Loss4 loss = (w1, c1, w2, c2) -> {
    var pp = X.times(w1).plusRowVector(c1).map(Math::tanh).times(w2).plusRowVector(c2).map(sigma);
    return -(T.hadamard(pp.map(Math::log)).plus(T.map(t -> 1 - t).hadamard(pp.map(q -> Math.log(1 - q))))).sum() / n;
};
var gW1 = GradCheck.check((Matrix M) -> loss.at(M, b1, W2, b2), W1, dW1);
var gb1 = GradCheck.check((Vector v) -> loss.at(W1, v, W2, b2), b1, db1);
var gW2 = GradCheck.check((Matrix M) -> loss.at(W1, b1, M, b2), W2, dW2);
var gb2 = GradCheck.check((Vector v) -> loss.at(W1, b1, W2, v), b2, db2);
show("W1", gW1);
check("dW1, db1, dW2, db2 all match finite differences", gW1.passed() && gb1.passed() && gW2.passed() && gb2.passed());

// ━━━ Cell 5 · Training: forward, backward, update ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "Training: forward, backward, update");
// Gradient descent repeats the three moves: θ ← θ − η·dθ for each parameter. 2000 steps on 4 points take
// a blink (this loop is tiny; real loops live in the library).
double eta = 0.5;
double L0 = L;
for (int step = 0; step < 2000; step++) {
    var a_ = X.times(W1).plusRowVector(b1);   var h_ = a_.map(Math::tanh);             // forward
    var p_ = h_.times(W2).plusRowVector(b2).map(sigma);
    var dz_ = p_.minus(T).scale(1.0 / n);                                               // backward
    var dH_ = dz_.timesTranspose(W2);
    var dA_ = dH_.hadamard(h_.map(v -> 1 - v * v));
    W2 = W2.minus(h_.transposeTimes(dz_).scale(eta));   b2 = b2.minus(dz_.sum(0).scale(eta));   // update
    W1 = W1.minus(X.transposeTimes(dA_).scale(eta));    b1 = b1.minus(dA_.sum(0).scale(eta));
}
p = X.times(W1).plusRowVector(b1).map(Math::tanh).times(W2).plusRowVector(b2).map(sigma);
L = loss.at(W1, b1, W2, b2);
show("p (after training)", p);
show("L: before → after", L0 + " → " + L);
check("the loss fell below 0.05", L < 0.05);
check("every point is classified right (p > ½ exactly for label 1)", p.col(0).map(v -> v > 0.5 ? 1 : 0).equals(y));

// ━━━ Cell 6 · The same network in mlscratch.nn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(6, "The same network in mlscratch.nn");
// Dense is  Z = X·W + b  with backward  dW = Xᵀ·dZ, db = Σᵢ dZᵢ, dX = dZ·Wᵀ — the lines of cell 3. Tanh is
// cell 3's  dA = dH ⊙ (1 − H²). BinaryCrossEntropy takes the score z and fuses σ in, as our dz did.
// Start it from the same initial weights as cell 2 and compare forward and backward numbers.
var rng2 = Rng.of(3);
var W1init = Matrix.random(d, h, rng2).scale(2).minus(1).scale(Math.sqrt(6.0 / (d + h)));
var W2init = Matrix.random(h, 1, rng2).scale(2).minus(1).scale(Math.sqrt(6.0 / (h + 1)));
var layer1 = new Dense(d, h, Init.xavier(), 1);
var layer2 = new Dense(h, 1, Init.xavier(), 2);
layer1.W().value().copyFrom(W1init);
layer2.W().value().copyFrom(W2init);
var net = new Sequential(layer1, new Tanh(), layer2);
IO.println(net);
var bce = new BinaryCrossEntropy();
var Xb = MatrixBuffer.copyOf(X);
var Tb = MatrixBuffer.copyOf(T);
var out = net.forward(Xb);                                 // z, (4, 1)
net.zeroGrad();
net.backward(bce.gradient(out, Tb));                       // fills each Param's grad
check("same forward: the library's z equals cell 2's z", out.isClose(z, 1e-12));
check("same backward: W1.grad equals cell 3's dW1", layer1.W().grad().isClose(dW1, 1e-12));
check("same backward: W2.grad equals cell 3's dW2", layer2.W().grad().isClose(dW2, 1e-12));

// ━━━ Cell 7 · The loop with the library ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "The loop with the library");
// Four visible moves: forward, zeroGrad, backward, optimizer.step. The optimizer owns the update rule
// (here plain SGD with cell 5's η, so the same 2000 steps land on the same weights).
var opt = Optimizer.sgd(net.params(), eta);
for (int step = 0; step < 2000; step++) {
    var o = net.forward(Xb);
    net.zeroGrad();
    net.backward(bce.gradient(o, Tb));
    opt.step();
}
double Llib = bce.value(net.forward(Xb), Tb);
show("library loss after 2000 steps", Llib);
checkClose("the library lands where cell 5 did", Llib, L, 1e-9);
check("…with the same weights", layer1.W().value().isClose(W1, 1e-9) && layer2.W().value().isClose(W2, 1e-9));

// ━━━ Cell 8 · And in one line ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "And in one line");
// MLPClassifier wraps it all: a Sequential (here Dense → Tanh → Dense with 2 scores and SoftmaxCrossEntropy),
// an optimizer (Adam by default), mini-batches, history. Once you have written the loop, use this.
var clf = MLPClassifier.fit(X, y, MLPOptions.defaults().withHidden(8).withActivation(Tanh::new)
        .withEpochs(300).withBatchSize(4).withStandardize(false).withL2(0));
show("history", clf.history());
show("predict", clf.predict(X));
check("MLPClassifier learns XOR too", clf.predict(X).equals(y));

// ━━━ Cell 9 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(9, "Your turn");
// Try:
//     h = 1 in cell 1 and rerun: one hidden unit cannot bend the space enough — the loss stalls.
//     Replace Tanh by ReLU in cell 3 (dA = dH ⊙ [A > 0]) and check it with GradCheck.
//     net.params()            the Params: value and grad of each W and b
//     help(Dense.class)
IO.println("Done. `net`, `clf`, `W1`, `W2` are yours to explore.");
