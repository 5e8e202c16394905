package mlscratch.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

class GeneratorsTest {

    // ───────────────────────────── determinism ─────────────────────────────

    @Test
    void sameSeedSameDataDifferentSeedDifferentData() {
        assertEquals(Generators.blobs(50, 3, 1.0, 1), Generators.blobs(50, 3, 1.0, 1));
        assertNotEquals(Generators.blobs(50, 3, 1.0, 1), Generators.blobs(50, 3, 1.0, 2));
        assertEquals(Generators.moons(50, 0.1, 1), Generators.moons(50, 0.1, 1));
        assertNotEquals(Generators.moons(50, 0.1, 1), Generators.moons(50, 0.1, 2));
        assertEquals(Generators.circles(50, 0.1, 0.5, 1), Generators.circles(50, 0.1, 0.5, 1));
        assertNotEquals(Generators.circles(50, 0.1, 0.5, 1), Generators.circles(50, 0.1, 0.5, 2));
        assertEquals(Generators.spirals(50, 3, 0.1, 1), Generators.spirals(50, 3, 0.1, 1));
        assertNotEquals(Generators.spirals(50, 3, 0.1, 1), Generators.spirals(50, 3, 0.1, 2));
        assertEquals(Generators.xor(50, 0.1, 1), Generators.xor(50, 0.1, 1));
        assertNotEquals(Generators.xor(50, 0.1, 1), Generators.xor(50, 0.1, 2));
        assertEquals(Generators.linear(50, 3, 0.1, 1), Generators.linear(50, 3, 0.1, 1));
        assertNotEquals(Generators.linear(50, 3, 0.1, 1), Generators.linear(50, 3, 0.1, 2));
        assertEquals(Generators.classification(60, 6, 3, 1, 3, 0.03, 1), Generators.classification(60, 6, 3, 1, 3, 0.03, 1));
        assertNotEquals(Generators.classification(60, 6, 3, 1, 3, 0.03, 1), Generators.classification(60, 6, 3, 1, 3, 0.03, 2));
        assertEquals(Generators.lowRankRatings(10, 8, 2, 0.3, 0.1, 1), Generators.lowRankRatings(10, 8, 2, 0.3, 0.1, 1));
        assertNotEquals(Generators.lowRankRatings(10, 8, 2, 0.3, 0.1, 1), Generators.lowRankRatings(10, 8, 2, 0.3, 0.1, 2));
    }

    @Test
    void seedAndGeneratorOverloadsAgree() {
        assertEquals(Generators.moons(40, 0.2, 9), Generators.moons(40, 0.2, Rng.of(9)));
        assertEquals(Generators.spirals(40, 2, 0.2, 9), Generators.spirals(40, 2, 1.0, 0.2, Rng.of(9)));
        var o = Generators.ClassificationOptions.defaults().withD(5).withInformative(3).withRedundant(1).withClasses(4).withFlipY(0.1);
        assertEquals(Generators.classification(80, 5, 3, 1, 4, 0.1, 9), Generators.classification(80, o, Rng.of(9)));
    }

    // ───────────────────────────── shapes and labels ─────────────────────────────

    @Test
    void classificationSetsHaveTheirShapeNamesAndBalancedLabels() {
        for (Dataset d : List.of(Generators.blobs(31, 4, 1.0, 3), Generators.moons(31, 0.1, 3), Generators.circles(31, 0.1, 0.3, 3),
                Generators.spirals(31, 4, 0.1, 3), Generators.xor(31, 0.1, 3))) {
            assertEquals(31, d.n(), d.name());
            assertEquals(2, d.d());
            assertEquals(List.of("x0", "x1"), d.featureNames());
            assertTrue(d.isClassification());
            int k = d.classNames().size();
            int[] count = new int[k];
            for (int c : d.y().toIntArray()) count[c]++;                 // fails on a label outside 0 … k−1
            for (int c : count) assertTrue(c >= 31 / k && c <= 31 / k + 1, d.name() + " " + c);
        }
        assertEquals(List.of("0", "1", "2", "3"), Generators.blobs(10, 4, 1.0, 3).classNames());
    }

    @Test
    void blobsSitOnTheirCentres() {
        var centers = Matrix.of(new double[][] {{0, 0, 0}, {10, -5, 2}});
        // σ = 0: every point is exactly its centre.
        var exact = Generators.blobs(9, centers, 0.0, 4);
        for (int i = 0; i < exact.n(); i++) assertEquals(centers.row((int) exact.y().get(i)), exact.X().row(i));
        // σ = 2: the class means are within a few σ/√n of the centres, and the spread is σ.
        var d = Generators.blobs(4000, centers, 2.0, 4);
        for (int c = 0; c < 2; c++) {
            var rows = rowsOfClass(d, c);
            assertTrue(rows.mean(0).isClose(centers.row(c), 0.15), () -> rows.mean(0).toString());
            assertTrue(rows.std(0).isClose(Vector.full(3, 2.0), 0.1), () -> rows.std(0).toString());
        }
        // default centres lie in the box [−10, 10]²
        var b = Generators.blobs(300, 5, 0.0, 8);
        assertTrue(b.X().min() >= -10 && b.X().max() <= 10);
    }

