package mlscratch.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Reads the IDX files MNIST and Fashion-MNIST come in, gzipped (`.gz`) or not.
///
/// ```
/// file   = magic  dim₀ dim₁ … dimₖ₋₁  data
/// magic  = 0x00 0x00 type k           type 0x08 = unsigned byte; k = number of dimensions
/// dimᵢ   = 32-bit big-endian unsigned integer
/// data   = dim₀·dim₁·…·dimₖ₋₁ values, row-major (the last index runs fastest)
///
/// images: magic 0x00000803, dims (n, rows, cols), n·rows·cols bytes, pixel 0 = background
/// labels: magic 0x00000801, dims (n),             n bytes, one class index per image
/// ```
///
/// Every problem with a file (missing, truncated, wrong magic number, a header promising more than
/// the file holds or than the JVM can hold) is an [IllegalArgumentException] naming the file and the
/// problem, raised before the big arrays are allocated; other I/O failures are [UncheckedIOException]s.
///
/// References: Y. LeCun, C. Cortes, C. J. C. Burges, *The MNIST database of handwritten digits*
/// (the format is described at the end of that page).
public final class Idx {
    private Idx() {}

    /// Magic number of an image file: unsigned bytes, 3 dimensions.
    public static final int IMAGES = 0x00000803;
    /// Magic number of a label file: unsigned bytes, 1 dimension.
    public static final int LABELS = 0x00000801;

    static final int UBYTE = 0x08;
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;   // the longest Java array the JVM allows

    /// The header of an IDX file: element type and dimensions (`[n, rows, cols]` for images).
    ///
    /// @param type element type code (0x08 = unsigned byte, 0x09 = signed byte, 0x0B = short,
    ///             0x0C = int, 0x0D = float, 0x0E = double)
    /// @param dims the dimensions, outermost first
    public record Header(int type, List<Long> dims) {
        public Header { dims = List.copyOf(dims); }

        /// The magic number `0x0000 type k` this header was read from.
        public int magic() { return (type << 8) | dims.size(); }

        /// Number of values in the data part: the product of the dimensions.
        public long count() {
            long c = 1;
            for (long d : dims) c = multiplyCapped(c, d);
            return c;
        }

        @Override public String toString() {
            return String.format(Locale.ROOT, "IDX header: magic 0x%08X (%s, %d dimensions), dims %s",
                    magic(), typeName(type), dims.size(), dims);
        }
    }

    /// Reads only the header of `file`: cheap, for checking before loading.
    public static Header readHeader(Path file) {
        Check.notNull("Idx.readHeader", "file", file);
        try (var in = open("Idx.readHeader", file)) {
            return header("Idx.readHeader", file, in);
        } catch (IOException e) {
            throw io("Idx.readHeader", file, e);
        }
    }

    /// The first `min(n, limit)` images of an image file as a matrix with one image per row,
    /// `rows·cols` columns in row-major pixel order (pixel (r, c) is column `r·cols + c`).
    /// Pixels are the stored bytes 0..255, divided by 255 when `scale` is true (then 0 ≤ x ≤ 1).
    public static Matrix readImages(Path file, int limit, boolean scale) {
        String where = "Idx.readImages";
        Check.notNull(where, "file", file);
        Check.nonNegative(where, "limit", limit);
        try (var in = open(where, file)) {
            Header h = header(where, file, in);
            expect(where, file, h, IMAGES, "images");
            long n = h.dims().get(0), rows = h.dims().get(1), cols = h.dims().get(2);
            if (rows == 0 || cols == 0) throw bad(where, file, "images of " + rows + "×" + cols + " pixels have no pixels");
            int m = (int) Math.min(n, limit);                       // images to load
            byte[] bytes = data(where, file, in, h, (long) m * rows * cols, "images");
            double s = scale ? 1.0 / 255 : 1.0;
            double[] X = new double[bytes.length];                  // (m, rows·cols), row-major
            for (int k = 0; k < bytes.length; k++) X[k] = (bytes[k] & 0xff) * s;
            return Matrix.wrap(m, (int) (rows * cols), X);
        } catch (IOException e) {
            throw io(where, file, e);
        }
    }

    /// The first `min(n, limit)` labels of a label file, as a vector of the stored bytes 0..255.
    public static Vector readLabels(Path file, int limit) {
        String where = "Idx.readLabels";
        Check.notNull(where, "file", file);
        Check.nonNegative(where, "limit", limit);
        try (var in = open(where, file)) {
            Header h = header(where, file, in);
            expect(where, file, h, LABELS, "labels");
            int m = (int) Math.min(h.dims().getFirst(), limit);
            byte[] bytes = data(where, file, in, h, m, "labels");
            double[] y = new double[m];
            for (int i = 0; i < m; i++) y[i] = bytes[i] & 0xff;
            return Vector.wrap(y);
        } catch (IOException e) {
            throw io(where, file, e);
        }
    }

    // ───────────────────────────── reading ─────────────────────────────

