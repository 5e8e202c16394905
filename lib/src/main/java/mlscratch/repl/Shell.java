package mlscratch.repl;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import mlscratch.util.Progress;

/// The shell's own commands, imported into JShell by `startup.jsh` (`import static mlscratch.repl.Shell.*`):
/// `help()`, `help(x)`, `tutorials()`, and the `cell`/`check` calls that tutorials are made of.
///
/// ```
/// help()                      // what is here
/// help(Matrix.class)          // one class: summary, example, methods
/// help(model)                 // the class of any object
/// help("Matrix.times")        // one method, with its doc comment
/// tutorials()                 // the tutorials and the /open line of each
/// ```
/// The documentation comes from the library's `.java` sources (their `///` comments), found beside the
/// compiled classes, so it is the same text as in the source file.
///
/// A tutorial is a `.jsh` file split into cells, each opened by a marker comment and a `cell` call
/// (tutorials/README.md has the convention):
/// ```
/// // ━━━ Cell 2 · The normal equation ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
/// cell(2, "The normal equation");
/// …
/// checkClose("w₁ recovers the true slope", w.get(1), 2.0, 1e-6);
/// ```
/// On a terminal, `cell` pauses before each cell after the first (Enter: next cell, `r`: run the rest of
/// this tutorial, `q`: stop pausing for the rest of the session). Headless (`-Dmlscratch.headless=true`,
/// as in the test suite) it only prints the cell's header.
public final class Shell {
    private Shell() {}

    private static final int WIDTH = 100;

    // ───────────────────────────── banner and help ─────────────────────────────

