package mlscratch.util;

/// Thrown by [Progress#checkInterrupted()] when the user pressed Ctrl-C during a loop that has no partial
/// result to return. Loops that can return the model so far check [Progress#stopped()] and break instead.
public final class TrainingInterrupted extends RuntimeException {
    public TrainingInterrupted() {
        super("stopped by Ctrl-C");
    }
}
