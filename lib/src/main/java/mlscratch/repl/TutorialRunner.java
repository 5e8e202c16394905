package mlscratch.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/// Runs a `.jsh` file headless, the way `/open` would in mlshell, and reports the first thing that went
/// wrong: a snippet that does not compile (with the compiler's message, the line and a caret), an
/// exception thrown by a snippet (with its stack), a failed tutorial check, a reference to something
/// undefined, a JShell command other than a listing, a snippet left incomplete at the end of the file, or a
/// cell marker that breaks the tutorial convention (tutorials/README.md).
///
/// Each file gets a fresh JShell with the imports of `startup.jsh` and the library on its class path; its
/// snippets run in this JVM on the mlshell engine ([ShellExecution]), with `mlscratch.headless=true`
/// (so `cell` never waits and plots go to files) and `java.awt.headless=true`.
/// `TutorialsTest` runs every tutorial through it; from a shell:
/// ```
/// java -cp "target/classes:$(cat target/classpath.txt)" mlscratch.repl.TutorialRunner tutorials/00-tour.jsh
/// ```
public final class TutorialRunner {
    private TutorialRunner() {}

    /// What running one file gave: how many snippets ran, the output they printed, and the failure if any.
    public record Result(Path file, int snippets, Duration time, String output, Optional<String> failure) {
        public boolean ok() { return failure.isEmpty(); }

        /// `00-tour.jsh: 23 snippets in 1.2 s`, or the failure followed by the last lines printed before it.
        public String report() {
            String head = String.format(Locale.ROOT, "%s: %d snippets in %.1f s", file.getFileName(), snippets,
                    time.toMillis() / 1000.0);
            if (ok()) return head;
            var lines = output.lines().toList();
            var tail = lines.subList(Math.max(0, lines.size() - 25), lines.size());
            return failure.get() + (tail.isEmpty() ? "" : "\n--- last output ---\n" + String.join("\n", tail));
        }
    }

    /// A snippet may run this long before it is stopped and reported.
    public static final Duration SNIPPET_TIMEOUT = Duration.ofMinutes(3);

    private static final Pattern CELL_MARKER = Pattern.compile("//\\s*━+\\s*Cell\\s+(\\d+)\\s*·\\s*(.*?)\\s*━*\\s*");
    private static final Pattern CELL_CALL = Pattern.compile("cell\\(\\s*(\\d+)\\s*,\\s*\"(.*)\"\\s*\\);");
    private static final List<String> LISTING_COMMANDS =
            List.of("/vars", "/methods", "/types", "/imports", "/list", "/history");

    /// Runs `jsh` headless with the imports of `startup.jsh` (found in the working directory or the project).
    public static Result run(Path jsh) {
        return run(jsh, startupImports());
    }

    /// Runs `jsh` headless after evaluating `imports` (import snippets).
    public static Result run(Path jsh, List<String> imports) {
        long start = System.nanoTime();
        System.setProperty("mlscratch.headless", "true");
        System.setProperty("java.awt.headless", "true");
        var buffer = new ByteArrayOutputStream();
        var capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        PrintStream stdout = System.out, stderr = System.err;
        int[] count = {0};
        Optional<String> failure;
        System.setOut(capture);
        System.setErr(capture);
        try (JShell js = JShell.builder().executionEngine(new ShellExecution(), Map.of())
                .out(capture).err(capture).build()) {
            js.addToClasspath(System.getProperty("java.class.path"));
            failure = runAll(js, jsh, imports, count);
        } catch (RuntimeException e) {
            failure = Optional.of(jsh.getFileName() + ": the runner failed: " + e);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new Result(jsh, count[0], Duration.ofNanos(System.nanoTime() - start),
                buffer.toString(StandardCharsets.UTF_8), failure);
    }

    private static Optional<String> runAll(JShell js, Path jsh, List<String> imports, int[] count) {
        String name = jsh.getFileName().toString();
        var origins = new HashMap<String, String>();     // snippet id → file:line
        for (String imp : imports) {
            var problem = eval(js, imp, "startup.jsh", 0, origins);
            if (problem.isPresent()) return problem;
        }
        String text;
        try {
            text = Files.readString(jsh);
        } catch (IOException e) {
            return Optional.of(name + ": cannot read: " + e.getMessage());
        }
        var lint = lintCells(text);
        if (!lint.isEmpty()) return Optional.of(name + ": " + String.join("\n" + name + ": ", lint));

        // The same splitting as JShell's /open: lines accumulate until they form a complete snippet.
        SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
        String[] lines = text.split("\\R", -1);
        String src = "";
        int srcLine = 1;
        for (int i = 0; i < lines.length; i++) {
            if (src.isEmpty()) srcLine = i + 1;
            src = src.isEmpty() ? lines[i] : src + "\n" + lines[i];
            while (!src.isEmpty()) {
                if (isCommand(src)) {
                    String command = src.strip().split("\\s+")[0];
                    if (!LISTING_COMMANDS.contains(command)) {
                        return Optional.of(name + ":" + srcLine + ": the JShell command " + command
                                + " cannot run in a tutorial (only snippets, and " + String.join(" ", LISTING_COMMANDS) + ")");
                    }
                    src = "";
                    break;
                }
                var info = analysis.analyzeCompletion(src);
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    src = "";
                    break;
                }
                if (!info.completeness().isComplete()) break;        // read the next line
                String snippet = info.source().stripTrailing();
                int line = srcLine + leadingCommentLines(snippet);
                count[0]++;
                var problem = eval(js, snippet, name, line, origins);
                if (problem.isPresent()) return problem;
                src = info.remaining().strip().isEmpty() ? "" : info.remaining();
            }
        }
        if (!src.isBlank()) {
            return Optional.of(name + ":" + srcLine + ": the file ends inside an incomplete snippet:\n" + indent(src));
        }
        return Optional.empty();
    }

