package mlscratch.drill;

import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/// Your drill and flash-card progress: attempts, passes and streaks per drill, a streak of days, and the
/// spaced-repetition schedule of every card (SM-2, see [Card]).
///
/// Kept in `~/.mlscratch/progress.properties`; the system property `mlscratch.progress` names another file
/// (the tests use a temporary one). Every save writes a temporary file next to it, forces it to disk, then
/// renames it over the old one with `ATOMIC_MOVE`: a crash or Ctrl-C leaves either the old file or the new
/// one, never half of each. A file that does not parse is reported on stderr and renamed
/// `progress.properties.corrupt-<time>` (kept for you to inspect), and progress starts afresh.
///
/// Values are immutable: `withAttempt`/`withCard` return a new DrillProgress; `save()` writes it.
public final class DrillProgress {

    static final String HEADER = "# mlscratch progress v1";
    private static final Pattern KEY = Pattern.compile(
            "drill\\.[a-z0-9-]+\\.(attempts|passes|streak|best)|days\\.(last|streak)|card\\.[A-Za-z0-9_.-]+");

    private final Path path;
    private final TreeMap<String, String> values;

    private DrillProgress(Path path, Map<String, String> values) {
        this.path = path;
        this.values = new TreeMap<>(values);
    }

    /// Attempts and passes of one drill; `streak` = passing checks in a row, `best` = the longest such run.
    public record DrillStats(int attempts, int passes, int streak, int best) {}

    /// The SM-2 state of one card: ease factor EF ≥ 1.3, the current interval in days, the number of
    /// successful reviews in a row, and the day it is next due.
    ///
    /// ```
    /// grade q ∈ 0…5 (self-graded: 1 again, 3 hard, 4 good, 5 easy)
    /// q < 3:   repetitions = 0, interval = 1                  (start over tomorrow)
    /// q ≥ 3:   interval = 1, then 6, then round(interval · EF); repetitions += 1
    /// EF' = max(1.3, EF + 0.1 − (5 − q)(0.08 + 0.02 (5 − q)))
    /// due = today + interval
    /// ```
    /// Reference: P. Woźniak, "Optimization of learning" (1990), the SM-2 algorithm.
    public record Card(double ease, int interval, int repetitions, LocalDate due) {
        public static Card fresh(LocalDate today) { return new Card(2.5, 0, 0, today); }

        public Card review(int q, LocalDate today) {
            if (q < 0 || q > 5) throw new IllegalArgumentException("Card.review: 'q' must be in [0, 5], got " + q);
            double ef = Math.max(1.3, ease + 0.1 - (5 - q) * (0.08 + 0.02 * (5 - q)));
            if (q < 3) return new Card(ef, 1, 0, today.plusDays(1));
            int next = repetitions == 0 ? 1 : repetitions == 1 ? 6 : (int) Math.round(interval * ease);
            return new Card(ef, next, repetitions + 1, today.plusDays(next));
        }

        public boolean dueBy(LocalDate today) { return !due.isAfter(today); }

        String encode() { return String.format(Locale.ROOT, "%.4f;%d;%d;%s", ease, interval, repetitions, due); }

        static Card decode(String s) {
            String[] p = s.split(";");
            if (p.length != 4) throw new IllegalArgumentException("expected 'ease;interval;repetitions;due', got '" + s + "'");
            return new Card(Double.parseDouble(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), LocalDate.parse(p[3]));
        }
    }

    /// The progress file: the `mlscratch.progress` system property, else `~/.mlscratch/progress.properties`.
    public static Path path() {
        String p = System.getProperty("mlscratch.progress");
        if (p != null && !p.isBlank()) return Path.of(p);
        return Path.of(System.getProperty("user.home"), ".mlscratch", "progress.properties");
    }

    /// Reads [#path()]; a missing file is empty progress, a corrupt one is moved aside (and reported).
    public static DrillProgress load() { return load(path()); }

