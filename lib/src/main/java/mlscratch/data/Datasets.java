package mlscratch.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;
import smile.data.DataFrame;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.io.CSV;

/// The classic datasets, one call each.
///
/// ```
/// Datasets.iris()             // 150 × 4,   3 classes   (flowers)
/// Datasets.wine()             // 178 × 13,  3 classes   (cultivars)
/// Datasets.breastCancer()     // 569 × 30,  2 classes   (0 = malignant, 1 = benign)
/// Datasets.digits()           // 1797 × 64, 10 classes  (8×8 images, pixels 0..16)
/// Datasets.diabetes()         // 442 × 10,  regression  (standardised as in scikit-learn)
/// Datasets.fashionMnist()     // 60000 + 10000 × 784, 10 classes (28×28 images, pixels scaled to 0..1)
/// Datasets.fashionMnist(6000, 1000)          // the first 6000 train and 1000 test images: fast
/// Datasets.mnist(Path.of("/my/mnist"))       // the same for MNIST, from IDX files you have
/// ```
///
/// The small tables ship inside the library (copies of the CSV files in scikit-learn, read with Smile's
/// CSV reader); `NOTICE.md` beside them gives origin, licence and checksum of each file, and every
/// [Dataset#description()] repeats its source and licence.
///
/// Fashion-MNIST and MNIST are not bundled. Their IDX files are looked for in, in order,
/// `<data>/fashion-mnist` (or `<data>/mnist`), where `<data>` is the system property `mlscratch.data`,
/// else the environment variable `MLSCRATCH_DATA`, else `~/.mlscratch/data` (see [#dataDir()]); then
/// `/usr/share/datasets/fashion-mnist`, where Debian's package `dataset-fashion-mnist` installs them.
/// With internet access, [#downloadFashionMnist()] and [#downloadMnist()] fetch them into `<data>`,
/// checking each file's SHA-256.
public final class Datasets {
    private Datasets() {}

    // ───────────────────────────── bundled tables ─────────────────────────────

    /// Fisher's iris flowers: 150 × 4, classes setosa / versicolor / virginica (50 each).
    public static Dataset iris() {
        return sklearnClassification("iris", "iris.csv",
                List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
                List.of("setosa", "versicolor", "virginica"), """
                Iris plants (R. A. Fisher, 1936): 150 flowers, 50 of each of three species, 4 measurements in cm.
                Source: UCI Machine Learning Repository, Iris, https://doi.org/10.24432/C56C76, licence CC BY 4.0.
                File iris.csv from scikit-learn 1.2.1 (BSD-3-Clause); its values follow Fisher's paper (as R's iris
                does), while the UCI copy has two wrong data points.
                Cite: R. A. Fisher (1936) The use of multiple measurements in taxonomic problems.
                Annals of Eugenics 7(2), 179–188.""");
    }

    /// Wine recognition: 178 × 13 chemical measurements, classes class_0 / class_1 / class_2 (59, 71, 48).
    public static Dataset wine() {
        return sklearnClassification("wine", "wine_data.csv",
                List.of("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
                        "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
                        "od280/od315_of_diluted_wines", "proline"),
                List.of("class_0", "class_1", "class_2"), """
                Wine recognition (Forina et al.): 178 Italian wines from three cultivars, 13 chemical measurements.
                The wines come from one region of Italy (M. Forina et al., PARVUS, 1988; S. Aeberhard, D. Coomans,
                O. de Vel, 1992).
                Source: UCI Machine Learning Repository, Wine, https://doi.org/10.24432/C5PC7J, licence CC BY 4.0.
                File wine_data.csv from scikit-learn 1.2.1 (BSD-3-Clause).""");
    }

