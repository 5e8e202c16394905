package mlscratch.optim;

import mlscratch.linalg.Vector;

/// The bookkeeping of [EarlyStopping] inside one run (mutable, package-private).
final class EarlyStopper {
    private final EarlyStopping rule;
    private double best = Double.POSITIVE_INFINITY;
    private Vector bestW;
    private int bestEpoch;      // 1-based
    private int since;

    EarlyStopper(EarlyStopping rule) { this.rule = rule; }

    /// Records the validation loss of the weights after `epoch` (1-based); true when it is time to stop.
    boolean stop(Vector w, int epoch) {
        double L = rule.validation().value(w);
        if (L < best) {
            best = L;
            bestW = w;
            bestEpoch = epoch;
            since = 0;
            return false;
        }
        return ++since >= rule.patience();
    }

    /// The weights to return after stopping at `epoch`, and the note saying so.
    Vector finish(Vector w, int epoch, mlscratch.model.Trace.Builder trace) {
        if (rule.restoreBest() && bestW != null) {
            trace.note("stopped early at epoch " + epoch + ", restored best epoch " + bestEpoch);
            return bestW;
        }
        trace.note("stopped early at epoch " + epoch + " (best epoch " + bestEpoch + ")");
        return w;
    }
}
