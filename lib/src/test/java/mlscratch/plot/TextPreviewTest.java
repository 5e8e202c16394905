package mlscratch.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// The terminal drawings: braille dots, block bars, tables.
class TextPreviewTest {

    /// The canvas lines of a drawing: those whose axis character is `┤` or `│`, with the text right of it.
    static List<String> canvas(String text) {
        return text.lines().filter(l -> l.matches("^ *\\S* [┤│].*")).map(l -> l.substring(l.indexOf(l.contains("┤") ? '┤' : '│') + 1)).toList();
    }

    /// A 1×1 canvas holds 2×4 dots. The segment from (0, 0) to (1, 1) runs from dot (0, 3) (bottom left)
    /// to dot (1, 0) (top right); Bresenham visits (0,3) (0,2) (1,1) (1,0), whose braille bits are
    /// 0x40 + 0x04 + 0x10 + 0x08 = 0x5C, so the character is U+285C '⡜'.
    @Test
    void aDiagonalInOneCharacterIsTheHandComputedBraille() {
        var canvas = new TextCanvas(1, 1, 0, 1, 0, 1);
        canvas.line(0, 0, 1, 1, 0);
        String text = canvas.render(new Chart.Decor("", "", ""), List.of(), List.of(), false);
        assertEquals("1 ┤⡜", text.lines().findFirst().orElseThrow());
    }

    @Test
    void theLineYEqualsXIsADiagonalFromBottomLeftToTopRight() {
        int cols = 40, rows = 10;
        var x = Vector.linspace(0, 1, 200);
        String text = Plot.line(x, x).toText(cols, rows);
        var lines = canvas(text);
        assertEquals(rows, lines.size(), text);
        for (int r = 0; r < rows; r++) {
            String row = lines.get(r);
            assertEquals(cols, row.length(), "row " + r + " is " + cols + " characters wide");
            // row r covers y ∈ [1 − (r+1)/rows, 1 − r/rows], so on y = x the ink lies in those columns
            int lo = (int) Math.floor((1 - (r + 1.0) / rows) * cols) - 1, hi = (int) Math.ceil((1 - (double) r / rows) * cols);
            boolean any = false;
            for (int c = 0; c < cols; c++) {
                char ch = row.charAt(c);
                if (ch == ' ') continue;
                any = true;
                assertTrue(ch >= '\u2800' && ch <= '\u28ff', "braille only, got " + ch);
                assertTrue(c >= lo && c <= hi, "row " + r + ": ink at column " + c + " outside [" + lo + ", " + hi + "]\n" + text);
            }
            assertTrue(any, "row " + r + " has ink\n" + text);
        }
        assertTrue(lines.getLast().charAt(0) != ' ', "starts bottom left");
        assertTrue(lines.getFirst().charAt(cols - 1) != ' ', "ends top right");
        assertEquals(' ', lines.getFirst().charAt(0), "top left is empty");
        assertEquals(' ', lines.getLast().charAt(cols - 1), "bottom right is empty");
    }

    @Test
    void defaultPreviewIs72By20WithRangeLabels() {
        var y = Vector.of(-2, 5, 1);
        String text = Plot.line(y).toText();
        var lines = canvas(text);
        assertEquals(20, lines.size());
        lines.forEach(l -> assertEquals(72, l.length()));
        var all = text.lines().toList();
        assertTrue(all.stream().anyMatch(l -> l.matches(" *5 ┤.*")), "ymax beside the top row\n" + text);
        assertTrue(all.stream().anyMatch(l -> l.matches(" *-2 ┤.*")), "ymin beside the bottom row\n" + text);
        assertTrue(all.stream().anyMatch(l -> l.matches(" +0 +2")), "x range under the axis\n" + text);
        assertTrue(all.stream().anyMatch(l -> l.matches(" +└─{72}")));
    }

    @Test
    void scatterCornersLandInTheCornerCharacters() {
        var X = Matrix.of(new double[][] {{0, 0}, {10, 5}});
        var lines = canvas(Plot.scatter(X, Vector.of(0, 1)).toText(20, 5));
        assertTrue(lines.getLast().charAt(0) != ' ');
        assertTrue(lines.getFirst().charAt(19) != ' ');
        long inked = lines.stream().flatMapToInt(String::chars).filter(c -> c != ' ').count();
        assertEquals(2, inked, "two points, two characters");
    }

    @Test
    void colourIsOnlyWrittenWhenAskedFor() {
        var chart = Plot.scatter(PlotRenderTest.BLOBS, PlotRenderTest.BLOB_LABELS);
        assertFalse(chart.toText().contains("\u001b"), "plain text has no escapes");
        String ansi = chart.toText(72, 20, true);
        for (int k = 0; k < 3; k++) assertTrue(ansi.contains(Colors.ansi(Colors.of(k))), "class " + k + " colour");
        assertEquals(chart.toText(), ansi.replaceAll("\u001b\\[[0-9;]*m", ""), "escapes aside, the same drawing");
    }

    @Test
    void legendNamesSeriesAndClasses() {
        String text = Plot.lines(Map.of("train", Vector.of(3, 2, 1), "val", Vector.of(3, 2.5, 2))).toText();
        assertTrue(text.lines().anyMatch(l -> l.equals("⣿ train   ⣿ val")), text);
        String sc = Plot.scatter(PlotRenderTest.BLOBS, PlotRenderTest.BLOB_LABELS, List.of("a", "b", "c")).toText();
        assertTrue(sc.lines().anyMatch(l -> l.equals("⣿ a   ⣿ b   ⣿ c")), sc);
    }

    /// counts [1, 2, 4] over 3 bins, 6 columns (2 per bin), 4 rows = 32 eighths for the highest bar:
    /// bin 0 is 8/32 → one full block on the bottom row, bin 1 is 16/32 → two rows, bin 2 all four.
    @Test
    void histogramTextStacksEighthBlocks() {
        var chart = Plot.histogram(Vector.of(0, 1, 1, 2, 2, 2, 3), 3);
        var lines = canvas(chart.toText(6, 4));
        assertEquals(List.of("    ██", "    ██", "  ████", "██████"), lines);
    }

    @Test
    void decisionRegionTextMarksTheBoundary() {
        var X = Matrix.of(new double[][] {{-1, -1}, {1, 1}});
        var chart = Plot.decisionRegions(G -> G.col(0).map(v -> v > 0 ? 1 : 0), X, Vector.of(0, 1));
        var lines = canvas(chart.toText(20, 6));
        for (String row : lines) assertTrue(row.indexOf('·') >= 8 && row.indexOf('·') <= 11, "boundary near the middle: " + row);
        assertTrue(chart.toText(20, 6, true).contains(Colors.ansiBackground(Colors.light(1))), "regions as backgrounds in colour");
    }

    @Test
    void confusionMatrixTextIsATableOfCounts() {
        var cm = Matrix.of(new double[][] {{5, 1}, {0, 7}});
        String text = Plot.confusionMatrix(cm, List.of("cat", "dog")).toText();
        assertEquals("""
                     predicted
                true cat dog
                cat    5   1
                dog    0   7
                """, text);
    }

    @Test
    void imageGridsSayTheyHaveNoTextForm() {
        String text = Plot.images(Matrix.random(2, 4, 1), 2, 2, 2).toText();
        assertTrue(text.contains("no text preview"), text);
    }
}