    /// Breast Cancer Wisconsin (Diagnostic): 569 × 30; class 0 = malignant (212), 1 = benign (357), as in
    /// scikit-learn. (Many texts call malignant the positive class: use `1 − y` for that coding.)
    public static Dataset breastCancer() {
        List<String> measures = List.of("radius", "texture", "perimeter", "area", "smoothness", "compactness",
                "concavity", "concave points", "symmetry", "fractal dimension");
        List<String> names = new ArrayList<>();
        for (String m : measures) names.add("mean " + m);
        for (String m : measures) names.add(m + " error");
        for (String m : measures) names.add("worst " + m);
        return sklearnClassification("breast-cancer", "breast_cancer.csv.gz", names, List.of("malignant", "benign"), """
                Breast Cancer Wisconsin (Diagnostic): 569 tumours, 30 features; 0 = malignant, 1 = benign.
                The features describe the cell nuclei in a digitised image of a fine-needle aspirate (mean, standard
                error and worst value of 10 measurements). Class 0 = malignant (212), 1 = benign (357), scikit-learn's
                coding.
                Source: UCI Machine Learning Repository, https://doi.org/10.24432/C5DW2B, licence CC BY 4.0
                (W. H. Wolberg, O. L. Mangasarian, N. Street, W. N. Street, 1995).
                File breast_cancer.csv from scikit-learn 1.2.1 (BSD-3-Clause), gzipped here.
                Cite: W. N. Street, W. H. Wolberg, O. L. Mangasarian (1993) Nuclear feature extraction for breast
                tumor diagnosis. IS&T/SPIE Electronic Imaging 1905, 861–870.""");
    }

    /// Handwritten digits: 1797 images of 8×8 pixels, each pixel 0..16, classes "0" … "9".
    /// Pixel (r, c) is column `8r + c`, named `pixel_r_c`.
    public static Dataset digits() {
        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        DataFrame df = smileCsv("digits.csv.gz", withHeader(CSVFormat.DEFAULT, columns(pixelNames(8, 8)), false),
                doubles(columns(pixelNames(8, 8))), Integer.MAX_VALUE);
        return fromFrame("digits", df, pixelNames(8, 8), classes, 1797, """
                Handwritten digits (E. Alpaydin, C. Kaynak, 1998): 1797 images of 8×8 pixels, each pixel 0..16.
                Each pixel counts the ink in a 4×4 block of a 32×32 bitmap. Pixel (r, c) is column 8r + c.
                This is the test part of the UCI set: UCI Machine Learning Repository, Optical Recognition of
                Handwritten Digits, https://doi.org/10.24432/C50P49, licence CC BY 4.0.
                File digits.csv.gz from scikit-learn 1.2.1 (BSD-3-Clause).""");
    }

    /// Diabetes progression: 442 × 10, regression; the features standardised exactly as scikit-learn's
    /// `load_diabetes()` does (see [#standardiseLikeSklearn(Matrix)]), the target in its original units
    /// (25 … 346). [#diabetesRaw()] gives the features in their original units.
    public static Dataset diabetes() {
        Dataset raw = diabetesRaw();
        return new Dataset("diabetes", standardiseLikeSklearn(raw.X()), raw.y(), raw.featureNames(), List.of(), """
                Diabetes (Efron et al., 2004): 442 patients, 10 standardised variables; target = progression in a year.
                Variables: age, sex, bmi = body mass index, bp = average blood pressure, s1..s6 = six blood serum
                measurements (tc, ldl, hdl, tch, ltg, glu); target = a measure of disease progression one year after
                baseline (25..346). Features standardised as scikit-learn's load_diabetes() does: each column centred and divided by
                std·√n (population std), so every column has mean 0 and sum of squares 1. diabetesRaw() has the
                original units.
                """ + DIABETES_SOURCE);
    }

