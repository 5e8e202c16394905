package mlscratch.plot;

import java.util.List;

import smile.plot.swing.Figure;

/// A matrix `z` as coloured cells (row 0 at the top), with its numbers written in when `annotate`.
record HeatmapChart(double[][] z, List<String> rowNames, List<String> colNames, boolean annotate,
                    boolean integers, String kind, String xLabel, String yLabel) implements SmileBody {

    double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double[] r : z) m = Math.min(m, Shapes.min(r));
        return m;
    }

    double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] r : z) m = Math.max(m, Shapes.max(r));
        return m;
    }

    @Override public Figure figure(Chart.Decor d) {
        int m = z.length, n = z[0].length;
        var cells = new Shapes.Cells(z, min(), max(), annotate, integers);
        var f = Shapes.figure(cells, new double[] {0, 0}, new double[] {n, m}, false, d);
        f.getAxis(0).setGridVisible(false);
        f.getAxis(1).setGridVisible(false);
        int longest = colNames.stream().mapToInt(String::length).max().orElse(0);
        if (longest * n > 60) f.getAxis(0).setRotation(-Math.PI / 4);   // would crowd: slant (before the ticks are made)
        ticks(f.getAxis(0), colNames, n, false);
        ticks(f.getAxis(1), rowNames, m, true);
        f.setLegendVisible(false);
        return f;
    }

    /// Tick labels at cell centres (at most about 20 of them); rows count down from the top.
    private static void ticks(smile.plot.swing.Axis axis, List<String> names, int count, boolean flip) {
        int step = Math.max(1, (int) Math.ceil(count / 20.0));
        int k = (count + step - 1) / step;
        var labels = new String[k];
        var at = new double[k];
        for (int t = 0; t < k; t++) {
            int i = t * step;
            labels[t] = names.get(i);
            at[t] = flip ? count - i - 0.5 : i + 0.5;
        }
        axis.setTicks(labels, at);
    }

    /// A table: column names across the top, row names down the side; with `ansi`, cells shaded.
    @Override public String text(Chart.Decor d, int cols, int rows, boolean ansi) {
        int m = z.length, n = z[0].length;
        var cells = new String[m][n];
        int w = 1;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                cells[i][j] = TextFormat.cell(z[i][j], integers);
                w = Math.max(w, cells[i][j].length());
            }
        for (String c : colNames) w = Math.max(w, Math.min(c.length(), 12));
        int side = d.yLabel().length();
        for (String r : rowNames) side = Math.max(side, r.length());
        int shownCols = Math.max(1, Math.min(n, (cols - side) / (w + 1)));
        int shownRows = Math.min(m, rows);
        double lo = min(), hi = max();
        var sb = new StringBuilder();
        if (!d.title().isEmpty()) sb.append(d.title()).append('\n');
        if (!d.xLabel().isEmpty()) sb.append(" ".repeat(side + 1)).append(d.xLabel()).append('\n');
        sb.append(pad(d.yLabel(), side, false));
        for (int j = 0; j < shownCols; j++) sb.append(' ').append(pad(clip(colNames.get(j), w), w, true));
        if (shownCols < n) sb.append(" …");
        sb.append('\n');
        for (int i = 0; i < shownRows; i++) {
            sb.append(pad(rowNames.get(i), side, false));
            for (int j = 0; j < shownCols; j++) {
                sb.append(' ');
                if (ansi) {
                    var c = Colors.ramp(hi > lo ? (z[i][j] - lo) / (hi - lo) : 0.5);
                    sb.append(Colors.ansiBackground(c)).append(Colors.luminance(c) < 0.5 ? "\u001b[97m" : "\u001b[30m")
                      .append(pad(cells[i][j], w, true)).append(Colors.ANSI_RESET);
                } else {
                    sb.append(pad(cells[i][j], w, true));
                }
            }
            if (shownCols < n) sb.append(" …");
            sb.append('\n');
        }
        if (shownRows < m) sb.append(pad("⋮", side, false)).append('\n');
        return sb.toString();
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }

    private static String clip(String s, int w) { return s.length() <= w ? s : s.substring(0, w - 1) + "…"; }

    @Override public String describe() { return kind + ": " + z.length + "×" + z[0].length; }
}
