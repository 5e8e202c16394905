package mlscratch.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Reads your own CSV file into a [Dataset].
///
/// ```
/// var d = Csv.read(Path.of("flowers.csv"));                  // target = the last column
/// var d = Csv.read(Path.of("flowers.csv"), "species");       // target by name
/// var d = Csv.read(Path.of("houses.csv"), Csv.Options.defaults().withTarget("price").withTask(Csv.Task.REGRESSION));
/// ```
/// The file needs a header row naming the columns. Every column except the target must hold numbers;
/// the target holds either numbers or class labels:
///
/// - Task `AUTO` (the default) makes it classification when any target value is text, or when all are
///   whole numbers with at most 20 distinct values (`0 / 1`, `1 / 2 / 3`); otherwise regression.
/// - For classification the distinct labels, sorted (numerically when they are numbers), become the
///   class names, and `y` holds their indices: labels `Iris-setosa, Iris-versicolor` → classes 0, 1.
///
/// Problems are reported as an [IllegalArgumentException] naming the file, the row and the column;
/// rows are numbered as an editor or a spreadsheet shows them, the header being row 1:
/// `Csv.read: data.csv row 17, column 'petal_width': 'abc' is not a number`. Missing values (an empty
/// field, `NA`, `NaN`, `?`, `null`) and rows with too few or too many fields are errors too: this reader
/// does not guess how to fill them. A file ending in `.gz` is unzipped on the fly.
public final class Csv {
    private Csv() {}

    /// What the target column holds.
    public enum Task { AUTO, CLASSIFICATION, REGRESSION }

    /// How to read the file.
    ///
    /// @param target    name of the target column; `null` for the last column
    /// @param task      classification, regression, or `AUTO` to decide from the values (see [Csv])
    /// @param delimiter the field separator, `,` by default (`;` and `\t` are common too)
    public record Options(String target, Task task, char delimiter) {
        public Options {
            Check.notNull("Csv.Options", "task", task);
            Check.that(delimiter != '"' && delimiter != '\n' && delimiter != '\r', "Csv.Options",
                    "'delimiter' must not be a quote or a line break, got %s", delimiter == '"' ? "'\"'" : "a line break");
        }

        /// Target = last column, task decided from its values, comma-separated.
        public static Options defaults() { return new Options(null, Task.AUTO, ','); }

        public Options withTarget(String target) { return new Options(target, task, delimiter); }

        public Options withTask(Task task) { return new Options(target, task, delimiter); }

        public Options withDelimiter(char delimiter) { return new Options(target, task, delimiter); }
    }

    static final int MAX_AUTO_CLASSES = 20;   // AUTO: whole-number targets with at most this many values are classes
    static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    static final java.util.Set<String> MISSING = java.util.Set.of("", "na", "n/a", "nan", "null", "none", "?");

    /// Reads `file`, the target being its last column.
    public static Dataset read(Path file) { return read(file, Options.defaults()); }

    /// Reads `file`, the target being the column named `targetColumn`.
    public static Dataset read(Path file, String targetColumn) {
        return read(file, Options.defaults().withTarget(Check.notNull("Csv.read", "targetColumn", targetColumn)));
    }

