package mlscratch.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillProgressTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @TempDir Path dir;

    @Test void attemptsPassesAndStreaksSurviveASaveAndALoad() {
        Path f = dir.resolve("sub/progress.properties");                 // the directory is created on save
        var p = DrillProgress.load(f)
                .withAttempt("softmax", false, DAY)
                .withAttempt("softmax", true, DAY)
                .withAttempt("softmax", true, DAY.plusDays(1))
                .withAttempt("softmax", false, DAY.plusDays(2))
                .withAttempt("softmax", true, DAY.plusDays(2));
        p.save();
        var back = DrillProgress.load(f);
        // attempts 5, passes 3; passing runs: 2 (then a failure), then 1 → streak 1, best 2
        assertEquals(new DrillProgress.DrillStats(5, 3, 1, 2), back.drill("softmax"));
        assertEquals(3, back.dayStreak(DAY.plusDays(2)), "three days in a row");
        assertEquals(3, back.dayStreak(DAY.plusDays(3)), "still alive the next day");
        assertEquals(0, back.dayStreak(DAY.plusDays(4)), "broken after a day off");
        assertEquals(new DrillProgress.DrillStats(0, 0, 0, 0), back.drill("never-tried"));
    }

    @Test void saveReplacesTheFileAtomicallyLeavingNoTemporaryFiles() throws Exception {
        Path f = dir.resolve("progress.properties");
        DrillProgress.load(f).withAttempt("a", true, DAY).save();
        DrillProgress.load(f).withAttempt("a", true, DAY).save();
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the progress file: the temporary file was renamed over it");
        }
        assertTrue(Files.readString(f).startsWith(DrillProgress.HEADER + "\n"));
        assertEquals(2, DrillProgress.load(f).drill("a").attempts());
    }

    @Test void saveWorksOnAnInterruptedThreadAndKeepsTheInterrupt() {
        Path f = dir.resolve("progress.properties");
        Thread.currentThread().interrupt();                  // as after Ctrl-C stopped a check
        try {
            DrillProgress.load(f).withAttempt("a", false, DAY).save();
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, DrillProgress.load(f).drill("a").attempts());
    }

    @Test void aCorruptFileIsReportedAndKeptAsideNotDeleted() throws Exception {
        Path f = dir.resolve("progress.properties");
        String garbage = DrillProgress.HEADER + "\ndrill.softmax.attempts=three\n";
        Files.writeString(f, garbage);
        var err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        DrillProgress p;
        try {
            p = DrillProgress.load(f);
        } finally {
            System.setErr(before);
        }
        assertEquals(0, p.drill("softmax").attempts(), "starts afresh");
        assertFalse(Files.exists(f));
        Path aside;
        try (var files = Files.list(dir)) {
            aside = files.filter(x -> x.getFileName().toString().startsWith("progress.properties.corrupt-")).findFirst().orElseThrow();
        }
        assertEquals(garbage, Files.readString(aside), "kept byte for byte");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is unreadable") && err.toString(StandardCharsets.UTF_8)
                .contains(aside.getFileName().toString()), err.toString(StandardCharsets.UTF_8));
        p.withAttempt("softmax", true, DAY).save();
        assertEquals(1, DrillProgress.load(f).drill("softmax").attempts());
    }

    @Test void aFileWithoutTheHeaderOrWithAnUnknownKeyIsCorrupt() {
        assertThrows(IllegalArgumentException.class, () -> DrillProgress.parse("drill.a.attempts=1\n"));
        assertThrows(IllegalArgumentException.class, () -> DrillProgress.parse(DrillProgress.HEADER + "\nfoo=1\n"));
        assertThrows(IllegalArgumentException.class, () -> DrillProgress.parse(DrillProgress.HEADER + "\ncard.x=2.5;1\n"));
    }

    @Test void sm2ScheduleByHand() {
        var c = DrillProgress.Card.fresh(DAY);
        assertTrue(c.dueBy(DAY));
        // q = 4: EF' = 2.5 + 0.1 − 1·(0.08 + 0.02) = 2.5; intervals 1, 6, round(6 · 2.5) = 15
        c = c.review(4, DAY);
        assertEquals(new DrillProgress.Card(2.5, 1, 1, DAY.plusDays(1)), c);
        c = c.review(4, DAY.plusDays(1));
        assertEquals(6, c.interval());
        c = c.review(4, DAY.plusDays(7));
        assertEquals(15, c.interval());
        assertEquals(DAY.plusDays(22), c.due());
        // q = 2 (forgotten): back to 1 day; EF' = 2.5 + 0.1 − 3·(0.08 + 0.06) = 2.18
        var lapse = c.review(2, DAY.plusDays(22));
        assertEquals(1, lapse.interval());
        assertEquals(0, lapse.repetitions());
        assertEquals(2.18, lapse.ease(), 1e-12);
        // EF never drops below 1.3
        var worst = DrillProgress.Card.fresh(DAY);
        for (int i = 0; i < 10; i++) worst = worst.review(0, DAY);
        assertEquals(1.3, worst.ease(), 1e-12);
    }

    @Test void cardScheduleIsSavedAndLoaded() {
        Path f = dir.resolve("p.properties");
        var card = DrillProgress.Card.fresh(DAY).review(5, DAY);
        DrillProgress.load(f).withCard("bias-variance", card).save();
        var back = DrillProgress.load(f);
        assertTrue(back.seen("bias-variance"));
        assertEquals(card.interval(), back.card("bias-variance", DAY).interval());
        assertEquals(2.6, back.card("bias-variance", DAY).ease(), 1e-9);
    }
}