    /// Evaluates one snippet with a watchdog; returns what went wrong, if anything. `where` maps the ids of
    /// the snippets run so far to `file:line`, to name their frames in a stack trace.
    private static Optional<String> eval(JShell js, String snippet, String file, int line, Map<String, String> where) {
        List<SnippetEvent> events;
        var timedOut = new AtomicBoolean();
        try (var watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "tutorial-watchdog");
            t.setDaemon(true);
            return t;
        })) {
            Runnable stop = () -> { timedOut.set(true); js.stop(); };
            watchdog.schedule(stop, SNIPPET_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            watchdog.schedule(stop, SNIPPET_TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS);   // abandons it
            events = js.eval(snippet);
            watchdog.shutdownNow();
        }
        for (SnippetEvent e : events) where.putIfAbsent(e.snippet().id(), file + ":" + line);
        String at = file + ":" + line + ": ";
        if (timedOut.get()) {
            return Optional.of(at + "stopped after running " + SNIPPET_TIMEOUT.toMinutes() + " min:\n" + indent(snippet));
        }
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) continue;            // a consequence of another snippet
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.REJECTED) {
                String diags = js.diagnostics(s).map(d -> describe(d, s.source(), line)).collect(Collectors.joining("\n"));
                return Optional.of(at + "does not compile:\n" + diags);
            }
            if (e.exception() instanceof UnresolvedReferenceException u) {
                return Optional.of(at + "uses " + String.join(", ", js.unresolvedDependencies(u.getSnippet()).toList())
                        + ", which is not defined:\n" + indent(snippet));
            }
            if (e.exception() instanceof EvalException ex) {
                String type = ex.getExceptionClassName();
                if (type.equals(TutorialCheckFailed.class.getName())) {
                    return Optional.of(at + "check failed: " + ex.getMessage());
                }
                return Optional.of(at + type + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                        + "\n" + indent(snippet) + "\n" + stack(ex, where));
            }
            if (e.exception() != null) return Optional.of(at + e.exception() + "\n" + indent(snippet));
            if (s instanceof DeclarationSnippet d && (e.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)) {
                return Optional.of(at + "uses " + String.join(", ", js.unresolvedDependencies(d).toList())
                        + ", which is not defined:\n" + indent(snippet));
            }
        }
        return Optional.empty();
    }

    /// `  line 42: cannot find symbol …` with the source line and a caret under the position.
    private static String describe(Diag d, String source, int firstLine) {
        int pos = (int) Math.max(0, Math.min(d.getStartPosition(), source.length()));
        int lineIndex = (int) source.substring(0, pos).chars().filter(c -> c == '\n').count();
        int lineStart = source.lastIndexOf('\n', pos - 1) + 1;
        int lineEnd = source.indexOf('\n', pos);
        String text = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        int column = Math.min(pos - lineStart, text.length());
        return "  line " + (firstLine + lineIndex) + ": " + d.getMessage(Locale.ROOT).replace("\n", "\n    ")
                + "\n    " + text + "\n    " + " ".repeat(column) + "^";
    }

    /// The top frames of the stack; a snippet's frames name the file and line it came from.
    private static String stack(EvalException ex, Map<String, String> where) {
        var frames = ex.getStackTrace();
        var sb = new StringBuilder();
        for (int i = 0; i < Math.min(frames.length, 12); i++) {
            var f = frames[i];
            String file = f.getFileName();
            String origin = file != null && file.startsWith("#") ? where.get(file.substring(1)) : null;
            if (origin != null) {
                int colon = origin.lastIndexOf(':');
                int line = Integer.parseInt(origin.substring(colon + 1)) + Math.max(0, f.getLineNumber() - 1);
                String method = f.getMethodName().isEmpty() || f.getMethodName().startsWith("do_it") ? "snippet" : f.getMethodName();
                String text = "    at " + method + " (" + origin.substring(0, colon) + ":" + line + ")\n";
                if (!sb.toString().endsWith(text)) sb.append(text);       // do_it and its helper: one line
            } else {
                sb.append("    at ").append(f).append('\n');
            }
        }
        Throwable cause = ex.getCause();
        if (cause instanceof EvalException c) {
            sb.append("  caused by ").append(c.getExceptionClassName()).append(": ").append(c.getMessage()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static String indent(String s) {
        return s.lines().map(l -> "    | " + l).collect(Collectors.joining("\n"));
    }

    /// The lines before the code of a snippet that are blank or `//` comments (JShell keeps them in the source).
    private static int leadingCommentLines(String snippet) {
        int n = 0;
        for (String l : snippet.split("\n", -1)) {
            String s = l.strip();
            if (!s.isEmpty() && !s.startsWith("//")) break;
            n++;
        }
        return n;
    }

    private static boolean isCommand(String src) {
        String s = src.stripLeading();
        return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/*");
    }

    /// Problems with the tutorial convention: the first line is a `// NN · Title` comment; each cell is
    /// opened by a marker line `// ━━━ Cell N · Title ━━━…` followed by `cell(N, "Title");`; cells are
    /// numbered 1, 2, 3… Empty when all is well.
    public static List<String> lintCells(String text) {
        var problems = new ArrayList<String>();
        String[] lines = text.split("\\R", -1);
        if (lines.length == 0 || !lines[0].startsWith("//")) problems.add("line 1: the first line should be a title comment: // NN · Title");
        int expected = 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            var call = CELL_CALL.matcher(line);
            if (call.matches()) {
                int j = i - 1;
                while (j >= 0 && lines[j].isBlank()) j--;
                var marker = j >= 0 ? CELL_MARKER.matcher(lines[j].strip()) : null;
                if (marker == null || !marker.matches()) {
                    problems.add("line " + (i + 1) + ": cell(" + call.group(1) + ", …) should follow its marker line // ━━━ Cell "
                            + call.group(1) + " · " + call.group(2) + " ━━━");
                }
            }
            var marker = CELL_MARKER.matcher(line);
            if (!marker.matches()) continue;
            int n = Integer.parseInt(marker.group(1));
            String title = marker.group(2);
            if (n != expected) problems.add("line " + (i + 1) + ": cell " + n + " should be numbered " + expected);
            expected = n + 1;
            int j = i + 1;
            while (j < lines.length && lines[j].isBlank()) j++;
            var next = j < lines.length ? CELL_CALL.matcher(lines[j].strip()) : null;
            if (next == null || !next.matches() || Integer.parseInt(next.group(1)) != n || !next.group(2).equals(title)) {
                problems.add("line " + (i + 1) + ": the marker of cell " + n + " should be followed by cell(" + n + ", \""
                        + title + "\");");
            }
        }
        if (expected == 1) problems.add("no cells: open each with // ━━━ Cell 1 · Title ━━━ and cell(1, \"Title\");");
        return problems;
    }

    /// The import snippets of `startup.jsh` (its `/open` and other lines are for the interactive shell).
    public static List<String> startupImports() {
        Path startup = Path.of("startup.jsh");
        if (!Files.isRegularFile(startup)) {
            startup = Sources.projectRoot().map(r -> r.resolve("startup.jsh")).orElse(startup);
        }
        try {
            return Files.readAllLines(startup).stream().map(String::strip)
                        .filter(l -> l.startsWith("import ")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("TutorialRunner: cannot read " + startup.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /// Runs the given `.jsh` files (default: every `tutorials/NN-*.jsh`); prints one line each, the failures
    /// in full, and exits with status 1 when any failed.
    public static void main(String[] args) {
        List<Path> files = args.length > 0 ? java.util.Arrays.stream(args).map(Path::of).toList()
                : Shell.tutorialsDir().map(Shell::scripts).orElse(List.of());
        int failed = 0;
        for (Path f : files) {
            var r = run(f);
            System.out.println((r.ok() ? "ok   " : "FAIL ") + r.report());
            if (!r.ok()) failed++;
        }
        System.out.println((files.size() - failed) + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}
