package mlscratch.plot;

import java.awt.Color;
import java.util.List;
import java.util.TreeSet;

import smile.plot.swing.Figure;

/// Decision regions: the class predicted on an `nx × ny` grid of cell centres over `[x0, x1] × [y0, y1]`
/// (row 0 at `y0`), painted pale, with the data points on top in the same class colours.
record RegionChart(ScatterChart points, int nx, int ny, int[] grid, double x0, double x1, double y0, double y1)
        implements SmileBody {

    @Override public String xLabel() { return points.xLabel(); }

    @Override public String yLabel() { return points.yLabel(); }

    /// Classes predicted somewhere on the grid, in increasing order.
    List<Integer> predicted() {
        var set = new TreeSet<Integer>();
        for (int k : grid) set.add(k);
        return List.copyOf(set);
    }

    /// The predicted class at data point `(x, y)` (the grid cell holding it).
    int classAt(double x, double y) {
        int j = Math.clamp((long) Math.floor((x - x0) / (x1 - x0) * nx), 0, nx - 1);
        int i = Math.clamp((long) Math.floor((y - y0) / (y1 - y0) * ny), 0, ny - 1);
        return grid[i * nx + j];
    }

    @Override public Figure figure(Chart.Decor d) {
        var regions = new Shapes.Regions(nx, ny, grid, x0, x1, y0, y1);
        var legend = ScatterChart.union(points.classes(), predicted());
        var f = Shapes.figure(regions, new double[] {x0, y0}, new double[] {x1, y1}, false, d);
        f.add(points.dots(Color.BLACK, legend));
        f.setBound(new double[] {x0, y0}, new double[] {x1, y1});
        f.getAxis(0).setGridVisible(false);
        f.getAxis(1).setGridVisible(false);
        return f;
    }

    @Override public String text(Chart.Decor d, int cols, int rows, boolean ansi) {
        var canvas = new TextCanvas(cols, rows, x0, x1, y0, y1);
        var cls = new int[rows][cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                cls[r][c] = classAt(canvas.centreX(c), canvas.centreY(r));
                canvas.background(c, r, cls[r][c]);
            }
        for (int r = 0; r < rows; r++)          // mark the boundary: the class changes to the right or below
            for (int c = 0; c < cols; c++)
                if ((c + 1 < cols && cls[r][c + 1] != cls[r][c]) || (r + 1 < rows && cls[r + 1][c] != cls[r][c]))
                    canvas.glyph(c, r, '·', cls[r][c]);
        for (int i = 0; i < points.x().length; i++) canvas.dot(points.x()[i], points.y()[i], points.colour(i));
        var legend = ScatterChart.union(points.classes(), predicted());
        return canvas.render(d, legend.stream().map(points::name).toList(), legend, ansi);
    }

    @Override public String describe() {
        return "decision regions: " + predicted().size() + " predicted classes on a " + nx + "×" + ny
                + " grid, " + points.x().length + " points";
    }
}
