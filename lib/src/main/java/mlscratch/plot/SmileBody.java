package mlscratch.plot;

import java.awt.image.BufferedImage;

import smile.plot.swing.Figure;

/// A kind of chart drawn by a Smile [Figure] (axes, ticks, legend and window from Smile; the marks
/// from [Shapes]).
sealed interface SmileBody extends Body permits ScatterChart, LineChart, RegionChart, HeatmapChart, HistogramChart {
    /// A fresh Smile figure (Smile's figures are mutable: each call builds a new one).
    Figure figure(Chart.Decor d);

    @Override default BufferedImage render(Chart.Decor d, int width, int height) {
        return Chart.paint(figure(d), width, height);
    }
}