    /// The library version, e.g. `0.1.0`.
    public static String version() {
        try (InputStream in = Shell.class.getResourceAsStream("version.properties")) {
            if (in == null) return "dev";
            var p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    /// The lines `startup.jsh` prints when the shell starts.
    public static void banner() {
        var out = System.out;
        out.println("mlscratch " + version() + " · machine learning from scratch, in JShell (JDK "
                + Runtime.version().version().stream().map(String::valueOf).collect(Collectors.joining(".")) + ")");
        out.println("  help()        what is here; help(Matrix.class), help(x) or help(\"Matrix.times\") for one thing");
        out.println("  tutorials()   the guided tutorials, and the /open line that runs each");
        // Hook for the drills issue: add its line here (e.g. "  drills()      interview-style exercises").
        out.println("  Tab after `Matrix.of(` lists signatures; Tab again shows the doc comment.  /exit leaves.");
    }

    /// What is here: the packages and their classes, and how to get help on one of them.
    public static void help() {
        var out = System.out;
        out.println("mlscratch " + version() + " — its packages and their public classes ([import …]: not imported in the shell):");
        out.println();
        var byPackage = new TreeMap<String, List<String>>();
        for (Class<?> c : libraryClasses()) {
            byPackage.computeIfAbsent(c.getPackageName(), k -> new ArrayList<>()).add(c.getSimpleName());
        }
        var imported = importedPackages();
        byPackage.forEach((pkg, names) -> {
            var items = new ArrayList<>(names);
            if (!imported.isEmpty() && !imported.contains(pkg)) items.add("[import " + pkg + ".*]");
            wrap(out, String.format("  %-11s ", pkg.replaceFirst("^mlscratch\\.", "")), items, " · ");
        });
        out.println();
        out.println("  help(Matrix.class)    one class: what it is, an example, its methods (help(\"Matrix\") too)");
        out.println("  help(x)               the class of any value, e.g. a fitted model");
        out.println("  help(\"Matrix.times\")  one method or nested type, with its doc comment");
        out.println("  help(\"linalg\")        one package");
        out.println("  tutorials()           the tutorials; /open tutorials/00-tour.jsh starts the tour");
        out.println("  Tab after `Matrix.of(` lists signatures, Tab again shows the docs; Shift+Tab then i imports.");
        out.println("  JShell's own: /vars /methods /imports /list /save file.jsh /reset /exit (/help for all).");
    }

    /// Help on `x`: a class (`help(Matrix.class)`), a name (`help("Matrix")`, `help("Matrix.times")`,
    /// `help("linalg")`), or any value, which gets the help of its class.
    public static void help(Object x) {
        switch (x) {
            case null -> help();
            case Class<?> c -> help(c);
            case String name -> help(name);
            default -> {
                Class<?> c = documentedType(x.getClass());
                System.out.println("a " + c.getSimpleName() + " (" + c.getName() + "):");
                help(c);
            }
        }
    }

    /// Help on one class: the first paragraph of its doc comment, a usage example from it, its public
    /// methods, and the tutorial it names.
    public static void help(Class<?> type) {
        var out = System.out;
        var doc = Sources.source(type).map(src -> Docs.typeDoc(src, type.getSimpleName())).orElse(List.of());
        out.println(kind(type) + " " + displayName(type) + "  (" + type.getPackageName() + ")");
        var summary = Docs.summary(doc);
        if (summary.isEmpty()) out.println("  (no doc comment found: is lib/src/main/java beside the classes?)");
        for (String line : summary) out.println("  " + line);
        var example = Docs.example(doc, type.getSimpleName());
        if (!example.isEmpty()) {
            out.println();
            out.println("  Example:");
            for (String line : example) out.println("    " + line);
        }
        out.println();
        if (type.isRecord()) {
            String components = Arrays.stream(type.getRecordComponents())
                    .map(rc -> simpleType(rc.getGenericType().getTypeName()) + " " + rc.getName())
                    .collect(Collectors.joining(", "));
            wrap(out, "  Record:   ", type.getSimpleName() + "(" + components + ")");
        } else {
            var constructors = Arrays.stream(type.getConstructors())
                    .map(k -> "new " + type.getSimpleName() + params(k.getParameters(), k.isVarArgs())).toList();
            if (!constructors.isEmpty()) wrap(out, "  New:      ", constructors, " · ");
        }
        var methods = publicMethods(type);
        var statics = methods.stream().filter(m -> Modifier.isStatic(m.getModifiers())).map(Shell::signature).toList();
        var instance = methods.stream().filter(m -> !Modifier.isStatic(m.getModifiers())).map(Shell::signature).toList();
        if (!statics.isEmpty()) wrap(out, "  Static:   ", statics, " · ");
        if (!instance.isEmpty()) wrap(out, "  Methods:  ", instance, " · ");
        var nested = Arrays.stream(type.getClasses()).filter(c -> Modifier.isPublic(c.getModifiers()))
                .map(c -> type.getSimpleName() + "." + c.getSimpleName()).toList();
        if (!nested.isEmpty()) wrap(out, "  Nested:   ", nested, " · ");
        String tutorial = Docs.tutorial(doc);
        if (tutorial != null) out.println("  Tutorial: /open " + tutorial);
        out.println("  More:     help(\"" + type.getSimpleName() + ".name\") for one method; Tab after `"
                + type.getSimpleName() + ".name(` in the shell");
    }

    /// Help on a name: a class (`Matrix`, `mlscratch.linalg.Matrix`), a member (`Matrix.times`,
    /// `LogisticRegression.Options`) or a package (`linalg`).
    public static void help(String name) {
        var out = System.out;
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            help();
            return;
        }
        var type = findClass(n);
        if (type.isPresent()) {
            help(type.get());
            return;
        }
        String pkg = n.startsWith("mlscratch.") ? n : "mlscratch." + n;
        var inPackage = libraryClasses().stream().filter(c -> c.getPackageName().equals(pkg)).toList();
        if (!inPackage.isEmpty()) {
            out.println("package " + pkg);
            for (Class<?> c : inPackage) {
                var doc = Sources.source(c).map(src -> Docs.typeDoc(src, c.getSimpleName())).orElse(List.of());
                var summary = Docs.summary(doc);
                String first = summary.isEmpty() ? "" : firstSentence(String.join(" ", summary));
                wrap(out, String.format("  %-22s ", c.getSimpleName()), first);
            }
            return;
        }
        int dot = n.lastIndexOf('.');
        if (dot > 0) {
            var owner = findClass(n.substring(0, dot));
            if (owner.isPresent()) {
                helpMember(owner.get(), n.substring(dot + 1));
                return;
            }
        }
        String maybe = suggestion(n);
        out.println("help: nothing named '" + n + "' in mlscratch" + (maybe.isEmpty() ? "." : maybe) + " help() lists what is here.");
    }

    private static void helpMember(Class<?> owner, String member) {
        var out = System.out;
        var entries = Sources.source(owner).map(src -> Docs.memberDocs(src, member)).orElse(List.of());
        if (entries.isEmpty()) {
            var overloads = publicMethods(owner).stream().filter(m -> m.getName().equals(member)).toList();
            if (overloads.isEmpty()) {
                String maybe = suggestion(member, publicMethods(owner).stream().map(Method::getName).toList());
                out.println("help: " + owner.getSimpleName() + " has no public method '" + member + "'"
                        + (maybe.isEmpty() ? "." : maybe) + " help(" + owner.getSimpleName() + ".class) lists them.");
            }
            for (Method m : overloads) out.println(owner.getSimpleName() + "." + signature(m) + "  (no doc comment found)");
            return;
        }
        boolean first = true;
        for (var e : entries) {
            if (!first) out.println();
            first = false;
            out.println(e.declaration());
            for (String line : Docs.render(e.doc())) out.println("  " + line);
        }
    }

    // ───────────────────────────── tutorials ─────────────────────────────

    /// The tutorials (`tutorials/NN-name.jsh`), each with its title and the line that runs it.
    public static void tutorials() {
        var out = System.out;
        var dir = tutorialsDir();
        if (dir.isEmpty()) {
            out.println("tutorials: no tutorials/ directory here or beside the library");
            return;
        }
        var files = scripts(dir.get());
        out.println("Tutorials — run one with its /open line. On a terminal each cell waits for you:");
        out.println("Enter runs the next cell, r runs the rest, q stops pausing. tutorials/README.md has more.");
        out.println();
        for (Path f : files) {
            String file = f.getFileName().toString();
            String title = title(f).replaceFirst("^\\d\\d\\s*[·:.-]\\s*", "");
            out.printf(Locale.ROOT, "  %s  %-44s /open %s%n", file.substring(0, 2), title, displayPath(f));
        }
    }

    /// The `NN-*.jsh` files of `dir`, in order. Also the base for a future `drills()`.
    static List<Path> scripts(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d-.+\\.jsh")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /// The first comment line of a `.jsh` file, without the `//`.
    static String title(Path jsh) {
        try (var lines = Files.lines(jsh)) {
            return lines.map(String::strip).filter(l -> l.startsWith("//")).findFirst()
                        .map(l -> l.replaceFirst("^//+\\s*", "")).orElse(jsh.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return jsh.getFileName().toString();
        }
    }

    static Optional<Path> tutorialsDir() {
        Path here = Path.of("tutorials");
        if (Files.isDirectory(here)) return Optional.of(here);
        return Sources.projectRoot().map(r -> r.resolve("tutorials")).filter(Files::isDirectory);
    }

    private static String displayPath(Path p) {
        Path abs = p.toAbsolutePath().normalize(), cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    // ───────────────────────────── cells and checks ─────────────────────────────

    private static int lastCell;             // the cell most recently started (0: none yet)
    private static boolean runToEnd;          // r pressed: no more pauses in this tutorial
    private static Boolean guided;            // null: automatic (a terminal, not headless)

    /// Starts cell `n` of a tutorial: prints its header. On a terminal (guided mode) first waits for a key,
    /// except before a tutorial's first cell: Enter runs the cell, `r` runs the rest of the tutorial,
    /// `q` stops pausing for the rest of the session (`guided(true)` turns pausing back on).
    public static void cell(int n, String title) {
        if (n <= lastCell || lastCell == 0) runToEnd = false;    // a new tutorial (or one opened again)
        inTutorial = true;
        boolean pause = lastCell > 0 && n > lastCell && !runToEnd && guided();
        lastCell = n;
        if (pause) {
            switch (waitForKey("▶ Enter: cell " + n + " · " + title + "    r: run the rest    q: stop pausing ")) {
                case 'r' -> runToEnd = true;
                case 'q' -> guided = false;
                default -> { }
            }
        }
        String head = "━━━ Cell " + n + " · " + title + " ";
        System.out.println();
        System.out.println(head + "━".repeat(Math.max(3, 72 - head.length())));
        if (!Boolean.getBoolean("mlscratch.headless") && Progress.interactive()) {
            for (String line : cellSource(n, title)) System.out.println("  │ " + line);
            System.out.println();
        }
    }

    /// Prints `name ==> value`, as JShell shows a value typed at the prompt (a file run by `/open` shows none).
    public static void show(String name, Object value) {
        System.out.println(name + " ==> " + value);
    }

    private static Path cellFile;    // the tutorial whose cells are running, for echoing their code

    /// The code of cell `n` (the lines after its `cell(n, "title");` call, up to the next marker), read from the
    /// tutorial that contains that call; empty when no tutorial does.
    static List<String> cellSource(int n, String title) {
        String call = "cell(" + n + ", \"" + title + "\");";
        List<String> lines = cellFile == null ? List.of() : lines(cellFile);
        if (lines.stream().noneMatch(l -> l.strip().equals(call))) {
            cellFile = null;
            lines = List.of();
            for (Path f : tutorialsDir().map(Shell::scripts).orElse(List.of())) {
                var candidate = lines(f);
                if (candidate.stream().anyMatch(l -> l.strip().equals(call))) {
                    cellFile = f;
                    lines = candidate;
                    break;
                }
            }
        }
        int from = 0;
        while (from < lines.size() && !lines.get(from).strip().equals(call)) from++;
        int to = from + 1;
        while (to < lines.size() && !lines.get(to).strip().matches("//\\s*━+\\s*Cell\\s+\\d+.*")) to++;
        var code = new ArrayList<>(lines.subList(Math.min(from + 1, lines.size()), Math.min(to, lines.size())));
        while (!code.isEmpty() && code.getLast().isBlank()) code.removeLast();
        while (!code.isEmpty() && code.getFirst().isBlank()) code.removeFirst();
        return code;
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static volatile boolean inTutorial;    // a tutorial file is running: see pollCtrlC

    /// Called by the execution engine when the user types a snippet at the prompt: no tutorial is running.
    static void tutorialEnded() { inTutorial = false; }

    /// Installed into [Progress] by the shell: while a tutorial runs (JShell reads nothing from the terminal
    /// during `/open`, so Ctrl-C would go unnoticed), reads the keys pressed and asks the running loop to stop
    /// on Ctrl-C. Other keys pressed meanwhile are dropped.
    static void pollCtrlC() {
        if (!inTutorial || guided != null && !guided || Boolean.getBoolean("mlscratch.headless")) return;
        try (var tty = new FileInputStream("/dev/tty")) {
            while (tty.available() > 0) {
                if (tty.read() == 3) Progress.requestStop();
            }
        } catch (IOException e) {
            inTutorial = false;      // no terminal: stop looking
        }
    }

    /// Turns the pauses between cells on or off for the rest of the session.
    public static void guided(boolean on) {
        guided = on;
        runToEnd = false;
    }

    /// True when the tutorials run headless (the test suite, `-Dmlscratch.headless=true`): a tutorial that trains
    /// on a big dataset uses a subset then, and the full data when a user opens it.
    public static boolean headless() { return Boolean.getBoolean("mlscratch.headless"); }

    /// True when `cell` pauses: on a terminal, not headless, and not turned off.
    static boolean guided() {
        if (guided != null && !guided) return false;
        if (Boolean.getBoolean("mlscratch.headless")) return false;
        if (guided == null && !Progress.interactive()) return false;
        return Files.isReadable(Path.of("/dev/tty"));
    }

    /// Prints `prompt`, reads one key from the terminal (`/dev/tty`: a file opened by JShell reads nothing
    /// from System.in). Returns `\n` for Enter, the key otherwise, `r` on Ctrl-C, Ctrl-D or no terminal.
    private static int waitForKey(String prompt) {
        var out = System.out;
        out.print(prompt);
        out.flush();
        try (var tty = new FileInputStream("/dev/tty")) {
            int key = readByte(tty);
            boolean pending = tty.available() > 0;        // the rest of a cooked-mode line ("r\n")
            while (tty.available() > 0) tty.read();
            boolean rawMode = key == '\r' || (key != '\n' && !pending);
            if (rawMode) out.println();                   // raw mode does not echo the key
            if (key == '\r' || key == '\n') return '\n';
            if (key == 3 || key == 4 || key < 0) return 'r';
            return Character.toLowerCase(key);
        } catch (IOException e) {
            out.println();
            return 'r';
        }
    }

    /// One byte from the terminal. JShell keeps it in raw mode with a read timeout (VMIN 0, VTIME 1), where
    /// a read with no key pressed returns -1 after 0.1 s: keep reading. An immediate -1, three times in a row,
    /// is a real end of input (a cooked-mode terminal after Ctrl-D).
    private static int readByte(InputStream tty) throws IOException {
        int quickEnds = 0;
        while (true) {
            long t0 = System.nanoTime();
            int b = tty.read();
            if (b >= 0) return b;
            if (System.nanoTime() - t0 < 20_000_000L) {
                if (++quickEnds >= 3) return -1;
            } else {
                quickEnds = 0;
            }
            if (Thread.currentThread().isInterrupted()) return -1;
        }
    }

    /// Prints `✓ what` when `ok`; otherwise throws [TutorialCheckFailed] naming `what`.
    public static void check(String what, boolean ok) {
        if (!ok) throw new TutorialCheckFailed("✗ " + what);
        System.out.println("✓ " + what);
    }

    /// Prints `✓ what` when `|actual − expected| ≤ tol`; otherwise throws [TutorialCheckFailed] with the numbers.
    public static void checkClose(String what, double actual, double expected, double tol) {
        double off = Math.abs(actual - expected);
        if (!(off <= tol)) {
            throw new TutorialCheckFailed(String.format(Locale.ROOT, "✗ %s: got %s, expected %s ± %s (off by %s)",
                    what, actual, expected, tol, off));
        }
        System.out.println("✓ " + what);
    }

    // ───────────────────────────── reflection helpers ─────────────────────────────

    /// The public top-level classes of the library, by package then name.
    static List<Class<?>> libraryClasses() {
        var out = new ArrayList<Class<?>>();
        for (String name : Sources.classNames()) {
            if (name.contains("$") || name.endsWith("package-info")) continue;
            try {
                Class<?> c = Class.forName(name, false, Shell.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) out.add(c);
            } catch (ClassNotFoundException | LinkageError e) {
                // skip what does not load
            }
        }
        out.sort(Comparator.comparing(Class<?>::getPackageName).thenComparing(Class::getSimpleName));
        return out;
    }

    private static Optional<Class<?>> findClass(String name) {
        var loader = Shell.class.getClassLoader();
        for (String candidate : List.of(name, "mlscratch." + name)) {
            try {
                return Optional.of(Class.forName(candidate, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next form
            }
        }
        String[] parts = name.split("\\.");
        var top = libraryClasses().stream().filter(c -> c.getSimpleName().equals(parts[0])).findFirst();
        if (top.isEmpty()) {
            top = libraryClasses().stream().filter(c -> c.getSimpleName().equalsIgnoreCase(parts[0])).findFirst();
        }
        if (top.isEmpty()) return Optional.empty();
        Class<?> c = top.get();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            var nested = Arrays.stream(c.getClasses()).filter(k -> k.getSimpleName().equals(part)).findFirst();
            if (nested.isEmpty()) return Optional.empty();
            c = nested.get();
        }
        return Optional.of(c);
    }

    /// The class to document for a value: itself when public, else its first public mlscratch supertype
    /// (a lambda implementing `Predictor` gets the help of `Predictor`).
    private static Class<?> documentedType(Class<?> c) {
        var seen = new LinkedHashSet<Class<?>>();
        var queue = new ArrayList<Class<?>>(List.of(c));
        while (!queue.isEmpty()) {
            Class<?> k = queue.removeFirst();
            if (k == null || !seen.add(k)) continue;
            if (Modifier.isPublic(k.getModifiers()) && k.getName().startsWith("mlscratch.")) return k;
            queue.add(k.getSuperclass());
            queue.addAll(Arrays.asList(k.getInterfaces()));
        }
        return Modifier.isPublic(c.getModifiers()) ? c : Object.class;
    }

    private static final java.util.Set<String> OBJECT_METHODS = java.util.Set.of("equals1", "hashCode0", "toString0");

    /// Public methods, Object's excluded, one per signature, sorted by name then arity.
    private static List<Method> publicMethods(Class<?> type) {
        var bySignature = new LinkedHashMap<String, Method>();
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() == Object.class || m.isBridge() || m.isSynthetic()) continue;
            if (OBJECT_METHODS.contains(m.getName() + m.getParameterCount())) continue;
            bySignature.putIfAbsent(m.getName() + Arrays.toString(m.getParameterTypes()), m);
        }
        var methods = new ArrayList<>(bySignature.values());
        methods.sort(Comparator.comparing(Method::getName).thenComparingInt(Method::getParameterCount));
        return methods;
    }

    private static String signature(Method m) { return m.getName() + params(m.getParameters(), m.isVarArgs()); }

    /// `(int rows, int cols, double... values)`; types only when the names were not compiled in.
    private static String params(Parameter[] ps, boolean varArgs) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < ps.length; i++) {
            String type = simpleType(ps[i].getParameterizedType().getTypeName());
            if (varArgs && i == ps.length - 1 && type.endsWith("[]")) type = type.substring(0, type.length() - 2) + "...";
            parts.add(ps[i].isNamePresent() ? type + " " + ps[i].getName() : type);
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /// `java.util.List<mlscratch.linalg.Vector>` → `List<Vector>`; `mlscratch.model.Trace$Builder` → `Trace.Builder`.
    private static String simpleType(String typeName) {
        return typeName.replaceAll("\\b[a-z][\\w]*\\.", "").replace('$', '.');
    }

    private static String kind(Class<?> c) {
        if (c.isRecord()) return "record";
        if (c.isEnum()) return "enum";
        if (c.isInterface()) return c.isSealed() ? "sealed interface" : "interface";
        return "class";
    }

    private static String displayName(Class<?> c) {
        return c.getEnclosingClass() == null ? c.getSimpleName() : displayName(c.getEnclosingClass()) + "." + c.getSimpleName();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String sentence = end < 0 ? text : text.substring(0, end + 1);
        return sentence.endsWith(":") ? sentence.substring(0, sentence.length() - 1) + "." : sentence;
    }

    /// The packages `startup.jsh` imports on demand (`import mlscratch.linalg.*;` gives `mlscratch.linalg`);
    /// empty when it cannot be read.
    private static java.util.Set<String> importedPackages() {
        try {
            return TutorialRunner.startupImports().stream()
                    .map(l -> l.replaceFirst("^import\\s+", "").replaceFirst("\\.\\*;$", ""))
                    .collect(Collectors.toSet());
        } catch (RuntimeException e) {
            return java.util.Set.of();
        }
    }

    private static String suggestion(String name) {
        var names = libraryClasses().stream().map(Class::getSimpleName).toList();
        return suggestion(name.contains(".") ? name.substring(0, name.indexOf('.')) : name, names);
    }

    private static String suggestion(String name, List<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        var close = candidates.stream().distinct()
                .filter(c -> distance(c.toLowerCase(Locale.ROOT), lower) <= Math.max(1, lower.length() / 4)
                        || c.toLowerCase(Locale.ROOT).contains(lower) && lower.length() >= 3)
                .limit(3).toList();
        return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?";
    }

    /// Levenshtein distance.
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    /// Prints `prefix` then `text`, wrapped at [#WIDTH] columns between words, aligned under the text.
    private static void wrap(PrintStream out, String prefix, String text) {
        wrap(out, prefix, List.of(text.split(" ")), " ");
    }

    /// Prints `prefix` then `items` joined by `separator`, wrapped between items, aligned under the first.
    private static void wrap(PrintStream out, String prefix, List<String> items, String separator) {
        String indent = " ".repeat(prefix.length());
        var line = new StringBuilder(prefix);
        boolean empty = true;
        for (String item : items) {
            if (!empty && line.length() + separator.length() + item.length() > WIDTH) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(indent);
                empty = true;
            }
            if (!empty) line.append(separator);
            line.append(item);
            empty = false;
        }
        out.println(line.toString().stripTrailing());
    }
}
