package mlscratch.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;

/// A feed-forward network drawn as a graph, with Java2D: one column of nodes per layer (input, hidden…,
/// output), one edge per weight. Weight matrix `l` (`nₗ × nₗ₊₁`, row-major in `weights[l]`) joins column
/// `l` to column `l + 1`: entry `(i, j)` is the edge from node `i` to node `j`.
/// ```
/// colour:  w > 0 → tab:blue,  w < 0 → tab:red,  w = 0 → no edge
/// width:   MIN_STROKE + (MAX_STROKE − MIN_STROKE)·|w|/max|w|      (max over every drawn weight of every layer)
/// opacity: 0.3 + 0.7·|w|/max|w|                                   (faint edges recede; strong ones drawn last, on top)
/// ```
/// A layer wider than [#MAX_NODES] shows its first and last `MAX_NODES / 2` nodes with `⋮` between them,
/// and only the edges between shown nodes; its label under the column gives the full width.
record NetworkGraph(int[] widths, double[][] weights) implements Body {

    /// Most nodes drawn in one column.
    static final int MAX_NODES = 16;
    static final float MIN_STROKE = 0.5f, MAX_STROKE = 5f;
    static final Color POSITIVE = Colors.of(0), NEGATIVE = Colors.of(3);
    static final Color NODE_EDGE = new Color(0x333333), NODE_FILL = new Color(0xf4f4f4);
    static final int TITLE = 40, BOTTOM = 50, SIDE = 60;

    int layers() { return widths.length; }

    long weightCount() {
        long n = 0;
        for (double[] w : weights) n += w.length;
        return n;
    }

    /// The node indices drawn for a layer of width `n`: all of them, or the first and last `MAX_NODES / 2`.
    static int[] shown(int n) {
        if (n <= MAX_NODES) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        int half = MAX_NODES / 2;
        int[] out = new int[MAX_NODES];
        for (int i = 0; i < half; i++) { out[i] = i; out[half + i] = n - half + i; }
        return out;
    }

    /// Largest |w| over the edges that are drawn (0 when every one is 0).
    double maxAbs() {
        double m = 0;
        for (int l = 0; l < weights.length; l++) {
            int out = widths[l + 1];
            for (int i : shown(widths[l]))
                for (int j : shown(out)) m = Math.max(m, Math.abs(weights[l][i * out + j]));
        }
        return m;
    }

    @Override public String xLabel() { return ""; }

    @Override public String yLabel() { return ""; }