    /// The diabetes data in original units: age in years, sex coded 1 / 2, bmi in kg/m², bp in mm Hg,
    /// serum measurements as recorded. scikit-learn's `load_diabetes(scaled=False)`.
    public static Dataset diabetesRaw() {
        List<String> names = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
        CSVFormat spaces = CSVFormat.DEFAULT.builder().setDelimiter(' ').get();
        DataFrame features = smileCsv("diabetes_data_raw.csv.gz", withHeader(spaces, names, false), doubles(names),
                Integer.MAX_VALUE);
        DataFrame target = smileCsv("diabetes_target.csv.gz", withHeader(CSVFormat.DEFAULT, List.of("target"), false),
                doubles(List.of("target")), Integer.MAX_VALUE);
        Check.that(features.nrow() == 442 && target.nrow() == 442, "Datasets.diabetes",
                "bundled files have %d feature rows and %d targets, expected 442", features.nrow(), target.nrow());
        double[] X = new double[442 * 10], y = new double[442];
        for (int i = 0; i < 442; i++) {
            for (int j = 0; j < 10; j++) X[i * 10 + j] = features.getDouble(i, j);
            y[i] = target.getDouble(i, 0);
        }
        return new Dataset("diabetes-raw", Matrix.wrap(442, 10, X), Vector.wrap(y), names, List.of(), """
                Diabetes (Efron et al., 2004), original units: 442 patients, 10 variables; target = progression in a year.
                Variables: age in years, sex coded 1/2, bmi = body mass index, bp = average blood pressure, s1..s6 =
                six blood serum measurements (tc, ldl, hdl, tch, ltg, glu); target = a measure of disease progression
                one year after baseline (25..346).
                """ + DIABETES_SOURCE);
    }

    private static final String DIABETES_SOURCE = """
            Source: B. Efron, T. Hastie, I. Johnstone, R. Tibshirani (2004) Least Angle Regression. Annals of
            Statistics 32(2), 407–499; data https://www4.stat.ncsu.edu/~boos/var.select/diabetes.html.
            Files diabetes_data_raw.csv.gz and diabetes_target.csv.gz from scikit-learn 1.2.1 (BSD-3-Clause);
            the original authors state no separate licence.""";

    /// scikit-learn's diabetes scaling, column by column:
    ///
    /// ```
    /// x̄ⱼ = (1/n) Σᵢ xᵢⱼ                       mean
    /// σⱼ = √((1/n) Σᵢ (xᵢⱼ − x̄ⱼ)²)             population standard deviation
    /// x'ᵢⱼ = (xᵢⱼ − x̄ⱼ) / (σⱼ · √n)            so Σᵢ x'ᵢⱼ = 0 and Σᵢ x'ᵢⱼ² = 1
    /// ```
    /// (`sklearn.preprocessing.scale(X) / √n`, what `load_diabetes(scaled=True)` returns.)
    static Matrix standardiseLikeSklearn(Matrix X) {
        int n = X.rows();
        Vector mean = X.mean(0);                                   // x̄ⱼ
        Vector sigma = X.std(0);                                   // σⱼ, ÷n
        return X.minusRowVector(mean).divideColumns(sigma.scale(Math.sqrt(n)));   // (x − x̄) / (σ√n)
    }