    @Test
    void noiselessMoonsLieOnTheirHalfCircles() {
        var d = Generators.moons(101, 0.0, 5);
        assertEquals(50, rowsOfClass(d, 0).rows());                      // ⌊101/2⌋ upper, the rest lower
        for (int i = 0; i < d.n(); i++) {
            double x = d.X().get(i, 0), y = d.X().get(i, 1);
            if (d.y().get(i) == 0) {                                       // (cos t, sin t), t ∈ [0, π]
                assertEquals(1.0, Math.hypot(x, y), 1e-12);
                assertTrue(y >= -1e-12);
            } else {                                                       // (1 − cos t, ½ − sin t)
                assertEquals(1.0, Math.hypot(x - 1, y - 0.5), 1e-12);
                assertTrue(y <= 0.5 + 1e-12);
            }
        }
    }

    @Test
    void noiselessCirclesHaveRadiusOneAndFactor() {
        var d = Generators.circles(40, 0.0, 0.3, 6);
        for (int i = 0; i < d.n(); i++)
            assertEquals(d.y().get(i) == 0 ? 1.0 : 0.3, d.X().row(i).norm(), 1e-12);
        // noise moves points off the circles by about σ
        var noisy = Generators.circles(2000, 0.05, 0.3, 6);
        double spread = 0;
        for (int i = 0; i < noisy.n(); i++) {
            double r = noisy.X().row(i).norm() - (noisy.y().get(i) == 0 ? 1.0 : 0.3);
            spread += r * r;
        }
        assertEquals(0.05, Math.sqrt(spread / noisy.n()), 0.01);
    }

    @Test
    void noiselessSpiralsFollowTheirFormula() {
        // arm j: r = t ∈ (0, 1], θ = 2π(j/k + turns·t), so θ − 2π(j/k + turns·r) is a whole number of turns.
        int k = 3;
        double turns = 1.5;
        var d = Generators.spirals(60, k, turns, 0.0, Rng.of(7));
        for (int i = 0; i < d.n(); i++) {
            double x = d.X().get(i, 0), y = d.X().get(i, 1), r = Math.hypot(x, y);
            int j = (int) d.y().get(i);
            assertTrue(r > 0 && r <= 1 + 1e-12);
            double gap = (Math.atan2(y, x) - 2 * Math.PI * ((double) j / k + turns * r)) / (2 * Math.PI);
            assertEquals(Math.rint(gap), gap, 1e-9, "point " + i);
        }
        // the largest radius on each arm is exactly 1 (t = m/m)
        for (int j = 0; j < k; j++) assertEquals(1.0, rowsOfClass(d, j).map(v -> v * v).sum(1).map(Math::sqrt).max(), 1e-12);
    }

