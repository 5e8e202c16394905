package mlscratch.optim;

import mlscratch.linalg.Vector;
import mlscratch.model.Trace;
import mlscratch.util.Check;

/// What every optimizer in this package returns, the weights it ended at and the [Trace] of the run (loss per
/// iteration, converged or not, notes such as `stopped at maxIter = 100` or `stopped by Ctrl-C`).
///
/// @param w     the final weights (the best ones when early stopping restored them)
/// @param trace what happened
public record Result(Vector w, Trace trace) {
    public Result {
        Check.notNull("Result", "w", w);
        Check.notNull("Result", "trace", trace);
    }

    /// `w = Vector(2) [1.0000, 1.0000]` on one line, the trace below.
    @Override public String toString() { return "w = " + w + "\n" + trace; }
}