    public static Dataset read(Path file, Options options) {
        Check.notNull("Csv.read", "file", file);
        Check.notNull("Csv.read", "options", options);
        if (!Files.isRegularFile(file))
            throw Check.fail("Csv.read", file + (Files.exists(file) ? " is not a regular file" : " does not exist"));
        // Smile's own reader (smile.io.CSV) parses with Apache Commons CSV, the parser used here, but it
        // cannot say where a problem is: it guesses column types from the first 1000 rows, turns a column
        // with one stray word into text without a word, fails later rows with a bare NumberFormatException,
        // and drops extra fields of a long row. So the records come from the same CSVParser, configured by
        // the same CSVFormat Smile takes, and each one is checked here, with its row number at hand.
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(options.delimiter())
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        try (Reader reader = reader(file); CSVParser parser = CSVParser.parse(reader, format)) {
            return parse(file, parser, options);
        } catch (IOException e) {
            throw new UncheckedIOException("Csv.read: cannot read " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {                          // the parser's own errors (an unclosed quote)
            String message = String.valueOf(e.getCause().getMessage());
            var unclosed = Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated token finished").matcher(message);
            throw Check.fail("Csv.read", file.getFileName() + (unclosed.find()
                    ? " row " + unclosed.group(1) + ": a quoted field starting here is never closed (a missing '\"'?)"
                    : ": " + message));
        }
    }

    /// UTF-8 text, unzipped when the name ends in `.gz`, without the byte-order mark some editors write first.
    private static Reader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in);
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != '\uFEFF') reader.reset();
        return reader;
    }

    private static Dataset parse(Path file, CSVParser parser, Options options) {
        String where = "Csv.read";
        String fileName = file.getFileName().toString();
        var records = parser.iterator();
        if (!records.hasNext()) throw Check.fail(where, fileName + " is empty; it needs a header row naming the columns");

        // ── the header ──
        List<String> header = records.next().toList();
        var seen = new HashSet<String>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j);
            if (name.isEmpty()) throw Check.fail(where, fileName + " header (row 1): column " + (j + 1) + " has no name");
            if (!seen.add(name)) throw Check.fail(where, fileName + " header (row 1): column name '" + name + "' appears twice");
        }
        int t = targetIndex(where, fileName, header, options.target());
        Check.that(header.size() >= 2, where, "%s has only the column '%s'; it needs at least one feature column "
                + "besides the target", fileName, header.getFirst());
        int p = header.size(), d = p - 1;

        // ── the rows: numbers for the features, text kept for the target until the task is known ──
        List<double[]> X = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        List<Long> rowOf = new ArrayList<>();
        while (records.hasNext()) {
            CSVRecord record = records.next();
            long row = rowNumber(parser, record);
            if (record.size() == 1 && record.get(0).isEmpty()) continue;      // a line of spaces
            if (record.size() != p)
                throw Check.fail(where, fileName + " row " + row + " has " + record.size() + " field"
                        + (record.size() == 1 ? "" : "s") + " but the header has " + p + (record.size() < p
                        ? " (a missing value or separator?)" : " (an extra separator, or text with an unquoted '"
                        + options.delimiter() + "'?)"));
            double[] x = new double[d];
            for (int j = 0, k = 0; j < p; j++) {
                String s = record.get(j);
                if (isMissing(s)) throw missing(where, fileName, row, header.get(j), s);
                if (j == t) continue;
                x[k++] = number(where, fileName, row, header.get(j), s,
                        " (only the target column may hold text; encode text features as numbers first)");
            }
            X.add(x);
            targets.add(record.get(t));
            rowOf.add(row);
        }
        int n = X.size();
        Check.that(n > 0, where, "%s has a header but no data rows", fileName);

        // ── the target ──
        boolean allNumbers = targets.stream().allMatch(s -> NUMBER.matcher(s).matches());
        Task task = options.task();
        if (task == Task.AUTO) {
            boolean fewWholeNumbers = allNumbers && targets.stream().map(Double::parseDouble).distinct().count() <= MAX_AUTO_CLASSES
                    && targets.stream().mapToDouble(Double::parseDouble).allMatch(v -> v == Math.rint(v));
            task = !allNumbers || fewWholeNumbers ? Task.CLASSIFICATION : Task.REGRESSION;
        }
        double[] y = new double[n];
        List<String> classNames;
        if (task == Task.REGRESSION) {
            for (int i = 0; i < n; i++)
                y[i] = number(where, fileName, rowOf.get(i), header.get(t), targets.get(i),
                        " (the target of a regression must be numeric; for class labels use Csv.Task.CLASSIFICATION)");
            classNames = List.of();
        } else {
            classNames = classNames(targets, allNumbers);
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < classNames.size(); c++) index.put(classNames.get(c), c);
            for (int i = 0; i < n; i++) y[i] = index.get(allNumbers ? canonical(targets.get(i)) : targets.get(i));
        }

        double[] flat = new double[n * d];                                     // (n, d), row-major
        for (int i = 0; i < n; i++) System.arraycopy(X.get(i), 0, flat, i * d, d);
        List<String> features = new ArrayList<>(header);
        features.remove(t);
        String name = fileName.replaceFirst("(\\.csv)?(\\.gz)?$", "");
        String description = "Read from " + file.toAbsolutePath() + ": " + n + " rows, target column '" + header.get(t)
                + "' (" + (task == Task.REGRESSION ? "regression" : "classification, classes = its distinct values, sorted")
                + ").";
        return new Dataset(name, Matrix.wrap(n, d, flat), Vector.wrap(y), features, classNames, description);
    }

    /// The target's column: by name, or the last one.
    private static int targetIndex(String where, String fileName, List<String> header, String target) {
        if (target == null) return header.size() - 1;
        int t = header.indexOf(target);
        if (t >= 0) return t;
        String hint = header.stream().filter(h -> h.equalsIgnoreCase(target.strip())).findFirst()
                .map(h -> "; did you mean '" + h + "'?").orElse("");
        throw Check.fail(where, fileName + " has no column '" + target + "'; its columns are " + header + hint);
    }

    /// The record's first row as an editor counts lines: the parser's line count at the record's end,
    /// less the line breaks inside quoted fields.
    private static long rowNumber(CSVParser parser, CSVRecord record) {
        long breaks = 0;
        for (String s : record) breaks += s.chars().filter(c -> c == '\n').count();
        return parser.getCurrentLineNumber() - breaks;
    }

    private static boolean isMissing(String s) { return MISSING.contains(s.toLowerCase(Locale.ROOT)); }

    private static IllegalArgumentException missing(String where, String fileName, long row, String column, String s) {
        return Check.fail(where, fileName + " row " + row + ", column '" + column + "': the value is missing ("
                + (s.isEmpty() ? "empty" : "'" + s + "'") + "); fill in or drop the missing values first");
    }

    /// A decimal number (`-1.5`, `.5`, `2e-3`); Java's own parser would also take `1d`, `0x1p3` and `Infinity`.
    private static double number(String where, String fileName, long row, String column, String s, String hint) {
        if (!NUMBER.matcher(s).matches())
            throw Check.fail(where, fileName + " row " + row + ", column '" + column + "': '" + s + "' is not a number" + hint);
        double v = Double.parseDouble(s);
        if (Double.isInfinite(v))
            throw Check.fail(where, fileName + " row " + row + ", column '" + column + "': '" + s + "' is too large for a double");
        return v;
    }

    /// Distinct labels, sorted: numerically when they are all numbers (then `1.0` and `1` are one class, "1").
    private static List<String> classNames(List<String> targets, boolean numbers) {
        if (!numbers) return List.copyOf(new TreeSet<>(targets));
        var byValue = new TreeMap<Double, String>();
        for (String s : targets) byValue.putIfAbsent(Double.parseDouble(s) + 0.0, canonical(s));   // + 0.0: −0 is 0
        return List.copyOf(byValue.values());
    }

    /// A numeric label as one canonical string: whole numbers without decimals.
    private static String canonical(String s) {
        double v = Double.parseDouble(s) + 0.0;
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
