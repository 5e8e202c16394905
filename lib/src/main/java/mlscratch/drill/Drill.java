package mlscratch.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/// One drill: a small function to write from memory, with its statement, starter code, hints, reference
/// solution, derivation and tests. Built with [#builder]; the JShell side is [Drills], the terminal side
/// `scripts/drill` ([DrillCli]).
///
/// ```
/// Drill.builder("softmax")
///      .title("Softmax of a vector").topic("activations").difficulty(Difficulty.EASY)
///      .signature("Vector softmax(Vector z)")
///      .statement("""…shapes, edge cases, tolerance…""")
///      .starter("""Vector softmax(Vector z) { … }""")
///      .hints("subtract max(z) first", "…")
///      .solution("""…the reference, as source text…""")
///      .explanation("""…the derivation, shown after an attempt…""")
///      .reference((Vector z) -> …)                         // the same solution, compiled
///      .test(DrillCase.of("one element", Expect.close(1e-12), Vector.of(3)))
///      …                                                   // ≥ 5 cases: random (seeded) + edge cases
///      .build();
/// ```
/// `signature` is Java: `ReturnType name(Type a, Type b)`; the CLI calls the user's method by that name, and
/// its parameter count must match the reference's shape ([Fn]). `minutes > 0` marks a timed drill
/// ("implement k-means in 20 minutes").
public record Drill(String id, String title, String topic, Difficulty difficulty, Signature signature,
                    String statement, String starter, List<String> hints, String solution, String explanation,
                    Fn.Impl reference, int arity, List<DrillCase> cases, int minutes) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /// At least this many cases per drill.
    public static final int MIN_CASES = 5;

    public Drill {
        String where = "Drill " + id;
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Drill: 'id' must be lower-case words joined by '-', got '" + id + "'");
        }
        for (var f : new String[][] {{"title", title}, {"topic", topic}, {"statement", statement}, {"starter", starter},
                                     {"solution", solution}, {"explanation", explanation}}) {
            if (f[1] == null || f[1].isBlank()) throw new IllegalArgumentException(where + ": '" + f[0] + "' is missing");
        }
        if (difficulty == null) throw new IllegalArgumentException(where + ": 'difficulty' is missing");
        if (signature == null) throw new IllegalArgumentException(where + ": 'signature' is missing");
        if (reference == null) throw new IllegalArgumentException(where + ": 'reference' is missing");
        if (signature.params().size() != arity) {
            throw new IllegalArgumentException(where + ": the signature has " + signature.params().size()
                    + " parameters but the reference takes " + arity);
        }
        hints = List.copyOf(hints == null ? List.of() : hints);
        if (hints.isEmpty()) throw new IllegalArgumentException(where + ": give at least one hint");
        cases = List.copyOf(cases == null ? List.of() : cases);
        if (cases.size() < MIN_CASES) {
            throw new IllegalArgumentException(where + ": has " + cases.size() + " cases, needs at least " + MIN_CASES);
        }
        if (minutes < 0) throw new IllegalArgumentException(where + ": 'minutes' must be >= 0, got " + minutes);
    }

    /// A timed drill ("implement X in `minutes` minutes")?
    public boolean timed() { return minutes > 0; }

    /// `[medium] softmax-grad · Gradient of softmax (activations)`: one line of a listing.
    public String line() {
        return String.format("%-8s %-22s %s%s", "[" + difficulty.label() + "]", id, title, timed() ? "  ⏱ " + minutes + " min" : "");
    }

    @Override public String toString() { return "Drill " + id + " · " + title + " · " + topic + " · " + difficulty.label(); }

    public static Builder builder(String id) { return new Builder(id); }

    /// `ReturnType name(Type a, Type b)`, parsed.
    public record Signature(String text, String returnType, String name, List<Param> params) {
        private static final Pattern SIG = Pattern.compile("\\s*(.+?)\\s+([A-Za-z_$][\\w$]*)\\s*\\((.*)\\)\\s*");

        /// One parameter: its type as written (`Matrix`, `double[]`, `int`) and its name.
        public record Param(String type, String name) {
            /// The type a lambda parameter needs (`int` → `Integer`): lambdas over Function & co. take objects.
            public String boxedType() {
                return switch (type) {
                    case "int" -> "Integer";
                    case "double" -> "Double";
                    case "long" -> "Long";
                    case "boolean" -> "Boolean";
                    default -> type;
                };
            }
        }

        public static Signature parse(String text) {
            var m = SIG.matcher(text == null ? "" : text);
            if (!m.matches()) throw new IllegalArgumentException("Drill.Signature: expected 'Type name(Type a, …)', got '" + text + "'");
            var params = new ArrayList<Param>();
            String inside = m.group(3).strip();
            if (!inside.isEmpty()) {
                int depth = 0, start = 0;
                for (int i = 0; i <= inside.length(); i++) {
                    char c = i < inside.length() ? inside.charAt(i) : ',';
                    if (c == '<') depth++;
                    else if (c == '>') depth--;
                    else if (c == ',' && depth == 0) {
                        String p = inside.substring(start, i).strip();
                        int sp = p.lastIndexOf(' ');
                        if (sp < 0) throw new IllegalArgumentException("Drill.Signature: parameter '" + p + "' needs a type and a name in '" + text + "'");
                        params.add(new Param(p.substring(0, sp).strip(), p.substring(sp + 1).strip()));
                        start = i + 1;
                    }
                }
            }
            return new Signature(text.strip(), m.group(1), m.group(2), List.copyOf(params));
        }

        /// A lambda calling the method `name` with typed parameters: `(Vector z) -> softmax(z)`.
        public String lambda() {
            var decl = new StringBuilder("(");
            var call = new StringBuilder(name + "(");
            for (int i = 0; i < params.size(); i++) {
                if (i > 0) { decl.append(", "); call.append(", "); }
                decl.append(params.get(i).boxedType()).append(' ').append(params.get(i).name());
                call.append(params.get(i).name());
            }
            return decl + ") -> " + call + ")";
        }

        /// A lambda over the checker's argument array: `a -> softmax((Vector) a[0])` (a [Fn.Impl]).
        public String implLambda() {
            var call = new StringBuilder("a -> " + name + "(");
            for (int i = 0; i < params.size(); i++) {
                if (i > 0) call.append(", ");
                call.append('(').append(params.get(i).boxedType()).append(") a[").append(i).append(']');
            }
            return call + ")";
        }

        @Override public String toString() { return text; }
    }

    /// Collects the parts of a [Drill]; [#build] validates them (≥ 5 cases, every text present).
    public static final class Builder {
        private final String id;
        private String title, topic, statement, starter, solution, explanation;
        private Difficulty difficulty;
        private Signature signature;
        private final List<String> hints = new ArrayList<>();
        private final List<DrillCase> cases = new ArrayList<>();
        private Fn.Impl reference;
        private int arity = -1, minutes;

        private Builder(String id) { this.id = id; }

        public Builder title(String s) { title = s; return this; }
        public Builder topic(String s) { topic = s; return this; }
        public Builder difficulty(Difficulty d) { difficulty = d; return this; }
        public Builder signature(String javaSignature) { signature = Signature.parse(javaSignature); return this; }
        public Builder statement(String s) { statement = s.strip(); return this; }
        public Builder starter(String s) { starter = s.strip(); return this; }
        public Builder hints(String... hs) { hints.addAll(List.of(hs)); return this; }
        public Builder solution(String s) { solution = s.strip(); return this; }
        public Builder explanation(String s) { explanation = s.strip(); return this; }
        /// A timed drill: "implement it in `m` minutes".
        public Builder minutes(int m) { minutes = m; return this; }

        public <A, R> Builder reference(Function<A, R> f) { reference = Fn.of(f); arity = 1; return this; }
        public <A, B, R> Builder reference(BiFunction<A, B, R> f) { reference = Fn.of(f); arity = 2; return this; }
        public <A, B, C, R> Builder reference(Fn.F3<A, B, C, R> f) { reference = Fn.of(f); arity = 3; return this; }
        public <A, B, C, D, R> Builder reference(Fn.F4<A, B, C, D, R> f) { reference = Fn.of(f); arity = 4; return this; }

        public Builder test(DrillCase c) { cases.add(c); return this; }
        public Builder tests(DrillCase... cs) { cases.addAll(List.of(cs)); return this; }

        public Drill build() {
            return new Drill(id, title, topic, difficulty, signature, statement, starter, hints, solution, explanation,
                    reference, arity, cases, minutes);
        }
    }
}
