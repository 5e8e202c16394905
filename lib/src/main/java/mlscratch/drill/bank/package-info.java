/// The drill bank: one [mlscratch.drill.DrillSet] per topic, each listed in
/// `META-INF/services/mlscratch.drill.DrillSet`.
///
/// ```
/// Examples              softmax, softmax-grad, logistic-grad                     (the engine's model drills)
/// Timed                 timed-* : whole algorithms on real data, against the clock
/// LinearAlgebraDrills   matmul, pairwise-sq-distances, cosine-similarity, normal-equation, power-iteration
/// ActivationDrills      stable-sigmoid, relu-backward, tanh-backward, logsumexp, log-softmax
/// LossDrills            mse-grad, cross-entropy, softmax-regression-grad, svm-hinge-grad, huber-grad
/// OptimisationDrills    gd-step, momentum-step, adam-step
/// ClusteringDrills      kmeans-assign, kmeans-update, gmm-responsibilities
/// NeighbourDrills       knn-predict
/// TreeDrills            gini, entropy, best-split
/// BayesDrills           gaussian-nb
/// DecompositionDrills   pca
/// MetricDrills          confusion-matrix, precision-recall-f1, roc-auc, r2-score
/// PreprocessingDrills   one-hot, standardise, k-fold
/// NeuralNetDrills       dropout-forward, dropout-backward, batchnorm-forward, batchnorm-backward,
///                       mlp-forward, mlp-backward, conv2d, max-pool, rnn-step, attention
/// ```
/// Every drill states its signature, shapes, edge cases and tolerance; its cases mix a hand-computed example
/// (arithmetic in a comment), edge cases (empty, one element, ties, large magnitudes) and seeded random inputs.
/// Gradient drills are judged against central finite differences as well as the reference. The tests run
/// every reference on its cases (`DrillBankTest`), paste every shown solution into a real JShell
/// (`DrillSolutionsTest`), and show one typical wrong answer per drill failing with a helpful message
/// (`*WrongAnswersTest`). Shared numerics and generators live in the package-private `Bank`.
package mlscratch.drill.bank;
