package mlscratch.repl;

/// A tutorial's check did not hold: thrown by [Shell#check(String, boolean)] and
/// [Shell#checkClose(String, double, double, double)], with the numbers in the message.
public final class TutorialCheckFailed extends RuntimeException {
    public TutorialCheckFailed(String message) {
        super(message);
    }
}
