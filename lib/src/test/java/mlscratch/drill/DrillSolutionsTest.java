package mlscratch.drill;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// What `solution(id)` prints is real code: pasted into JShell (with startup.jsh's imports) it compiles and
/// passes its drill — so the shown solution cannot drift from the compiled reference. Covers every DrillSet.
/// A timed drill's solution runs on its first case only (the reference runs them all in DrillBankTest).
class DrillSolutionsTest {

    static AnswerShell shell;
    static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    static PrintStream stdout;

    @BeforeAll static void shell() throws Exception {
        System.setProperty("mlscratch.progress", Files.createTempDirectory("drill-solutions").resolve("p.properties").toString());
        stdout = System.out;
        var capture = new PrintStream(OUT, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        shell = new AnswerShell(capture);
    }

    @AfterAll static void close() {
        shell.close();
        System.setOut(stdout);
    }

    static Stream<Drill> drills() { return DrillRegistry.all().stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drills")
    void theShownSolutionCompilesInJShellAndPasses(Drill d) {
        OUT.reset();
        var outcome = d.timed() ? shell.quickCheck(d, d.solution(), 1) : shell.check(d, d.solution());
        String printed = OUT.toString(StandardCharsets.UTF_8);
        assertTrue(outcome.compiled(), () -> d.id() + ": the solution does not compile: " + outcome.errors());
        assertTrue(outcome.passed(), () -> d.id() + ": the solution fails its drill:\n" + printed);
    }
}
