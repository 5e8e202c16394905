package mlscratch.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/// A grid of small grey-scale images drawn with Java2D: image `k` is `pixels[k·w·h … (k+1)·w·h)`, read
/// row by row, shown in tile `(k / cols, k mod cols)`, dark where the value is high (ink on paper),
/// scaled by the smallest and largest value of all images. An optional label is written under each tile.
record ImageGrid(double[] pixels, int count, int w, int h, int cols, int[] labels, List<String> classNames)
        implements Body {

    static final int GAP = 6, MARGIN = 10, TITLE = 30, CAPTION = 16;

    /// Pixels per image pixel: about 96 screen pixels per tile (12× for 8×8 digits, 3× for 28×28).
    int scale() { return Math.max(1, (int) Math.round(96.0 / Math.max(w, h))); }

    int gridRows() { return (count + cols - 1) / cols; }

    int caption() { return labels == null ? 0 : CAPTION; }

    int gridWidth() { return cols * w * scale() + (cols - 1) * GAP; }

    /// Wide enough for the grid and for a title above a narrow grid.
    @Override public int width() { return Math.max(240, 2 * MARGIN + gridWidth()); }

    @Override public int height() {
        int r = gridRows();
        return TITLE + r * (h * scale() + caption()) + (r - 1) * GAP + MARGIN;
    }

    @Override public String xLabel() { return ""; }

    @Override public String yLabel() { return ""; }

    String name(int k) { return k >= 0 && k < classNames.size() ? classNames.get(k) : String.valueOf(k); }

    @Override public BufferedImage render(Chart.Decor d, int width, int height) {
        return Chart.fit(natural(d), width, height);
    }

    /// The grid at its natural size.
    BufferedImage natural(Chart.Decor d) {
        double lo = Shapes.min(pixels), hi = Shapes.max(pixels);
        int s = scale(), tw = w * s, th = h * s;
        var img = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            var tile = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            var fm = g.getFontMetrics();
            for (int k = 0; k < count; k++) {
                for (int p = 0; p < w * h; p++) {
                    double t = hi > lo ? (pixels[k * w * h + p] - lo) / (hi - lo) : 0;   // 0 = paper, 1 = ink
                    int grey = (int) Math.round(255 * (1 - t));
                    tile.setRGB(p % w, p / w, new Color(grey, grey, grey).getRGB());
                }
                int x = (img.getWidth() - gridWidth()) / 2 + (k % cols) * (tw + GAP), y = TITLE + (k / cols) * (th + caption() + GAP);
                g.drawImage(tile, x, y, tw, th, null);      // nearest neighbour: crisp pixels
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(x - 1, y - 1, tw + 1, th + 1);
                if (labels != null) {
                    String text = name(labels[k]);
                    g.setColor(Colors.of(labels[k]).darker());
                    g.drawString(text, x + (tw - fm.stringWidth(text)) / 2, y + th + fm.getAscent() + 1);
                }
            }
            if (!d.title().isEmpty()) {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
                var tm = g.getFontMetrics();
                g.setColor(Color.BLACK);
                g.drawString(d.title(), (img.getWidth() - tm.stringWidth(d.title())) / 2, (TITLE + tm.getAscent()) / 2 - 2);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    @Override public String text(Chart.Decor d, int cols, int rows, boolean ansi) {
        return (d.title().isEmpty() ? "" : d.title() + ": ") + describe()
                + " (no text preview for images; use save(...) or show())\n";
    }

    @Override public String describe() {
        return "images: " + count + " of " + w + "×" + h + " in " + gridRows() + "×" + Math.min(cols, count) + " grid";
    }
}
