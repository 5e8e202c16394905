package mlscratch.plot;

import java.util.ArrayList;
import java.util.List;

import smile.plot.swing.Figure;

/// Named series of `(x, y)` points joined by lines; series `s` is drawn in tab10 colour `s`.
record LineChart(List<Series> series, String xLabel, String yLabel) implements SmileBody {

    /// One curve; an empty name keeps it out of the legend.
    record Series(String name, double[] x, double[] y) {}

    private boolean named() { return series.stream().anyMatch(s -> !s.name().isEmpty()); }

    private List<String> names() {
        var out = new ArrayList<String>();
        for (int s = 0; s < series.size(); s++) {
            String n = series.get(s).name();
            out.add(n.isEmpty() ? "series " + s : n);
        }
        return out;
    }

    private List<Integer> colours() {
        var out = new ArrayList<Integer>();
        for (int s = 0; s < series.size(); s++) out.add(s);
        return out;
    }

    private double[][] range() {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (var s : series) {
            lo[0] = Math.min(lo[0], Shapes.min(s.x()));
            hi[0] = Math.max(hi[0], Shapes.max(s.x()));
            lo[1] = Math.min(lo[1], Shapes.min(s.y()));
            hi[1] = Math.max(hi[1], Shapes.max(s.y()));
        }
        return new double[][] {lo, hi};
    }

    @Override public Figure figure(Chart.Decor d) {
        var xs = series.stream().map(Series::x).toList();
        var ys = series.stream().map(Series::y).toList();
        var colours = colours().stream().map(Colors::of).toList();
        var legends = named() ? Shapes.legends(names(), colours) : new smile.plot.swing.Legend[0];
        double[][] r = range();
        Bounds.pad(r[0], r[1], 0.0);
        return Shapes.figure(new Shapes.Curves(xs, ys, colours, legends), r[0], r[1], true, d);
    }

    @Override public String text(Chart.Decor d, int cols, int rows, boolean ansi) {
        double[][] r = range();
        var canvas = new TextCanvas(cols, rows, r[0][0], r[1][0], r[0][1], r[1][1]);
        for (int s = 0; s < series.size(); s++) {
            double[] x = series.get(s).x(), y = series.get(s).y();
            if (x.length == 1) canvas.dot(x[0], y[0], s);
            for (int i = 1; i < x.length; i++) canvas.line(x[i - 1], y[i - 1], x[i], y[i], s);
        }
        return canvas.render(d, named() ? names() : List.of(), colours(), ansi);
    }

    @Override public String describe() {
        int n = series.isEmpty() ? 0 : series.getFirst().x().length;
        return "lines: " + (named() ? String.join(", ", names()) : series.size() + " series")
                + ", " + n + " points" + (series.size() > 1 ? " each" : "");
    }
}
