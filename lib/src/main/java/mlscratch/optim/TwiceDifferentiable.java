package mlscratch.optim;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// An objective that also gives its Hessian `H(w) = ∇²L(w)`, the `d×d` matrix of second derivatives
/// `Hᵢⱼ = ∂²L/∂wᵢ∂wⱼ`, as [Newton] needs. For logistic regression `H = XᵀSX/n` with `S = diag(pᵢ(1 − pᵢ))`
/// (Newton on it is IRLS). Check each column of H with [GradCheck] on the matching gradient entry.
public interface TwiceDifferentiable extends Objective {

    /// ∇²L(w), symmetric `d×d`.
    Matrix hessian(Vector w);
}
