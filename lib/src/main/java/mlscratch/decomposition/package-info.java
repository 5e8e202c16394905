/// Matrix decompositions used as models: principal component analysis and its relatives.
///
/// [PCA] finds the orthonormal directions of largest variance of centred data, by the SVD of the data or
/// by the eigendecomposition of its covariance (the two routes give the same components; a fixed sign
/// rule makes them deterministic), and maps data to and from those coordinates (optionally whitened).
/// ```
/// var pca = PCA.fit(Datasets.digits().X(), 2);
/// pca.explainedVarianceRatio();   pca.transform(X);   pca.inverseTransform(Z);
/// ```
/// Tutorial 24 (tutorials/24-pca.jsh) derives it from variance maximisation.
package mlscratch.decomposition;
