package mlscratch.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

import smile.plot.swing.Figure;
import smile.plot.swing.Legend;
import smile.plot.swing.Renderer;

/// The marks drawn inside a Smile [Figure]: each is a `smile.plot.swing.Plot` that paints itself with
/// Java2D in the figure's coordinates, so Smile supplies axes, ticks, grid, title, legend and window,
/// and we choose the look (tab10 colours, outlined dots, 2-pixel lines, a heatmap with its numbers).
final class Shapes {
    private Shapes() {}

    /// Screen position of the data point `(x, y)`.
    static int[] screen(Renderer r, double x, double y) {
        return r.projection().screenProjection(x, y);
    }

    static Graphics2D smooth(Renderer r) {
        Graphics2D g = r.getGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    static Legend[] legends(List<String> names, List<Color> colors) {
        var out = new Legend[names.size()];
        for (int i = 0; i < out.length; i++) out[i] = new Legend(names.get(i), colors.get(i));
        return out;
    }

    /// Filled circles of radius `radius` pixels, one colour per point, with a thin darker outline.
    static final class Dots extends smile.plot.swing.Plot {
        private final double[] x, y;
        private final Color[] fill;
        private final Color edge;      // null: each point's own colour, darkened
        private final double radius;
        private final Legend[] legends;

        Dots(double[] x, double[] y, Color[] fill, Color edge, double radius, Legend[] legends) {
            super(Color.BLACK);
            this.x = x;
            this.y = y;
            this.fill = fill;
            this.edge = edge;
            this.radius = radius;
            this.legends = legends;
        }

        @Override public double[] getLowerBound() { return new double[] {min(x), min(y)}; }

        @Override public double[] getUpperBound() { return new double[] {max(x), max(y)}; }

        @Override public Optional<Legend[]> legends() {
            return legends.length == 0 ? Optional.empty() : Optional.of(legends);
        }

        @Override public void paint(Renderer r) {
            Graphics2D g = smooth(r);
            Stroke old = g.getStroke();
            g.setStroke(new BasicStroke(1f));
            for (int i = 0; i < x.length; i++) {
                int[] p = screen(r, x[i], y[i]);
                var circle = new Ellipse2D.Double(p[0] - radius, p[1] - radius, 2 * radius, 2 * radius);
                g.setColor(fill[i]);
                g.fill(circle);
                g.setColor(edge != null ? edge : fill[i].darker());
                g.draw(circle);
            }
            g.setStroke(old);
        }
    }

    /// Polylines, one per series, 2 pixels wide.
    static final class Curves extends smile.plot.swing.Plot {
        private final List<double[]> xs, ys;
        private final List<Color> colors;
        private final Legend[] legends;

        Curves(List<double[]> xs, List<double[]> ys, List<Color> colors, Legend[] legends) {
            super(Color.BLACK);
            this.xs = xs;
            this.ys = ys;
            this.colors = colors;
            this.legends = legends;
        }

        @Override public double[] getLowerBound() {
            double lx = Double.POSITIVE_INFINITY, ly = Double.POSITIVE_INFINITY;
            for (int s = 0; s < xs.size(); s++) { lx = Math.min(lx, min(xs.get(s))); ly = Math.min(ly, min(ys.get(s))); }
            return new double[] {lx, ly};
        }

        @Override public double[] getUpperBound() {
            double ux = Double.NEGATIVE_INFINITY, uy = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < xs.size(); s++) { ux = Math.max(ux, max(xs.get(s))); uy = Math.max(uy, max(ys.get(s))); }
            return new double[] {ux, uy};
        }

        @Override public Optional<Legend[]> legends() {
            return legends.length == 0 ? Optional.empty() : Optional.of(legends);
        }

        @Override public void paint(Renderer r) {
            Graphics2D g = smooth(r);
            Stroke old = g.getStroke();
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int s = 0; s < xs.size(); s++) {
                double[] x = xs.get(s), y = ys.get(s);
                g.setColor(colors.get(s));
                if (x.length == 1) {                  // a single point has no segment: show it as a dot
                    int[] p = screen(r, x[0], y[0]);
                    g.fill(new Ellipse2D.Double(p[0] - 3, p[1] - 3, 6, 6));
                    continue;
                }
                var path = new Path2D.Double();
                for (int i = 0; i < x.length; i++) {
                    int[] p = screen(r, x[i], y[i]);
                    if (i == 0) path.moveTo(p[0], p[1]); else path.lineTo(p[0], p[1]);
                }
                g.draw(path);
            }
            g.setStroke(old);
        }
    }

    /// Histogram bars: bin `b` covers `[edges[b], edges[b+1])` and is `counts[b]` high.
    static final class Bars extends smile.plot.swing.Plot {
        private final double[] edges;
        private final int[] counts;
        private final Color fill;

        Bars(double[] edges, int[] counts, Color fill) {
            super(fill);
            this.edges = edges;
            this.counts = counts;
            this.fill = fill;
        }

        @Override public double[] getLowerBound() { return new double[] {edges[0], 0}; }

        @Override public double[] getUpperBound() {
            int top = 0;
            for (int c : counts) top = Math.max(top, c);
            return new double[] {edges[edges.length - 1], Math.max(1, top)};
        }

        @Override public void paint(Renderer r) {
            Graphics2D g = smooth(r);
            for (int b = 0; b < counts.length; b++) {
                if (counts[b] == 0) continue;
                int[] lo = screen(r, edges[b], 0), hi = screen(r, edges[b + 1], counts[b]);
                int x = Math.min(lo[0], hi[0]), y = Math.min(lo[1], hi[1]);
                int w = Math.abs(hi[0] - lo[0]), h = Math.abs(hi[1] - lo[1]);
                g.setColor(fill);
                g.fillRect(x, y, w, h);
                g.setColor(Color.WHITE);          // a white edge separates neighbouring bars
                g.drawRect(x, y, w, h);
            }
        }
    }

    /// Decision regions: a `nx × ny` grid of class indices painted as a pale image under the points,
    /// with a darker line where the predicted class changes. Row 0 of `classes` is the bottom of the plot.
    static final class Regions extends smile.plot.swing.Plot {
        private final int nx, ny;
        private final int[] classes;
        private final double x0, x1, y0, y1;

        Regions(int nx, int ny, int[] classes, double x0, double x1, double y0, double y1) {
            super(Color.BLACK);
            this.nx = nx;
            this.ny = ny;
            this.classes = classes;
            this.x0 = x0;
            this.x1 = x1;
            this.y0 = y0;
            this.y1 = y1;
        }

        @Override public double[] getLowerBound() { return new double[] {x0, y0}; }

        @Override public double[] getUpperBound() { return new double[] {x1, y1}; }

        /// The grid as an image, one pixel per cell, top row first (image rows run downwards).
        BufferedImage image() {
            var img = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i < ny; i++)
                for (int j = 0; j < nx; j++) {
                    int k = classes[i * nx + j];
                    boolean edge = (j + 1 < nx && classes[i * nx + j + 1] != k)
                            || (i + 1 < ny && classes[(i + 1) * nx + j] != k);
                    Color c = edge ? Colors.mix(Colors.of(k), Color.WHITE, 0.25) : Colors.light(k);
                    img.setRGB(j, ny - 1 - i, c.getRGB());
                }
            return img;
        }

        @Override public void paint(Renderer r) {
            Graphics2D g = r.getGraphics();
            int[] lo = screen(r, x0, y0), hi = screen(r, x1, y1);    // bottom-left, top-right
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image(), lo[0], hi[1], hi[0] - lo[0], lo[1] - hi[1], null);
        }
    }

    /// A heatmap of `z` (row 0 at the top), coloured by [Colors#ramp] from `min` to `max`, with the
    /// value written in each cell when `annotate`, and a colour bar on the right.
    static final class Cells extends smile.plot.swing.Plot {
        private final double[][] z;
        private final double min, max;
        private final boolean annotate, integers;

        Cells(double[][] z, double min, double max, boolean annotate, boolean integers) {
            super(Color.BLACK);
            this.z = z;
            this.min = min;
            this.max = max;
            this.annotate = annotate;
            this.integers = integers;
        }

        @Override public double[] getLowerBound() { return new double[] {0, 0}; }

        @Override public double[] getUpperBound() { return new double[] {z[0].length, z.length}; }

        double t(double v) { return max > min ? (v - min) / (max - min) : 0.5; }

        @Override public void paint(Renderer r) {
            Graphics2D g = smooth(r);
            int m = z.length, n = z[0].length;
            Font font = g.getFont().deriveFont(Font.PLAIN, cellFont(r, m, n));
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    int[] lo = screen(r, j, m - i - 1), hi = screen(r, j + 1, m - i);
                    Color c = Colors.ramp(t(z[i][j]));
                    g.setColor(c);
                    g.fillRect(lo[0], hi[1], hi[0] - lo[0], lo[1] - hi[1]);
                    if (annotate) {
                        String s = TextFormat.cell(z[i][j], integers);
                        g.setFont(font);
                        var fm = g.getFontMetrics();
                        g.setColor(Colors.luminance(c) < 0.5 ? Color.WHITE : Color.BLACK);
                        g.drawString(s, (lo[0] + hi[0] - fm.stringWidth(s)) / 2, (lo[1] + hi[1] + fm.getAscent() - fm.getDescent()) / 2);
                    }
                }
            int[] a = screen(r, 0, 0), b = screen(r, n, m);        // frame the cells (they cover Smile's)
            g.setColor(Color.GRAY);
            g.drawRect(a[0], b[1], b[0] - a[0], a[1] - b[1]);
            colourBar(r, g);
        }

        private static float cellFont(Renderer r, int m, int n) {
            int[] a = screen(r, 0, 0), b = screen(r, 1, 1);
            int cell = Math.min(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]));
            return Math.clamp(cell / 3f, 8f, 16f);
        }

        /// A vertical ramp right of the plot area (in base-ratio coordinates, as Smile's own heatmap
        /// does), labelled with `min` at the bottom and `max` at the top.
        private void colourBar(Renderer r, Graphics2D g) {
            r.clearClip();
            int steps = 64;
            int[] bottom = r.projection().screenProjectionBaseRatio(1.06, 0.1);
            int[] top = r.projection().screenProjectionBaseRatio(1.10, 0.9);
            int x = bottom[0], w = Math.max(8, top[0] - bottom[0]), y0 = top[1], h = bottom[1] - top[1];
            for (int s = 0; s < steps; s++) {
                int ya = y0 + (int) Math.round((double) h * s / steps), yb = y0 + (int) Math.round((double) h * (s + 1) / steps);
                g.setColor(Colors.ramp(1 - (s + 0.5) / steps));
                g.fillRect(x, ya, w, yb - ya);
            }
            g.setColor(Color.GRAY);
            g.drawRect(x, y0, w, h);
            g.setColor(Color.BLACK);
            g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
            var fm = g.getFontMetrics();
            g.drawString(TextFormat.number(max), x + w + 4, y0 + fm.getAscent() / 2);
            g.drawString(TextFormat.number(min), x + w + 4, y0 + h + fm.getAscent() / 2);
        }
    }

    /// A Smile figure over exactly `[lo, hi]` with our axis labels and title; `extend` rounds the
    /// bounds out to tidy tick values (scatter, lines, histogram), otherwise the data fill the frame.
    static Figure figure(smile.plot.swing.Plot plot, double[] lo, double[] hi, boolean extend, Chart.Decor d) {
        var f = new Figure(lo, hi, extend);
        f.add(plot);
        if (!extend) f.setBound(lo, hi);
        f.setAxisLabels(d.xLabel(), d.yLabel());
        if (!d.title().isEmpty()) f.setTitle(d.title());
        return f;
    }

    static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) m = Math.min(m, v);
        return m;
    }

    static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) m = Math.max(m, v);
        return m;
    }
}
