package mlscratch.plot;

import java.util.List;

import smile.plot.swing.Figure;

/// Bars of `counts[b]` over the bins `[edges[b], edges[b+1])` (the last bin closed).
record HistogramChart(double[] edges, int[] counts, int n, String xLabel, String yLabel) implements SmileBody {

    private static final String BLOCKS = " ▁▂▃▄▅▆▇█";

    int maxCount() {
        int m = 0;
        for (int c : counts) m = Math.max(m, c);
        return m;
    }

    @Override public Figure figure(Chart.Decor d) {
        double[] lo = {edges[0], 0}, hi = {edges[edges.length - 1], Math.max(1, maxCount()) * 1.05};
        return Shapes.figure(new Shapes.Bars(edges, counts, Colors.of(0)), lo, hi, true, d);
    }

    /// Column `c` shows the bin holding its centre, `counts[b] / max · 8·rows` eighth-blocks high.
    @Override public String text(Chart.Decor d, int cols, int rows, boolean ansi) {
        int top = Math.max(1, maxCount()), bins = counts.length;
        var canvas = new TextCanvas(cols, rows, edges[0], edges[bins], 0, top);
        for (int c = 0; c < cols; c++) {
            int b = Math.min(bins - 1, (int) ((c + 0.5) / cols * bins));
            long eighths = Math.round((double) counts[b] / top * 8 * rows);
            for (int r = 0; r < rows; r++) {
                long fill = Math.clamp(eighths - 8L * (rows - 1 - r), 0, 8);
                if (fill > 0) canvas.glyph(c, r, BLOCKS.charAt((int) fill), 0);
            }
        }
        return canvas.render(d, List.of(), List.of(), ansi);
    }

    @Override public String describe() { return "histogram: " + n + " values in " + counts.length + " bins"; }
}
