package mlscratch.drill;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import mlscratch.repl.ShellExecution;
import mlscratch.repl.TutorialRunner;

/// Compiles a user's answer (Java source: methods, records, helper lambdas) in a JShell with the library and
/// `startup.jsh`'s imports, then checks it: what `scripts/drill` does after the editor closes.
///
/// The JShell runs in this process ([ShellExecution]), so an answer redefined on the next attempt simply
/// replaces the old method. The check itself is the same as in JShell: `Drills.run(id, (T a) -> name(a))`.
final class AnswerShell implements AutoCloseable {

    /// What became of one attempt: compile errors (one line each, with the line of the answer), or the check.
    record Outcome(List<String> errors, boolean passed) {
        boolean compiled() { return errors.isEmpty(); }
    }

    private final JShell js;

    AnswerShell(PrintStream out) {
        js = JShell.builder().executionEngine(new ShellExecution(), Map.of()).out(out).err(out).build();
        js.addToClasspath(System.getProperty("java.class.path"));
        for (String imp : TutorialRunner.startupImports()) js.eval(imp);
    }

    /// Defines the snippets of `source`, then runs drill `d` on the method it names; the report goes to System.out.
    Outcome check(Drill d, String source) {
        var errors = define(source);
        if (!errors.isEmpty()) return new Outcome(errors, false);
        return evalCheck(d, "mlscratch.drill.Drills.checkAndReport(\"" + d.id() + "\", " + d.signature().lambda() + ")");
    }

    /// Defines `source`, then runs only the first `maxCases` cases of `d` (nothing recorded, nothing printed).
    Outcome quickCheck(Drill d, String source, int maxCases) {
        var errors = define(source);
        if (!errors.isEmpty()) return new Outcome(errors, false);
        return evalCheck(d, "mlscratch.drill.DrillRunner.run(mlscratch.drill.DrillRegistry.get(\"" + d.id() + "\"), "
                + d.signature().implLambda() + ", java.time.Duration.ofSeconds(120), " + maxCases + ").passed()");
    }

    private Outcome evalCheck(Drill d, String call) {
        var events = js.eval(call + ";");
        for (SnippetEvent e : events) {
            if (e.status() == Snippet.Status.REJECTED) {
                var diags = js.diagnostics(e.snippet()).map(x -> x.getMessage(Locale.ROOT).lines().findFirst().orElse("")).toList();
                return new Outcome(List.of("your answer does not define `" + d.signature() + "`: "
                        + String.join("; ", diags)), false);
            }
            if (e.exception() != null) return new Outcome(List.of("the check failed: " + e.exception()), false);
            if (e.value() != null && e.causeSnippet() == null) return new Outcome(List.of(), Boolean.parseBoolean(e.value()));
        }
        return new Outcome(List.of(), false);
    }

    /// Evaluates every complete snippet of `source`; compile errors as `line 3: cannot find symbol …`.
    List<String> define(String source) {
        var errors = new ArrayList<String>();
        SourceCodeAnalysis sca = js.sourceCodeAnalysis();
        String remaining = source;
        int lineOffset = 0;
        while (!remaining.isBlank()) {
            var info = sca.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                errors.add("line " + (lineOffset + leadingBlankLines(remaining) + 1) + ": incomplete code (a missing } or ;?)");
                break;
            }
            String snippet = info.source();
            int offset = lineOffset;
            for (SnippetEvent e : js.eval(snippet)) {
                if (e.causeSnippet() != null) continue;
                if (e.status() == Snippet.Status.REJECTED) {
                    js.diagnostics(e.snippet()).forEach(diag -> errors.add(describe(diag, snippet, offset)));
                } else if (e.exception() instanceof EvalException ex) {
                    errors.add("running your code threw " + ex.getExceptionClassName() + ": " + ex.getMessage());
                }
            }
            int consumed = remaining.length() - info.remaining().length();
            lineOffset += (int) remaining.substring(0, consumed).chars().filter(c -> c == '\n').count();
            remaining = info.remaining();
        }
        return errors;
    }

    private static int leadingBlankLines(String s) {
        int n = 0;
        for (String l : s.split("\n", -1)) { if (!l.isBlank()) break; n++; }
        return n;
    }

    private static String describe(Diag d, String source, int lineOffset) {
        int pos = (int) Math.max(0, Math.min(d.getStartPosition(), source.length()));
        int line = lineOffset + 1 + (int) source.substring(0, pos).chars().filter(c -> c == '\n').count();
        return "line " + line + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
    }

    /// Stops the running check (Ctrl-C): the snippet's thread is interrupted, the runner skips the rest.
    void stop() { js.stop(); }

    @Override public void close() { js.close(); }
}
