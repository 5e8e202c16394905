package mlscratch.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Rng;
import mlscratch.linalg.Vector;

class PolynomialFeaturesTest {

    @Test
    void handCase() {
        // x = (2, 3), degree 2: [1, x0, x1, x0², x0·x1, x1²] = [1, 2, 3, 4, 6, 9].
        var phi = PolynomialFeatures.fit(Matrix.of(1, 2, 2, 3));
        assertEquals(Matrix.of(1, 6, 1, 2, 3, 4, 6, 9), phi.transform(Matrix.of(1, 2, 2, 3)));
        assertEquals(List.of("1", "x0", "x1", "x0^2", "x0 x1", "x1^2"), phi.featureNames());
        assertEquals(6, phi.outputFeatures());
    }

    /// /usr/bin/python3, scikit-learn 1.2.1, P = [[2, 3, -1], [0.5, -1.5, 2]]:
    /// PolynomialFeatures(3).fit_transform(P), get_feature_names_out() and powers_ as below.
    @Test
    void matchesScikitLearnCubic() {
        var P = Matrix.of(new double[][] {{2, 3, -1}, {0.5, -1.5, 2}});
        var phi = PolynomialFeatures.fit(P, 3);
        assertEquals(List.of("1", "x0", "x1", "x2", "x0^2", "x0 x1", "x0 x2", "x1^2", "x1 x2", "x2^2", "x0^3",
                "x0^2 x1", "x0^2 x2", "x0 x1^2", "x0 x1 x2", "x0 x2^2", "x1^3", "x1^2 x2", "x1 x2^2", "x2^3"), phi.featureNames());
        var expected = Matrix.of(new double[][] {
                {1, 2, 3, -1, 4, 6, -2, 9, -3, 1, 8, 12, -4, 18, -6, 2, 27, -9, 3, -1},
                {1, 0.5, -1.5, 2, 0.25, -0.75, 1, 2.25, -3, 4, 0.125, -0.375, 0.5, 1.125, -1.5, 2, -3.375, 4.5, -6, 8}});
        assertTrue(phi.transform(P).isClose(expected, 1e-15), () -> phi.transform(P).toString());
        var powers = Matrix.of(new double[][] {
                {0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {2, 0, 0}, {1, 1, 0}, {1, 0, 1}, {0, 2, 0}, {0, 1, 1}, {0, 0, 2},
                {3, 0, 0}, {2, 1, 0}, {2, 0, 1}, {1, 2, 0}, {1, 1, 1}, {1, 0, 2}, {0, 3, 0}, {0, 2, 1}, {0, 1, 2}, {0, 0, 3}});
        assertEquals(powers, phi.powers());
    }

    @Test
    void matchesScikitLearnWithoutBiasAndInteractionOnly() {
        var P = Matrix.of(new double[][] {{2, 3, -1}, {0.5, -1.5, 2}});
        // PolynomialFeatures(2, include_bias=False)
        var noBias = PolynomialFeatures.fit(P, PolynomialFeatures.Options.defaults().withIncludeBias(false));
        assertEquals(List.of("x0", "x1", "x2", "x0^2", "x0 x1", "x0 x2", "x1^2", "x1 x2", "x2^2"), noBias.featureNames());
        assertEquals(Matrix.of(new double[][] {{2, 3, -1, 4, 6, -2, 9, -3, 1}, {0.5, -1.5, 2, 0.25, -0.75, 1, 2.25, -3, 4}}),
                noBias.transform(P));
        // PolynomialFeatures(3, interaction_only=True)
        var inter = PolynomialFeatures.fit(P, PolynomialFeatures.Options.defaults().withDegree(3).withInteractionOnly(true));
        assertEquals(List.of("1", "x0", "x1", "x2", "x0 x1", "x0 x2", "x1 x2", "x0 x1 x2"), inter.featureNames());
        assertEquals(Matrix.of(new double[][] {{1, 2, 3, -1, 6, -2, -3, -6}, {1, 0.5, -1.5, 2, -0.75, 1, -3, -1.5}}),
                inter.transform(P));
    }

    @Test
    void countIsBinomialDPlusDegreeChooseDegree() {
        for (int d = 1; d <= 6; d++)
            for (int degree = 0; degree <= 5; degree++) {
                var phi = new PolynomialFeatures(d, PolynomialFeatures.Options.defaults().withDegree(degree));
                long expected = binomial(d + degree, degree);                      // C(d + D, D)
                assertEquals(expected, phi.outputFeatures(), "d=" + d + " D=" + degree);
                assertEquals(expected, phi.featureNames().size());
                assertEquals(expected, phi.transform(Matrix.randn(2, d, d * 10L + degree)).cols());
                if (degree >= 1) {
                    var noBias = new PolynomialFeatures(d, PolynomialFeatures.Options.defaults().withDegree(degree).withIncludeBias(false));
                    assertEquals(expected - 1, noBias.outputFeatures());
                }
                long inter = 0;
                for (int t = 0; t <= degree; t++) inter += binomial(d, t);           // Σ_{t ≤ D} C(d, t)
                var i = new PolynomialFeatures(d, PolynomialFeatures.Options.defaults().withDegree(degree).withInteractionOnly(true));
                assertEquals(inter, i.outputFeatures());
            }
    }

    @Test
    void eachColumnIsTheMonomialOfItsPowersRow() {
        // Two routes: the product of x_j^{a_j} from powers() equals the transformed column.
        var rng = Rng.of(51);
        var X = Matrix.randn(7, 3, rng);
        var phi = PolynomialFeatures.fit(X, 4);
        var Z = phi.transform(X);
        var A = phi.powers();
        for (int i = 0; i < X.rows(); i++)
            for (int t = 0; t < A.rows(); t++) {
                double v = 1;
                for (int j = 0; j < 3; j++) v *= Math.pow(X.get(i, j), A.get(t, j));
                assertEquals(v, Z.get(i, t), 1e-12 * Math.max(1, Math.abs(v)));
            }
        // the total degree never exceeds 4, and every exponent row is distinct
        assertTrue(A.sum(1).max() <= 4);
        assertEquals(A.rows(), A.sum(1).size());
        assertEquals(A.rows(), java.util.Arrays.stream(A.toArray2D()).map(Vector::of).distinct().count());
    }

    @Test
    void transformsADatasetWithItsFeatureNames() {
        var d = new Dataset("house", Matrix.of(2, 2, 1, 2, 3, 4), Vector.of(5, 6), List.of("area", "rooms"), List.of(), "");
        var out = PolynomialFeatures.fit(d.X(), 2).transform(d);
        assertEquals(List.of("1", "area", "rooms", "area^2", "area rooms", "rooms^2"), out.featureNames());
        assertEquals(d.y(), out.y());
    }

    @Test
    void errorsNameTheProblem() {
        var phi = PolynomialFeatures.fit(Matrix.zeros(1, 4), 2);
        var e = assertThrows(IllegalArgumentException.class, () -> phi.transform(Matrix.zeros(1, 3)));
        assertEquals("PolynomialFeatures.transform: X has 3 columns but PolynomialFeatures was fitted on 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PolynomialFeatures.fit(Matrix.zeros(1, 2), -1));
        assertEquals("PolynomialFeatures.fit: 'degree' must be >= 0, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PolynomialFeatures.fit(Matrix.zeros(1, 200), 5));
        assertTrue(e.getMessage().startsWith("PolynomialFeatures: degree 5 on d = 200 inputs gives 2872408791 output features"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PolynomialFeatures.fit(Matrix.zeros(1, 2), PolynomialFeatures.Options.defaults().withDegree(0).withIncludeBias(false)));
        assertEquals("PolynomialFeatures: degree 0 without the bias column leaves no features", e.getMessage());
    }

    @Test
    void printsItsShape() {
        assertEquals("PolynomialFeatures degree 2: 2 → 6 features [1, x0, x1, x0^2, x0 x1, x1^2]",
                PolynomialFeatures.fit(Matrix.zeros(1, 2)).toString());
    }

    private static long binomial(int a, int b) {
        long c = 1;
        for (int i = 1; i <= b; i++) c = c * (a - b + i) / i;
        return c;
    }
}
