package mlscratch.drill;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/// Drills in JShell (statically imported by `startup.jsh`):
///
/// ```
/// drills()                                   every drill, by topic and difficulty
/// drills("activations")  drills("hard")      one topic, or one difficulty
/// drill("softmax")                           the statement and the starter code
/// Vector softmax(Vector z) { … }             write your answer as a method…
/// check("softmax", z -> softmax(z))          …and check it: one line per test
/// hint("softmax")                            the next hint (call again for more)
/// solution("softmax")  explain("softmax")    the reference, and the derivation (after an attempt)
/// ```
/// `check` takes a lambda, not a method name: JShell has no `this::softmax` at top level, so wrap the method
/// in a lambda. An implicit lambda works for the common shapes (`z -> …` is `Vector → …`, `(a, b) -> …` is
/// `(Vector, Vector) → …`, `(X, y, w) -> …` is `(Matrix, Vector, Vector) → …`; see [Fn]); other shapes name
/// their types: `check("knn", (Matrix A, Vector b, Matrix C, Integer k) -> knn(A, b, C, k))`.
/// Each test runs with a 5 s limit, so an endless loop is reported, not waited for.
/// Attempts, passes and streaks are saved in `~/.mlscratch/progress.properties` ([DrillProgress]).
public final class Drills {
    private Drills() {}

    private static final Map<String, Integer> HINTS_SHOWN = new ConcurrentHashMap<>();

    private static boolean color() { return Boolean.getBoolean("mlscratch.interactive"); }

    /// Every drill, grouped by topic, one line each: `[easy]   softmax   Softmax of a vector`.
    public static void drills() { System.out.print(listing(null)); }

    /// The drills of one topic, or of one difficulty (`"easy"`, `"medium"`, `"hard"`), or the timed ones (`"timed"`).
    public static void drills(String topicOrDifficulty) { System.out.print(listing(topicOrDifficulty)); }

    static String listing(String filter) {
        var sb = new StringBuilder();
        var progress = DrillProgress.load();
        int shown = 0;
        for (var e : DrillRegistry.byTopic().entrySet()) {
            var list = e.getValue().stream().filter(d -> matches(d, filter)).toList();
            if (list.isEmpty()) continue;
            sb.append(e.getKey()).append('\n');
            for (Drill d : list) {
                var s = progress.drill(d.id());
                String mark = s.passes() > 0 ? "✓" : s.attempts() > 0 ? "·" : " ";
                sb.append("  ").append(mark).append(' ').append(d.line()).append('\n');
                shown++;
            }
        }
        if (shown == 0) {
            sb.append("no drills match '").append(filter).append("'; topics: ")
              .append(String.join(", ", DrillRegistry.topics())).append("; difficulties: easy, medium, hard, timed\n");
        } else {
            sb.append(shown).append(" drills (✓ passed, · attempted). drill(\"id\") to start one.\n");
        }
        return sb.toString();
    }

    private static boolean matches(Drill d, String filter) {
        if (filter == null || filter.isBlank()) return true;
        String f = filter.strip();
        if (f.equalsIgnoreCase("timed")) return d.timed();
        return d.topic().equalsIgnoreCase(f) || d.difficulty().label().equalsIgnoreCase(f);
    }

    /// The statement, the signature and the starter code of drill `id`.
    public static void drill(String id) { System.out.print(statement(DrillRegistry.get(id))); }

    static String statement(Drill d) {
        return """
                %s · %s  (%s, %s%s)

                %s

                Signature:  %s

                Starter:
                %s

                Check it with:  check("%s", %s)
                """.formatted(d.id(), d.title(), d.topic(), d.difficulty().label(),
                d.timed() ? ", " + d.minutes() + " minutes" : "",
                d.statement(), d.signature(), indent(d.starter()), d.id(), d.signature().lambda());
    }

