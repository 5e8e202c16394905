/// Plots for JShell: one static call per chart ([mlscratch.plot.Plot]), an immutable [mlscratch.plot.Chart]
/// to title, label, show, save or preview as braille text, and looping GIFs ([mlscratch.plot.Gif],
/// [mlscratch.plot.Animation]).
///
/// ```
/// Plot.scatter(X, y).withTitle("iris").show();          // a window, or out/plot-001-iris.png headless
/// Plot.decisionRegions(model::predict, X, y).preview();  // in the terminal
/// Plot.lines(Map.of("train", train, "val", val)).withLabels("epoch", "loss").save(Path.of("out/loss.png"));
/// Plot.network(List.of(W1, W2)).show();                  // a network's weight matrices as a graph
/// ```
/// Drawing goes through Smile's `smile.plot.swing` figures (axes, ticks, legends, windows), with our own
/// marks and the tab10 palette of [mlscratch.plot.Colors]; image grids, network graphs and GIFs use plain Java2D and
/// `javax.imageio`. Everything renders headless. The package knows nothing of `mlscratch.nn`: a network is
/// drawn from its weight matrices.
package mlscratch.plot;
