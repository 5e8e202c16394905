/// Neural networks: layers own their parameters (value + gradient) and the training loop stays visible —
/// `forward`, `zeroGrad`, `backward`, `optimizer.step`.
///
/// The pieces, each a forward/backward pair gradient-checked in the tests:
/// ```
/// MatrixBuffer (linalg)      the mutable scratch space: products into an existing buffer, in-place ops
/// Param                      value + grad of one trainable matrix
/// Layer                      forward(X) → Y, backward(dY) → dX (grads accumulate in the Params), params()
///   Dense                    Z = XW + b
///   ReLU, LeakyReLU, Sigmoid, Tanh, Softmax     activations
///   Dropout, Standardize     regularisation, input scaling
///   Sequential               layers in order; itself a Layer; predict(X), predictClasses(X), snapshot()/load()
/// LossFunction               value(O, T) and gradient ∂L/∂O:
///   MeanSquaredError, HuberLoss, BinaryCrossEntropy (logits), SoftmaxCrossEntropy (logits)
/// Init                       xavier(), he(), normal(σ) — seeded
/// Optimizer / RuleOptimizer  the rules of optim.UpdateRule (SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam)
///                            applied in place, with L2 weight decay
/// Trainer.fit                mini-batches, seeded shuffling, validation split, early stopping, progress bar, Ctrl-C
///                            → TrainingHistory (loss, accuracy, valLoss, valAccuracy per epoch); Trainer.evaluate
/// MLPClassifier, MLPRegressor   the `fit(X, y)` conveniences (estimator contract)
/// ```
/// The loop by hand:
/// ```
/// var net = new Sequential(new Dense(2, 8, Init.xavier(), 1), new Tanh(), new Dense(8, 1, Init.xavier(), 2));
/// var loss = new BinaryCrossEntropy();
/// var opt = Optimizer.adam(net.params(), 0.05);
/// for (int epoch = 0; epoch < 500; epoch++) {
///     var out = net.forward(X);               // X a MatrixBuffer
///     net.zeroGrad();
///     net.backward(loss.gradient(out, T));
///     opt.step();
/// }
/// ```
/// Tutorials: 30 (backprop by hand on XOR), 31 (spirals: depth, activations, initialisation, learning rate).
package mlscratch.nn;
