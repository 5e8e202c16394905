/// Classifiers. Fitted models are immutable records made by a static `fit(X, y[, Options])`; labels are
/// class indices 0..k−1 in a [mlscratch.linalg.Vector].
///
/// Linear classifiers, each a score `xw + b` (one per class for softmax) with a different loss:
/// ```
/// LogisticRegression   binary, log-loss + λ/2‖w‖² (+ λ₁‖w‖₁)     GD, SGD, L-BFGS, Newton (IRLS)   probabilities
/// SoftmaxRegression    k classes, cross-entropy + λ/2‖W‖²          GD, SGD, L-BFGS                  probabilities
/// Perceptron           binary, the mistake-driven rule              converges iff separable          scores
/// LinearSVM            binary, hinge + λ/2‖θ‖²                       Pegasos, subgradient             margin, support vectors
/// OneVsRest            any binary classifier → k classes            k fits
/// ```
/// The smooth objectives are [LogisticObjective] and [SoftmaxObjective]: [mlscratch.optim.Objective]s any
/// optimizer of `mlscratch.optim` minimises and [mlscratch.optim.GradCheck] checks. Binary models with a
/// real-valued score implement [ScoringClassifier]. Tutorials 05–07 derive each one.
package mlscratch.classification;
