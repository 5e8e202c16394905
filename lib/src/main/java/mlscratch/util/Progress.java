package mlscratch.util;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/// A one-line progress bar for long loops, and the Ctrl-C check they poll.
///
/// ```
/// fit ▕████▌     ▏ 45% 123/270 loss 0.4132 eta 3s
/// ```
/// A training loop opens one, reports each step, and stops early when the user presses Ctrl-C,
/// returning the model it has so far (with a note in its trace):
/// ```
/// try (var p = Progress.start("fit", maxIter)) {
///     for (int t = 0; t < maxIter; t++) {
///         …one update…
///         p.step(loss);
///         if (p.stopped()) { trace.note("stopped by Ctrl-C after " + (t + 1) + " iterations"); break; }
///     }
/// }
/// ```
/// A loop with no useful partial result calls [#checkInterrupted()] instead, which throws
/// [TrainingInterrupted].
///
/// The bar is drawn with `\r` on one line, at most 10 times a second, and only when the shell is
/// interactive (see [#interactive()]): tests and tutorials run headless print nothing. Nested bars (a
/// cross-validation around five fits) draw only the outermost one. A loop that ends within 0.1 s draws
/// nothing at all. Cost per [#step(double)]: one `System.nanoTime()` and one volatile read.
///
/// Ctrl-C reaches a loop in two ways, both checked by [#stopped()]: the mlshell execution engine sets a
/// flag ([#requestStop()]) and interrupts the thread running the snippet; JShell's `--execution local`
/// interrupts that thread. JShell's default remote agent kills the thread instead (no partial model).
public final class Progress implements AutoCloseable {

    private static final long MIN_REDRAW_NANOS = 100_000_000L;    // ≤ 10 redraws per second
    private static final int BAR_CELLS = 10;
    private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

    private static volatile boolean stopRequested;
    private static final AtomicReference<Progress> drawing = new AtomicReference<>();

    private final String label;
    private final long total;
    private final long startNanos;
    private final boolean draws;
    private final PrintStream out;
    private final AtomicLong done = new AtomicLong();
    private volatile double loss = Double.NaN;
    private volatile long lastDrawNanos;
    private boolean drawn;      // guarded by this
    private boolean closed;     // guarded by this

