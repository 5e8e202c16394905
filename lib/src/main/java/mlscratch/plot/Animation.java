package mlscratch.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import mlscratch.util.Check;

/// Collects the frames of an animation — charts made inside a training loop, or ready images — and
/// saves them as a looping GIF ([Gif]). The one mutable object of this package: like a
/// `StringBuilder`, it is filled, then written.
/// ```
/// var anim = new Animation();                         // frames of 640×480
/// for (int epoch = 0; epoch < 50; epoch++) {
///     model = step(model);
///     anim.add(Plot.decisionRegions(model::predict, X, y).withTitle("epoch " + epoch));
/// }
/// anim.save(Path.of("out/training.gif"), 100);         // 10 frames a second
/// ```
/// Charts are kept (they are immutable and small) and drawn only when saved, one frame at a time.
public final class Animation {
    private sealed interface Frame permits ChartFrame, ImageFrame {}

    private record ChartFrame(Chart chart) implements Frame {}

    private record ImageFrame(BufferedImage image) implements Frame {}

    private final int width, height;
    private final List<Frame> frames = new ArrayList<>();

    /// An empty animation of 640×480 frames.
    public Animation() { this(640, 480); }

    /// An empty animation of `width × height` frames.
    /// ```
    /// var anim = new Animation(800, 600);
    /// ```
    public Animation(int width, int height) {
        this.width = Check.inRange("Animation", "width", width, 16, 4000);
        this.height = Check.inRange("Animation", "height", height, 16, 4000);
    }

    /// Appends a chart as the next frame (drawn at the animation's size when saved); returns `this`.
    /// ```
    /// anim.add(Plot.line(losses).withTitle("step " + t));
    /// ```
    public Animation add(Chart chart) {
        frames.add(new ChartFrame(Check.notNull("Animation.add", "chart", chart)));
        return this;
    }

    /// Appends an image as the next frame (scaled to fit the animation's size, aspect kept); returns `this`.
    public Animation add(BufferedImage image) {
        frames.add(new ImageFrame(Check.notNull("Animation.add", "image", image)));
        return this;
    }

    /// Number of frames so far.
    public int size() { return frames.size(); }

    /// Frame width in pixels.
    public int width() { return width; }

    /// Frame height in pixels.
    public int height() { return height; }

    /// Frame `i` as drawn into the GIF.
    public BufferedImage frame(int i) {
        Check.inRange("Animation.frame", "i", i, 0, frames.size() - 1);
        return switch (frames.get(i)) {
            case ChartFrame(Chart c) -> c.toImage(width, height);
            case ImageFrame(BufferedImage img) -> Chart.fit(img, width, height);
        };
    }

    /// Writes the frames as a GIF that loops forever, `delayMs` milliseconds per frame; returns the path.
    /// ```
    /// anim.save(Path.of("out/training.gif"), 100);
    /// ```
    public Path save(Path file, int delayMs) {
        Check.that(!frames.isEmpty(), "Animation.save", "there are no frames: add charts or images first");
        return Gif.write(file, frames.size(), this::frame, delayMs);
    }

    /// `Animation[12 frames, 640×480]`.
    @Override public String toString() {
        return "Animation[" + frames.size() + (frames.size() == 1 ? " frame, " : " frames, ") + width + "×" + height + "]";
    }
}
