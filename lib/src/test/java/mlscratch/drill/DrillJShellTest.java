package mlscratch.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import mlscratch.repl.ShellExecution;
import mlscratch.repl.TutorialRunner;

/// The JShell user's view, through a real JShell with `startup.jsh`'s imports (both `check`s imported):
/// overloads resolve for implicit lambdas, typed lambdas and Shell's `check(String, boolean)`.
class DrillJShellTest {

    static JShell js;
    static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    static PrintStream stdout;

    @BeforeAll static void shell() throws Exception {
        System.setProperty("mlscratch.progress", Files.createTempDirectory("drill-jshell").resolve("p.properties").toString());
        System.setProperty("mlscratch.headless", "true");
        stdout = System.out;
        var capture = new PrintStream(OUT, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        js = JShell.builder().executionEngine(new ShellExecution(), Map.of()).out(capture).err(capture).build();
        js.addToClasspath(System.getProperty("java.class.path"));
        List<String> imports = TutorialRunner.startupImports();
        assertTrue(imports.contains("import static mlscratch.drill.Drills.*;"), "startup.jsh imports the drills");
        for (String imp : imports) eval(imp);
        eval(SOFTMAX);                       // every test may use it, whatever their order
    }

    @AfterAll static void close() {
        js.close();
        System.setOut(stdout);
    }

    /// Evaluates `code`, failing on a compile error or an exception; returns what it printed.
    static String eval(String code) {
        OUT.reset();
        for (SnippetEvent e : js.eval(code)) {
            if (e.status() == Snippet.Status.REJECTED) {
                throw new AssertionError("does not compile: " + code + "\n" + js.diagnostics(e.snippet())
                        .map(d -> d.getMessage(null)).collect(Collectors.joining("\n")));
            }
            if (e.exception() != null) throw new AssertionError(code + " threw " + e.exception());
        }
        return OUT.toString(StandardCharsets.UTF_8);
    }

    static final String SOFTMAX = """
            Vector softmax(Vector z) {
                if (z.size() == 0) return z;
                double m = z.max();
                Vector e = z.map(v -> Math.exp(v - m));
                return e.scale(1 / e.sum());
            }""";

    @Test void implicitLambdaOverAMethodTheUserDefined() {
        eval(SOFTMAX);
        String out = eval("check(\"softmax\", z -> softmax(z))");
        assertTrue(out.contains("✓ large logits 1000"), out);
        assertTrue(out.contains("softmax: 8/8 passed"), out);
    }

    @Test void naiveAnswerPrintsOneLinePerCaseWithExpectedGotAndInput() {
        eval("Vector naive(Vector z) { Vector e = z.map(Math::exp); return e.scale(1 / e.sum()); }");
        String out = eval("check(\"softmax\", z -> naive(z))");
        var bad = out.lines().filter(l -> l.startsWith("✗ large logits 1000")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertTrue(bad.contains("expected Vector(3)") && bad.contains("got Vector(3) [NaN") && bad.contains("input z = "), bad);
        assertTrue(out.contains("softmax: 7/8 passed"), out);   // only the overflow case fails
        assertTrue(bad.endsWith("(tolerance 1e-12); input z = Vector(3) [1000, 1000, 999]"), bad);
    }

    @Test void twoAndThreeArgumentImplicitLambdasAndTypedOnes() {
        String two = eval("check(\"softmax-grad\", (z, g) -> { var p = softmax(z); return p.hadamard(g.minus(g.dot(p))); })");
        assertTrue(two.contains("softmax-grad: 7/7 passed"), two);
        String three = eval("""
                check("logistic-grad", (X, y, w) -> X.transpose().times(X.times(w).map(t -> 1 / (1 + Math.exp(-t))).minus(y)).scale(1.0 / X.rows()))""");
        assertTrue(three.contains("logistic-grad: 6/6 passed") || three.contains("logistic-grad: 5/6 passed"), three);
        String typed = eval("check(\"softmax\", (Vector z) -> softmax(z))");
        assertTrue(typed.contains("8/8 passed"), typed);
    }

    @Test void shellsBooleanCheckStillResolves() {
        assertEquals("✓ one plus one\n", eval("check(\"one plus one\", 1 + 1 == 2)"));
    }

    @Test void forgettingTheEmptyCaseIsOneLineNamingTheLibraryError() {
        eval("Vector noEmpty(Vector z) { double m = z.max(); Vector e = z.map(v -> Math.exp(v - m)); return e.scale(1 / e.sum()); }");
        String out = eval("check(\"softmax\", z -> noEmpty(z))");
        var empty = out.lines().filter(l -> l.startsWith("✗ empty")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertTrue(empty.contains("threw IllegalArgumentException") && empty.contains("(in noEmpty);"), empty);
        assertTrue(out.contains("softmax: 7/8 passed"), out);
    }

    @Test void anExceptionInTheUsersMethodIsOneLineNamingIt() {
        eval("Vector bad(Vector z) { int[] a = new int[1]; a[z.size()] = 1; return z; }");
        String out = eval("check(\"softmax\", z -> bad(z))");
        String first = out.lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("✗ hand case") && first.contains("threw ArrayIndexOutOfBoundsException")
                && first.contains("(in bad);"), first);
        assertFalse(out.contains("\tat "), "no stack trace");
    }

    @Test void listingStatementHintAndGatedExplanation() {
        assertTrue(eval("drills()").contains("[medium] softmax-grad"));
        assertTrue(eval("drill(\"softmax-grad\")").contains("Signature:  Vector softmaxGrad(Vector z, Vector g)"));
        assertTrue(eval("hint(\"softmax-grad\")").startsWith("hint 1/3: "));
        assertTrue(eval("hint(\"softmax-grad\")").startsWith("hint 2/3: "));
        assertTrue(eval("solution(\"softmax\")").contains("z.max()"));
    }
}
