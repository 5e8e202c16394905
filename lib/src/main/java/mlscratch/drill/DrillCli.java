package mlscratch.drill;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/// `scripts/drill`: the drills and flash cards in a terminal (JLine 3).
///
/// ```
/// drill> list [topic | easy | medium | hard | timed]     drills, by topic and difficulty (Tab completes)
/// drill> do softmax                                      statement, then write the answer (multi-line editor)
/// drill> timed timed-kmeans                              the same against the clock ("k-means in 20 minutes")
/// drill> hint softmax · solution softmax · explain softmax
/// drill> cards [topic]                                   flash cards due today (SM-2 spaced repetition)
/// drill> stats · help · quit
/// ```
/// The answer editor accepts Java (one or more methods); it ends at an empty line once the braces balance.
/// `:edit` opens `$EDITOR` instead, `↑` recalls the last answer to fix it, `:hint`, `:starter`, `:giveup`, `:quit`.
/// The answer is compiled and run through the `jdk.jshell` API ([AnswerShell]) and checked like `check(…)` in
/// JShell, results coloured. Progress (attempts, passes, streaks, card schedule) goes to [DrillProgress#path()].
///
/// Flash cards use SM-2 (see [DrillProgress.Card]): you grade yourself 1 again · 2 hard · 3 good · 4 easy
/// (SM-2 grades 1, 3, 4, 5); a card comes back after 1 day, 6 days, then intervals growing by its ease factor.
public final class DrillCli {

    static final List<String> COMMANDS = List.of("list", "topics", "next", "do", "timed", "hint", "solution", "explain",
            "cards", "stats", "help", "quit");
    static final int CARDS_PER_SESSION = 20;

    private final Terminal terminal;
    private final PrintWriter out;
    private final LineReader menu;
    private final LineReader editor;
    private final List<FlashCard> cards;
    private final Clock clock;
    private final boolean color;
    private final Map<String, Integer> hintsShown = new HashMap<>();
    private volatile AnswerShell shell;
    private volatile boolean checking;