    /// One of scikit-learn's classification CSVs: a first line `n_samples,n_features,class names…`,
    /// then one row per example, the features then the class index.
    private static Dataset sklearnClassification(String name, String resource, List<String> features,
                                                 List<String> classes, String description) {
        int d = features.size();
        // the metadata line, read by Smile as 2 + k text fields
        List<String> meta = new ArrayList<>(List.of("n_samples", "n_features"));
        meta.addAll(classes);
        DataFrame head = smileCsv(resource, CSVFormat.DEFAULT, strings(meta), 1);
        int n = Integer.parseInt(head.getString(0, 0));
        List<String> fileClasses = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) fileClasses.add(head.getString(0, 2 + c));
        Check.that(Integer.parseInt(head.getString(0, 1)) == d && fileClasses.equals(classes), "Datasets." + name,
                "bundled %s starts with %s, expected %d features and classes %s", resource, head.get(0), d, classes);
        // the data, all numbers, skipping the metadata line
        List<String> cols = columns(features);
        DataFrame df = smileCsv(resource, withHeader(CSVFormat.DEFAULT, cols, true), doubles(cols), Integer.MAX_VALUE);
        return fromFrame(name, df, features, classes, n, description);
    }

    /// A frame whose last column is the class index → a Dataset.
    private static Dataset fromFrame(String name, DataFrame df, List<String> features, List<String> classes,
                                     int expectedRows, String description) {
        int n = df.nrow(), d = features.size();
        Check.that(n == expectedRows && df.ncol() == d + 1, "Datasets." + name,
                "bundled data has %d rows and %d columns, expected %d and %d", n, df.ncol(), expectedRows, d + 1);
        double[] X = new double[n * d], y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) X[i * d + j] = df.getDouble(i, j);
            y[i] = df.getDouble(i, d);
        }
        return new Dataset(name, Matrix.wrap(n, d, X), Vector.wrap(y), features, classes, description);
    }

    /// Smile's CSV reader takes a file path or a URL, and does not unzip; a bundled resource may be gzipped
    /// and may sit inside a jar, so it is copied (unzipped) to a temporary file that Smile then reads.
    static DataFrame smileCsv(String resource, CSVFormat format, StructType schema, int limit) {
        Path tmp = null;
        try (InputStream in = resource(resource)) {
            tmp = Files.createTempFile("mlscratch-", ".csv");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return new CSV(format).schema(schema).read(tmp, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("Datasets: cannot read bundled " + resource + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* a temp file */ }
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Datasets.class.getResourceAsStream(name);
        if (in == null) throw new IOException("resource mlscratch/data/" + name + " is missing from the class path");
        return name.endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    private static CSVFormat withHeader(CSVFormat format, List<String> names, boolean skipFirstLine) {
        return format.builder().setHeader(names.toArray(String[]::new)).setSkipHeaderRecord(skipFirstLine).get();
    }

    private static List<String> columns(List<String> features) {
        List<String> cols = new ArrayList<>(features);
        cols.add("target");
        return cols;
    }

    private static StructType doubles(List<String> names) {
        return new StructType(names.stream().map(s -> new StructField(s, DataTypes.DoubleType)).toList());
    }

    private static StructType strings(List<String> names) {
        return new StructType(names.stream().map(s -> new StructField(s, DataTypes.StringType)).toList());
    }

    /// `pixel_r_c` for every pixel of a rows × cols image, row by row.
    static List<String> pixelNames(int rows, int cols) {
        List<String> names = new ArrayList<>(rows * cols);
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) names.add("pixel_" + r + "_" + c);
        return names;
    }

    // ───────────────────────────── IDX image sets ─────────────────────────────

    /// A train split and a test split.
    public record TrainTest(Dataset train, Dataset test) {
        public TrainTest {
            Check.notNull("TrainTest", "train", train);
            Check.notNull("TrainTest", "test", test);
        }

        @Override public String toString() { return "TrainTest\n  train: " + train + "\n  test:  " + test; }
    }

    /// How to load an image set.
    ///
    /// @param trainLimit load at most this many training images (the first ones in the file)
    /// @param testLimit  load at most this many test images
    /// @param scale      true: pixels ÷ 255, in [0, 1] (the default, what models want);
    ///                   false: the stored bytes 0..255
    public record ImageOptions(int trainLimit, int testLimit, boolean scale) {
        public ImageOptions {
            Check.nonNegative("Datasets.ImageOptions", "trainLimit", trainLimit);
            Check.nonNegative("Datasets.ImageOptions", "testLimit", testLimit);
        }

        /// Every image, pixels scaled to [0, 1].
        public static ImageOptions defaults() { return new ImageOptions(Integer.MAX_VALUE, Integer.MAX_VALUE, true); }

        public ImageOptions withTrainLimit(int trainLimit) { return new ImageOptions(trainLimit, testLimit, scale); }

        public ImageOptions withTestLimit(int testLimit) { return new ImageOptions(trainLimit, testLimit, scale); }

        /// The first `train` training and the first `test` test images.
        public ImageOptions withLimits(int train, int test) { return new ImageOptions(train, test, scale); }

        public ImageOptions withScale(boolean scale) { return new ImageOptions(trainLimit, testLimit, scale); }
    }

    /// Fashion-MNIST's ten classes, in label order 0 … 9.
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /// Fashion-MNIST, found automatically (see the class comment): 60000 train and 10000 test images of
    /// 28×28 pixels scaled to [0, 1], 10 classes ([#FASHION_MNIST_CLASSES]).
    public static TrainTest fashionMnist() { return fashionMnist(ImageOptions.defaults()); }

    /// The first `train` training and `test` test images of Fashion-MNIST: quick to load for a tutorial.
    public static TrainTest fashionMnist(int train, int test) {
        return fashionMnist(ImageOptions.defaults().withLimits(train, test));
    }

    public static TrainTest fashionMnist(ImageOptions options) {
        return fashionMnist(locate("Datasets.fashionMnist", "fashion-mnist", "downloadFashionMnist"), options);
    }

    /// Fashion-MNIST from the four IDX files in `dir` (`train-images-idx3-ubyte.gz` etc., gzipped or not).
    public static TrainTest fashionMnist(Path dir) { return fashionMnist(dir, ImageOptions.defaults()); }

    public static TrainTest fashionMnist(Path dir, ImageOptions options) {
        return idxSet("Datasets.fashionMnist", "fashion-mnist", dir, options, FASHION_MNIST_CLASSES, """
                Fashion-MNIST (Zalando Research, 2017): 28×28 grey images of clothing, 10 classes. %s
                60000 train and 10000 test images in all; pixel (r, c) is column 28r + c, 0 = background.
                Licence: MIT, © 2017 Zalando SE, https://github.com/zalandoresearch/fashion-mnist.
                Cite: H. Xiao, K. Rasul, R. Vollgraf (2017) Fashion-MNIST: a Novel Image Dataset for Benchmarking
                Machine Learning Algorithms. arXiv:1708.07747.
                Read from %s.""");
    }

    /// MNIST handwritten digits, found like Fashion-MNIST but in `<data>/mnist` (see [#downloadMnist()]).
    public static TrainTest mnist() { return mnist(ImageOptions.defaults()); }

    public static TrainTest mnist(ImageOptions options) {
        return mnist(locate("Datasets.mnist", "mnist", "downloadMnist"), options);
    }

    /// MNIST from the four IDX files in `dir` (`train-images-idx3-ubyte.gz` etc., gzipped or not).
    public static TrainTest mnist(Path dir) { return mnist(dir, ImageOptions.defaults()); }

    public static TrainTest mnist(Path dir, ImageOptions options) {
        return idxSet("Datasets.mnist", "mnist", dir, options,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), """
                MNIST (LeCun, Cortes, Burges): 28×28 grey images of handwritten digits, 10 classes. %s
                60000 train and 10000 test images in all; pixel (r, c) is column 28r + c, 0 = background.
                Source: Y. LeCun, C. Cortes, C. J. C. Burges, The MNIST database of handwritten digits,
                http://yann.lecun.com/exdb/mnist/ (licence CC BY-SA 3.0).
                Read from %s.""");
    }

    private static TrainTest idxSet(String where, String name, Path dir, ImageOptions options, List<String> classes,
                                    String description) {
        Check.notNull(where, "dir", dir);
        Check.notNull(where, "options", options);
        String pixels = options.scale() ? "Pixels scaled to [0, 1] (÷255)." : "Pixels as stored, 0..255.";
        String text = String.format(Locale.ROOT, description, pixels, dir);
        return new TrainTest(
                idxSplit(where, name + "/train", dir, "train", options.trainLimit(), options.scale(), classes, text),
                idxSplit(where, name + "/test", dir, "t10k", options.testLimit(), options.scale(), classes, text));
    }

    /// One split: check both headers against each other before reading either file's data.
    private static Dataset idxSplit(String where, String name, Path dir, String prefix, int limit, boolean scale,
                                    List<String> classes, String description) {
        Path images = idxFile(where, dir, prefix + "-images-idx3-ubyte");
        Path labels = idxFile(where, dir, prefix + "-labels-idx1-ubyte");
        Idx.Header hi = Idx.readHeader(images), hl = Idx.readHeader(labels);
        Idx.expect(where, images, hi, Idx.IMAGES, "images");
        Idx.expect(where, labels, hl, Idx.LABELS, "labels");
        long nImages = hi.dims().getFirst(), nLabels = hl.dims().getFirst();
        Check.that(nImages == nLabels, where, "%s holds %d images but %s holds %d labels (they must match)",
                images, nImages, labels, nLabels);

        Matrix X = Idx.readImages(images, limit, scale);
        Vector y = Idx.readLabels(labels, limit);
        for (int i = 0; i < y.size(); i++)
            if (y.get(i) >= classes.size())
                throw Idx.bad(where, labels, "has label " + (int) y.get(i) + " at index " + i + ", outside 0.."
                        + (classes.size() - 1));
        int rows = (int) (long) hi.dims().get(1), cols = (int) (long) hi.dims().get(2);
        return new Dataset(name, X, y, pixelNames(rows, cols), classes, description);
    }

    /// `dir/base.gz`, else `dir/base`.
    private static Path idxFile(String where, Path dir, String base) {
        for (Path p : List.of(dir.resolve(base + ".gz"), dir.resolve(base)))
            if (Files.isRegularFile(p)) return p;
        throw Check.fail(where, "no " + base + ".gz (or " + base + ") in " + dir);
    }

    // ───────────────────────────── where the data lives ─────────────────────────────

    /// Where Debian's `dataset-fashion-mnist` package installs its files (as `<this>/fashion-mnist`).
    static final Path DEBIAN_DATASETS = Path.of("/usr/share/datasets");

    /// The directory for downloaded and user-supplied data: the system property `mlscratch.data` if set,
    /// else the environment variable `MLSCRATCH_DATA`, else `~/.mlscratch/data`.
    public static Path dataDir() {
        String dir = System.getProperty("mlscratch.data");
        if (dir == null || dir.isBlank()) dir = System.getenv("MLSCRATCH_DATA");
        return dir == null || dir.isBlank() ? Path.of(System.getProperty("user.home"), ".mlscratch", "data") : Path.of(dir);
    }

    /// The first of `<data>/<sub>`, `/usr/share/datasets/<sub>` that holds the training images.
    static Path locate(String where, String sub, String download) {
        List<Path> tried = List.of(dataDir().resolve(sub), DEBIAN_DATASETS.resolve(sub));
        for (Path dir : tried)
            if (Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))
                || Files.isRegularFile(dir.resolve("train-images-idx3-ubyte"))) return dir;
        throw Check.fail(where, "cannot find the " + sub + " IDX files; looked in " + tried + ". Put the four files"
                + " (train-images-idx3-ubyte.gz, …) in the first, or set -Dmlscratch.data=DIR or MLSCRATCH_DATA=DIR"
                + " (files in DIR/" + sub + "), or call Datasets." + download + "() to fetch them"
                + (sub.equals("fashion-mnist") ? ", or install Debian's dataset-fashion-mnist" : ""));
    }

    // ───────────────────────────── downloads ─────────────────────────────

    /// Zalando's files on GitHub (the same bytes as the S3 mirror linked from the project's README,
    /// `http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/`).
    static final URI FASHION_MNIST_URL = URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/");

    /// SHA-256 of the published `.gz` files (the README lists their MD5s: 8d4fb7e6…, 25c81989…, bef4ecab…, bb300cfd…).
    /// Debian's copies differ only in the gzip header (file name removed, time stamp reset by
    /// strip-nondeterminism): putting the name and the original time stamp back into Debian's files gives
    /// these exact hashes, so the images and labels are the same bytes.
    static final Map<String, String> FASHION_MNIST_SHA256 = Map.of(
            "train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
            "train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
            "t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
            "t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5");

    /// The mirror torchvision uses (yann.lecun.com often refuses downloads).
    static final URI MNIST_URL = URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/");

    /// SHA-256 of the original MNIST `.gz` files.
    static final Map<String, String> MNIST_SHA256 = Map.of(
            "train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");

    static final long MAX_DOWNLOAD = 64L << 20;    // 64 MiB: the largest file is 26 MB

    /// Fetches the four Fashion-MNIST files (30 MB) into `<data>/fashion-mnist`, checking each SHA-256;
    /// files already there with the right checksum are kept. Returns the directory. Needs internet.
    public static Path downloadFashionMnist() { return downloadFashionMnist(dataDir().resolve("fashion-mnist")); }

    public static Path downloadFashionMnist(Path dir) {
        return download("Datasets.downloadFashionMnist", FASHION_MNIST_URL, dir, FASHION_MNIST_SHA256);
    }

    /// Fetches the four MNIST files (11 MB) into `<data>/mnist`, checking each SHA-256. Needs internet.
    public static Path downloadMnist() { return downloadMnist(dataDir().resolve("mnist")); }

    public static Path downloadMnist(Path dir) {
        return download("Datasets.downloadMnist", MNIST_URL, dir, MNIST_SHA256);
    }

    /// For each `file → sha256`: fetch `base/file` into `dir/file.part`, hashing on the way; keep it as
    /// `dir/file` only if the hash matches. Any URL Java can open works (`https:`, `file:`).
    static Path download(String where, URI base, Path dir, Map<String, String> sha256) {
        Check.notNull(where, "dir", dir);
        try {
            Files.createDirectories(dir);
            for (var entry : new TreeMap<>(sha256).entrySet()) {
                String file = entry.getKey(), expected = entry.getValue();
                Path target = dir.resolve(file), part = dir.resolve(file + ".part");
                if (Files.isRegularFile(target) && expected.equals(sha256(target))) continue;
                URI from = base.resolve(file);
                System.err.println(where + ": fetching " + from);
                String got;
                try {
                    got = fetch(from, part);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(part);
                    throw e;
                }
                if (!got.equals(expected)) {
                    Files.deleteIfExists(part);
                    String message = where + ": " + from + " has SHA-256 " + got + " but " + expected
                            + " was expected; the download was discarded";
                    throw new UncheckedIOException(message, new IOException(message));
                }
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": cannot download into " + dir + ": " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /// Copies `from` into `to` (at most [#MAX_DOWNLOAD] bytes) and returns the SHA-256 of what was copied.
    private static String fetch(URI from, Path to) throws IOException, NoSuchAlgorithmException {
        var connection = from.toURL().openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(60_000);
        try (var in = new DigestInputStream(connection.getInputStream(), MessageDigest.getInstance("SHA-256"));
             OutputStream out = Files.newOutputStream(to)) {
            in.transferTo(new CappedOutputStream(out, MAX_DOWNLOAD, from));
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }

    /// SHA-256 of a file, as 64 hex digits.
    static String sha256(Path file) throws IOException {
        try (var in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /// Stops a download that grows past `max` bytes (a wrong URL serving something endless).
    private static final class CappedOutputStream extends OutputStream {
        private final OutputStream out;
        private final long max;
        private final URI from;
        private long written;

        CappedOutputStream(OutputStream out, long max, URI from) {
            this.out = out;
            this.max = max;
            this.from = from;
        }

        @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > max) throw new IOException(from + " is larger than " + max + " bytes; stopped");
            out.write(b, off, len);
        }
    }
}
