package mlscratch.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

import mlscratch.linalg.Matrix;
import mlscratch.util.Check;

/// The level curves of `f(x, y)` by marching squares, drawn as a [LineChart] (so a contour plot
/// previews in the terminal like any line chart), with optional paths on top: the picture of an optimiser
/// walking down a loss surface. Built by [Plot#contour].
///
/// ```
/// grid       f sampled at N×N points over [x0, x1] × [y0, y1]             (N = 121)
/// per cell   the 4 corners are inside (f < L) or outside; each edge with one of each is crossed at the
///            linear interpolation t = (L − f₁)/(f₂ − f₁); a cell has 0, 2 or 4 crossings: 2 give one
///            segment, 4 (a saddle) give two, paired by the value at the centre
/// chaining   segments that share a crossed edge are joined into polylines, one or more per level
/// ```
/// Each piece of a level is its own series (colour by position, as in every line chart), so a level
/// that the window cuts in two appears twice in the legend; pick a window that holds the levels you draw.
/// Reference: Lorensen & Cline, "Marching cubes" (1987), in two dimensions.
final class Contour {
    private Contour() {}

    static final int N = 121;

    static Chart chart(DoubleBinaryOperator f, double x0, double x1, double y0, double y1, double[] levels,
                       Map<String, Matrix> paths) {
        String where = "contour";
        Check.notNull(where, "f", f);
        Check.finite(where, "x0", x0);
        Check.finite(where, "x1", x1);
        Check.finite(where, "y0", y0);
        Check.finite(where, "y1", y1);
        Check.that(x0 < x1 && y0 < y1, where, "the window [%s, %s] × [%s, %s] is empty (need x0 < x1, y0 < y1)", x0, x1, y0, y1);
        Check.notNull(where, "levels", levels);
        Check.that(levels.length > 0, where, "'levels' is empty: pass at least one level");
        Check.notNull(where, "paths", paths);
        double[] xs = new double[N], ys = new double[N];
        for (int k = 0; k < N; k++) {
            xs[k] = x0 + (x1 - x0) * k / (N - 1);
            ys[k] = y0 + (y1 - y0) * k / (N - 1);
        }
        double[][] v = new double[N][N];                                  // v[i][j] = f(xs[j], ys[i])
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) v[i][j] = f.applyAsDouble(xs[j], ys[i]);
        var series = new ArrayList<LineChart.Series>();
        for (double level : levels) {
            Check.finite(where, "level", level);
            for (double[][] line : lines(v, xs, ys, level))
                series.add(new LineChart.Series(String.format(Locale.ROOT, "f = %.3g", level), line[0], line[1]));
        }
        var names = new ArrayList<>(paths.keySet());
        if (!(paths instanceof java.util.SequencedMap)) names.sort(null);
        for (String name : names) {
            Matrix P = Check.notNull(where, name, paths.get(name));
            Check.that(P.cols() == 2 && P.rows() >= 1, where, "path '%s' is %s but must be k×2 (one point per row)", name, P.shape());
            P.requireFinite(where, name);
            series.add(new LineChart.Series(name, P.col(0).toArray(), P.col(1).toArray()));
        }
        if (series.isEmpty()) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double[] row : v) for (double z : row) { lo = Math.min(lo, z); hi = Math.max(hi, z); }
            throw Check.fail(where, String.format(Locale.ROOT,
                    "no level crosses the window (f ranges over [%.3g, %.3g] there) and there are no paths", lo, hi));
        }
        return new Chart(new LineChart(List.copyOf(series), "x", "y"));
    }

    /// The polylines of `{f = level}`: each is {xs, ys}.
    static List<double[][]> lines(double[][] v, double[] xs, double[] ys, double level) {
        int n = v.length;
        var adj = new HashMap<Integer, List<Integer>>();                  // crossed edge → its neighbours
        var point = new HashMap<Integer, double[]>();
        for (int i = 0; i + 1 < n; i++)
            for (int j = 0; j + 1 < n; j++) {
                int bottom = hEdge(i, j, n), top = hEdge(i + 1, j, n), left = vEdge(i, j, n), right = vEdge(i, j + 1, n);
                boolean a = v[i][j] < level, b = v[i][j + 1] < level, c = v[i + 1][j + 1] < level, d = v[i + 1][j] < level;
                var crossed = new ArrayList<Integer>(4);
                if (a != b) crossed.add(cross(point, bottom, xs[j], ys[i], v[i][j], xs[j + 1], ys[i], v[i][j + 1], level));
                if (b != c) crossed.add(cross(point, right, xs[j + 1], ys[i], v[i][j + 1], xs[j + 1], ys[i + 1], v[i + 1][j + 1], level));
                if (c != d) crossed.add(cross(point, top, xs[j + 1], ys[i + 1], v[i + 1][j + 1], xs[j], ys[i + 1], v[i + 1][j], level));
                if (d != a) crossed.add(cross(point, left, xs[j], ys[i + 1], v[i + 1][j], xs[j], ys[i], v[i][j], level));
                if (crossed.size() == 2) link(adj, crossed.get(0), crossed.get(1));
                else if (crossed.size() == 4) {                            // saddle: bottom, right, top, left
                    double centre = 0.25 * (v[i][j] + v[i][j + 1] + v[i + 1][j + 1] + v[i + 1][j]);
                    if ((centre < level) == a) {                           // a and c joined through the centre
                        link(adj, bottom, right);                          // cut off b
                        link(adj, top, left);                              // cut off d
                    } else {
                        link(adj, bottom, left);                           // cut off a
                        link(adj, right, top);                             // cut off c
                    }
                }
            }
        var out = new ArrayList<double[][]>();
        var seen = new java.util.HashSet<Integer>();
        // open curves first (they start at an edge with one neighbour, on the window's border), then loops
        for (int pass = 0; pass < 2; pass++)
            for (int start : adj.keySet().stream().sorted().toList()) {
                if (seen.contains(start) || (pass == 0 && adj.get(start).size() != 1)) continue;
                var xsOut = new ArrayList<Double>();
                var ysOut = new ArrayList<Double>();
                int prev = -1, cur = start;
                while (cur != -1 && seen.add(cur)) {
                    double[] p = point.get(cur);
                    xsOut.add(p[0]);
                    ysOut.add(p[1]);
                    int next = -1;
                    for (int nb : adj.get(cur)) if (nb != prev && !seen.contains(nb)) { next = nb; break; }
                    prev = cur;
                    cur = next;
                }
                if (pass == 1 && adj.get(start).contains(prev) && xsOut.size() > 2) {   // close the loop
                    xsOut.add(xsOut.getFirst());
                    ysOut.add(ysOut.getFirst());
                }
                out.add(new double[][] {xsOut.stream().mapToDouble(Double::doubleValue).toArray(),
                                        ysOut.stream().mapToDouble(Double::doubleValue).toArray()});
            }
        return out;
    }

    private static int hEdge(int i, int j, int n) { return 2 * (i * n + j); }

    private static int vEdge(int i, int j, int n) { return 2 * (i * n + j) + 1; }

    private static int cross(Map<Integer, double[]> point, int edge, double xa, double ya, double va,
                             double xb, double yb, double vb, double level) {
        point.computeIfAbsent(edge, e -> {
            double t = (level - va) / (vb - va);                           // t = (L − f₁)/(f₂ − f₁)
            return new double[] {xa + t * (xb - xa), ya + t * (yb - ya)};
        });
        return edge;
    }

    private static void link(Map<Integer, List<Integer>> adj, int e1, int e2) {
        adj.computeIfAbsent(e1, e -> new ArrayList<>(2)).add(e2);
        adj.computeIfAbsent(e2, e -> new ArrayList<>(2)).add(e1);
    }
}
