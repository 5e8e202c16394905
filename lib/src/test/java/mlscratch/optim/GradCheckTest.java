package mlscratch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

class GradCheckTest {

    // ───────────────────────────── exact gradients pass ─────────────────────────────

    @Test void quadraticFormPassesForEverySize() {
        for (int d = 1; d <= 9; d++) {
            Matrix A = Matrix.randn(d, d, d);                          // not symmetric
            Vector x = Vector.randn(d, 100 + d);
            ToDoubleFunction<Vector> f = v -> 0.5 * v.dot(A.times(v));   // f(x) = ½ xᵀAx
            Vector grad = A.plus(A.transpose()).times(x).scale(0.5);      // ∇f = ½(A + Aᵀ)x
            var r = GradCheck.check(f, x, grad);
            assertTrue(r.passed(), "d = " + d + ": " + r);
            assertTrue(r.numeric().isClose(grad, 1e-7));
        }
    }

    /// log Σ exp(xᵢ), computed as m + log Σ exp(xᵢ − m) so that large x do not overflow.
    private static double logSumExp(Vector x) {
        double m = x.max();
        return m + Math.log(x.map(v -> Math.exp(v - m)).sum());
    }

    @Test void logSumExpHasTheSoftmaxAsGradient() {
        for (Vector x : List.of(Vector.of(0.5, -1, 2, 0), Vector.randn(7, 3), Vector.of(300, 301, 299))) {
            double lse = logSumExp(x);
            Vector softmax = x.map(v -> Math.exp(v - lse));             // ∂/∂xᵢ log Σ exp = exp(xᵢ)/Σ exp
            var r = GradCheck.check(GradCheckTest::logSumExp, x, softmax);
            assertTrue(r.passed(), r.toString());
        }
    }

    @Test void sigmoidCrossEntropyPasses() {
        Matrix X = Matrix.randn(20, 4, 5);
        Vector y = Vector.random(20, 6).map(u -> u < 0.5 ? 0 : 1);
        Vector w = Vector.randn(4, 7);
        int n = X.rows();
        // L(w) = (1/n) Σ [log(1 + e^{zᵢ}) − yᵢ zᵢ] with z = Xw  (= −(1/n) Σ [y log σ(z) + (1 − y) log(1 − σ(z))])
        ToDoubleFunction<Vector> loss = v -> {
            Vector z = X.times(v);
            double s = 0;
            for (int i = 0; i < n; i++) {
                double zi = z.get(i);
                s += Math.max(zi, 0) + Math.log1p(Math.exp(-Math.abs(zi))) - y.get(i) * zi;   // stable log(1 + e^z)
            }
            return s / n;
        };
        Vector p = X.times(w).map(z -> 1 / (1 + Math.exp(-z)));        // p = σ(Xw)
        Vector grad = X.transpose().times(p.minus(y)).scale(1.0 / n);  // ∇L = Xᵀ(p − y)/n
        var r = GradCheck.check(loss, w, grad);
        assertTrue(r.passed(), r.toString());
    }

    @Test void matrixParameterOfALayerPasses() {
        Matrix X = Matrix.randn(6, 3, 8), Y = Matrix.randn(6, 2, 9), W = Matrix.randn(3, 2, 10);
        ToDoubleFunction<Matrix> f = V -> {                             // f(W) = ½ ‖XW − Y‖²
            Matrix R = X.times(V).minus(Y);
            return 0.5 * R.dot(R);
        };
        Matrix gradW = X.transpose().times(X.times(W).minus(Y));      // ∂f/∂W = Xᵀ(XW − Y)
        var r = GradCheck.check(f, W, gradW);
        assertTrue(r.passed(), r.toString());
        assertEquals(6, r.numeric().size());
        assertEquals(gradW.flatten(), r.analytic());
    }

    @Test void anExactlyZeroGradientEntryIsNotCalledAnError() {
        // f(x) = 1000 + x₀²: ∂f/∂x₁ = 0 exactly, while the difference quotient is rounding noise ~ ε·1000/h ≈ 1e-8.
        // A pure ratio |a − n|/(|a| + |n|) would report 100 %; the floor of 1 reports ~1e-8.
        var r = GradCheck.check(v -> 1000 + v.get(0) * v.get(0), Vector.of(0.3, 0.7), Vector.of(0.6, 0));
        assertTrue(r.passed(), r.toString());
    }

    // ───────────────────────────── wrong gradients fail and say where ─────────────────────────────

    private static final Matrix A = Matrix.randn(5, 5, 11);
    private static final Matrix S = A.plus(A.transpose());                   // symmetric
    private static final ToDoubleFunction<Vector> QUADRATIC = v -> 0.5 * v.dot(S.times(v));
    private static final Vector X0 = Vector.of(1, -2, 0.5, 3, -1);