    /// Opens `file`, unzipping on the fly when it starts with the gzip signature 1f 8b (whatever its name).
    static InputStream open(String where, Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw bad(where, file, Files.exists(file) ? "is not a regular file" : "does not exist");
        var in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read(), b1 = in.read();
        in.reset();
        if (b0 != 0x1f || b1 != 0x8b) return in;
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (EOFException e) {
            in.close();
            throw bad(where, file, "is truncated: the gzip header is incomplete");
        } catch (ZipException e) {
            in.close();
            throw bad(where, file, "is not valid gzip data (" + e.getMessage() + ")");
        }
    }

    /// Reads and checks the magic number and the dimensions.
    static Header header(String where, Path file, InputStream raw) throws IOException {
        var in = new DataInputStream(raw);
        int magic;
        try {
            magic = in.readInt();                                   // big-endian, as IDX is
        } catch (EOFException e) {
            throw bad(where, file, "is truncated: it ends inside the 4-byte magic number (is it empty?)");
        } catch (ZipException e) {
            throw bad(where, file, "holds corrupt gzip data (" + e.getMessage() + ")");
        }
        if ((magic >>> 16) != 0)
            throw bad(where, file, String.format(Locale.ROOT,
                    "is not an IDX file: it starts with 0x%08X, but an IDX file starts with two zero bytes, "
                    + "then the type and the number of dimensions (0x00000803 for images, 0x00000801 for labels)", magic));
        int type = (magic >>> 8) & 0xff, k = magic & 0xff;
        List<Long> dims = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            try {
                dims.add(Integer.toUnsignedLong(in.readInt()));
            } catch (EOFException e) {
                throw bad(where, file, "is truncated: it ends inside the header, after " + i + " of its " + k + " dimensions");
            }
        }
        return new Header(type, dims);
    }

    /// Checks the header is the kind `what` needs (`magic`) and that the data it promises fits in one array.
    static void expect(String where, Path file, Header h, int magic, String what) {
        if (h.type() != UBYTE)
            throw bad(where, file, String.format(Locale.ROOT, "holds %s values (type 0x%02X); only unsigned bytes "
                    + "(type 0x08, as in MNIST) are supported", typeName(h.type()), h.type()));
        if (h.magic() != magic) {
            String hint = h.magic() == LABELS ? " (it looks like a label file)"
                        : h.magic() == IMAGES ? " (it looks like an image file)" : "";
            throw bad(where, file, String.format(Locale.ROOT, "has magic number 0x%08X%s; %s need 0x%08X",
                    h.magic(), hint, what, magic));
        }
        long count = h.count();
        if (count > MAX_ARRAY)
            throw bad(where, file, "has a header promising " + describe(h) + " = " + (count == Long.MAX_VALUE ? "more than 2⁶³" : count)
                    + " values, more than one Java array can hold; the file is corrupt or not an MNIST-style file");
    }

    /// Reads the first `need` data bytes. The array grows only as bytes actually arrive
    /// ([InputStream#readNBytes(int)] reads in chunks), so a header that lies about the size
    /// ends in a "truncated" message, never in an OutOfMemoryError.
    private static byte[] data(String where, Path file, InputStream in, Header h, long need, String unit) throws IOException {
        long budget = Runtime.getRuntime().maxMemory();
        if (need * (Double.BYTES + 1) > budget)                     // the bytes, then the doubles
            throw bad(where, file, String.format(Locale.ROOT, "has a header promising %s; loading %d values as doubles "
                    + "needs about %.1f GB but this JVM may use at most %.1f GB: load fewer with a limit, "
                    + "raise -Xmx, or check that the file is not corrupt", describe(h), need,
                    need * (Double.BYTES + 1) / 1e9, budget / 1e9));
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) need);
        } catch (EOFException e) {                                  // gzip stream cut off mid-way
            throw bad(where, file, "is truncated: the compressed data ends early (" + e.getMessage()
                    + "); the header promises " + describe(h));
        } catch (ZipException e) {
            throw bad(where, file, "holds corrupt gzip data (" + e.getMessage() + ")");
        }
        if (bytes.length < need) {
            long per = h.dims().size() == 3 ? h.dims().get(1) * h.dims().get(2) : 1;
            throw bad(where, file, "is truncated: the header promises " + describe(h) + " but the data ends after "
                    + bytes.length / per + " complete " + unit);
        }
        return bytes;
    }

    private static String describe(Header h) {
        var d = h.dims();
        return switch (d.size()) {
            case 3 -> d.get(0) + " images of " + d.get(1) + "×" + d.get(2) + " pixels";
            case 1 -> d.getFirst() + " labels";
            default -> "an array of shape " + d;
        };
    }

    static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown-type";
        };
    }

    private static long multiplyCapped(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        return hi != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    static IllegalArgumentException bad(String where, Path file, String problem) {
        return Check.fail(where, file + " " + problem);
    }

    private static RuntimeException io(String where, Path file, IOException e) {
        if (e instanceof NoSuchFileException) return bad(where, file, "does not exist");
        return new UncheckedIOException(where + ": cannot read " + file + ": " + e.getMessage(), e);
    }
}
