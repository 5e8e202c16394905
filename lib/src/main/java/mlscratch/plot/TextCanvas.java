package mlscratch.plot;

import java.awt.Color;
import java.util.List;

/// A terminal drawing surface of `cols × rows` characters. Each character is a 2×4 block of braille
/// dots (U+2800 + bit pattern), so the canvas holds `2·cols × 4·rows` dots; a character may instead
/// carry a glyph (histogram blocks, a decision-boundary `·`), an ink colour and a background colour.
///
/// Rendered layout (the line `y = x` on a 12×3 canvas, `Plot.line(x, x).withLabels("", "").toText(12, 3)`):
/// ```
/// 1 ┤        ⣀⠤⠖⠋
///   │    ⣀⠤⠒⠉
/// 0 ┤⣠⠴⠒⠉
///   └────────────
///    0          1
/// ```
/// The left gutter holds `ymax` beside the top row and `ymin` beside the bottom row; the line under
/// the axis holds `xmin` at the left and `xmax` at the right. Colours (ANSI 24-bit escapes) are
/// written only when asked for, so plain text stays plain.
final class TextCanvas {
    static final int NONE = Integer.MIN_VALUE;

    final int cols, rows;
    final double x0, x1, y0, y1;
    private final int[] bits, ink, background;
    private final char[] glyph;

    /// Braille bit of the dot at column `dx ∈ {0, 1}` and row `dy ∈ {0, 1, 2, 3}` of a character.
    private static final int[][] BIT = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

    TextCanvas(int cols, int rows, double x0, double x1, double y0, double y1) {
        this.cols = cols;
        this.rows = rows;
        double[] xs = widen(x0, x1), ys = widen(y0, y1);
        this.x0 = xs[0];
        this.x1 = xs[1];
        this.y0 = ys[0];
        this.y1 = ys[1];
        bits = new int[cols * rows];
        ink = new int[cols * rows];
        background = new int[cols * rows];
        glyph = new char[cols * rows];
        java.util.Arrays.fill(ink, NONE);
        java.util.Arrays.fill(background, NONE);
    }

    /// A range of zero width (one point, a constant series) becomes `[v − 0.5, v + 0.5]`.
    private static double[] widen(double lo, double hi) {
        return hi > lo ? new double[] {lo, hi} : new double[] {lo - 0.5, lo + 0.5};
    }

    int dotsWide() { return 2 * cols; }

    int dotsHigh() { return 4 * rows; }

    /// Dot column of `x`: `0` at `x0`, `2·cols − 1` at `x1`.
    int dotX(double x) { return (int) Math.round((x - x0) / (x1 - x0) * (dotsWide() - 1)); }

    /// Dot row of `y`: `0` at `y1` (top), `4·rows − 1` at `y0` (bottom).
    int dotY(double y) { return (int) Math.round((y1 - y) / (y1 - y0) * (dotsHigh() - 1)); }

    /// The data coordinates of the centre of character `(col, row)`.
    double centreX(int col) { return x0 + (col + 0.5) / cols * (x1 - x0); }

    double centreY(int row) { return y1 - (row + 0.5) / rows * (y1 - y0); }

    void dot(double x, double y, int colour) { setDot(dotX(x), dotY(y), colour); }

    void setDot(int dx, int dy, int colour) {
        if (dx < 0 || dy < 0 || dx >= dotsWide() || dy >= dotsHigh()) return;
        int cell = (dy / 4) * cols + dx / 2;
        bits[cell] |= BIT[dx % 2][dy % 4];
        if (colour != NONE) ink[cell] = colour;
    }

    /// A straight segment between two data points (Bresenham's line in dot coordinates).
    void line(double xa, double ya, double xb, double yb, int colour) {
        int ax = dotX(xa), ay = dotY(ya), bx = dotX(xb), by = dotY(yb);
        int dx = Math.abs(bx - ax), dy = -Math.abs(by - ay);
        int sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1, err = dx + dy;
        while (true) {
            setDot(ax, ay, colour);
            if (ax == bx && ay == by) return;
            int e2 = 2 * err;
            if (e2 >= dy) { err += dy; ax += sx; }
            if (e2 <= dx) { err += dx; ay += sy; }
        }
    }

    void glyph(int col, int row, char c, int colour) {
        int cell = row * cols + col;
        glyph[cell] = c;
        if (colour != NONE) ink[cell] = colour;
    }

    void background(int col, int row, int colour) { background[row * cols + col] = colour; }

    /// The finished text: optional title and y-label lines, `rows` canvas lines with the y gutter,
    /// the x axis, the x range, the x label and a legend line.
    String render(Chart.Decor d, List<String> names, List<Integer> colours, boolean ansi) {
        String top = TextFormat.number(y1), bottom = TextFormat.number(y0);
        int gutter = Math.max(top.length(), bottom.length());
        var sb = new StringBuilder();
        int width = gutter + 2 + cols;
        if (!d.title().isEmpty()) sb.append(centre(d.title(), width)).append('\n');
        if (!d.yLabel().isEmpty()) sb.append(d.yLabel()).append('\n');
        for (int r = 0; r < rows; r++) {
            String label = r == 0 ? top : r == rows - 1 ? bottom : "";
            sb.append(" ".repeat(gutter - label.length())).append(label).append(' ')
              .append(r == 0 || r == rows - 1 ? '┤' : '│');
            appendRow(sb, r, ansi);
            sb.append('\n');
        }
        sb.append(" ".repeat(gutter + 1)).append('└').append("─".repeat(cols)).append('\n');
        String left = TextFormat.number(x0), right = TextFormat.number(x1);
        int gap = Math.max(1, cols - left.length() - right.length());
        sb.append(" ".repeat(gutter + 2)).append(left).append(" ".repeat(gap)).append(right).append('\n');
        if (!d.xLabel().isEmpty()) sb.append(" ".repeat(gutter + 2)).append(centre(d.xLabel(), cols).stripTrailing()).append('\n');
        if (!names.isEmpty()) sb.append(legend(names, colours, ansi)).append('\n');
        return sb.toString();
    }

    private void appendRow(StringBuilder sb, int r, boolean ansi) {
        int fg = NONE, bg = NONE;
        for (int c = 0; c < cols; c++) {
            int cell = r * cols + c;
            char ch = bits[cell] != 0 ? (char) (0x2800 + bits[cell]) : glyph[cell] != 0 ? glyph[cell] : ' ';
            if (ansi) {
                int wantFg = ch == ' ' ? NONE : ink[cell], wantBg = background[cell];
                if (wantFg != fg || wantBg != bg) {
                    if (fg != NONE || bg != NONE) sb.append(Colors.ANSI_RESET);
                    if (wantBg != NONE) sb.append(Colors.ansiBackground(Colors.light(wantBg)));
                    if (wantFg != NONE) sb.append(Colors.ansi(Colors.of(wantFg)));
                    fg = wantFg;
                    bg = wantBg;
                }
            }
            sb.append(ch);
        }
        if (ansi && (fg != NONE || bg != NONE)) sb.append(Colors.ANSI_RESET);
    }

    static String legend(List<String> names, List<Integer> colours, boolean ansi) {
        var sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) sb.append("   ");
            Color c = Colors.of(colours.get(i));
            sb.append(ansi ? Colors.ansi(c) + "⣿" + Colors.ANSI_RESET : "⣿").append(' ').append(names.get(i));
        }
        return sb.toString();
    }

    static String centre(String s, int width) {
        int pad = Math.max(0, (width - s.length()) / 2);
        return " ".repeat(pad) + s;
    }
}
