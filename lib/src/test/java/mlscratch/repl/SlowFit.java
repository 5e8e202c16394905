package mlscratch.repl;

import mlscratch.util.Progress;

/// A stand-in for a long training call, for demonstrating and testing Ctrl-C in the shell (test code only):
/// gradient descent on f(w) = ½‖w‖² in 10 000 dimensions, slowed down to `steps` steps of ~`msPerStep` ms of
/// arithmetic each. It polls [Progress#stopped()] once per step and returns how far it got.
public final class SlowFit {
    private SlowFit() {}

    /// How far the loop got: `steps` done, whether Ctrl-C stopped it, and the final loss.
    public record Result(long steps, boolean stopped, double loss) {}

    public static Result fit(int steps, double msPerStep) {
        double[] w = new double[10_000];
        java.util.Arrays.fill(w, 1.0);
        double loss = Double.NaN;
        long done = 0;
        try (var p = Progress.start("fit", steps)) {
            for (int t = 0; t < steps; t++) {
                long until = System.nanoTime() + (long) (msPerStep * 1e6);
                do {
                    loss = 0;
                    for (int i = 0; i < w.length; i++) {
                        w[i] -= 1e-7 * w[i];          // w ← w − η∇f, ∇f = w
                        loss += 0.5 * w[i] * w[i];    // f = ½‖w‖²
                    }
                } while (System.nanoTime() < until);
                p.step(loss);
                done++;
                if (p.stopped()) return new Result(done, true, loss);
            }
        }
        return new Result(done, false, loss);
    }
}
