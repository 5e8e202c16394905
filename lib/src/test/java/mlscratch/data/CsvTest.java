package mlscratch.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTest {
    @TempDir Path dir;

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    String error(Path file, Csv.Options options) {
        return assertThrows(IllegalArgumentException.class, () -> Csv.read(file, options)).getMessage();
    }

    String error(Path file) { return error(file, Csv.Options.defaults()); }

    // ───────────────────────────── good files ─────────────────────────────

    @Test
    void textLabelsBecomeSortedClassesAndTheirIndices() throws IOException {
        Path f = file("flowers.csv", """
                sepal_length,petal_width,species
                5.1,0.2,setosa
                7.0,1.4,versicolor
                6.3,2.5,virginica
                4.9,0.2,setosa
                """);
        Dataset d = Csv.read(f);
        assertEquals("flowers", d.name());
        assertEquals(Matrix.of(new double[][] {{5.1, 0.2}, {7.0, 1.4}, {6.3, 2.5}, {4.9, 0.2}}), d.X());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertEquals(Vector.of(0, 1, 2, 0), d.y());
        assertEquals(List.of("sepal_length", "petal_width"), d.featureNames());
        assertEquals("Dataset flowers: 4 × 2, 3 classes (setosa 2, versicolor 1, virginica 1)", d.toString());
    }

    @Test
    void theTargetCanBeAnyColumnByName() throws IOException {
        Path f = file("t.csv", "label,a,b\nyes,1,2\nno,3,4\n");
        Dataset d = Csv.read(f, "label");
        assertEquals(List.of("a", "b"), d.featureNames());
        assertEquals(Matrix.of(new double[][] {{1, 2}, {3, 4}}), d.X());
        assertEquals(List.of("no", "yes"), d.classNames());
        assertEquals(Vector.of(1, 0), d.y());
    }

    @Test
    void fewWholeNumberTargetsAreClassesSortedNumerically() throws IOException {
        // labels 10, 2, 1 (as text "10" < "2"): sorted by value → classes 1, 2, 10 → indices 2, 1, 0
        Dataset d = Csv.read(file("c.csv", "x,y\n0,10\n1,2\n2,1.0\n"));
        assertEquals(List.of("1", "2", "10"), d.classNames());
        assertEquals(Vector.of(2, 1, 0), d.y());
    }

    @Test
    void realOrManyValuedTargetsAreRegression() throws IOException {
        Dataset real = Csv.read(file("r.csv", "x,price\n1,10.5\n2,20.25\n"));
        assertFalse(real.isClassification());
        assertEquals(Vector.of(10.5, 20.25), real.y());
        var sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 21; i++) sb.append(i).append(',').append(i).append('\n');  // 21 distinct whole numbers
        assertFalse(Csv.read(file("many.csv", sb.toString())).isClassification());
    }

    @Test
    void theTaskCanBeForced() throws IOException {
        Path f = file("f.csv", "x,y\n1,0\n2,1\n3,1\n");
        assertTrue(Csv.read(f).isClassification());
        Dataset r = Csv.read(f, Csv.Options.defaults().withTask(Csv.Task.REGRESSION));
        assertFalse(r.isClassification());
        assertEquals(Vector.of(0, 1, 1), r.y());
        Dataset c = Csv.read(file("g.csv", "x,y\n1,0.5\n2,1.5\n"), Csv.Options.defaults().withTask(Csv.Task.CLASSIFICATION));
        assertEquals(List.of("0.5", "1.5"), c.classNames());
    }

    @Test
    void spacesQuotesBlankLinesAndAByteOrderMarkAreHandled() throws IOException {
        Path f = file("q.csv", "\uFEFF\"a\", b ,\"class\"\n 1 , 2 ,\"one, two\"\n\n3,4,three\n");
        Dataset d = Csv.read(f);
        assertEquals(List.of("a", "b"), d.featureNames());
        assertEquals(Matrix.of(new double[][] {{1, 2}, {3, 4}}), d.X());
        assertEquals(List.of("one, two", "three"), d.classNames());
    }

    @Test
    void otherDelimitersAndGzippedFilesWork() throws IOException {
        Path f = file("semi.csv", "a;b;y\n1,5;2;x\n");     // a decimal comma is not a number: '1,5' must be quoted away
        assertTrue(error(f, Csv.Options.defaults().withDelimiter(';')).contains("'1,5' is not a number"));
        Path ok = file("semi2.csv", "a;b;y\n1.5;2;x\n");
        assertEquals(Vector.of(1.5, 2), Csv.read(ok, Csv.Options.defaults().withDelimiter(';')).X().row(0));
        Path gz = dir.resolve("data.csv.gz");
        Files.write(gz, IdxTest.gzip("a,y\n1,0\n2,1\n".getBytes(StandardCharsets.UTF_8)));
        Dataset d = Csv.read(gz);
        assertEquals("data", d.name());
        assertEquals(2, d.n());
    }

    @Test
    void aDatasetWrittenAsCsvReadsBackUnchanged() throws IOException {
        // two routes to the same table: the bundled iris, and iris written out as text and read back
        Dataset iris = Datasets.iris();
        var sb = new StringBuilder(String.join(",", iris.featureNames())).append(",species\n");
        for (int i = 0; i < iris.n(); i++) {
            for (int j = 0; j < iris.d(); j++) sb.append(iris.X().get(i, j)).append(',');
            sb.append(iris.classNames().get((int) iris.y().get(i))).append('\n');
        }
        Dataset back = Csv.read(file("iris.csv", sb.toString()), "species");
        assertEquals(iris.X(), back.X());
        assertEquals(iris.y(), back.y());
        assertEquals(iris.classNames(), back.classNames());
        assertEquals(iris.featureNames(), back.featureNames());
    }

    // ───────────────────────────── bad files: the message names file, row and column ─────────────────────────────

    @Test
    void aWordAmongNumbersIsReportedWithRowAndColumn() throws IOException {
        // rows counted as an editor shows lines: header = row 1, so the third data row is row 4
        Path f = file("data.csv", "sepal,petal_width,species\n1,2,a\n3,4,b\n5,abc,c\n");
        assertEquals("Csv.read: data.csv row 4, column 'petal_width': 'abc' is not a number "
                + "(only the target column may hold text; encode text features as numbers first)", error(f));
    }

    @Test
    void rowNumbersFollowTheLinesDespiteBlankLinesAndQuotedLineBreaks() throws IOException {
        Path f = file("data.csv", "a,b,y\n1,2,\"two\nlines\"\n\n3,x,z\n");
        // line 1 header, lines 2–3 one record, line 4 blank, line 5 the bad one
        assertTrue(error(f).startsWith("Csv.read: data.csv row 5, column 'b': 'x' is not a number"), error(f));
    }

    @Test
    void javaOnlyNumberSpellingsAreNotNumbers() throws IOException {
        for (String s : List.of("1d", "0x1p3", "Infinity", "1,0", "1 2"))
            assertTrue(error(file("n.csv", "a,y\n\"" + s + "\",1\n")).contains("'" + s + "' is not a number"), s);
        assertTrue(error(file("big.csv", "a,y\n1e999,1\n")).contains("'1e999' is too large for a double"));
    }

    @Test
    void missingValuesAreReported() throws IOException {
        assertEquals("Csv.read: data.csv row 3, column 'b': the value is missing (empty); fill in or drop the missing values first",
                error(file("data.csv", "a,b,y\n1,2,p\n3,,q\n")));
        for (String na : List.of("NA", "NaN", "?", "null", "n/a"))
            assertTrue(error(file("data.csv", "a,b,y\n1," + na + ",p\n")).contains("column 'b': the value is missing ('" + na + "')"), na);
        assertTrue(error(file("data.csv", "a,b,y\n1,2,\n")).contains("row 2, column 'y': the value is missing (empty)"));
    }

    @Test
    void raggedRowsAreReported() throws IOException {
        assertEquals("Csv.read: data.csv row 3 has 2 fields but the header has 3 (a missing value or separator?)",
                error(file("data.csv", "a,b,y\n1,2,p\n3,4\n")));
        assertEquals("Csv.read: data.csv row 2 has 4 fields but the header has 3 (an extra separator, or text with an unquoted ','?)",
                error(file("data.csv", "a,b,y\n1,2,p,q\n")));
    }

    @Test
    void anUnknownTargetListsTheColumns() throws IOException {
        Path f = file("data.csv", "a,Species\n1,x\n");
        assertEquals("Csv.read: data.csv has no column 'species'; its columns are [a, Species]; did you mean 'Species'?",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(f, "species")).getMessage());
        assertEquals("Csv.read: data.csv has no column 'z'; its columns are [a, Species]",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(f, "z")).getMessage());
    }

    @Test
    void aRegressionTargetMustBeNumeric() throws IOException {
        Path f = file("data.csv", "a,y\n1,2\n2,cat\n");
        assertEquals("Csv.read: data.csv row 3, column 'y': 'cat' is not a number (the target of a regression must be "
                + "numeric; for class labels use Csv.Task.CLASSIFICATION)", error(f, Csv.Options.defaults().withTask(Csv.Task.REGRESSION)));
    }

    @Test
    void headersMustNameEachColumnOnce() throws IOException {
        assertEquals("Csv.read: data.csv header (row 1): column 2 has no name", error(file("data.csv", "a,,y\n1,2,3\n")));
        assertEquals("Csv.read: data.csv header (row 1): column name 'a' appears twice", error(file("data.csv", "a,a,y\n1,2,3\n")));
        assertEquals("Csv.read: data.csv has only the column 'y'; it needs at least one feature column besides the target",
                error(file("data.csv", "y\n1\n")));
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreReported() throws IOException {
        assertEquals("Csv.read: data.csv is empty; it needs a header row naming the columns", error(file("data.csv", "")));
        assertEquals("Csv.read: data.csv has a header but no data rows", error(file("data.csv", "a,y\n")));
        Path missing = dir.resolve("nope.csv");
        assertEquals("Csv.read: " + missing + " does not exist",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(missing)).getMessage());
    }

    @Test
    void anUnclosedQuoteIsAParseError() throws IOException {
        assertEquals("Csv.read: data.csv row 2: a quoted field starting here is never closed (a missing '\"'?)",
                error(file("data.csv", "a,y\n1,\"open\n2,3\n")));
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Csv.Options.defaults().withDelimiter('"'));
        assertThrows(IllegalArgumentException.class, () -> Csv.Options.defaults().withTask(null));
        assertEquals(new Csv.Options("y", Csv.Task.REGRESSION, '\t'),
                Csv.Options.defaults().withTarget("y").withTask(Csv.Task.REGRESSION).withDelimiter('\t'));
    }
}
