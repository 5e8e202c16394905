package mlscratch.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static mlscratch.data.IdxTest.bytes;
import static mlscratch.data.IdxTest.gzip;
import static mlscratch.data.IdxTest.idx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DatasetsTest {
    @TempDir Path tmp;

    // ───────────────────────────── bundled tables ─────────────────────────────

    @Test
    void irisHas150FlowersOf3Species() {
        Dataset iris = Datasets.iris();
        assertEquals(150, iris.n());
        assertEquals(4, iris.d());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertEquals(List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"), iris.featureNames());
        assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
        assertEquals(Vector.of(5.1, 3.5, 1.4, 0.2), iris.X().row(0));
        assertEquals(0, iris.y().get(0));
        assertEquals(2, iris.y().get(149));
        assertEquals("Dataset iris: 150 × 4, 3 classes (setosa 50, versicolor 50, virginica 50)", iris.toString());
        assertTrue(iris.description().contains("CC BY 4.0"));
    }

    @Test
    void irisColumnMeansMatchScikitLearn() {
        // /usr/bin/python3 -c 'from sklearn.datasets import load_iris; print(list(load_iris().data.mean(axis=0)))'
        Vector sklearn = Vector.of(5.843333333333335, 3.057333333333334, 3.7580000000000027, 1.199333333333334);
        assertTrue(Datasets.iris().X().mean(0).isClose(sklearn, 1e-12));
    }

    @Test
    void smileReadsTheSameNumbersAsAPlainSplitOfTheFile() throws IOException {
        // a second route to the iris numbers: split the bundled text by hand, skipping the metadata line
        String text;
        try (InputStream in = Datasets.class.getResourceAsStream("iris.csv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().skip(1).toList();
        double[][] X = new double[lines.size()][4];
        double[] y = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int j = 0; j < 4; j++) X[i][j] = Double.parseDouble(f[j]);
            y[i] = Double.parseDouble(f[4]);
        }
        Dataset iris = Datasets.iris();
        assertEquals(Matrix.of(X), iris.X());
        assertEquals(Vector.of(y), iris.y());
    }

    @Test
    void wineHas178WinesOf3Cultivars() {
        Dataset wine = Datasets.wine();
        assertEquals(178, wine.n());
        assertEquals(13, wine.d());
        assertEquals(List.of("class_0", "class_1", "class_2"), wine.classNames());
        assertArrayEquals(new int[] {59, 71, 48}, wine.classCounts());
        assertEquals(Vector.of(14.23, 1.71, 2.43, 15.6, 127, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065), wine.X().row(0));
        assertEquals("proline", wine.featureNames().get(12));
        // /usr/bin/python3 -c 'from sklearn.datasets import load_wine; print(list(load_wine().data.mean(axis=0)))'
        Vector sklearn = Vector.of(13.000617977528083, 2.336348314606741, 2.3665168539325854, 19.49494382022472,
                99.74157303370787, 2.295112359550562, 2.0292696629213474, 0.36185393258426973, 1.5908988764044953,
                5.058089882022473, 0.9574494382022468, 2.6116853932584254, 746.8932584269663);
        assertTrue(wine.X().mean(0).isClose(sklearn, 1e-12));
    }

    @Test
    void breastCancerHas212MalignantCodedZeroAnd357Benign() {
        Dataset bc = Datasets.breastCancer();
        assertEquals(569, bc.n());
        assertEquals(30, bc.d());
        assertEquals(List.of("malignant", "benign"), bc.classNames());   // sklearn: target 0 = malignant
        assertArrayEquals(new int[] {212, 357}, bc.classCounts());
        assertEquals(0, bc.y().get(0));                                  // the first WDBC case (radius 17.99) is malignant
        assertEquals(17.99, bc.X().get(0, 0));
        assertEquals(0.1189, bc.X().get(0, 29));
        assertEquals(List.of("mean radius", "radius error", "worst radius", "worst fractal dimension"),
                List.of(bc.featureNames().get(0), bc.featureNames().get(10), bc.featureNames().get(20), bc.featureNames().get(29)));
        // load_breast_cancer().data.mean(axis=0)[[0, 1, 2, 3, 29]]
        Vector means = bc.X().mean(0);
        Vector sklearn = Vector.of(14.127291739894563, 19.28964850615117, 91.96903339191566, 654.8891036906857, 0.08394581722319855);
        assertTrue(means.select(0, 1, 2, 3, 29).isClose(sklearn, 1e-12));
    }

    @Test
    void digitsAre1797ImagesOf8By8PixelsFrom0To16() {
        Dataset digits = Datasets.digits();
        assertEquals(1797, digits.n());
        assertEquals(64, digits.d());
        assertEquals(10, digits.classNames().size());
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, digits.classCounts());
        assertEquals(0, digits.X().min());
        assertEquals(16, digits.X().max());
        assertEquals(561718, digits.X().sum());                          // load_digits().data.sum()
        assertEquals(Vector.of(0, 0, 5, 13, 9, 1, 0, 0), digits.X().row(0).slice(0, 8));
        assertEquals("pixel_7_7", digits.featureNames().get(63));
        assertEquals(Vector.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), digits.y().slice(0, 10));
    }

    @Test
    void diabetesIsStandardisedExactlyAsScikitLearnDoes() {
        Dataset d = Datasets.diabetes();
        assertEquals(442, d.n());
        assertEquals(10, d.d());
        assertFalse(d.isClassification());
        assertEquals(List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), d.featureNames());
        // /usr/bin/python3 -c 'from sklearn.datasets import load_diabetes; d = load_diabetes(); print(list(d.data[0]))'
        Vector row0 = Vector.of(0.038075906433423026, 0.05068011873981862, 0.061696206518683294, 0.0218723855140367,
                -0.04422349842444599, -0.03482076283769895, -0.04340084565202491, -0.002592261998183278,
                0.019907486170462722, -0.01764612515980379);
        Vector row441 = Vector.of(-0.045472477940023646, -0.044641636506989144, -0.07303030271641665,
                -0.08141314376144114, 0.08374011738825825, 0.027808929520208008, 0.17381578478910462,
                -0.03949338287409329, -0.00422151393810765, 0.0030644094143684884);
        assertTrue(d.X().row(0).isClose(row0, 1e-12), d.X().row(0).toString());
        assertTrue(d.X().row(441).isClose(row441, 1e-12));
        assertEquals(Vector.of(151, 75, 141, 206, 135), d.y().slice(0, 5));
        assertEquals(67243, d.y().sum());
    }

    @Test
    void standardisedDiabetesColumnsHaveMeanZeroAndSumOfSquaresOne() {
        Matrix X = Datasets.diabetes().X();
        assertTrue(X.sum(0).isClose(Vector.zeros(10), 1e-12));                            // Σᵢ x'ᵢⱼ = 0
        assertTrue(X.hadamard(X).sum(0).isClose(Vector.ones(10), 1e-12));                // Σᵢ x'ᵢⱼ² = 1
    }

    @Test
    void rawDiabetesKeepsTheOriginalUnits() {
        Dataset raw = Datasets.diabetesRaw();
        assertEquals(Vector.of(59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87), raw.X().row(0));
        // load_diabetes(scaled=False).data.mean(axis=0)
        Vector sklearn = Vector.of(48.51809954751131, 1.4683257918552035, 26.37579185520364, 94.64701357466065,
                189.14027149321268, 115.43914027149319, 49.78846153846154, 4.070248868778281, 4.641410859728506,
                91.26018099547511);
        assertTrue(raw.X().mean(0).isClose(sklearn, 1e-12));
        assertEquals(Datasets.diabetes().y(), raw.y());
        // the same scaling applied by hand to the raw column 'age': (59 − 48.518…) / (13.0942… · √442)
        double mean = raw.X().col(0).mean(), std = raw.X().col(0).std();
        assertEquals((59 - mean) / (std * Math.sqrt(442)), Datasets.diabetes().X().get(0, 0), 1e-15);
    }

    @Test
    void theBundledFilesAreTheOnesTheNoticeLists() throws Exception {
        Map<String, String> notice = Map.of(
                "iris.csv", "f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449",
                "wine_data.csv", "10e8a802908b34f86e5da8ce962f3c806694bc98450a18f61851af59f324bede",
                "breast_cancer.csv.gz", "f77cd02db86b8f736d4aab442e9de4d817fa0d8ec52d185ea23518a223571e97",
                "digits.csv.gz", "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a",
                "diabetes_data_raw.csv.gz", "fc08fc59c1cbfe65550d9ebb36321d505de9e8f004bf92c1566d2908962f08ff",
                "diabetes_target.csv.gz", "bf1ddd1f9d377278450a5f02c24b5e77b1501f2ad673fe9fdf4c4090d27eb5cc");
        String text;
        try (InputStream in = Datasets.class.getResourceAsStream("NOTICE.md")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (var e : notice.entrySet()) {
            try (InputStream in = Datasets.class.getResourceAsStream(e.getKey())) {
                assertEquals(e.getValue(), sha256(in.readAllBytes()), e.getKey());
            }
            assertTrue(text.contains("`" + e.getKey() + "`") && text.contains(e.getValue()), e.getKey());
        }
    }

    // ───────────────────────────── IDX sets written here ─────────────────────────────

    /// A tiny image set in `dir`: `nTrain` and `nTest` images of 2×2 pixels, image i all pixels = i,
    /// label i mod 10.
    static Path imageSet(Path dir, int nTrain, int nTest, int nTrainLabels) throws IOException {
        Files.createDirectories(dir);
        writeSplit(dir, "train", nTrain, nTrainLabels);
        writeSplit(dir, "t10k", nTest, nTest);
        return dir;
    }

    private static void writeSplit(Path dir, String prefix, int n, int nLabels) throws IOException {
        byte[] pixels = new byte[n * 4], labels = new byte[nLabels];
        for (int i = 0; i < n; i++) java.util.Arrays.fill(pixels, 4 * i, 4 * i + 4, (byte) i);
        for (int i = 0; i < nLabels; i++) labels[i] = (byte) (i % 10);
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte.gz"), gzip(idx(Idx.IMAGES, new long[] {n, 2, 2}, pixels)));
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), gzip(idx(Idx.LABELS, new long[] {nLabels}, labels)));
    }

    @Test
    void anImageSetLoadsBothSplitsWithClassNames() throws IOException {
        Path dir = imageSet(tmp.resolve("set"), 12, 5, 12);
        var tt = Datasets.fashionMnist(dir, Datasets.ImageOptions.defaults().withScale(false));
        assertEquals(12, tt.train().n());
        assertEquals(4, tt.train().d());
        assertEquals(5, tt.test().n());
        assertEquals(Vector.of(11, 11, 11, 11), tt.train().X().row(11));
        assertEquals(Vector.of(0, 1, 2, 3, 4), tt.test().y());
        assertEquals(Datasets.FASHION_MNIST_CLASSES, tt.train().classNames());
        assertEquals(List.of("pixel_0_0", "pixel_0_1", "pixel_1_0", "pixel_1_1"), tt.train().featureNames());
        assertEquals("fashion-mnist/train", tt.train().name());
        assertTrue(tt.toString().startsWith("TrainTest\n  train: Dataset fashion-mnist/train: 12 × 4, 10 classes"), tt.toString());

        var scaled = Datasets.mnist(dir, Datasets.ImageOptions.defaults().withLimits(3, 2));
        assertEquals(3, scaled.train().n());
        assertEquals(2, scaled.test().n());
        assertEquals(2 / 255.0, scaled.train().X().get(2, 3));
        assertEquals("1", scaled.train().classNames().get(1));
        assertTrue(scaled.train().description().contains("Pixels scaled to [0, 1]"));
    }

    @Test
    void imagesAndLabelsMustBeEqualInNumber() throws IOException {
        Path dir = imageSet(tmp.resolve("set"), 12, 5, 11);
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.fashionMnist(dir));
        assertEquals("Datasets.fashionMnist: " + dir.resolve("train-images-idx3-ubyte.gz") + " holds 12 images but "
                + dir.resolve("train-labels-idx1-ubyte.gz") + " holds 11 labels (they must match)", e.getMessage());
        // checked from the headers, so even a subset is refused
        assertThrows(IllegalArgumentException.class, () -> Datasets.fashionMnist(dir, Datasets.ImageOptions.defaults().withLimits(1, 1)));
    }

    @Test
    void labelsMustNameAClass() throws IOException {
        Path dir = imageSet(tmp.resolve("set"), 3, 3, 3);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idx(Idx.LABELS, new long[] {3}, bytes(0, 12, 1))));
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.mnist(dir));
        assertTrue(e.getMessage().endsWith("t10k-labels-idx1-ubyte.gz has label 12 at index 1, outside 0..9"), e.getMessage());
    }

    @Test
    void swappedFilesAreCaughtByTheirMagicNumbers() throws IOException {
        Path dir = imageSet(tmp.resolve("set"), 3, 3, 3);
        Path images = dir.resolve("train-images-idx3-ubyte.gz"), labels = dir.resolve("train-labels-idx1-ubyte.gz");
        byte[] a = Files.readAllBytes(images);
        Files.write(images, Files.readAllBytes(labels));
        Files.write(labels, a);
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.fashionMnist(dir));
        assertTrue(e.getMessage().contains(images + " has magic number 0x00000801 (it looks like a label file)"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamedWithItsDirectory() throws IOException {
        Path dir = imageSet(tmp.resolve("set"), 3, 3, 3);
        Files.delete(dir.resolve("t10k-images-idx3-ubyte.gz"));
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.fashionMnist(dir));
        assertEquals("Datasets.fashionMnist: no t10k-images-idx3-ubyte.gz (or t10k-images-idx3-ubyte) in " + dir, e.getMessage());
    }

    @Test
    void theDataDirectoryComesFromTheSystemProperty() throws IOException {
        String before = System.getProperty("mlscratch.data");
        try {
            System.setProperty("mlscratch.data", tmp.toString());
            assertEquals(tmp, Datasets.dataDir());
            imageSet(tmp.resolve("fashion-mnist"), 7, 2, 7);
            assertEquals(7, Datasets.fashionMnist().train().n());            // found before Debian's copy
            var e = assertThrows(IllegalArgumentException.class, Datasets::mnist);
            assertTrue(e.getMessage().startsWith("Datasets.mnist: cannot find the mnist IDX files; looked in ["
                    + tmp.resolve("mnist") + ", /usr/share/datasets/mnist]"), e.getMessage());
            assertTrue(e.getMessage().contains("Datasets.downloadMnist()"), e.getMessage());
        } finally {
            if (before == null) System.clearProperty("mlscratch.data");
            else System.setProperty("mlscratch.data", before);
        }
    }

    // ───────────────────────────── downloads, from a file: URL ─────────────────────────────

    @Test
    void aDownloadKeepsFilesWhoseChecksumMatches() throws Exception {
        Path server = imageSet(tmp.resolve("server"), 4, 2, 4);
        Map<String, String> sums = checksums(server);
        Path cache = tmp.resolve("cache");
        assertEquals(cache, Datasets.download("test", server.toUri(), cache, sums));
        for (String f : sums.keySet()) assertArrayEquals(Files.readAllBytes(server.resolve(f)), Files.readAllBytes(cache.resolve(f)));
        assertEquals(4, Datasets.mnist(cache).train().n());
        // a second call finds the files in place and fetches nothing (the server is gone)
        for (String f : sums.keySet()) Files.delete(server.resolve(f));
        assertEquals(cache, Datasets.download("test", server.toUri(), cache, sums));
    }

    @Test
    void aDownloadWithTheWrongChecksumIsDiscarded() throws Exception {
        Path server = imageSet(tmp.resolve("server"), 4, 2, 4);
        var sums = new java.util.TreeMap<>(checksums(server));
        sums.put("train-labels-idx1-ubyte.gz", "0".repeat(64));
        Path cache = tmp.resolve("cache");
        var e = assertThrows(UncheckedIOException.class, () -> Datasets.download("test", server.toUri(), cache, sums));
        assertTrue(e.getMessage().startsWith("test: " + server.toUri().resolve("train-labels-idx1-ubyte.gz") + " has SHA-256 "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" but " + "0".repeat(64) + " was expected; the download was discarded"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("train-labels-idx1-ubyte.gz")));
        assertFalse(Files.exists(cache.resolve("train-labels-idx1-ubyte.gz.part")));
    }

    @Test
    void aFailedDownloadLeavesNoPartialFile() throws Exception {
        Path server = Files.createDirectories(tmp.resolve("empty-server"));
        Path cache = tmp.resolve("cache");
        var e = assertThrows(UncheckedIOException.class,
                () -> Datasets.download("test", server.toUri(), cache, Map.of("missing.gz", "0".repeat(64))));
        assertTrue(e.getMessage().contains("missing.gz"), e.getMessage());
        try (var files = Files.list(cache)) { assertEquals(0, files.count()); }
    }

    private static Map<String, String> checksums(Path dir) throws Exception {
        var sums = new java.util.TreeMap<String, String>();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) sums.put(f.getFileName().toString(), sha256(Files.readAllBytes(f)));
        }
        return sums;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    // ───────────────────────────── Debian's Fashion-MNIST ─────────────────────────────

    static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void fashionMnistTrainingSetIsTheKnownFile() {
        assumeTrue(Files.isDirectory(DEBIAN), "Debian's dataset-fashion-mnist is not installed");
        var train = Datasets.fashionMnist(DEBIAN, Datasets.ImageOptions.defaults().withLimits(Integer.MAX_VALUE, 0)
                .withScale(false)).train();
        assertEquals(60000, train.n());
        assertEquals(784, train.d());
        assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, train.classCounts());
        // numpy on the same file: y[:10], X.sum(), X[0, 14·28 + 14], X[1, 400], X[0].sum()
        assertEquals(Vector.of(9, 0, 0, 3, 0, 2, 7, 2, 5, 5), train.y().slice(0, 10));
        assertEquals(3431114169.0, train.X().sum());
        assertEquals(217, train.X().get(0, 14 * 28 + 14));
        assertEquals(197, train.X().get(1, 400));
        assertEquals(76247, train.X().row(0).sum());
        assertEquals("Ankle boot", train.classNames().get((int) train.y().get(0)));
    }

    @Test
    void fashionMnistTestSetIsTheKnownFile() {
        assumeTrue(Files.isDirectory(DEBIAN), "Debian's dataset-fashion-mnist is not installed");
        var test = Datasets.fashionMnist(DEBIAN, Datasets.ImageOptions.defaults().withLimits(0, Integer.MAX_VALUE)
                .withScale(false)).test();
        assertEquals(10000, test.n());
        assertEquals(784, test.d());
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, test.classCounts());
        assertEquals(573469082.0, test.X().sum());
        assertEquals(Vector.of(9, 2, 1, 1, 6, 1, 4, 6, 5, 7), test.y().slice(0, 10));
    }

    @Test
    void aScaledSubsetIsTheRawSubsetOver255() {
        assumeTrue(Files.isDirectory(DEBIAN), "Debian's dataset-fashion-mnist is not installed");
        var raw = Datasets.fashionMnist(DEBIAN, Datasets.ImageOptions.defaults().withLimits(100, 10).withScale(false));
        var scaled = Datasets.fashionMnist(DEBIAN, Datasets.ImageOptions.defaults().withLimits(100, 10));
        assertEquals(100, scaled.train().n());
        assertEquals(10, scaled.test().n());
        assertEquals(5688570.0, raw.train().X().sum());                   // numpy: X[:100].sum()
        assertTrue(scaled.train().X().isClose(raw.train().X().scale(1 / 255.0), 1e-15));
        assertEquals(1.0, scaled.train().X().max());
        assertEquals(raw.test().y(), scaled.test().y());
    }

    /// The claim in NOTICE.md and Datasets.FASHION_MNIST_SHA256: Debian's files are Zalando's with a
    /// normalised gzip header. Put the file name (flag FNAME) and the original time stamp back, and the
    /// published SHA-256 comes out. (Checked on the two small label files; the image files were checked
    /// the same way by hand.)
    @Test
    void debiansLabelFilesAreZalandosWithANormalisedGzipHeader() throws Exception {
        assumeTrue(Files.isDirectory(DEBIAN), "Debian's dataset-fashion-mnist is not installed");
        for (var file : Map.of("train-labels-idx1-ubyte", 1504176606L, "t10k-labels-idx1-ubyte", 1504176627L).entrySet()) {
            byte[] debian = Files.readAllBytes(DEBIAN.resolve(file.getKey() + ".gz"));
            assertEquals(0, debian[3], "Debian's header has no flags");
            var upstream = new java.io.ByteArrayOutputStream();
            long mtime = file.getValue();                                     // 2017-08-31, little-endian in the header
            upstream.write(new byte[] {0x1f, (byte) 0x8b, 8, 0x08,
                    (byte) mtime, (byte) (mtime >> 8), (byte) (mtime >> 16), (byte) (mtime >> 24), debian[8], debian[9]});
            upstream.write((file.getKey() + "\0").getBytes(StandardCharsets.US_ASCII));
            upstream.write(debian, 10, debian.length - 10);
            assertEquals(Datasets.FASHION_MNIST_SHA256.get(file.getKey() + ".gz"), sha256(upstream.toByteArray()), file.getKey());
            // and both decompress to the same IDX bytes
            try (var a = new GZIPInputStream(new java.io.ByteArrayInputStream(debian));
                 var b = new GZIPInputStream(new java.io.ByteArrayInputStream(upstream.toByteArray()))) {
                assertArrayEquals(a.readAllBytes(), b.readAllBytes());
            }
        }
    }
}