    @Test
    void noiselessXorIsTheTruthTable() {
        var d = Generators.xor(4, 0.0, 8);
        Set<List<Double>> rows = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            double a = d.X().get(i, 0), b = d.X().get(i, 1);
            rows.add(List.of(a, b, d.y().get(i)));
        }
        assertEquals(Set.of(List.of(-1.0, -1.0, 0.0), List.of(-1.0, 1.0, 1.0), List.of(1.0, -1.0, 1.0), List.of(1.0, 1.0, 0.0)), rows);
        // with noise, the label is still the XOR of the corner signs for most points
        var noisy = Generators.xor(400, 0.2, 8);
        int agree = 0;
        for (int i = 0; i < noisy.n(); i++) {
            boolean xorSign = noisy.X().get(i, 0) > 0 ^ noisy.X().get(i, 1) > 0;
            if ((xorSign ? 1 : 0) == noisy.y().get(i)) agree++;
        }
        assertTrue(agree >= 390, "agree " + agree);
    }

    // ───────────────────────────── regression ─────────────────────────────

    @Test
    void noiselessLinearProblemIsExactlyLinear() {
        var p = Generators.linear(20, 4, 0.0, 10);
        var d = p.data();
        assertEquals(20, d.n());
        assertEquals(4, d.d());
        assertFalse(d.isClassification());
        assertTrue(d.y().isClose(d.X().times(p.w()).plus(p.b()), 1e-12));   // y = Xw + b
    }

    @Test
    void leastSquaresRecoversTheTrueWeights() {
        var p = Generators.linear(2000, 3, 0.5, 11);
        var d = p.data();
        // [X | 1] θ = y by the normal equations (AᵀA)θ = Aᵀy, solved by Gaussian elimination.
        var A = Matrix.hstack(d.X(), Matrix.ones(d.n(), 1));
        var theta = solve(A.transpose().times(A), A.transpose().times(d.y()));
        assertTrue(theta.slice(0, 3).isClose(p.w(), 0.05), () -> theta + " vs " + p.w());   // error ~ noise/√n ≈ 0.01
        assertEquals(p.b(), theta.get(3), 0.05);
        var residual = d.y().minus(A.times(theta));
        assertEquals(0.5, residual.std(), 0.03);                          // the noise level comes back
    }

    // ───────────────────────────── make_classification ─────────────────────────────

    @Test
    void classificationHasInformativeRedundantAndNoiseColumns() {
        var o = Generators.ClassificationOptions.defaults().withD(7).withInformative(3).withRedundant(2).withClasses(3)
                .withFlipY(0.0);
        var d = Generators.classification(3000, o, 12);
        assertEquals(3000, d.n());
        assertEquals(List.of("inf0", "inf1", "inf2", "red0", "red1", "noise0", "noise1"), d.featureNames());
        assertEquals(List.of("0", "1", "2"), d.classNames());
        // 6 clusters of 500, two per class: exactly 1000 per class when no label is flipped
        for (int c = 0; c < 3; c++) assertEquals(1000, rowsOfClass(d, c).rows());
        // redundant columns are exact linear combinations of the informative ones: least-squares residual 0
        var inf = d.X().cols(0, 3);
        for (int r = 3; r < 5; r++) {
            var col = d.X().col(r);
            var beta = solve(inf.transpose().times(inf), inf.transpose().times(col));
            assertTrue(inf.times(beta).isClose(col, 1e-9));
            assertTrue(Math.abs(beta.normInf()) <= 1 + 1e-9);            // B ~ U[−1, 1]
        }
        // noise columns are standard normal
        var noise = d.X().cols(5, 7);
        assertTrue(noise.mean(0).isClose(Vector.zeros(2), 0.06));
        assertTrue(noise.std(0).isClose(Vector.ones(2), 0.05));
    }

    @Test
    void clustersSitOnHypercubeVertices() {
        // one cluster per class: the class mean of each informative column is ±classSep
        var o = Generators.ClassificationOptions.defaults().withRedundant(0).withD(4).withInformative(3).withClasses(4)
                .withClustersPerClass(1).withFlipY(0.0).withClassSep(3.0);
        var d = Generators.classification(8000, o, 13);
        Set<Vector> vertices = new HashSet<>();
        for (int c = 0; c < 4; c++) {
            var mean = rowsOfClass(d, c).cols(0, 3).mean(0);
            var vertex = mean.map(v -> Math.signum(v) * 3.0);
            assertTrue(mean.isClose(vertex, 0.15), () -> mean + " is not near " + vertex);
            vertices.add(vertex);
        }
        assertEquals(4, vertices.size());                                 // distinct vertices
    }

    @Test
    void flipYOnlyChangesLabels() {
        var o = Generators.ClassificationOptions.defaults().withD(5).withInformative(2).withClasses(2);
        var clean = Generators.classification(4000, o.withFlipY(0.0), 14);
        var flipped = Generators.classification(4000, o.withFlipY(0.2), 14);
        assertEquals(clean.X(), flipped.X());
        int changed = 0;
        for (int i = 0; i < clean.n(); i++) if (clean.y().get(i) != flipped.y().get(i)) changed++;
        // a flipped label becomes a uniformly random class: it changes with probability 1/2, so ≈ 0.2·½·4000 = 400
        assertEquals(400, changed, 60);
        // the defaults flip 3 %
        assertEquals(0.03, Generators.ClassificationOptions.defaults().flipY());
    }

    @Test
    void classificationOptionsAreValidated() {
        var e = assertThrows(IllegalArgumentException.class, () -> Generators.classification(100, 5, 4, 2, 2, 0.0, 1));
        assertEquals("Generators.ClassificationOptions: informative + redundant = 6 exceeds the number of features d = 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.classification(100, 5, 2, 0, 3, 0.0, 1));
        assertEquals("Generators.ClassificationOptions: classes · clustersPerClass = 6 exceeds 2^informative = 4 "
                + "(each cluster needs its own hypercube vertex)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.classification(100, 5, 2, 0, 2, 1.5, 1));
        assertEquals("Generators.ClassificationOptions: 'flipY' must be in [0.0, 1.0], got 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.classification(3, 5, 2, 0, 2, 0.0, 1));
        assertEquals("Generators.classification: n = 3 is fewer than classes · clustersPerClass = 4 (every cluster needs a point)",
                e.getMessage());
    }

    @Test
    void manyInformativeFeaturesStillGiveDistinctVertices() {
        var o = Generators.ClassificationOptions.defaults().withRedundant(0).withD(30).withInformative(25).withClasses(5)
                .withClustersPerClass(1).withFlipY(0).withClassSep(10);
        // 2²⁵ vertices: drawn at random rather than from a permutation of all of them
        var d = Generators.classification(500, o, 15);
        assertEquals(30, d.d());
        Set<Vector> vertices = new HashSet<>();
        for (int c = 0; c < 5; c++) {
            var mean = rowsOfClass(d, c).cols(0, 25).mean(0);            // ≈ the vertex, off by ~0.3 per coordinate
            var vertex = mean.map(v -> Math.signum(v) * 10.0);
            assertTrue(mean.isClose(vertex, 0.15), () -> mean + " is not near " + vertex);
            vertices.add(vertex);
        }
        assertEquals(5, vertices.size());
    }

    // ───────────────────────────── ratings ─────────────────────────────

    @Test
    void lowRankRatingsObserveDistinctCellsOfUVt() {
        var p = Generators.lowRankRatings(30, 20, 3, 0.25, 0.0, 16);
        assertEquals(150, p.ratings().size());                            // round(0.25·30·20)
        assertEquals(3, p.rank());
        assertEquals(30, p.U().rows());
        assertEquals(20, p.V().rows());
        var R = p.trueRatings();
        Set<Long> cells = new HashSet<>();
        long previous = -1;
        for (Rating r : p.ratings()) {
            long cell = (long) r.user() * 20 + r.item();
            assertTrue(cell > previous, "sorted by user then item, each cell once");
            previous = cell;
            cells.add(cell);
            assertEquals(R.get(r.user(), r.item()), r.value(), 1e-12);    // no noise: rᵤᵢ = uᵤ·vᵢ
        }
        assertEquals(150, cells.size());
        assertEquals(0.25, p.density(), 1e-12);
    }

    @Test
    void ratingsHaveUnitScaleAndTheirNoise() {
        var p = Generators.lowRankRatings(200, 150, 5, 0.5, 0.3, 17);
        var R = p.trueRatings();
        assertEquals(1.0, R.hadamard(R).mean(), 0.15);                   // E[(UVᵀ)ᵤᵢ²] = 1
        double sq = 0;
        for (Rating r : p.ratings()) {
            double e = r.value() - R.get(r.user(), r.item());
            sq += e * e;
        }
        assertEquals(0.3, Math.sqrt(sq / p.ratings().size()), 0.01);
        // every cell observed at density 1
        assertEquals(12, Generators.lowRankRatings(3, 4, 1, 1.0, 0.0, 1).ratings().size());
    }

    @Test
    void generatorErrorsNameTheProblem() {
        var e = assertThrows(IllegalArgumentException.class, () -> Generators.moons(0, 0.1, 1));
        assertEquals("Generators.moons: 'n' must be > 0, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.circles(10, 0.1, 1.0, 1));
        assertEquals("Generators.circles: 'factor' must be in [0, 1), got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.blobs(10, 2, -1.0, 1));
        assertEquals("Generators.blobs: 'std' must be finite and >= 0, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.spirals(10, 0, 0.1, 1));
        assertEquals("Generators.spirals: 'arms' must be > 0, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.xor(10, Double.NaN, 1));
        assertEquals("Generators.xor: 'noise' must be finite and >= 0, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.lowRankRatings(10, 10, 2, 0.0, 0.1, 1));
        assertEquals("Generators.lowRankRatings: 'density' must be in (0, 1], got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.linear(10, 0, 0.1, 1));
        assertEquals("Generators.linear: 'd' must be > 0, got 0", e.getMessage());
    }

    // ───────────────────────────── helpers ─────────────────────────────

    private static Matrix rowsOfClass(Dataset d, int c) {
        return d.X().selectRows(java.util.stream.IntStream.range(0, d.n()).filter(i -> d.y().get(i) == c).toArray());
    }

    /// Solves `Aθ = b` for a small square A by Gaussian elimination with partial pivoting.
    private static Vector solve(Matrix A, Vector b) {
        int n = b.size();
        double[][] M = A.toArray2D();
        double[] x = b.toArray();
        for (int p = 0; p < n; p++) {
            int best = p;
            for (int i = p + 1; i < n; i++) if (Math.abs(M[i][p]) > Math.abs(M[best][p])) best = i;
            double[] t = M[p]; M[p] = M[best]; M[best] = t;
            double s = x[p]; x[p] = x[best]; x[best] = s;
            for (int i = p + 1; i < n; i++) {
                double f = M[i][p] / M[p][p];
                for (int j = p; j < n; j++) M[i][j] -= f * M[p][j];
                x[i] -= f * x[p];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int j = i + 1; j < n; j++) x[i] -= M[i][j] * x[j];
            x[i] /= M[i][i];
        }
        return Vector.of(x);
    }
}
