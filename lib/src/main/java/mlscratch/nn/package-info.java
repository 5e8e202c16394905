/// Neural networks: layers own their parameters (value + gradient) and the training loop stays visible —
/// `forward`, `zeroGrad`, `backward`, `optimizer.step`.
package mlscratch.nn;
