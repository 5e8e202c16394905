package mlscratch.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import mlscratch.util.Check;

/// Animated GIFs with nothing but the JDK's `javax.imageio` GIF writer.
///
/// A GIF animation is a sequence of images, each with a *graphic control extension* holding its delay
/// (in hundredths of a second), and, once at the start, the `NETSCAPE2.0` *application extension*
/// whose sub-block `{1, 0, 0}` means "loop forever" (loop count 0). ImageIO writes both from the
/// per-frame metadata tree `javax_imageio_gif_image_1.0`. Colours are reduced to a 256-colour palette
/// per frame by the writer.
/// ```
/// var frames = List.of(c1.toImage(640, 480), c2.toImage(640, 480), c3.toImage(640, 480));
/// Gif.write(Path.of("out/steps.gif"), frames, 200);      // 5 frames a second, looping
/// ```
/// For charts made in a loop, [Animation] collects them and calls this.
public final class Gif {
    private Gif() {}

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    /// Writes `frames` (all the same size) as a GIF that loops forever, showing each frame for
    /// `delayMs` milliseconds (rounded to the GIF's hundredths of a second; at least 10 ms). Creates
    /// missing parent folders and replaces an existing file; returns the path.
    /// ```
    /// Gif.write(Path.of("out/kmeans.gif"), images, 500);
    /// ```
    public static Path write(Path file, List<BufferedImage> frames, int delayMs) {
        Check.notNull("Gif.write", "frames", frames);
        Check.that(!frames.isEmpty(), "Gif.write", "'frames' is empty: a GIF needs at least one frame");
        for (int i = 0; i < frames.size(); i++) Check.notNull("Gif.write", "frames[" + i + "]", frames.get(i));
        return write(file, frames.size(), frames::get, delayMs);
    }

    /// Writes `count` frames produced one at a time by `frame` (so a long animation need not hold every
    /// image in memory at once).
    static Path write(Path file, int count, IntFunction<BufferedImage> frame, int delayMs) {
        Check.notNull("Gif.write", "file", file);
        Check.inRange("Gif.write", "delayMs", delayMs, 10, 655_350);
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".gif"))
            throw Check.fail("Gif.write", "'file' must end in .gif, got " + file);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.deleteIfExists(file);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                int width = -1, height = -1;
                for (int i = 0; i < count; i++) {
                    BufferedImage img = rgb(frame.apply(i));
                    if (i == 0) {
                        width = img.getWidth();
                        height = img.getHeight();
                    } else if (img.getWidth() != width || img.getHeight() != height) {
                        throw Check.fail("Gif.write", "frame " + i + " is " + img.getWidth() + "×" + img.getHeight()
                                + " but frame 0 is " + width + "×" + height + " (all frames must have one size)");
                    }
                    writer.writeToSequence(new IIOImage(img, null, metadata(writer, img, delayMs, i == 0)), null);
                }
                writer.endWriteSequence();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Gif.write: cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /// The frame's metadata: its delay, and on the first frame the NETSCAPE2.0 loop-forever extension.
    private static IIOMetadata metadata(ImageWriter writer, BufferedImage img, int delayMs, boolean first)
            throws IIOInvalidTreeException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
        var root = (IIOMetadataNode) meta.getAsTree(FORMAT);

        var control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.round(delayMs / 10f)));   // hundredths of a second
        control.setAttribute("transparentColorIndex", "0");

        if (first) {
            var extensions = child(root, "ApplicationExtensions");
            var loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});          // sub-block 1, loop count 0 = forever (little-endian)
            extensions.appendChild(loop);
        }
        meta.setFromTree(FORMAT, root);
        return meta;
    }

    /// The child named `name` of `root`, created when missing.
    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++)
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        var node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /// An opaque RGB copy (transparent pixels over white), which the GIF writer turns into a palette.
    private static BufferedImage rgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) return img;
        var out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.drawImage(img, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
