/// Clustering: grouping rows of `X` without labels.
///
/// | class | groups by | choose | tutorial |
/// |---|---|---|---|
/// | [mlscratch.clustering.KMeans] | nearest mean (Lloyd, k-means++; Euclidean or cosine) | k: `KMeans.sweep` (elbow, silhouette) | 20-kmeans |
/// | [mlscratch.clustering.KMedoids] | nearest medoid, a data point (PAM: BUILD + SWAP), any [mlscratch.clustering.Distance] | k | 21-kmedoids-and-images |
/// | [mlscratch.clustering.DBSCAN] | density: core, border and noise points (−1) | ε (`DBSCAN.kDistances`), minPts | 22-dbscan |
///
/// Every model is an immutable record made by a static `fit(X, options)`; `labels()` are the training
/// rows' clusters and `predict(X)` assigns new rows. [mlscratch.clustering.Distance] is the open extension
/// point: Euclidean, Manhattan, cosine, or a lambda `(a, b) -> …`.
package mlscratch.clustering;
