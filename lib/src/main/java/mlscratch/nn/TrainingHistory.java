package mlscratch.nn;

import java.util.List;
import java.util.Locale;

import mlscratch.linalg.Vector;
import mlscratch.model.Trace;
import mlscratch.util.Check;

/// Per-epoch record of a [Trainer#fit]: the mean training loss and accuracy over the epoch's batches (as
/// Keras reports them: measured while the weights move), and the validation loss and accuracy after the
/// epoch. Accuracy vectors are empty for regression losses; validation vectors are empty without a
/// validation split.
///
/// @param loss        mean training loss per epoch (without the weight-decay term)
/// @param accuracy    training accuracy per epoch, or empty
/// @param valLoss     validation loss per epoch, or empty
/// @param valAccuracy validation accuracy per epoch, or empty
/// @param bestEpoch   the epoch (0-based) whose weights the network holds when early stopping restored
///                    them, else the last epoch run
/// @param notes       non-fatal events (stopped early, stopped by Ctrl-C, loss became NaN)
public record TrainingHistory(Vector loss, Vector accuracy, Vector valLoss, Vector valAccuracy, int bestEpoch,
                              List<String> notes) {
    public TrainingHistory {
        Check.notNull("TrainingHistory", "loss", loss);
        Check.notNull("TrainingHistory", "accuracy", accuracy);
        Check.notNull("TrainingHistory", "valLoss", valLoss);
        Check.notNull("TrainingHistory", "valAccuracy", valAccuracy);
        notes = List.copyOf(Check.notNull("TrainingHistory", "notes", notes));
    }

    /// Epochs run.
    public int epochs() { return loss.size(); }

    /// The training loss of the last epoch (NaN when none ran).
    public double finalLoss() { return loss.size() == 0 ? Double.NaN : loss.get(loss.size() - 1); }

    /// As a [Trace]: one iteration per epoch, the training loss, the notes; converged when stopped early.
    public Trace toTrace() {
        boolean early = notes.stream().anyMatch(n -> n.startsWith("early stopping"));
        return new Trace(loss, loss.size(), early, notes);
    }

    /// ```
    /// TrainingHistory: 20 epochs
    ///  epoch      loss       acc   valLoss    valAcc
    ///      1    0.6931    0.5000    0.6800    0.5500
    ///    ⋮
    /// ```
    @Override public String toString() {
        var sb = new StringBuilder("TrainingHistory: " + epochs() + (epochs() == 1 ? " epoch" : " epochs"));
        sb.append(String.format(Locale.ROOT, "%n%6s %9s", "epoch", "loss"));
        if (accuracy.size() > 0) sb.append(String.format(Locale.ROOT, " %9s", "acc"));
        if (valLoss.size() > 0) sb.append(String.format(Locale.ROOT, " %9s", "valLoss"));
        if (valAccuracy.size() > 0) sb.append(String.format(Locale.ROOT, " %9s", "valAcc"));
        int n = epochs();
        for (int e = 0; e < n; e++) {
            if (n > 12 && e == 5) { sb.append(String.format("%n%6s", "⋮")); e = n - 6; continue; }
            sb.append(String.format(Locale.ROOT, "%n%6d %9.4f", e + 1, loss.get(e)));
            if (accuracy.size() > e) sb.append(String.format(Locale.ROOT, " %9.4f", accuracy.get(e)));
            if (valLoss.size() > e) sb.append(String.format(Locale.ROOT, " %9.4f", valLoss.get(e)));
            if (valAccuracy.size() > e) sb.append(String.format(Locale.ROOT, " %9.4f", valAccuracy.get(e)));
        }
        for (String note : notes) sb.append("\n  note: ").append(note);
        return sb.toString();
    }
}