    public static DrillProgress load(Path path) {
        if (!Files.exists(path)) return new DrillProgress(path, Map.of());
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return new DrillProgress(path, parse(text));
        } catch (IOException | RuntimeException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".corrupt-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            try {
                Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
                System.err.println("progress: " + path + " is unreadable (" + e.getMessage() + "); kept it as "
                        + aside.getFileName() + " and started afresh");
            } catch (IOException moveFailed) {
                System.err.println("progress: " + path + " is unreadable (" + e.getMessage()
                        + ") and could not be moved aside (" + moveFailed.getMessage() + "); not saving over it");
                return new DrillProgress(null, Map.of());
            }
            return new DrillProgress(path, Map.of());
        }
    }

    static Map<String, String> parse(String text) throws IOException {
        if (!text.startsWith(HEADER)) throw new IllegalArgumentException("the first line is not '" + HEADER + "'");
        var p = new Properties();
        p.load(new StringReader(text));
        var m = new TreeMap<String, String>();
        for (String k : p.stringPropertyNames()) {
            String v = p.getProperty(k);
            if (!KEY.matcher(k).matches()) throw new IllegalArgumentException("unknown key '" + k + "'");
            if (k.startsWith("card.")) Card.decode(v);
            else if (k.equals("days.last")) LocalDate.parse(v);
            else if (Integer.parseInt(v) < 0) throw new IllegalArgumentException(k + " is negative");
            m.put(k, v);
        }
        return m;
    }

    public DrillStats drill(String id) {
        return new DrillStats(num("drill." + id + ".attempts"), num("drill." + id + ".passes"),
                num("drill." + id + ".streak"), num("drill." + id + ".best"));
    }

    /// Days in a row with at least one attempt (0 when the last one was before yesterday).
    public int dayStreak(LocalDate today) {
        String last = values.get("days.last");
        if (last == null) return 0;
        LocalDate d = LocalDate.parse(last);
        return d.equals(today) || d.equals(today.minusDays(1)) ? num("days.streak") : 0;
    }

    /// The schedule of card `id` (a fresh card, due today, when it was never reviewed).
    public Card card(String id, LocalDate today) {
        String v = values.get("card." + id);
        return v == null ? Card.fresh(today) : Card.decode(v);
    }

    public boolean seen(String cardId) { return values.containsKey("card." + cardId); }

    public DrillProgress withAttempt(String id, boolean passed, LocalDate today) {
        var m = new TreeMap<>(values);
        var s = drill(id);
        int streak = passed ? s.streak() + 1 : 0;
        m.put("drill." + id + ".attempts", String.valueOf(s.attempts() + 1));
        m.put("drill." + id + ".passes", String.valueOf(s.passes() + (passed ? 1 : 0)));
        m.put("drill." + id + ".streak", String.valueOf(streak));
        m.put("drill." + id + ".best", String.valueOf(Math.max(s.best(), streak)));
        String last = values.get("days.last");
        int days = last == null ? 1
                : LocalDate.parse(last).equals(today) ? Math.max(1, num("days.streak"))
                : LocalDate.parse(last).equals(today.minusDays(1)) ? num("days.streak") + 1 : 1;
        m.put("days.last", today.toString());
        m.put("days.streak", String.valueOf(days));
        return new DrillProgress(path, m);
    }

    public DrillProgress withCard(String id, Card card) {
        var m = new TreeMap<>(values);
        m.put("card." + id, card.encode());
        return new DrillProgress(path, m);
    }

    /// Writes the file atomically (temporary file, fsync, `ATOMIC_MOVE` rename).
    public void save() {
        if (path == null) return;   // the file on disk could not be moved aside: never overwrite it
        var sb = new StringBuilder(HEADER).append('\n');
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        // After Ctrl-C the thread may be interrupted, and a FileChannel then refuses to write
        // (ClosedByInterruptException): clear the flag for the save, set it again afterwards.
        boolean interrupted = Thread.interrupted();
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(path.toAbsolutePath().getParent(), path.getFileName() + ".", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ch.write(StandardCharsets.UTF_8.encode(sb.toString()));
                    ch.force(true);
                }
                try {
                    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            System.err.println("progress: could not save " + path + ": " + e);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /// Loads, records one attempt at drill `id`, saves.
    public static synchronized void record(String id, boolean passed) {
        load().withAttempt(id, passed, LocalDate.now()).save();
    }

    public Path file() { return path; }

    private int num(String key) {
        String v = values.get(key);
        return v == null ? 0 : Integer.parseInt(v);
    }

    @Override public String toString() { return "DrillProgress " + path + " (" + values.size() + " entries)"; }
}