    @Test void aSignErrorFailsAndNamesTheIndex() {
        Vector grad = S.times(X0);
        Vector wrong = grad.with(3, -grad.get(3));
        var r = GradCheck.check(QUADRATIC, X0, wrong);
        assertFalse(r.passed());
        assertEquals(3, r.worstIndex());
        assertEquals(1.0, r.maxRelativeError(), 1e-6);               // |a − (−a)| / (|a| + |a|) = 1
        assertTrue(r.toString().startsWith("gradient check FAILED: max relative error 1.00 at index 3 (5 entries): analytic "),
                r.toString());
    }

    @Test void aFactorOfTwoFails() {
        Vector grad = S.times(X0);
        var r = GradCheck.check(QUADRATIC, X0, grad.scale(2));
        assertFalse(r.passed(), r.toString());
        // |2g − g| / max(3|g|, 1) = 1/3 where |g| ≥ 1/3, the largest possible for a factor of 2
        assertEquals(1.0 / 3, r.maxRelativeError(), 1e-6);
    }

    @Test void aWrongMatrixEntryIsNamedByItsRowMajorIndex() {
        Matrix X = Matrix.randn(4, 3, 12), W = Matrix.randn(3, 2, 13);
        ToDoubleFunction<Matrix> f = V -> 0.5 * X.times(V).dot(X.times(V));    // ½‖XW‖²
        Matrix gradW = X.transpose().times(X.times(W));                       // XᵀXW
        var r = GradCheck.check(f, W, gradW.with(2, 1, gradW.get(2, 1) + 0.5));
        assertFalse(r.passed());
        assertEquals(2 * 2 + 1, r.worstIndex());                              // row-major: i·cols + j
    }

    @Test void toleranceAndStepAreOptions() {
        Vector grad = S.times(X0);
        Vector slightlyOff = grad.with(1, grad.get(1) + 1e-4);
        assertFalse(GradCheck.check(QUADRATIC, X0, slightlyOff).passed());
        var loose = GradCheck.Options.defaults().withTolerance(1e-3);
        assertTrue(GradCheck.check(QUADRATIC, X0, slightlyOff, loose).passed());
        // a huge step: a quadratic's central difference is exact for any h (the h² term has f''' = 0)
        assertTrue(GradCheck.check(QUADRATIC, X0, grad, GradCheck.Options.defaults().withH(0.5)).passed());
    }

    @Test void printsAPassInOneLine() {
        var r = GradCheck.check(QUADRATIC, X0, S.times(X0));
        assertTrue(r.toString().matches("gradient check passed: max relative error (0|\\d\\.\\de-\\d+) at index \\d \\(5 entries\\)"),
                r.toString());
    }

    // ───────────────────────────── hygiene ─────────────────────────────

    @Test void fIsCalledOnFreshCopiesAndXIsUntouched() {
        List<Vector> seen = new ArrayList<>();
        Vector x = Vector.of(1, 2, 3);
        GradCheck.check(v -> { seen.add(v); return v.sum(); }, x, Vector.of(1, 1, 1));
        assertEquals(6, seen.size());                                  // 2d evaluations
        for (int k = 0; k < 6; k++) {
            Vector dx = seen.get(k).minus(x);                          // ± h at entry k/2 only
            assertEquals(k % 2 == 0 ? 1e-5 : -1e-5, dx.get(k / 2), 1e-15);
            assertEquals(1e-5, dx.norm1(), 1e-15);
        }
        assertEquals(Vector.of(1, 2, 3), x);
    }

    @Test void badArgumentsFailClearly() {
        assertEquals("GradCheck.check: x has 3 entries but analyticGrad has 2", assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(Vector::sum, Vector.of(1, 2, 3), Vector.of(1, 1))).getMessage());
        assertEquals("GradCheck.check: W is 2×2 but gradW is 2×1 (shapes must match)", assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(Matrix::sum, Matrix.zeros(2, 2), Matrix.zeros(2, 1))).getMessage());
        assertEquals("GradCheck.Options: 'h' must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> GradCheck.Options.defaults().withH(0)).getMessage());
        assertEquals("GradCheck.Options: 'tolerance' must be finite and > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> GradCheck.Options.defaults().withTolerance(-1)).getMessage());
        assertEquals("GradCheck.check: analyticGrad[1] is NaN", assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(Vector::sum, Vector.of(1, 2), Vector.of(1, Double.NaN))).getMessage());
        assertEquals("GradCheck.check: x is empty (nothing to check)", assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(Vector::sum, Vector.of(), Vector.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(v -> Math.log(v.get(0)), Vector.of(0, 1), Vector.of(1, 0))).getMessage()
                .startsWith("GradCheck.check: f is not finite at x ± h at index 0"));
    }
}