    public DrillCli(Terminal terminal, List<FlashCard> cards, Clock clock, Path historyFile) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.cards = List.copyOf(cards);
        this.clock = clock;
        this.color = !terminal.getType().startsWith("dumb");
        var parser = new DefaultParser();
        var menuBuilder = LineReaderBuilder.builder().terminal(terminal).appName("mlscratch-drill")
                .completer(completer()).parser(parser).history(new DefaultHistory())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (historyFile != null) menuBuilder.variable(LineReader.HISTORY_FILE, historyFile);
        this.menu = menuBuilder.build();
        this.editor = LineReaderBuilder.builder().terminal(terminal).appName("mlscratch-drill-answer")
                .parser(new AnswerParser()).history(new DefaultHistory())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ....> ")
                .variable(LineReader.INDENTATION, 4)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
    }

    public static void main(String[] args) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("mlscratch drill").build()) {
            Path history = DrillProgress.path().resolveSibling("drill-history");
            new DrillCli(terminal, FlashCards.all(), Clock.systemDefaultZone(), history).run(args);
        }
        System.exit(0);   // the JShell of the answers and any abandoned answer thread must not keep the JVM alive
    }

    /// The menu loop (or, with arguments, that one command and its session: `drill do softmax`).
    public void run(String... args) {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(terminal.output(), true, StandardCharsets.UTF_8));   // check(…) prints there
        if (color) System.setProperty("mlscratch.interactive", "true");
        // Ctrl-C while an answer is being checked stops the check (JLine handles it itself while reading a line)
        terminal.handle(Terminal.Signal.INT, signal -> {
            AnswerShell s = shell;
            if (checking && s != null) s.stop();
        });
        try {
            if (args.length > 0) {
                command(String.join(" ", args));
                return;
            }
            println(bold("mlscratch drills") + " — " + DrillRegistry.all().size() + " drills, " + dueCards(null).size()
                    + " flash cards due. Type " + bold("help") + "; Tab completes.");
            while (true) {
                String line;
                try {
                    line = menu.readLine(color ? "\u001b[36mdrill>\u001b[0m " : "drill> ");
                } catch (UserInterruptException e) {
                    println("(Ctrl-C: type quit to leave)");
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (!command(line)) break;
            }
        } finally {
            out.flush();
            System.setOut(stdout);
            if (shell != null) shell.close();
            try { menu.getHistory().save(); } catch (IOException | RuntimeException ignored) { /* best effort */ }
        }
    }

    /// One menu command; false to quit.
    boolean command(String line) {
        String[] w = line.strip().split("\\s+", 2);
        String cmd = w[0].toLowerCase(Locale.ROOT), arg = w.length > 1 ? w[1].strip() : "";
        try {
            switch (cmd) {
                case "" -> { }
                case "quit", "exit", "q" -> { return false; }
                case "help", "?" -> println(help());
                case "list", "ls" -> print(Drills.listing(arg));
                case "topics" -> println(String.join(", ", DrillRegistry.topics()));
                case "do" -> attempt(drillArg(arg), false);
                case "next" -> attempt(next(arg), false);
                case "timed" -> {
                    if (arg.isEmpty()) print(Drills.listing("timed"));
                    else attempt(drillArg(arg), true);
                }
                case "hint" -> println(hint(drillArg(arg)));
                case "solution" -> println(drillArg(arg).solution());
                case "explain" -> println(explain(drillArg(arg)));
                case "cards" -> cards(arg.isEmpty() ? null : arg);
                case "stats" -> println(stats());
                default -> {
                    if (DrillRegistry.find(cmd).isPresent()) attempt(DrillRegistry.get(cmd), false);
                    else println(red("unknown command '" + cmd + "'") + "; " + "help lists them");
                }
            }
        } catch (IllegalArgumentException e) {
            println(red(e.getMessage()));
        }
        out.flush();
        return true;
    }

    /// The first drill of a topic or difficulty (or of all) not passed yet; the least practised when all are.
    Drill next(String filter) {
        var progress = DrillProgress.load();
        var pool = DrillRegistry.all().stream().filter(d -> filter.isEmpty() || d.topic().equalsIgnoreCase(filter)
                || d.difficulty().label().equalsIgnoreCase(filter) || (filter.equalsIgnoreCase("timed") && d.timed())).toList();
        if (pool.isEmpty()) throw new IllegalArgumentException("no drills match '" + filter + "' (topics: "
                + String.join(", ", DrillRegistry.topics()) + "; or easy, medium, hard, timed)");
        return pool.stream().filter(d -> progress.drill(d.id()).passes() == 0).findFirst()
                .orElseGet(() -> pool.stream().min(java.util.Comparator.comparingInt(d -> progress.drill(d.id()).attempts())).orElseThrow());
    }

    private Drill drillArg(String arg) {
        if (arg.isEmpty()) throw new IllegalArgumentException("which drill? e.g. do softmax (list shows them)");
        return DrillRegistry.get(arg);
    }

    static String help() {
        return """
                list [topic|easy|medium|hard|timed]   the drills (✓ passed, · attempted)
                topics                                the topics
                next [topic|easy|medium|hard|timed]   the first drill there you have not passed yet
                do <id>                               statement, then write your answer and check it
                timed [<id>]                          the timed drills, or one against the clock
                hint <id> · solution <id> · explain <id>
                cards [topic]                         flash cards due today (SM-2 spaced repetition)
                stats                                 your progress
                quit
                In the answer editor: type Java (one or more methods), end with an empty line.
                  ↑ recalls your last answer · :edit opens $EDITOR · :starter · :hint · :giveup · :quit""";
    }

    // ───────────────────────────── one drill ─────────────────────────────

    void attempt(Drill d, boolean timed) {
        println(Drills.statement(d).stripTrailing());
        println(dim("Write your answer below; an empty line ends it. :edit opens $EDITOR, :hint, :starter, :giveup, :quit."));
        Instant start = clock.instant();
        Duration limit = Duration.ofMinutes(d.timed() ? d.minutes() : 20);
        if (timed) println(yellow("⏱ " + clockText(limit) + " starts now."));
        String lastAnswer = null;
        while (true) {
            String prompt = timed ? "answer " + clockText(limit.minus(Duration.between(start, clock.instant()))) + "> " : "answer> ";
            String source;
            try {
                source = editor.readLine(prompt);
            } catch (UserInterruptException e) {
                println("(answer dropped; :quit returns to the menu)");
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            String t = source.strip();
            if (t.isEmpty()) continue;
            switch (t) {
                case ":quit", ":q" -> { return; }
                case ":hint" -> { println(hint(d)); continue; }
                case ":starter" -> { println(d.starter()); continue; }
                case ":giveup" -> {
                    println(d.solution());
                    println(dim("explain " + d.id() + " shows the derivation."));
                    DrillProgress.record(d.id(), false);
                    return;
                }
                case ":edit" -> {
                    source = editInEditor(lastAnswer != null ? lastAnswer : d.starter());
                    if (source == null) continue;
                    println(source);
                }
                default -> { }
            }
            lastAnswer = source;
            if (shell == null) {
                println(dim("(starting the compiler…)"));
                out.flush();
                shell = new AnswerShell(System.out);
            }
            out.flush();
            checking = true;
            AnswerShell.Outcome outcome;
            try {
                outcome = shell.check(d, source);
            } finally {
                checking = false;
            }
            System.out.flush();
            if (!outcome.compiled()) {
                outcome.errors().forEach(e -> println(red("✗ " + e)));
                println(dim("Fix it (↑ recalls your answer) and end with an empty line."));
                continue;
            }
            if (outcome.passed()) {
                if (timed) {
                    Duration took = Duration.between(start, clock.instant());
                    println(took.compareTo(limit) <= 0
                            ? green("⏱ done in " + clockText(took) + " (limit " + clockText(limit) + ")")
                            : yellow("⏱ done in " + clockText(took) + ", over the " + clockText(limit) + " limit"));
                }
                println(dim("explain " + d.id() + " shows the derivation."));
                return;
            }
            println(dim("Not yet: fix it (↑ recalls your answer), :hint, or :giveup."));
        }
    }

    private String editInEditor(String initial) {
        String editorCmd = System.getProperty("mlscratch.editor", System.getenv().getOrDefault("EDITOR", ""));
        if (editorCmd.isBlank()) {
            println(red("no $EDITOR set; type the answer here instead"));
            return null;
        }
        try {
            Path f = Files.createTempFile("drill-answer-", ".java");
            Files.writeString(f, initial + "\n");
            terminal.pause();
            int code;
            try {
                code = new ProcessBuilder("sh", "-c", editorCmd + " \"$1\"", "sh", f.toString()).inheritIO().start().waitFor();
            } finally {
                terminal.resume();
            }
            String text = Files.readString(f);
            Files.deleteIfExists(f);
            if (code != 0) {
                println(red("the editor exited with status " + code));
                return null;
            }
            return text;
        } catch (IOException e) {
            println(red("could not run the editor: " + e.getMessage()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private String hint(Drill d) {
        int n = hintsShown.merge(d.id(), 1, (a, b) -> Math.min(a + 1, d.hints().size()));
        return yellow("hint " + n + "/" + d.hints().size() + ": ") + d.hints().get(n - 1);
    }

    private String explain(Drill d) {
        if (DrillProgress.load().drill(d.id()).attempts() == 0) {
            return "Try it first (do " + d.id() + "); the derivation is shown after an attempt.";
        }
        return d.explanation();
    }

    // ───────────────────────────── flash cards ─────────────────────────────

    List<FlashCard> dueCards(String topic) {
        LocalDate today = LocalDate.now(clock);
        var progress = DrillProgress.load();
        var due = new ArrayList<FlashCard>();
        for (FlashCard c : cards) {
            if (topic != null && !c.topic().equalsIgnoreCase(topic) && !c.difficulty().label().equalsIgnoreCase(topic)) continue;
            if (progress.card(c.id(), today).dueBy(today)) due.add(c);
        }
        // reviews first (the oldest due first), new cards after
        due.sort((a, b) -> {
            boolean sa = progress.seen(a.id()), sb = progress.seen(b.id());
            if (sa != sb) return sa ? -1 : 1;
            return progress.card(a.id(), today).due().compareTo(progress.card(b.id(), today).due());
        });
        return due.size() > CARDS_PER_SESSION ? due.subList(0, CARDS_PER_SESSION) : due;
    }

    void cards(String topic) {
        if (cards.isEmpty()) {
            println("no flash cards yet (" + FlashCards.RESOURCE + " is empty or missing)");
            return;
        }
        var due = dueCards(topic);
        if (due.isEmpty()) {
            println(green("no cards due today") + (topic == null ? "" : " in '" + topic + "'") + ". Come back tomorrow.");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int reviewed = 0;
        for (int i = 0; i < due.size(); i++) {
            FlashCard c = due.get(i);
            println("");
            println(bold("[" + (i + 1) + "/" + due.size() + "] " + c.topic() + " · " + c.difficulty().label()) + dim("  (" + c.id() + ")"));
            println(c.question());
            String r = ask("Enter shows the answer (q stops) ");
            if (r == null || r.equalsIgnoreCase("q")) break;
            println(cyan("─".repeat(40)));
            println(c.answer());
            Integer q = null;
            while (q == null) {
                String g = ask("How did it go? 1 again · 2 hard · 3 good · 4 easy (q stops) ");
                if (g == null || g.equalsIgnoreCase("q")) { q = -1; break; }
                q = switch (g) { case "1" -> 1; case "2" -> 3; case "3" -> 4; case "4" -> 5; default -> null; };
                if (q == null) println("type 1, 2, 3 or 4");
            }
            if (q < 0) break;
            var progress = DrillProgress.load();
            var next = progress.card(c.id(), today).review(q, today);
            progress.withCard(c.id(), next).save();                 // saved after every card: Ctrl-C loses nothing
            reviewed++;
            println(dim("next review in " + next.interval() + (next.interval() == 1 ? " day" : " days") + " (" + next.due() + ")"));
        }
        println(reviewed + " card" + (reviewed == 1 ? "" : "s") + " reviewed.");
    }

    private String ask(String prompt) {
        try {
            return menu.readLine(prompt).strip();
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    // ───────────────────────────── stats ─────────────────────────────

    String stats() {
        var p = DrillProgress.load();
        LocalDate today = LocalDate.now(clock);
        int attempted = 0, passed = 0, attempts = 0;
        var sb = new StringBuilder();
        for (Drill d : DrillRegistry.all()) {
            var s = p.drill(d.id());
            if (s.attempts() == 0) continue;
            attempted++;
            attempts += s.attempts();
            if (s.passes() > 0) passed++;
            sb.append(String.format("  %-28s %3d attempts, %3d passes, streak %d (best %d)%n", d.id(), s.attempts(), s.passes(), s.streak(), s.best()));
        }
        long seen = cards.stream().filter(c -> p.seen(c.id())).count();
        return "drills: " + passed + " passed, " + attempted + " attempted of " + DrillRegistry.all().size()
                + " (" + attempts + " attempts); day streak " + p.dayStreak(today) + "\n" + sb
                + "cards: " + seen + " of " + cards.size() + " seen, " + dueCards(null).size() + " due today\n"
                + "progress file: " + DrillProgress.path();
    }

    // ───────────────────────────── the answer editor's parser ─────────────────────────────

    /// Accepts the answer at an empty line once the braces balance; a `:command` line at once.
    static final class AnswerParser implements Parser {
        private final DefaultParser words = new DefaultParser();

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) throws SyntaxError {
            if (context == ParseContext.ACCEPT_LINE) {
                String t = line.strip();
                boolean command = t.startsWith(":") && !t.contains("\n");
                if (!t.isEmpty() && !command && (depth(line) > 0 || !line.endsWith("\n"))) {
                    throw new EOFError(-1, -1, "the answer goes on until an empty line", depth(line) > 0 ? "}" : "");
                }
            }
            return words.parse(line, cursor, ParseContext.SPLIT_LINE);
        }

        /// Open `{ ( [` minus closed ones, outside strings, chars and comments.
        static int depth(String s) {
            int depth = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                    while (i < s.length() && s.charAt(i) != '\n') i++;
                } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                    int end = s.indexOf("*/", i + 2);
                    if (end < 0) return depth + 1;
                    i = end + 1;
                } else if (c == '"' || c == '\'') {
                    i++;
                    while (i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n') { if (s.charAt(i) == '\\') i++; i++; }
                } else if (c == '{' || c == '(' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ')' || c == ']') {
                    depth--;
                }
            }
            return depth;
        }
    }

    private static Completer completer() {
        return (reader, line, candidates) -> {
            if (line.wordIndex() == 0) {
                COMMANDS.forEach(c -> candidates.add(new Candidate(c)));
                return;
            }
            String cmd = line.words().getFirst();
            var words = new TreeSet<String>();
            switch (cmd) {
                case "list", "ls", "next" -> {
                    words.addAll(DrillRegistry.topics());
                    words.addAll(List.of("easy", "medium", "hard", "timed"));
                }
                case "cards" -> cards().forEach(c -> words.add(c.topic()));
                case "timed" -> DrillRegistry.all().stream().filter(Drill::timed).forEach(d -> words.add(d.id()));
                case "do", "hint", "solution", "explain" -> DrillRegistry.all().forEach(d -> words.add(d.id()));
                default -> { }
            }
            words.forEach(w -> candidates.add(new Candidate(w)));
        };
    }

    private static List<FlashCard> cards() {
        try { return FlashCards.all(); } catch (RuntimeException e) { return List.of(); }
    }

    // ───────────────────────────── output ─────────────────────────────

    private void println(String s) { out.println(s); out.flush(); }
    private void print(String s) { out.print(s); out.flush(); }

    static String clockText(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format("%d:%02d", s / 60, s % 60);
    }

    private String style(String code, String s) { return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s; }
    private String bold(String s) { return style("1", s); }
    private String dim(String s) { return style("2", s); }
    private String red(String s) { return style("31", s); }
    private String green(String s) { return style("32", s); }
    private String yellow(String s) { return style("33", s); }
    private String cyan(String s) { return style("36", s); }
}