    private Progress(String label, long total, PrintStream out, boolean draws) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.startNanos = System.nanoTime();
        this.lastDrawNanos = startNanos;
        this.draws = draws && drawing.compareAndSet(null, this);
    }

    /// A progress bar for a loop of `totalSteps` steps, labelled `label` (e.g. `fit`, `epoch 3`);
    /// drawn on `System.out` when the shell is interactive. Close it (try-with-resources) when the loop ends.
    public static Progress start(String label, long totalSteps) {
        return start(label, totalSteps, System.out, interactive());
    }

    /// As [#start(String, long)], drawing on `out` when `draw` is true (for tests and custom consoles).
    public static Progress start(String label, long totalSteps, PrintStream out, boolean draw) {
        Check.notNull("Progress.start", "label", label);
        Check.notNull("Progress.start", "out", out);
        if (totalSteps <= 0) throw Check.fail("Progress.start", "'totalSteps' must be > 0, got " + totalSteps);
        return new Progress(label, totalSteps, out, draw);
    }

    /// True when progress bars are drawn: the system property `mlscratch.interactive` when set (scripts/mlshell
    /// sets it from whether it runs on a terminal), otherwise false under `mlscratch.headless=true`,
    /// otherwise whether `System.console()` is a terminal.
    public static boolean interactive() {
        String flag = System.getProperty("mlscratch.interactive");
        if (flag != null) return Boolean.parseBoolean(flag);
        if (Boolean.getBoolean("mlscratch.headless")) return false;
        var console = System.console();
        return console != null && console.isTerminal();
    }

    /// One step done, with the current loss (shown on the bar).
    public void step(double loss) {
        this.loss = loss;
        step();
    }

    /// One step done.
    public void step() {
        done.incrementAndGet();
        if (draws || stopPoller != null) {
            long now = System.nanoTime();
            if (draws && now - lastDrawNanos >= MIN_REDRAW_NANOS) {
                lastDrawNanos = now;
                draw(now, false);
            }
            Runnable poller = stopPoller;
            if (poller != null && now - lastPollNanos >= MIN_REDRAW_NANOS) {
                lastPollNanos = now;
                poller.run();
            }
        }
    }

    private static volatile Runnable stopPoller;
    private static volatile long lastPollNanos;

    /// Installs `poller`, run at most 10 times a second from [#step()]: a way for the shell to notice Ctrl-C
    /// where JShell does not (it does not listen while it runs a file opened with `/open`). The poller calls
    /// [#requestStop()] when it sees one. `null` removes it.
    public static void setStopPoller(Runnable poller) { stopPoller = poller; }

    /// True when the user asked to stop (Ctrl-C in the shell): the loop should end now and return what it has.
    /// Same as the static [#stopRequested()]; here so that a loop reads `if (p.stopped()) break;`.
    public boolean stopped() { return stopRequested(); }

    /// Steps done so far.
    public long done() { return done.get(); }

    /// Ends the bar: when it was drawn, draws the final state with the elapsed time and ends the line.
    @Override public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            if (draws) {
                if (drawn) {
                    print(line(System.nanoTime(), true));
                    out.println();
                    out.flush();
                }
                drawing.compareAndSet(this, null);
            }
        }
    }

    private synchronized void draw(long now, boolean last) {
        if (closed) return;
        drawn = true;
        print(line(now, last));
        out.flush();
    }

    private int lastWidth;      // guarded by this

    /// Prints `line`, padded with blanks over the tail of a longer previous line.
    private synchronized void print(String line) {
        out.print(line + " ".repeat(Math.max(0, lastWidth - line.length())));
        lastWidth = line.length();
    }

    /// `\rfit ▕████▌     ▏ 45% 123/270 loss 0.4132 eta 3s` (the final line shows the elapsed time instead of eta).
    String line(long now, boolean last) {
        long k = Math.min(done.get(), total);
        double fraction = (double) k / total;
        var sb = new StringBuilder("\r").append(label).append(" ▕").append(bar(fraction)).append("▏");
        sb.append(String.format(Locale.ROOT, "%3d%% %d/%d", (int) Math.floor(100 * fraction), k, total));
        double L = loss;
        if (!Double.isNaN(L)) sb.append(" loss ").append(String.format(Locale.ROOT, "%.4g", L));
        double elapsed = (now - startNanos) / 1e9;
        if (last) sb.append(" ").append(duration(elapsed));
        else if (k > 0) sb.append(" eta ").append(duration(elapsed / k * (total - k)));
        return sb.toString();
    }

    /// `fraction` of 10 cells in eighths: 0.45 → `████▌     `.
    static String bar(double fraction) {
        int eighths = (int) Math.round(Math.clamp(fraction, 0, 1) * BAR_CELLS * 8);
        var sb = new StringBuilder("█".repeat(eighths / 8)).append(EIGHTHS[eighths % 8]);
        int cells = eighths / 8 + (eighths % 8 == 0 ? 0 : 1);
        return sb.append(" ".repeat(BAR_CELLS - cells)).toString();
    }

    /// `0.4s`, `3s`, `1m05s`, `2h07m`.
    static String duration(double seconds) {
        if (seconds < 0.95) return String.format(Locale.ROOT, "%.1fs", seconds);
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    // ───────────────────────────── Ctrl-C ─────────────────────────────

    /// True when the user asked to stop the running snippet: the flag set by [#requestStop()], or the
    /// current thread's interrupt status (left as it is).
    public static boolean stopRequested() {
        return stopRequested || Thread.currentThread().isInterrupted();
    }

    /// Throws [TrainingInterrupted] when the user asked to stop: for loops that have no partial result to return.
    public static void checkInterrupted() {
        if (stopRequested()) throw new TrainingInterrupted();
    }

    /// Asks every running loop to stop. Called by the shell on Ctrl-C; a test may call it too.
    public static void requestStop() { stopRequested = true; }

    /// Clears the request. Called by the shell before each snippet.
    public static void clearStop() { stopRequested = false; }
}
