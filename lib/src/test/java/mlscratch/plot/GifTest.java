package mlscratch.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlscratch.linalg.Vector;

/// GIFs written by Gif and Animation, read back with the JDK's GIF reader.
class GifTest {
    @TempDir Path dir;

    static BufferedImage solid(Color c, int w, int h) {
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    record Read(List<BufferedImage> frames, List<IIOMetadataNode> meta) {}

    static Read read(Path file) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            var frames = new ArrayList<BufferedImage>();
            var meta = new ArrayList<IIOMetadataNode>();
            for (int i = 0; i < n; i++) {
                frames.add(reader.read(i));
                meta.add((IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0"));
            }
            return new Read(frames, meta);
        } finally {
            reader.dispose();
        }
    }

    static IIOMetadataNode child(IIOMetadataNode root, String name) {
        var list = root.getElementsByTagName(name);
        return list.getLength() == 0 ? null : (IIOMetadataNode) list.item(0);
    }

    @Test
    void threeFramesComeBackWithTheirDelayColoursAndTheLoopExtension() throws Exception {
        Color[] colours = {Colors.of(0), Colors.of(1), Colors.of(2)};
        var frames = new ArrayList<BufferedImage>();
        for (Color c : colours) frames.add(solid(c, 40, 30));
        Path file = Gif.write(dir.resolve("sub/three.gif"), frames, 120);

        var read = read(file);
        assertEquals(3, read.frames().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(40, read.frames().get(i).getWidth());
            assertEquals(colours[i].getRGB() & 0xffffff, read.frames().get(i).getRGB(20, 15) & 0xffffff, "frame " + i);
            var control = child(read.meta().get(i), "GraphicControlExtension");
            assertEquals("12", control.getAttribute("delayTime"), "120 ms = 12 hundredths");
        }
        var loop = child(read.meta().getFirst(), "ApplicationExtension");
        assertTrue(loop != null, "the NETSCAPE2.0 extension is present");
        assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
        assertEquals("2.0", loop.getAttribute("authenticationCode"));
        assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) loop.getUserObject(), "loop forever");
    }

    @Test
    void framesOfDifferentSizesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Gif.write(dir.resolve("bad.gif"), List.of(solid(Color.RED, 10, 10), solid(Color.RED, 12, 10)), 100));
        assertEquals("Gif.write: frame 1 is 12×10 but frame 0 is 10×10 (all frames must have one size)", e.getMessage());
    }

    @Test
    void badArgumentsFailClearly() {
        var one = List.of(solid(Color.RED, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> Gif.write(dir.resolve("a.png"), one, 100));
        assertThrows(IllegalArgumentException.class, () -> Gif.write(dir.resolve("a.gif"), List.of(), 100));
        var e = assertThrows(IllegalArgumentException.class, () -> Gif.write(dir.resolve("a.gif"), one, 5));
        assertEquals("Gif.write: 'delayMs' must be in [10, 655350], got 5", e.getMessage());
    }

    @Test
    void animationCollectsChartsAndImagesAtOneSize() throws Exception {
        var anim = new Animation(160, 120);
        for (int t = 1; t <= 2; t++) anim.add(Plot.line(Vector.range(10).map(v -> v * v)).withTitle("t " + t));
        anim.add(solid(Colors.of(3), 80, 60));
        assertEquals("Animation[3 frames, 160×120]", anim.toString());
        var read = read(anim.save(dir.resolve("anim.gif"), 100));
        assertEquals(3, read.frames().size());
        for (var f : read.frames()) {
            assertEquals(160, f.getWidth());
            assertEquals(120, f.getHeight());
        }
        assertEquals(Colors.of(3).getRGB() & 0xffffff, read.frames().get(2).getRGB(80, 60) & 0xffffff, "image scaled to fill");
        assertThrows(IllegalArgumentException.class, () -> new Animation().save(dir.resolve("empty.gif"), 100));
    }
}
