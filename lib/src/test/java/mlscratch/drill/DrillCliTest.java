package mlscratch.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The terminal UI driven by scripted input through a JLine dumb terminal (no tty needed).
class DrillCliTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    static final String SOFTMAX = """
            Vector softmax(Vector z) {
                if (z.size() == 0) return z;
                double m = z.max();   // stable: exp(z − m) ≤ 1
                Vector e = z.map(v -> Math.exp(v - m));
                return e.scale(1 / e.sum());
            }
            """;

    @TempDir Path dir;

    @BeforeEach void privateProgressFile() {
        System.setProperty("mlscratch.progress", dir.resolve("progress.properties").toString());
    }

    /// Runs the CLI on `input` (lines typed), returns everything it printed.
    String session(String input, String... args) throws IOException {
        var in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        var out = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("test", "dumb", in, out, StandardCharsets.UTF_8)) {
            var cards = FlashCards.parse(FlashCardsTest.sample(), "sample-cards.md");
            new DrillCli(t, cards, CLOCK, null).run(args);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test void listThenSolveADrillInTheMultiLineEditor() throws IOException {
        String out = session("list\ndo softmax\n" + SOFTMAX + "\nquit\n");
        assertTrue(out.contains("activations") && out.contains("[easy]   softmax"), out);
        assertTrue(out.contains("Signature:  Vector softmax(Vector z)"), out);
        assertTrue(out.contains("✓ large logits 1000") && out.contains("softmax: 8/8 passed"), out);
        assertEquals(1, DrillProgress.load().drill("softmax").passes(), "the pass is recorded");
    }

    @Test void wrongAnswerThenCompileErrorThenGiveUp() throws IOException {
        String naive = """
                Vector softmax(Vector z) {
                    Vector e = z.map(Math::exp);
                    return e.scale(1 / e.sum());
                }
                """;
        String typo = """
                Vector softmax(Vector z) {
                    return z.mapp(Math::exp);
                }
                """;
        String out = session("do softmax\n" + naive + "\n" + typo + "\n:giveup\nquit\n");
        assertTrue(out.contains("✗ large logits 1000: expected Vector(3)") && out.contains("softmax: 7/8 passed"), out);
        assertTrue(out.contains("✗ line 2: cannot find symbol"), out);
        assertTrue(out.contains("double m = z.max();"), "the solution after :giveup");
        assertEquals(2, DrillProgress.load().drill("softmax").attempts(), "the failed check and the give-up");
    }

    @Test void oneShotCommandFromTheArgumentsAndHints() throws IOException {
        String out = session(":hint\n:hint\n:quit\n", "do", "softmax-grad");
        assertTrue(out.contains("hint 1/3: ∂pᵢ/∂zⱼ") && out.contains("hint 2/3: "), out);
    }

    @Test void nextPicksTheFirstUnpassedDrillOfADifficulty() throws IOException {
        // whatever other drills the bank holds: the first easy one, in listing order, until it is passed
        var easy = DrillRegistry.all().stream().filter(d -> d.difficulty() == Difficulty.EASY).toList();
        assertTrue(session("next easy\n:quit\nquit\n").contains(easy.get(0).id() + " · " + easy.get(0).title()));
        session("do " + easy.get(0).id() + "\n:giveup\nquit\n");                // attempted, not passed: still next
        assertTrue(session("next easy\n:quit\nquit\n").contains(easy.get(0).id() + " · "));
        session("do softmax\n" + SOFTMAX + "\nquit\n");
        String after = session("next easy\n:quit\nquit\n");
        assertTrue(!after.contains("\nsoftmax · Softmax of a vector") || easy.size() == 1, "a passed drill comes last");
        assertTrue(session("next nothing\nquit\n").contains("no drills match 'nothing'"));
    }

    @Test void explanationOnlyAfterAnAttempt() throws IOException {
        assertTrue(session("explain softmax\nquit\n").contains("Try it first"));
        session("do softmax\n" + SOFTMAX + "\nquit\n");
        assertTrue(session("explain softmax\nquit\n").contains("Shift invariance"));
    }

    @Test void timedModeReportsTheClock() throws IOException {
        String out = session("timed\ntimed timed-tree-split\n:quit\nquit\n");
        assertTrue(out.contains("[hard]   timed-kmeans") && out.contains("⏱ 20 min"), out);
        assertTrue(out.contains("⏱ 20:00 starts now."), out);
    }

    @Test void flashCardsAreGradedAndScheduledWithSm2() throws IOException {
        // card 1: reveal, grade 3 (good → SM-2 q = 4): 1 day; card 2: reveal, grade 1 (again → q = 1): 1 day, EF falls
        String out = session("cards\n\n3\n\n1\nquit\n");
        assertTrue(out.contains("[1/2] theory · easy") && out.contains("Bias falls"), out);
        assertTrue(out.contains("2 cards reviewed."), out);
        var p = DrillProgress.load();
        LocalDate today = LocalDate.of(2026, 3, 1);
        assertEquals(new DrillProgress.Card(2.5, 1, 1, today.plusDays(1)), p.card("bias-variance", today));
        assertEquals(0, p.card("softmax-shift", today).repetitions());
        assertTrue(p.card("softmax-shift", today).ease() < 2.5);
        assertTrue(session("cards\nquit\n").contains("no cards due today"), "both are scheduled for tomorrow");
    }

    @Test void statsAndUnknownCommands() throws IOException {
        String out = session("frobnicate\ndo nosuch\nstats\nquit\n");
        assertTrue(out.contains("unknown command 'frobnicate'"), out);
        assertTrue(out.contains("drill: no drill 'nosuch'"), out);
        assertTrue(out.contains("drills: 0 passed, 0 attempted of"), out);
        assertFalse(out.contains("Exception"), out);
    }

    @Test void editorFallbackReadsTheFileTheEditorWrote() throws IOException {
        Path answer = dir.resolve("answer.java");
        Files.writeString(answer, SOFTMAX);
        System.setProperty("mlscratch.editor", "cp " + answer + " ");   // an "editor" that writes the answer
        try {
            String out = session("do softmax\n:edit\nquit\n");
            assertTrue(out.contains("softmax: 8/8 passed"), out);
        } finally {
            System.clearProperty("mlscratch.editor");
        }
    }

    @Test void braceDepthIgnoresStringsAndComments() {
        assertEquals(1, DrillCli.AnswerParser.depth("void f() { String s = \"}\"; // }\n"));
        assertEquals(0, DrillCli.AnswerParser.depth("void f() { char c = '{'; /* { */ }"));
    }
}
