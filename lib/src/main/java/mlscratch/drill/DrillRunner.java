package mlscratch.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Runs an answer against every case of a drill and judges it ([Expect]); never throws for a bad answer.
///
/// The answer runs on its own daemon thread with a time limit per case (5 s by default). When it overruns,
/// the thread is interrupted; a loop that ignores interrupts keeps running in the background (the JVM cannot
/// stop it), so the remaining cases are skipped and the report says so. An exception from the answer becomes
/// one line: `threw ArithmeticException: / by zero (in softmax, #3:4)`, naming the user's innermost frame.
public final class DrillRunner {
    private DrillRunner() {}

    /// The time limit per case unless told otherwise.
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /// The time limit per case of a timed drill (a whole algorithm trained on real data).
    public static final Duration TIMED_TIMEOUT = Duration.ofSeconds(60);

    /// Every case, with [#DEFAULT_TIMEOUT] per case ([#TIMED_TIMEOUT] for a timed drill).
    public static CheckReport run(Drill drill, Fn.Impl answer) {
        return run(drill, answer, drill.timed() ? TIMED_TIMEOUT : DEFAULT_TIMEOUT);
    }

    public static CheckReport run(Drill drill, Fn.Impl answer, Duration timeout) {
        return run(drill, answer, timeout, Integer.MAX_VALUE);
    }

    /// The first `maxCases` cases only: a quick check.
    public static CheckReport run(Drill drill, Fn.Impl answer, Duration timeout, int maxCases) {
        var results = new ArrayList<CheckReport.Result>();
        boolean stuck = false;
        for (DrillCase c : drill.cases().subList(0, Math.min(maxCases, drill.cases().size()))) {
            if (stuck) {
                results.add(new CheckReport.Result(c.name(), CheckReport.Status.SKIPPED, "not run: an earlier case timed out or was stopped"));
                continue;
            }
            var r = runCase(drill, c, answer, timeout);
            results.add(r);
            if (r.status() == CheckReport.Status.TIMEOUT) stuck = true;
        }
        return new CheckReport(drill.id(), results);
    }

