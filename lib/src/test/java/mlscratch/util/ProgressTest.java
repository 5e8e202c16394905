package mlscratch.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @AfterEach void clear() {
        Progress.clearStop();
        Thread.interrupted();
    }

    @Test void barFillsTenCellsInEighths() {
        // 0.45 of 10 cells = 4.5 cells = 36 eighths: 4 full cells, a half cell, 5 blanks
        assertEquals("████▌     ", Progress.bar(0.45));
        assertEquals("          ", Progress.bar(0));
        assertEquals("██████████", Progress.bar(1));
        // 0.05 × 80 = 4 eighths: half a cell
        assertEquals("▌         ", Progress.bar(0.05));
        // 1/80 rounds to one eighth
        assertEquals("▏         ", Progress.bar(1.0 / 80));
        assertEquals("██████████", Progress.bar(1.7), "clamped to full");
    }

    @Test void lineShowsLabelBarPercentStepsLossAndEta() {
        var p = Progress.start("fit", 270, new PrintStream(new ByteArrayOutputStream()), false);
        for (int i = 0; i < 123; i++) p.step(0.4132);
        // 123/270 = 0.4556 → 36.4 eighths → 36: "████▌", 45 %
        String line = p.line(System.nanoTime(), false);
        assertTrue(line.startsWith("\rfit ▕████▌     ▏ 45% 123/270 loss 0.4132 eta "), line);
        assertTrue(p.line(System.nanoTime(), true).matches("(?s).*123/270 loss 0\\.4132 \\d+\\.\\ds\\s*"), "final line: elapsed time");
    }

    @Test void durationsReadLikeAClock() {
        assertEquals("0.4s", Progress.duration(0.42));
        assertEquals("3s", Progress.duration(3.2));
        assertEquals("59s", Progress.duration(59.4));
        assertEquals("1m05s", Progress.duration(65));
        assertEquals("2h07m", Progress.duration(2 * 3600 + 7 * 60 + 20));
    }

    @Test void drawsNothingWhenNotInteractive() throws InterruptedException {
        var out = new ByteArrayOutputStream();
        try (var p = Progress.start("fit", 10, new PrintStream(out), false)) {
            p.step(1);
            Thread.sleep(120);
            p.step(0.5);
        }
        assertEquals(0, out.size());
    }

    @Test void drawsAtMostTenTimesASecondAndEndsTheLine() {
        var out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try (var p = Progress.start("fit", 1_000_000_000L, new PrintStream(out, true, StandardCharsets.UTF_8), true)) {
            while (System.nanoTime() - start < 350_000_000L) p.step(1.0);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        String text = out.toString(StandardCharsets.UTF_8);
        long draws = text.chars().filter(c -> c == '\r').count();
        // one redraw per 0.1 s at most, plus the final line
        assertTrue(draws >= 2 && draws <= Math.floor(elapsed / 0.1) + 1, draws + " draws in " + elapsed + " s");
        assertTrue(text.endsWith(System.lineSeparator()), "the final line is ended");
    }

    @Test void onlyTheOutermostBarDraws() throws InterruptedException {
        var out = new ByteArrayOutputStream();
        var ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (var outer = Progress.start("outer", 2, ps, true)) {
            try (var inner = Progress.start("inner", 2, ps, true)) {
                Thread.sleep(110);
                inner.step();
            }
            outer.step();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("inner"), text);
        assertTrue(text.contains("outer"), text);
    }

    @Test void stopRequestComesFromTheFlagOrTheInterruptStatus() {
        var p = Progress.start("fit", 5, new PrintStream(new ByteArrayOutputStream()), false);
        assertFalse(p.stopped());
        Progress.requestStop();
        assertTrue(p.stopped());
        assertThrows(TrainingInterrupted.class, Progress::checkInterrupted);
        Progress.clearStop();
        assertFalse(Progress.stopRequested());
        Thread.currentThread().interrupt();
        assertTrue(Progress.stopRequested());
        assertTrue(Progress.stopRequested(), "reading it leaves the interrupt status as it is");
        Thread.interrupted();
        Progress.checkInterrupted();
    }

    @Test void rejectsANonPositiveTotal() {
        var e = assertThrows(IllegalArgumentException.class, () -> Progress.start("fit", 0));
        assertEquals("Progress.start: 'totalSteps' must be > 0, got 0", e.getMessage());
    }

    @Test void interactiveFollowsThePropertiesFirst() {
        String before = System.getProperty("mlscratch.interactive");
        try {
            System.setProperty("mlscratch.interactive", "true");
            assertTrue(Progress.interactive());
            System.setProperty("mlscratch.interactive", "false");
            assertFalse(Progress.interactive());
        } finally {
            if (before == null) System.clearProperty("mlscratch.interactive");
            else System.setProperty("mlscratch.interactive", before);
        }
    }
}
