package mlscratch.optim;

import mlscratch.linalg.Vector;

/// An objective that is a mean over `n` rows, `L(w) = (1/n) Σᵢ ℓᵢ(w)`, so that a mini-batch `B` of row
/// indices gives an unbiased estimate of it and of its gradient:
/// ```
/// L_B(w) = (1/|B|) Σᵢ∈B ℓᵢ(w)          E[∇L_B(w)] = ∇L(w)    when B is drawn uniformly
/// ```
/// Implement [#n()] and [#evaluate(Vector, int[])]; the full-data [#value], [#gradient] and [#evaluate(Vector)]
/// default to the batch of all rows. [SGD] draws the batches (a seeded shuffle each epoch).
public interface StochasticObjective extends Objective {

    /// The number of rows (terms of the sum), ≥ 1.
    int n();

    /// The mean loss over the rows in `batch` and its gradient: `L_B(w)` and `∇L_B(w)`.
    ValueAndGradient evaluate(Vector w, int[] batch);

    /// The full objective, as the batch of every row.
    @Override default ValueAndGradient evaluate(Vector w) {
        int[] all = new int[n()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return evaluate(w, all);
    }

    @Override default double value(Vector w) { return evaluate(w).value(); }

    @Override default Vector gradient(Vector w) { return evaluate(w).gradient(); }
}
