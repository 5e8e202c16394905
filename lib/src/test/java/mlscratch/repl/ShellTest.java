package mlscratch.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

class ShellTest {

    @BeforeAll static void headless() { System.setProperty("mlscratch.headless", "true"); }

    /// What `r` prints on System.out.
    static String printed(Runnable r) {
        PrintStream before = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(before);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test void helpOnAClassShowsItsSummaryExampleAndMethodsFromTheSource() {
        String text = printed(() -> Shell.help(Matrix.class));
        assertTrue(text.startsWith("class Matrix  (mlscratch.linalg)"), text);
        assertTrue(text.contains("An immutable dense matrix of doubles"), "first paragraph of the /// comment");
        assertTrue(text.contains("Example:") && text.contains("X.transpose().times(X)"), "the fenced example");
        assertTrue(text.contains("of(int rows, int cols, double... values)"), "signatures with parameter names");
        assertTrue(text.contains("Static:") && text.contains("Methods:") && text.contains("times(Matrix B)"));
        assertFalse(text.contains("hashCode()"), "Object's methods are left out");
        assertTrue(text.lines().allMatch(l -> l.length() <= 110), "wrapped");
    }

    @Test void helpOnAValueNameOrRecordGivesTheSameClassHelp() {
        String byValue = printed(() -> Shell.help((Object) Vector.of(1, 2)));
        assertTrue(byValue.startsWith("a Vector (mlscratch.linalg.Vector):"), byValue);
        assertTrue(byValue.contains("An immutable vector of doubles"));
        assertEquals(printed(() -> Shell.help(Matrix.class)), printed(() -> Shell.help("Matrix")));
        assertEquals(printed(() -> Shell.help(Matrix.class)), printed(() -> Shell.help("mlscratch.linalg.Matrix")));
        String record = printed(() -> Shell.help("Dataset"));
        assertTrue(record.contains("Record:   Dataset(String name, Matrix X, Vector y, List<String> featureNames"), record);
    }

    @Test void helpOnAMethodPrintsEachOverloadWithItsDocComment() {
        String text = printed(() -> Shell.help("Matrix.times"));
        assertTrue(text.contains("public Matrix times(Matrix B)"), text);
        assertTrue(text.contains("public Vector times(Vector x)"), text);
        assertFalse(text.contains("{"), "the declaration stops before its body");
    }

    @Test void helpOnAPackageListsItsClassesWithOneLineEach() {
        String text = printed(() -> Shell.help("linalg"));
        assertTrue(text.startsWith("package mlscratch.linalg"), text);
        assertTrue(text.contains("Matrix") && text.contains("Vector") && text.contains("An immutable dense matrix"), text);
    }

    @Test void helpOnAnUnknownNameSuggestsTheClosestOnes() {
        assertTrue(printed(() -> Shell.help("Matrx")).contains("did you mean Matrix?"));
        assertTrue(printed(() -> Shell.help("Matrix.tims")).contains("did you mean times?"));
    }

    @Test void helpWithoutArgumentsListsThePackagesAndHowToAsk() {
        String text = printed(Shell::help);
        var linalg = text.lines().filter(l -> l.startsWith("  linalg ")).findFirst().orElse("");
        assertTrue(linalg.contains("Matrix") && linalg.contains(" · ") && text.contains("help(\"Matrix.times\")"), text);
        String banner = printed(Shell::banner);
        assertTrue(banner.lines().count() < 10 && banner.contains("help()") && banner.contains("tutorials()"), banner);
    }

    @Test void checksPrintATickOrThrowWithTheNumbers() {
        assertEquals("✓ fine" + System.lineSeparator(), printed(() -> Shell.check("fine", true)));
        assertEquals("✓ close" + System.lineSeparator(), printed(() -> Shell.checkClose("close", 1.05, 1.0, 0.1)));
        var failed = assertThrows(TutorialCheckFailed.class, () -> Shell.check("w is positive", false));
        assertEquals("✗ w is positive", failed.getMessage());
        var far = assertThrows(TutorialCheckFailed.class, () -> Shell.checkClose("slope", 1.5, 2.0, 0.1));
        assertEquals("✗ slope: got 1.5, expected 2.0 ± 0.1 (off by 0.5)", far.getMessage());
        assertThrows(TutorialCheckFailed.class, () -> Shell.checkClose("NaN is never close", Double.NaN, 0, 1));
    }

    @Test void cellsPrintTheirHeaderAndNeverWaitWhenHeadless() {
        String text = printed(() -> {
            Shell.cell(1, "First");
            Shell.cell(2, "The normal equation");
        });
        assertTrue(text.contains("━━━ Cell 2 · The normal equation ━━━"), text);
        assertFalse(text.contains("Enter"), "no pause prompt");
        assertFalse(Shell.guided());
    }

    @Test void cellSourceIsTheCodeUnderItsCall() {
        var code = Shell.cellSource(2, "Matrices");
        assertTrue(code.getFirst().startsWith("// A Matrix is"), code.toString());
        assertFalse(code.stream().anyMatch(l -> l.contains("Cell 3")), "stops at the next marker");
    }

    @Test void tutorialsListsEachWithItsTitleAndOpenLine() {
        String text = printed(Shell::tutorials);
        assertTrue(text.contains("00  A tour: vectors, matrices, datasets, plots, and help") && text.contains("/open tutorials/00-tour.jsh"), text);
    }

    @Test void levenshteinDistance() {
        assertEquals(3, Shell.distance("kitten", "sitting"));   // k→s, e→i, +g
        assertEquals(0, Shell.distance("", ""));
        assertEquals(4, Shell.distance("", "abcd"));
    }
}
