package mlscratch.data;

import mlscratch.linalg.Matrix;
import mlscratch.util.Check;

/// Row normalisation: rescales every example (row) to unit length, so that only its direction counts,
/// as in cosine similarity on text vectors. Stateless: nothing is learned, so there is no `fit`.
///
/// ```
/// l2:  zᵢ = xᵢ / ‖xᵢ‖₂,   ‖x‖₂ = √(Σⱼ xⱼ²)
/// l1:  zᵢ = xᵢ / ‖xᵢ‖₁,   ‖x‖₁ = Σⱼ |xⱼ|
/// ```
/// A zero row stays zero (scikit-learn's rule), since it has no direction.
/// Not to be confused with [StandardScaler], which works on columns.
public final class Normalizer {
    private Normalizer() {}

    /// Every row divided by its Euclidean norm: `zᵢ = xᵢ / ‖xᵢ‖₂`.
    public static Matrix l2(Matrix X) {
        Check.notNull("Normalizer.l2", "X", X).requireFinite("Normalizer.l2", "X");
        return X.divideRows(X.hadamard(X).sum(1).map(s -> s == 0 ? 1 : Math.sqrt(s)));   // ‖xᵢ‖₂ = √Σⱼ xᵢⱼ²
    }

    /// Every row divided by the sum of its absolute values: `zᵢ = xᵢ / ‖xᵢ‖₁`.
    public static Matrix l1(Matrix X) {
        Check.notNull("Normalizer.l1", "X", X).requireFinite("Normalizer.l1", "X");
        return X.divideRows(X.map(Math::abs).sum(1).map(s -> s == 0 ? 1 : s));             // ‖xᵢ‖₁ = Σⱼ |xᵢⱼ|
    }
}
