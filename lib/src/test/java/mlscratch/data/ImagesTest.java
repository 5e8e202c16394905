package mlscratch.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlscratch.data.Images.Picture;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

class ImagesTest {

    @TempDir Path tmp;

    @Test
    void pixelsByHand() {
        // a 2×2 image: red, green / blue, grey 51 (= 0.2 · 255); pixel i at (i % 2, i / 2)
        var img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xff0000);
        img.setRGB(1, 0, 0x00ff00);
        img.setRGB(0, 1, 0x0000ff);
        img.setRGB(1, 1, 0x333333);
        var p = Images.fromImage(img);
        assertEquals(2, p.width());
        assertEquals(2, p.height());
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 0.2, 0.2, 0.2}, p.pixels().toArray(), 1e-15);
        var back = p.toImage();
        assertEquals(0x333333, back.getRGB(1, 1) & 0xffffff);
        assertEquals(0x00ff00, back.getRGB(1, 0) & 0xffffff);
    }

    @Test
    void pngRoundTripIsExact() {
        var pic = Images.photo().scaled(40);
        Path file = pic.save(tmp.resolve("sub/pic.png"));
        var again = Images.load(file);
        assertEquals(pic, again);                                        // 8-bit levels survive PNG exactly
        assertEquals(pic, Images.load(file.toString()));
    }

    @Test
    void theBundledPhotoIsAColourPhotograph() {
        var pic = Images.photo();
        assertEquals(256, pic.width());
        assertEquals(171, pic.height());
        assertEquals(256 * 171, pic.pixels().rows());
        assertTrue(pic.pixels().min() >= 0 && pic.pixels().max() <= 1);
        Vector spread = pic.pixels().std(0);
        for (int c = 0; c < 3; c++) assertTrue(spread.get(c) > 0.1, "channel " + c + " varies: " + spread);
        var mean = pic.pixels().mean(0);
        assertTrue(Math.abs(mean.get(0) - mean.get(2)) > 0.01, "not grey: " + mean);
        assertTrue(Images.class.getResource("NOTICE.md") != null, "the photo's licence travels with it");
    }

    @Test
    void recolourDrawsEachPixelWithItsPaletteColour() {
        var pic = new Picture(3, 1, Matrix.of(3, 3, 0.1, 0.1, 0.1, 0.9, 0.8, 0.7, 0.2, 0.2, 0.2));
        var palette = Matrix.of(2, 3, 0, 0, 0, 1, 1, 1);
        var q = pic.recolour(Vector.of(0, 1, 0), palette);
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1, 0, 0, 0}, q.pixels().toArray(), 0);
        assertEquals(3, q.width());
    }

    @Test
    void paletteStacksSwatchesAndBesideLaysOutLeftToRight() {
        var pal = Images.palette(Matrix.of(2, 3, 1, 0, 0, 0, 0, 1), 2);
        assertEquals(2, pal.width());
        assertEquals(4, pal.height());                                   // two 2×2 swatches, top to bottom
        assertArrayEquals(new double[] {1, 0, 0}, pal.pixels().row(3).toArray(), 0);   // pixel (1, 1): red
        assertArrayEquals(new double[] {0, 0, 1}, pal.pixels().row(4).toArray(), 0);   // pixel (0, 2): blue
        var pic = new Picture(3, 1, Matrix.full(3, 3, 0.5));
        var b = Images.beside(pic, pal);
        assertEquals(3 + 8 + 2, b.width());
        assertEquals(4, b.height());
        assertArrayEquals(new double[] {1, 1, 1}, b.pixels().row(4).toArray(), 0);     // the white gap
        assertArrayEquals(new double[] {1, 0, 0}, b.pixels().row(11).toArray(), 0);    // the swatch at x = 11
    }

    @Test
    void scaledKeepsTheAspectRatioAndTheAverageColour() {
        var pic = Images.photo();
        var small = pic.scaled(64);
        assertEquals(64, small.width());
        assertEquals(43, small.height());                                // 171 · 64 / 256 = 42.75
        assertTrue(small.pixels().mean(0).isClose(pic.pixels().mean(0), 0.02));
    }

    @Test
    void showWritesAPngWhenHeadless() throws Exception {
        String old = System.getProperty("mlscratch.plot.dir");
        System.setProperty("mlscratch.plot.dir", tmp.toString());
        try {
            new Picture(1, 1, Matrix.of(1, 3, 0, 0.5, 1)).show("One pixel!");
            try (var files = Files.list(tmp)) {
                var names = files.map(f -> f.getFileName().toString()).toList();
                assertTrue(names.stream().anyMatch(s -> s.matches("image-\\d{3}-one-pixel\\.png")), names.toString());
            }
        } finally {
            if (old == null) System.clearProperty("mlscratch.plot.dir"); else System.setProperty("mlscratch.plot.dir", old);
        }
    }

    @Test
    void badInputFailsWithClearMessages() {
        expect("Picture: pixels is 4×2 but needs 3 columns (red, green, blue)", () -> new Picture(2, 2, Matrix.zeros(4, 2)));
        expect("Picture: pixels has 4 rows but a 3×2 picture has 6 pixels", () -> new Picture(3, 2, Matrix.zeros(4, 3)));
        expect("Picture: pixel values must be in [0, 1], got values from 0.0 to 255.0",
                () -> new Picture(1, 2, Matrix.of(2, 3, 0, 0, 0, 255, 255, 255)));
        expect("Picture: pixels[0][1] is NaN", () -> new Picture(1, 1, Matrix.of(1, 3, 0, Double.NaN, 0)));
        var missing = tmp.resolve("nope.png");
        expect("Images.load: no such file: " + missing.toAbsolutePath(), () -> Images.load(missing));
        expect("save: 'file' must end in .png, got x.jpg", () -> Images.photo().save(Path.of("x.jpg")));
        expect("recolour: labels has 2 entries but the picture has 3 pixels",
                () -> new Picture(3, 1, Matrix.zeros(3, 3)).recolour(Vector.of(0, 1), Matrix.zeros(2, 3)));
    }

    static void expect(String message, org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
