/// Linear classifiers (and later the other classifier families): fitted models are immutable records made by a
/// static `fit(X, y[, Options])`; labels are class indices 0..k−1 in a [mlscratch.linalg.Vector].
package mlscratch.classification;
