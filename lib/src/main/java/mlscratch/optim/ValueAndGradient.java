package mlscratch.optim;

import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// The loss `L(w)` and its gradient `∇L(w)` at one point, computed together (they share the forward pass).
///
/// @param value    L(w)
/// @param gradient ∇L(w), one entry per weight
public record ValueAndGradient(double value, Vector gradient) {
    public ValueAndGradient {
        Check.notNull("ValueAndGradient", "gradient", gradient);
    }
}
