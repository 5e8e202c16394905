package mlscratch.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import smile.plot.swing.Figure;

/// Points `(x[i], y[i])`, coloured by class `labels[i]` (tab10) or all tab:blue when `labels` is null.
record ScatterChart(double[] x, double[] y, int[] labels, List<String> classNames, String xLabel, String yLabel)
        implements SmileBody {

    /// The classes present, in increasing order.
    List<Integer> classes() {
        var set = new TreeSet<Integer>();
        if (labels != null) for (int k : labels) set.add(k);
        return List.copyOf(set);
    }

    /// The legend name of class `k`: its name when `classNames` has one, else the number.
    String name(int k) { return k >= 0 && k < classNames.size() ? classNames.get(k) : String.valueOf(k); }

    int colour(int i) { return labels == null ? 0 : labels[i]; }

    /// Pixel radius: large dots for a handful of points, small ones for thousands.
    double radius() { return x.length <= 300 ? 4.5 : x.length <= 3000 ? 3 : 2; }

    Shapes.Dots dots(Color edge, List<Integer> legendClasses) {
        var fill = new Color[x.length];
        for (int i = 0; i < x.length; i++) fill[i] = Colors.of(colour(i));
        var names = legendClasses.stream().map(this::name).toList();
        var colours = legendClasses.stream().map(Colors::of).toList();
        return new Shapes.Dots(x, y, fill, edge, radius(), Shapes.legends(names, colours));
    }

    @Override public Figure figure(Chart.Decor d) {
        double[] lo = {Shapes.min(x), Shapes.min(y)}, hi = {Shapes.max(x), Shapes.max(y)};
        Bounds.pad(lo, hi, 0.05);
        return Shapes.figure(dots(null, classes()), lo, hi, true, d);
    }

    @Override public String text(Chart.Decor d, int cols, int rows, boolean ansi) {
        var canvas = new TextCanvas(cols, rows, Shapes.min(x), Shapes.max(x), Shapes.min(y), Shapes.max(y));
        for (int i = 0; i < x.length; i++) canvas.dot(x[i], y[i], colour(i));
        var classes = classes();
        return canvas.render(d, classes.stream().map(this::name).toList(), classes, ansi);
    }

    @Override public String describe() {
        int k = classes().size();
        return "scatter: " + x.length + " points" + (labels == null ? "" : ", " + k + (k == 1 ? " class" : " classes"));
    }

    static List<Integer> union(List<Integer> a, List<Integer> b) {
        var set = new TreeSet<>(a);
        set.addAll(b);
        return new ArrayList<>(set);
    }
}
