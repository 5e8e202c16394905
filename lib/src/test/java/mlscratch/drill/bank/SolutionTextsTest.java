package mlscratch.drill.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillSet;
import mlscratch.repl.ShellExecution;
import mlscratch.repl.TutorialRunner;

/// The solution a learner reads (`solution("id")`) is source text, separate from the compiled reference the
/// engine checks against. This test pastes every bank solution into a real JShell with `startup.jsh`'s imports,
/// exactly as a learner would, and checks it with the CLI's own call — so a typo or a wrong line in a shown
/// solution fails here, not in front of a learner. (The engine's Examples and Timed sets are left to its tests.)
class SolutionTextsTest {

    static JShell js;
    static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();

    @BeforeAll static void shell() throws Exception {
        System.setProperty("mlscratch.progress", Files.createTempDirectory("drill-bank").resolve("p.properties").toString());
        var capture = new PrintStream(OUT, true, StandardCharsets.UTF_8);
        js = JShell.builder().executionEngine(new ShellExecution(), Map.of()).out(capture).err(capture).build();
        js.addToClasspath(System.getProperty("java.class.path"));
        for (String imp : TutorialRunner.startupImports()) js.eval(imp);
    }

    @AfterAll static void close() { js.close(); }

    /// The bank's topic drills: every `*Drills` set of this package (the engine's Examples and Timed sets are
    /// left to the engine's tests).
    static Stream<Drill> bankDrills() {
        return ServiceLoader.load(DrillSet.class).stream()
                .filter(p -> p.type().getPackageName().equals("mlscratch.drill.bank") && p.type().getSimpleName().endsWith("Drills"))
                .flatMap(p -> p.get().drills().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bankDrills")
    void shownSolutionCompilesInJShellAndPassesEveryCase(Drill d) {
        eval(d, d.solution());
        PrintStream stdout = System.out;
        OUT.reset();
        System.setOut(new PrintStream(OUT, true, StandardCharsets.UTF_8));
        try {
            String value = eval(d, "mlscratch.drill.Drills.checkAndReport(\"" + d.id() + "\", " + d.signature().lambda() + ")");
            assertEquals("true", value, () -> d.id() + ": the shown solution fails its drill:\n" + OUT.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    /// Evaluates every snippet of `code`; fails on a compile error or an exception; returns the last value.
    static String eval(Drill d, String code) {
        String remaining = code, value = null;
        while (!remaining.isBlank()) {
            var info = js.sourceCodeAnalysis().analyzeCompletion(remaining);
            assertTrue(info.completeness().isComplete(), () -> d.id() + ": incomplete code:\n" + code);
            for (SnippetEvent e : js.eval(info.source())) {
                if (e.causeSnippet() != null) continue;
                if (e.status() == Snippet.Status.REJECTED) {
                    throw new AssertionError(d.id() + ": does not compile in JShell:\n" + info.source() + "\n"
                            + js.diagnostics(e.snippet()).map(x -> x.getMessage(null)).collect(Collectors.joining("\n")));
                }
                if (e.exception() != null) throw new AssertionError(d.id() + ": " + info.source() + " threw " + e.exception());
                value = e.value();
            }
            remaining = info.remaining();
        }
        return value;
    }
}