    /// The next hint of drill `id` (the first, then the second on the next call, …).
    public static void hint(String id) {
        Drill d = DrillRegistry.get(id);
        int n = HINTS_SHOWN.merge(id, 1, (a, b) -> Math.min(a + 1, d.hints().size()));
        System.out.println("hint " + n + "/" + d.hints().size() + ": " + d.hints().get(n - 1));
    }

    /// The reference solution of drill `id`.
    public static void solution(String id) {
        Drill d = DrillRegistry.get(id);
        System.out.println(d.solution());
    }

    /// The worked explanation (the derivation) of drill `id`, shown once you have attempted it.
    public static void explain(String id) {
        Drill d = DrillRegistry.get(id);
        if (DrillProgress.load().drill(id).attempts() == 0) {
            System.out.println("explain: try it first — check(\"" + id + "\", " + d.signature().lambda()
                    + "); hint(\"" + id + "\") helps, solution(\"" + id + "\") gives up");
            return;
        }
        System.out.println(d.explanation());
    }

    // ── check: one overload per shape (see Fn). The Vector-typed ones make implicit lambdas work. ──

    /// Checks `z -> …` (a Vector in).
    public static void check(String id, Fn.OfVector answer) { report(id, Fn.of(answer)); }
    /// Checks `(a, b) -> …` (two Vectors in).
    public static void check(String id, Fn.OfVectors answer) { report(id, Fn.of(answer)); }
    /// Checks `(X, y, w) -> …` (Matrix, Vector, Vector in).
    public static void check(String id, Fn.OfXyw answer) { report(id, Fn.of(answer)); }
    /// Checks a one-argument answer with its type written: `(Matrix X) -> …`.
    public static <A, R> void check(String id, Function<A, R> answer) { report(id, Fn.of(answer)); }
    /// Checks a two-argument answer with its types written.
    public static <A, B, R> void check(String id, BiFunction<A, B, R> answer) { report(id, Fn.of(answer)); }
    /// Checks a three-argument answer with its types written.
    public static <A, B, C, R> void check(String id, Fn.F3<A, B, C, R> answer) { report(id, Fn.of(answer)); }
    /// Checks a four-argument answer with its types written.
    public static <A, B, C, D, R> void check(String id, Fn.F4<A, B, C, D, R> answer) { report(id, Fn.of(answer)); }

    /// Runs drill `id` on `answer`, records the attempt in the progress file and returns the report
    /// (what `check` prints; the CLI and the tests use it directly).
    public static CheckReport run(String id, Fn.Impl answer) {
        Drill d = DrillRegistry.get(id);
        CheckReport r = DrillRunner.run(d, answer);
        DrillProgress.record(id, r.passed());
        return r;
    }

    /// `check` for the CLI, which writes a typed lambda from the signature: prints the report, returns
    /// whether every case passed.
    public static <A, R> boolean checkAndReport(String id, Function<A, R> answer) { return report(id, Fn.of(answer), false); }
    public static <A, B, R> boolean checkAndReport(String id, BiFunction<A, B, R> answer) { return report(id, Fn.of(answer), false); }
    public static <A, B, C, R> boolean checkAndReport(String id, Fn.F3<A, B, C, R> answer) { return report(id, Fn.of(answer), false); }
    public static <A, B, C, D, R> boolean checkAndReport(String id, Fn.F4<A, B, C, D, R> answer) { return report(id, Fn.of(answer), false); }

    private static void report(String id, Fn.Impl answer) { report(id, answer, true); }

    private static boolean report(String id, Fn.Impl answer, boolean tips) {
        Drill d = DrillRegistry.get(id);
        int arity = d.arity();
        CheckReport r = run(id, answer);
        System.out.println(r.render(color()));
        if (!tips) return r.passed();
        if (!r.passed() && arity > 0) System.out.println("stuck? hint(\"" + id + "\")");
        else if (r.passed()) System.out.println("explain(\"" + id + "\") shows the derivation.");
        return r.passed();
    }

    private static String indent(String s) { return s.indent(4).stripTrailing(); }
}
