package mlscratch.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// The IDX reader on small files written here byte by byte: good ones, and each kind of bad one.
class IdxTest {
    @TempDir Path dir;

    /// An IDX file: magic, the dimensions (big-endian ints), then the data bytes.
    static byte[] idx(int magic, long[] dims, byte[] data) {
        try {
            var bytes = new ByteArrayOutputStream();
            var out = new DataOutputStream(bytes);
            out.writeInt(magic);
            for (long d : dims) out.writeInt((int) d);
            out.write(data);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] gzip(byte[] raw) {
        try {
            var bytes = new ByteArrayOutputStream();
            try (var out = new GZIPOutputStream(bytes)) { out.write(raw); }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /// Three images of 2×3 pixels: image i has pixels 10i + 0 … 10i + 5, and image 2 ends in 255.
    static final byte[] PIXELS = bytes(0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 24, 255);
    static final byte[] THREE_IMAGES = idx(Idx.IMAGES, new long[] {3, 2, 3}, PIXELS);

    static IllegalArgumentException fails(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run);
    }

    // ───────────────────────────── good files ─────────────────────────────

    @Test
    void readsImagesOnePerRowInRowMajorPixelOrder() throws IOException {
        Path f = write("images", THREE_IMAGES);
        Matrix X = Idx.readImages(f, Integer.MAX_VALUE, false);
        assertEquals(Matrix.of(new double[][] {
                {0, 1, 2, 3, 4, 5}, {10, 11, 12, 13, 14, 15}, {20, 21, 22, 23, 24, 255}}), X);
    }

    @Test
    void scalingDividesBy255() throws IOException {
        Path f = write("images", THREE_IMAGES);
        Matrix X = Idx.readImages(f, Integer.MAX_VALUE, true);
        assertEquals(1.0, X.get(2, 5));                     // 255 / 255
        assertEquals(10 / 255.0, X.get(1, 0));
        assertTrue(X.isClose(Idx.readImages(f, 3, false).scale(1.0 / 255), 1e-15));
    }

    @Test
    void gzippedAndPlainFilesReadTheSame() throws IOException {
        Path plain = write("images", THREE_IMAGES);
        Path gz = write("images.gz", gzip(THREE_IMAGES));
        Path gzWithoutSuffix = write("images-gz-anyway", gzip(THREE_IMAGES));   // detected by its first bytes
        assertEquals(Idx.readImages(plain, 9, false), Idx.readImages(gz, 9, false));
        assertEquals(Idx.readImages(plain, 9, false), Idx.readImages(gzWithoutSuffix, 9, false));
    }

    @Test
    void aLimitLoadsTheFirstImages() throws IOException {
        Path f = write("images.gz", gzip(THREE_IMAGES));
        assertEquals(Matrix.of(new double[][] {{0, 1, 2, 3, 4, 5}, {10, 11, 12, 13, 14, 15}}), Idx.readImages(f, 2, false));
        assertEquals(0, Idx.readImages(f, 0, false).rows());
        assertEquals(6, Idx.readImages(f, 0, false).cols());
        fails(() -> Idx.readImages(f, -1, false));
    }

    @Test
    void readsLabels() throws IOException {
        Path f = write("labels.gz", gzip(idx(Idx.LABELS, new long[] {4}, bytes(3, 0, 9, 200))));
        assertEquals(Vector.of(3, 0, 9, 200), Idx.readLabels(f, 100));
        assertEquals(Vector.of(3, 0), Idx.readLabels(f, 2));
    }

    @Test
    void theHeaderSaysWhatTheFileHolds() throws IOException {
        Path f = write("images.gz", gzip(THREE_IMAGES));
        Idx.Header h = Idx.readHeader(f);
        assertEquals(new Idx.Header(0x08, List.of(3L, 2L, 3L)), h);
        assertEquals(Idx.IMAGES, h.magic());
        assertEquals(18, h.count());
        assertEquals("IDX header: magic 0x00000803 (unsigned byte, 3 dimensions), dims [3, 2, 3]", h.toString());
    }

    // ───────────────────────────── bad files ─────────────────────────────

    @Test
    void aLabelFileIsNotAnImageFile() throws IOException {
        Path f = write("labels", idx(Idx.LABELS, new long[] {2}, bytes(1, 2)));
        var e = fails(() -> Idx.readImages(f, 10, false));
        assertEquals("Idx.readImages: " + f + " has magic number 0x00000801 (it looks like a label file); "
                + "images need 0x00000803", e.getMessage());
        Path images = write("images", THREE_IMAGES);
        var e2 = fails(() -> Idx.readLabels(images, 10));
        assertTrue(e2.getMessage().contains("0x00000803 (it looks like an image file); labels need 0x00000801"), e2.getMessage());
    }

    @Test
    void aFileThatIsNotIdxSaysSo() throws IOException {
        Path f = write("notes.txt", "hello, world\n".getBytes());
        var e = fails(() -> Idx.readImages(f, 10, false));
        assertTrue(e.getMessage().startsWith("Idx.readImages: " + f + " is not an IDX file: it starts with 0x68656C6C"),
                e.getMessage());
    }

    @Test
    void onlyUnsignedBytesAreSupported() throws IOException {
        Path f = write("floats", idx(0x00000D03, new long[] {1, 1, 1}, new byte[4]));
        var e = fails(() -> Idx.readImages(f, 10, false));
        assertTrue(e.getMessage().contains("holds float values (type 0x0D); only unsigned bytes"), e.getMessage());
    }

    @Test
    void anEmptyFileIsTruncated() throws IOException {
        Path f = write("empty", new byte[0]);
        var e = fails(() -> Idx.readImages(f, 10, false));
        assertTrue(e.getMessage().contains(f + " is truncated: it ends inside the 4-byte magic number"), e.getMessage());
    }

    @Test
    void aFileEndingInsideTheHeaderIsTruncated() throws IOException {
        Path f = write("short.gz", gzip(Arrays.copyOf(THREE_IMAGES, 9)));      // magic + 1 dimension + 1 byte
        var e = fails(() -> Idx.readImages(f, 10, false));
        assertTrue(e.getMessage().contains("is truncated: it ends inside the header, after 1 of its 3 dimensions"), e.getMessage());
    }

    @Test
    void aFileEndingInsideTheDataSaysHowManyImagesItHolds() throws IOException {
        byte[] cut = Arrays.copyOf(THREE_IMAGES, 16 + 15);                     // 2 whole images and half of one
        for (Path f : List.of(write("cut", cut), write("cut.gz", gzip(cut)))) {
            var e = fails(() -> Idx.readImages(f, 10, false));
            assertEquals("Idx.readImages: " + f + " is truncated: the header promises 3 images of 2×3 pixels but "
                    + "the data ends after 2 complete images", e.getMessage());
        }
        assertEquals(2, Idx.readImages(write("cut2", cut), 2, false).rows());  // what is there can still be read
    }

    @Test
    void aCutOffGzipStreamIsTruncated() throws IOException {
        byte[] big = new byte[16 + 50 * 28 * 28];
        new java.util.Random(1).nextBytes(big);                                 // incompressible pixels
        System.arraycopy(idx(Idx.IMAGES, new long[] {50, 28, 28}, new byte[0]), 0, big, 0, 16);
        byte[] gz = gzip(big);
        Path f = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        var e = fails(() -> Idx.readImages(f, 100, false));
        assertTrue(e.getMessage().contains(f + " is truncated: the compressed data ends early"), e.getMessage());
        assertTrue(e.getMessage().contains("the header promises 50 images of 28×28 pixels"), e.getMessage());
    }

    @Test
    void corruptGzipDataIsReported() throws IOException {
        byte[] gz = gzip(THREE_IMAGES);
        for (int i = 10; i < gz.length - 8; i++) gz[i] = (byte) 0xff;          // keep the gzip header, wreck the rest
        Path f = write("corrupt.gz", gz);
        var e = fails(() -> Idx.readImages(f, 10, false));
        assertTrue(e.getMessage().contains(f + " holds corrupt gzip data"), e.getMessage());
    }

    @Test
    void aHeaderClaimingABillionImagesFailsBeforeAllocating() throws IOException {
        // 10⁹ · 28 · 28 = 7.84·10¹¹ bytes: no array can hold that; the check comes before any allocation.
        Path f = write("huge.gz", gzip(idx(Idx.IMAGES, new long[] {1_000_000_000L, 28, 28}, new byte[784])));
        var e = fails(() -> Idx.readImages(f, Integer.MAX_VALUE, false));
        assertEquals("Idx.readImages: " + f + " has a header promising 1000000000 images of 28×28 pixels = 784000000000 "
                + "values, more than one Java array can hold; the file is corrupt or not an MNIST-style file", e.getMessage());
        // a limit makes no difference: the header itself is impossible
        fails(() -> Idx.readImages(f, 10, false));
    }

    @Test
    void aHeaderClaimingMoreThanTheFileHoldsFailsWithoutRunningOutOfMemory() throws IOException {
        // 2·10⁸ one-pixel images fit in an array, and their doubles in a 4 GB heap; the file holds 3.
        Path f = write("liar.gz", gzip(idx(Idx.IMAGES, new long[] {200_000_000L, 1, 1}, bytes(1, 2, 3))));
        var e = fails(() -> Idx.readImages(f, Integer.MAX_VALUE, false));
        assertTrue(e.getMessage().contains("the header promises 200000000 images of 1×1 pixels but the data ends after 3 complete images")
                   || e.getMessage().contains("needs about"), e.getMessage());
        // 10⁹ of them: more doubles than this heap can hold, refused up front (with -Xmx4g)
        Path g = write("liar2.gz", gzip(idx(Idx.IMAGES, new long[] {1_000_000_000L, 1, 1}, bytes(1, 2, 3))));
        var e2 = fails(() -> Idx.readImages(g, Integer.MAX_VALUE, false));
        assertTrue(e2.getMessage().contains("needs about") || e2.getMessage().contains("truncated"), e2.getMessage());
    }

    @Test
    void dimensionsAboveTwoToThe31AreReadAsUnsigned() throws IOException {
        Path f = write("unsigned", idx(Idx.IMAGES, new long[] {0xFFFFFFFFL, 1, 1}, new byte[0]));
        assertEquals(List.of(4294967295L, 1L, 1L), Idx.readHeader(f).dims());
        var e = fails(() -> Idx.readImages(f, 10, false));
        assertTrue(e.getMessage().contains("4294967295 images of 1×1 pixels = 4294967295 values, more than one Java array"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = dir.resolve("nope.gz");
        var e = fails(() -> Idx.readImages(f, 1, false));
        assertEquals("Idx.readImages: " + f + " does not exist", e.getMessage());
        fails(() -> Idx.readHeader(f));
        fails(() -> Idx.readImages(dir, 1, false));                            // a directory
    }
}