    private static CheckReport.Result runCase(Drill drill, DrillCase c, Fn.Impl answer, Duration timeout) {
        Object[] refArgs = c.build();
        Object expected;
        try {
            expected = drill.reference().call(refArgs);
        } catch (Throwable t) {
            return new CheckReport.Result(c.name(), CheckReport.Status.ERROR,
                    "the REFERENCE failed (a bug in the drill, not in your answer): " + t);
        }
        Object[] args = c.build();
        String input = Compare.showArgs(drill.signature(), c.build());
        if (answer == drill.reference()) {          // checking the reference itself (the bank's own test): run it once
            return verdict(c, args, expected, expected, input);
        }
        Object got;
        var future = new CompletableFuture<Object>();
        Thread worker = Thread.ofPlatform().daemon().name("drill-" + drill.id()).unstarted(() -> {
            try {
                future.complete(answer.call(args));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        worker.start();
        try {
            got = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            try {
                worker.join(200);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            String still = worker.isAlive() ? "; it ignores interrupts, so it keeps a core busy until the JVM exits" : "";
            return new CheckReport.Result(c.name(), CheckReport.Status.TIMEOUT,
                    "timed out after " + seconds(timeout) + " (an endless loop?" + still + "); input " + input);
        } catch (InterruptedException e) {                 // Ctrl-C in mlshell or scripts/drill: stop, skip the rest
            worker.interrupt();
            Thread.currentThread().interrupt();
            return new CheckReport.Result(c.name(), CheckReport.Status.TIMEOUT, "stopped (Ctrl-C); input " + input);
        } catch (ExecutionException e) {
            return new CheckReport.Result(c.name(), CheckReport.Status.ERROR, describe(e.getCause(), drill) + "; input " + input);
        }
        return verdict(c, args, expected, got, input);
    }

    private static CheckReport.Result verdict(DrillCase c, Object[] args, Object expected, Object got, String input) {
        String why;
        try {
            why = judge(c.expect(), c, args, expected, got);
        } catch (IllegalArgumentException e) {
            why = "could not judge the answer: " + e.getMessage();
        } catch (RuntimeException e) {
            why = "could not judge the answer: " + e;
        }
        if (why == null) return new CheckReport.Result(c.name(), CheckReport.Status.PASS, "");
        return new CheckReport.Result(c.name(), CheckReport.Status.FAIL, why + "; input " + input);
    }

    static String judge(Expect expect, DrillCase c, Object[] args, Object expected, Object got) {
        return switch (expect) {
            case Expect.Close(double tol) -> {
                String d = Compare.diff(expected, got, tol);
                yield d == null ? null : "expected " + Compare.show(expected) + ", got " + Compare.show(got) + " — " + d;
            }
            case Expect.Gradient(var loss, int wrt, double tol) -> {
                Object numeric = numericGradient(loss, c, wrt);
                String d = Compare.diff(numeric, got, tol);
                if (d != null) {
                    yield "finite differences give " + Compare.show(numeric) + ", your gradient " + Compare.show(got) + " — " + d;
                }
                String r = Compare.diff(expected, got, tol);
                yield r == null ? null : "expected " + Compare.show(expected) + ", got " + Compare.show(got) + " — " + r;
            }
            case Expect.Score(String name, var score, double tol, boolean higher) -> {
                double ref = score.score(c.build(), expected);
                double mine = score.score(c.build(), got);
                boolean ok = higher ? mine >= ref - tol : mine <= ref * (1 + tol) + tol * 1e-12;
                yield ok ? null : String.format(java.util.Locale.ROOT, "%s %s, the reference reaches %s (%s %s allowed)",
                        name, Compare.num(mine), Compare.num(ref), higher ? "−" : "× 1 +", Compare.num(tol));
            }
            case Expect.That(var judge) -> judge.judge(args, expected, got);
        };
    }

    /// Central differences of `loss` with respect to `args[wrt]` (a Vector or a Matrix): h = 1e-6 · max(1, |xᵢ|).
    static Object numericGradient(java.util.function.ToDoubleFunction<Object[]> loss, DrillCase c, int wrt) {
        Object[] base = c.build();
        Object x = base[wrt];
        double[] v = switch (x) {
            case Vector u -> u.toArray();
            case Matrix m -> m.toArray();
            case double[] d -> d.clone();
            default -> throw new IllegalArgumentException("Expect.gradient: args[" + wrt + "] is a "
                    + x.getClass().getSimpleName() + ", not a Vector, Matrix or double[]");
        };
        double[] g = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(v[i]));
            double[] plus = v.clone(), minus = v.clone();
            plus[i] += h;
            minus[i] -= h;
            Object[] a = c.build(), b = c.build();
            a[wrt] = like(x, plus);
            b[wrt] = like(x, minus);
            g[i] = (loss.applyAsDouble(a) - loss.applyAsDouble(b)) / (2 * h);   // ∂L/∂xᵢ ≈ (L(x + h eᵢ) − L(x − h eᵢ)) / 2h
        }
        return like(x, g);
    }

    private static Object like(Object x, double[] values) {
        return switch (x) {
            case Vector u -> Vector.of(values);
            case Matrix m -> Matrix.wrap(m.rows(), m.cols(), values);
            default -> values;
        };
    }

    private static final Set<String> RUNNER = Set.of(Fn.class.getName(), DrillRunner.class.getName(), Drills.class.getName());

    /// `threw ArithmeticException: / by zero (in softmax, #3:4)`: the exception and the user's innermost frame.
    static String describe(Throwable t, Drill drill) {
        var sb = new StringBuilder("threw ").append(t.getClass().getSimpleName());
        if (t.getMessage() != null) sb.append(": ").append(t.getMessage().lines().findFirst().orElse(""));
        StackTraceElement frame = userFrame(t);
        if (frame != null) {
            sb.append(" (in ").append(frame.getMethodName().startsWith("lambda$") ? "your lambda" : frame.getMethodName());
            // A JShell snippet's line numbers count the lines of JShell's wrapper class: not worth showing.
            boolean snippet = frame.getClassName().startsWith("REPL.");
            if (!snippet && frame.getFileName() != null && frame.getLineNumber() > 0) {
                sb.append(", ").append(frame.getFileName().replaceFirst("\\.java$", "")).append(':').append(frame.getLineNumber());
            }
            sb.append(')');
        }
        if (t instanceof ClassCastException) {
            sb.append(" — do your parameter types match `").append(drill.signature()).append("`?");
        }
        if (t instanceof StackOverflowError) sb.append(" — endless recursion?");
        return sb.toString();
    }

    static StackTraceElement userFrame(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String cls = e.getClassName();
            if (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.")) continue;
            String outer = cls.contains("$") && !cls.startsWith("REPL.") ? cls.substring(0, cls.indexOf('$')) : cls;
            if (RUNNER.contains(outer)) break;
            if (cls.startsWith("mlscratch.") && !outer.endsWith("Test")) continue;   // library code: look further down
            return e;
        }
        return null;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
