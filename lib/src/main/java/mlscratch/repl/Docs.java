package mlscratch.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Reads Markdown doc comments (`///`) out of a `.java` source and renders them as terminal text.
/// A small line-based reader: it relies on the house style (one declaration per line, its `///` block
/// right above it, annotations allowed in between), not on a Java parser.
final class Docs {
    private Docs() {}

    /// A declaration and the doc comment above it.
    record Entry(String declaration, List<String> doc) {}

    private static final Pattern TYPE_KEYWORD = Pattern.compile("\\b(class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern LEADING_ANNOTATIONS = Pattern.compile("^(@\\w+(\\([^)]*\\))?\\s+)+");
    private static final Pattern TUTORIAL = Pattern.compile("tutorials/\\d\\d-[\\w.-]+\\.jsh");

    /// The doc comment of the type declared as `simpleName` (top-level or nested), as raw Markdown lines.
    static List<String> typeDoc(String source, String simpleName) {
        String[] lines = source.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String code = stripAnnotations(lines[i].strip());
            if (code.startsWith("//") || code.startsWith("*")) continue;
            Matcher m = TYPE_KEYWORD.matcher(code);
            if (m.find() && m.group(2).equals(simpleName) && isDeclarationPrefix(code.substring(0, m.start()))) {
                return docAbove(lines, i);
            }
        }
        return List.of();
    }

    /// Every public (or interface) method, constructor or nested type named `name`, with its doc comment.
    static List<Entry> memberDocs(String source, String name) {
        String[] lines = source.split("\\R", -1);
        var entries = new ArrayList<Entry>();
        Pattern call = Pattern.compile("(^|[\\s>])" + Pattern.quote(name) + "\\s*\\(");
        for (int i = 0; i < lines.length; i++) {
            String code = stripAnnotations(lines[i].strip());
            if (code.startsWith("//") || code.startsWith("*") || code.startsWith("return ")) continue;
            Matcher m = call.matcher(code);
            if (!m.find()) continue;
            String before = code.substring(0, m.start() + m.group(1).length());   // modifiers and return type
            boolean method = code.startsWith("public ") && !before.contains("=") && !before.contains("(")
                    || (code.startsWith("default ") || code.startsWith("static ") || !code.contains(" = "))
                       && code.endsWith(";") && before.matches("(static |default )?[\\w<>\\[\\], .?]+\\s")
                       && !docAbove(lines, i).isEmpty();
            if (method) entries.add(new Entry(declaration(code), docAbove(lines, i)));
        }
        if (entries.isEmpty() && !name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
            var doc = typeDoc(source, name);
            if (!doc.isEmpty()) entries.add(new Entry(name, doc));
        }
        return entries;
    }

    /// `public static Matrix of(double[][] values) {` → `public static Matrix of(double[][] values)`.
    private static String declaration(String code) {
        int brace = code.indexOf('{');
        String d = brace >= 0 ? code.substring(0, brace) : code;
        if (d.endsWith(";")) d = d.substring(0, d.length() - 1);
        return d.strip();
    }

    private static boolean isDeclarationPrefix(String prefix) {
        return prefix.isBlank() || prefix.strip().matches("((public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\\s*)+");
    }

    private static String stripAnnotations(String code) {
        return LEADING_ANNOTATIONS.matcher(code).replaceFirst("");
    }

    /// The `///` block right above line `i`, skipping annotation lines; `///` and one space removed.
    static List<String> docAbove(String[] lines, int i) {
        int j = i - 1;
        while (j >= 0 && lines[j].strip().startsWith("@")) j--;
        int end = j;
        while (j >= 0 && lines[j].strip().startsWith("///")) j--;
        var doc = new ArrayList<String>();
        for (int k = j + 1; k <= end; k++) {
            String text = lines[k].strip().substring(3);
            doc.add(text.startsWith(" ") ? text.substring(1) : text);
        }
        return doc;
    }

    /// The first paragraph: the lines before the first blank line, code fence, list or `@` tag.
    static List<String> summary(List<String> doc) {
        var out = new ArrayList<String>();
        for (String line : doc) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("```") || s.startsWith("@") || s.startsWith("#")) break;
            out.add(inline(line));
        }
        return out;
    }

    /// The first fenced code block that mentions `word` (a usage example), without its fences; empty if none.
    static List<String> example(List<String> doc, String word) {
        List<String> block = null;
        for (String line : doc) {
            if (line.strip().startsWith("```")) {
                if (block == null) {
                    block = new ArrayList<>();
                } else {
                    if (String.join("\n", block).contains(word)) return block;
                    block = null;
                }
            } else if (block != null) {
                block.add(line);
            }
        }
        return List.of();
    }

    /// The whole comment as terminal text: links and fences flattened, code blocks indented.
    static List<String> render(List<String> doc) {
        var out = new ArrayList<String>();
        boolean inCode = false;
        for (String line : doc) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            out.add(inCode ? "    " + line : inline(line));
        }
        return out;
    }

    /// The first `tutorials/NN-name.jsh` the comment names, or null.
    static String tutorial(List<String> doc) {
        Matcher m = TUTORIAL.matcher(String.join("\n", doc));
        return m.find() ? m.group() : null;
    }

    private static final Pattern LINK = Pattern.compile(
            "(?<![\\w\\]])(?:\\[([^\\]]+)]\\[([^\\]]+)]|\\[(#?[A-Za-z][\\w.$]*(?:#[\\w$]+)?(?:\\([^)]*\\))?)])");

    /// Markdown reference links as plain words: `[Vector]` → `Vector`, `[#isClose(Matrix, double)]` →
    /// `isClose(Matrix, double)`, `[Matrix#times(Vector)]` → `Matrix.times(Vector)`, `[text][Ref]` → `text`.
    static String inline(String line) {
        Matcher m = LINK.matcher(line);
        var sb = new StringBuilder();
        while (m.find()) {
            String text;
            if (m.group(1) != null) text = m.group(1);
            else {
                text = m.group(3);
                if (text.startsWith("#")) text = text.substring(1);
                text = text.replace('#', '.');
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(text));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