    @Override public BufferedImage render(Chart.Decor d, int width, int height) {
        var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw(g, d, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void draw(Graphics2D g, Chart.Decor d, int width, int height) {
        int L = layers();
        double top = TITLE + 10, bottom = height - BOTTOM, left = SIDE, right = width - SIDE;
        // Slots per column: the shown nodes, plus one for the ⋮ of a truncated layer; the tallest column sets the spacing.
        int slots = 1;
        for (int n : widths) slots = Math.max(slots, n > MAX_NODES ? MAX_NODES + 1 : n);
        double dy = (bottom - top) / slots, dx = L > 1 ? (right - left) / (L - 1) : 0;
        double r = Math.max(2, Math.min(12, Math.min(dy * 0.35, dx * 0.08)));
        double[][] ys = new double[L][];
        double[] xs = new double[L];
        for (int l = 0; l < L; l++) {
            xs[l] = L > 1 ? left + l * dx : (left + right) / 2;
            int[] idx = shown(widths[l]);
            int s = widths[l] > MAX_NODES ? idx.length + 1 : idx.length;
            double y0 = (top + bottom) / 2 - (s - 1) * dy / 2;
            ys[l] = new double[idx.length];
            for (int k = 0; k < idx.length; k++) {
                int slot = widths[l] > MAX_NODES && k >= idx.length / 2 ? k + 1 : k;   // skip the ⋮ slot
                ys[l][k] = y0 + slot * dy;
            }
        }
        // Edges, faint ones first so the strong ones lie on top.
        double max = maxAbs();
        if (max > 0) {
            record Edge(double x0, double y0, double x1, double y1, double w) {}
            var edges = new ArrayList<Edge>();
            for (int l = 0; l + 1 < L; l++) {
                int[] from = shown(widths[l]), to = shown(widths[l + 1]);
                int out = widths[l + 1];
                for (int a = 0; a < from.length; a++)
                    for (int b = 0; b < to.length; b++) {
                        double w = weights[l][from[a] * out + to[b]];
                        if (w != 0) edges.add(new Edge(xs[l], ys[l][a], xs[l + 1], ys[l + 1][b], w));
                    }
            }
            edges.sort((p, q) -> Double.compare(Math.abs(p.w()), Math.abs(q.w())));
            for (Edge e : edges) {
                double t = Math.abs(e.w()) / max;                                      // t = |w| / max|w|
                Color c = e.w() > 0 ? POSITIVE : NEGATIVE;
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * (0.3 + 0.7 * t))));
                g.setStroke(new BasicStroke((float) (MIN_STROKE + (MAX_STROKE - MIN_STROKE) * t),
                        BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(e.x0(), e.y0(), e.x1(), e.y1()));
            }
        }
        // Nodes, ⋮ marks and column labels.
        g.setStroke(new BasicStroke(1.2f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        var fm = g.getFontMetrics();
        for (int l = 0; l < L; l++) {
            for (double y : ys[l]) {
                var node = new Ellipse2D.Double(xs[l] - r, y - r, 2 * r, 2 * r);
                g.setColor(NODE_FILL);
                g.fill(node);
                g.setColor(NODE_EDGE);
                g.draw(node);
            }
            if (widths[l] > MAX_NODES) {
                double yMid = (ys[l][MAX_NODES / 2 - 1] + ys[l][MAX_NODES / 2]) / 2;
                g.setColor(NODE_EDGE);
                for (int k = -1; k <= 1; k++)
                    g.fill(new Ellipse2D.Double(xs[l] - 1.5, yMid + k * Math.min(5, dy / 4) - 1.5, 3, 3));
            }
            g.setColor(Color.BLACK);
            String name = l == 0 ? "input" : l == L - 1 ? "output" : "hidden " + l;
            String size = String.valueOf(widths[l]);
            g.drawString(name, (float) (xs[l] - fm.stringWidth(name) / 2.0), (float) (bottom + 18));
            g.drawString(size, (float) (xs[l] - fm.stringWidth(size) / 2.0), (float) (bottom + 18 + fm.getHeight()));
        }
        // Legend (top right) and title.
        int lx = width - 150, ly = 18;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int k = 0; k < 2; k++) {
            g.setColor(k == 0 ? POSITIVE : NEGATIVE);
            g.setStroke(new BasicStroke(3f));
            g.draw(new Line2D.Double(lx, ly + 14 * k, lx + 22, ly + 14 * k));
            g.setColor(Color.BLACK);
            g.drawString(k == 0 ? "w > 0   (width ∝ |w|)" : "w < 0", lx + 28, ly + 14 * k + 4);
        }
        if (!d.title().isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            var tm = g.getFontMetrics();
            g.setColor(Color.BLACK);
            g.drawString(d.title(), (width - tm.stringWidth(d.title())) / 2, 24);
        }
    }

    /// One line per weight matrix: shape, largest and mean |w|, how many positive and negative.
    /// ```
    /// network 2 → 8 → 1: 2 weight matrices, 24 weights
    ///   W1   2×8    max|w| 1.234  mean|w| 0.456  + 9  − 7
    /// ```
    @Override public String text(Chart.Decor d, int cols, int rows, boolean ansi) {
        var sb = new StringBuilder();
        if (!d.title().isEmpty()) sb.append(d.title()).append('\n');
        sb.append(describe()).append('\n');
        for (int l = 0; l < weights.length; l++) {
            double mx = 0, sum = 0;
            int pos = 0, neg = 0;
            for (double w : weights[l]) {
                mx = Math.max(mx, Math.abs(w));
                sum += Math.abs(w);
                if (w > 0) pos++; else if (w < 0) neg++;
            }
            String plus = ansi ? Colors.ansi(POSITIVE) + "+ " + pos + Colors.ANSI_RESET : "+ " + pos;
            String minus = ansi ? Colors.ansi(NEGATIVE) + "− " + neg + Colors.ANSI_RESET : "− " + neg;
            sb.append(String.format(Locale.ROOT, "  %-4s %-10s max|w| %-8.4g mean|w| %-8.4g %s  %s%n", "W" + (l + 1),
                    widths[l] + "×" + widths[l + 1], mx, sum / weights[l].length, plus, minus));
        }
        return sb.toString();
    }

    /// `network: 2 → 8 → 1, 24 weights`
    @Override public String describe() {
        return "network " + String.join(" → ", Arrays.stream(widths).mapToObj(String::valueOf).toList())
                + ": " + weights.length + (weights.length == 1 ? " weight matrix, " : " weight matrices, ")
                + weightCount() + " weights";
    }
}
