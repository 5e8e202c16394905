package mlscratch.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The headless runner reports every kind of broken tutorial, with the line it broke on.
class TutorialRunnerTest {

    @TempDir Path dir;

    static final String HEAD = """
            // 98 · A test tutorial
            // ━━━ Cell 1 · Start ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
            cell(1, "Start");
            """;                                                    // 3 lines: the snippets below start at line 4

    TutorialRunner.Result run(String body) throws IOException {
        Path f = dir.resolve("98-test.jsh");
        Files.writeString(f, HEAD + body);
        return TutorialRunner.run(f);
    }

    @Test void aGoodTutorialRunsEverySnippetWithTheStartupImports() throws IOException {
        var r = run("""
                var X = Matrix.of(2, 2, 1, 2, 3, 4);      // line 4: Matrix comes from startup.jsh's imports
                int twice(int a) { return 2 * a; }
                /vars
                var s = "two snippets"; var t = s.length();
                show("X", X);
                checkClose("trace", X.trace(), 5, 1e-12);
                check("twice", twice(2) == 4);
                """);
        assertTrue(r.ok(), r.report());
        assertEquals(8, r.snippets(), "cell(1, …) and 7 snippets; /vars is skipped");
        assertTrue(r.output().contains("X ==> ") && r.output().contains("✓ trace"), r.output());
    }

    @Test void aCompileErrorIsReportedWithItsLineAndACaret() throws IOException {
        var r = run("""
                var ok = 1;
                int bad = "text";
                var never = 3;
                """);
        String report = r.report();
        assertFalse(r.ok());
        assertTrue(report.startsWith("98-test.jsh:5: does not compile:"), report);
        assertTrue(report.contains("line 5: incompatible types") && report.contains("int bad = \"text\";"), report);
        assertTrue(report.contains("          ^"), "caret under the offending expression:\n" + report);
        assertEquals(3, r.snippets(), "stops at the first failure");
    }

    @Test void aFailedCheckIsReportedWithItsNumbers() throws IOException {
        var r = run("""
                double w = 1.9;

                // a comment line before the check
                checkClose("w recovers 2", w, 2.0, 0.01);
                """);
        assertTrue(r.report().startsWith("98-test.jsh:7: check failed: ✗ w recovers 2: got 1.9, expected 2.0 ± 0.01"), r.report());
    }

    @Test void anExceptionIsReportedWithItsTypeMessageAndStack() throws IOException {
        var r = run("""
                System.out.println("before the failure");
                Matrix.of(2, 2, 1, 2, 3).trace();
                """);
        String report = r.report();
        assertTrue(report.startsWith("98-test.jsh:5: java.lang.IllegalArgumentException: Matrix.of: 2×2 needs 4 values, got 3"), report);
        assertTrue(report.contains("Matrix.java:"), "the stack names the library frame:\n" + report);
        assertTrue(report.contains("--- last output ---") && report.contains("before the failure"), report);
    }

    @Test void anUndefinedNameIsAFailureEvenInADeclaration() throws IOException {
        var r = run("""
                double slope() { return helper() * 2; }
                """);
        assertTrue(r.report().startsWith("98-test.jsh:4: uses method helper(), which is not defined"), r.report());
    }

    @Test void aJShellCommandOtherThanAListingIsRefused() throws IOException {
        var r = run("""
                /open other.jsh
                """);
        assertTrue(r.report().startsWith("98-test.jsh:4: the JShell command /open cannot run in a tutorial"), r.report());
    }

    @Test void anUnfinishedSnippetAtTheEndIsReported() throws IOException {
        var r = run("""
                for (int i = 0; i < 3; i++) {
                    System.out.println(i);
                """);
        assertTrue(r.report().startsWith("98-test.jsh:4: the file ends inside an incomplete snippet"), r.report());
    }

    @Test void brokenCellConventionsAreReportedBeforeAnythingRuns() throws IOException {
        Path f = dir.resolve("97-cells.jsh");
        Files.writeString(f, """
                // 97 · Cells out of order
                // ━━━ Cell 1 · One ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
                cell(1, "One");
                // ━━━ Cell 3 · Three ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
                cell(3, "Not three");
                cell(4, "Four");
                """);
        var r = TutorialRunner.run(f);
        assertEquals(0, r.snippets());
        assertTrue(r.report().contains("line 4: cell 3 should be numbered 2"), r.report());
        assertTrue(r.report().contains("line 4: the marker of cell 3 should be followed by cell(3, \"Three\");"), r.report());
        assertTrue(r.report().contains("line 6: cell(4, …) should follow its marker line"), r.report());
        assertEquals(List.of("no cells: open each with // ━━━ Cell 1 · Title ━━━ and cell(1, \"Title\");"),
                TutorialRunner.lintCells("// 96 · No cells\nvar x = 1;\n"));
    }

    @Test void startupImportsAreTheImportLinesOfStartupJsh() {
        var imports = TutorialRunner.startupImports();
        assertTrue(imports.contains("import module java.base;") && imports.contains("import static mlscratch.repl.Shell.*;"),
                imports.toString());
        assertTrue(imports.stream().allMatch(l -> l.startsWith("import ")));
    }
}
