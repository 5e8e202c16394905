package mlscratch.plot;

import java.awt.image.BufferedImage;

/// What a [Chart] draws, apart from its title and labels: one record per kind of plot. Each kind
/// draws itself into pixels ([#render]) and into text ([#text]); the kinds drawn by Smile go through
/// [SmileBody]. Records here hold arrays the [Plot] factories have just copied and never hand out.
sealed interface Body permits SmileBody, ImageGrid, NetworkGraph {
    /// Default axis labels, used until [Chart#withLabels(String, String)].
    String xLabel();

    String yLabel();

    /// Natural pixel size.
    default int width() { return Chart.WIDTH; }

    default int height() { return Chart.HEIGHT; }

    /// `scatter: 150 points, 3 classes`, for [Chart#toString()].
    String describe();

    BufferedImage render(Chart.Decor d, int width, int height);

    String text(Chart.Decor d, int cols, int rows, boolean ansi);
}
