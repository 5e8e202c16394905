package mlscratch.drill.bank;

import java.util.List;
import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Three model drills showing every part of the API: a value drill (`softmax`), a gradient drill checked by
/// finite differences (`softmax-grad`), and a model gradient with a matrix input (`logistic-grad`).
/// Copy one to start a new topic file.
public final class Examples implements DrillSet {

    /// p = softmax(z), computed stably: pᵢ = exp(zᵢ − m) / Σⱼ exp(zⱼ − m), m = max z.
    static Vector softmax(Vector z) {
        if (z.size() == 0) return z;                             // empty in, empty out
        double m = z.max();
        Vector e = z.map(v -> Math.exp(v - m));                  // eᵢ = exp(zᵢ − m) ≤ 1: no overflow
        return e.scale(1.0 / e.sum());                           // pᵢ = eᵢ / Σ e
    }

    static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));   // never exp of a large positive
    }

    /// L(w) = (1/n) Σ log(1 + exp(xᵢ·w)) − yᵢ xᵢ·w, the mean logistic loss (for the finite differences).
    static double logisticLoss(Matrix X, Vector y, Vector w) {
        Vector t = X.times(w);
        double sum = 0;
        for (int i = 0; i < t.size(); i++) {
            double ti = t.get(i);
            double softplus = ti > 0 ? ti + Math.log1p(Math.exp(-ti)) : Math.log1p(Math.exp(ti));   // log(1 + eᵗ), stable
            sum += softplus - y.get(i) * ti;
        }
        return sum / t.size();
    }

    @Override
    public List<Drill> drills() {
        return List.of(softmaxDrill(), softmaxGradDrill(), logisticGradDrill());
    }

    static Drill softmaxDrill() {
        return Drill.builder("softmax")
                .title("Softmax of a vector").topic("activations").difficulty(Difficulty.EASY)
                .signature("Vector softmax(Vector z)")
                .statement("""
                        Return p = softmax(z):  pᵢ = exp(zᵢ) / Σⱼ exp(zⱼ),  for a Vector z of n logits.
                        p has the shape of z, entries in (0, 1], summing to 1.
                        Edge cases: empty z (return an empty Vector); one element (p = [1]); ties (equal logits share equally); large
                        logits (z = [1000, 1000, 999]) must not overflow to NaN; z = [-1000, 0] gives [0, 1] (≈).
                        Tolerance: each entry within 1e-12 · max(1, |expected|).""")
                .starter("""
                        Vector softmax(Vector z) {
                            // your code: z.max(), z.map(v -> …), e.sum(), e.scale(…)
                            return null;
                        }""")
                .hints("softmax(z) = softmax(z − c) for any constant c: the c cancels between numerator and denominator.",
                       "Pick c = max(z): every exponent is then ≤ 0, so exp never overflows (and the largest term is 1).",
                       "double m = z.max(); Vector e = z.map(v -> Math.exp(v - m)); return e.scale(1 / e.sum());")
                .solution("""
                        Vector softmax(Vector z) {
                            if (z.size() == 0) return z;                 // empty in, empty out (max() needs an entry)
                            double m = z.max();                          // shift by the max: exp(zᵢ − m) ≤ 1
                            Vector e = z.map(v -> Math.exp(v - m));      // eᵢ = exp(zᵢ − m)
                            return e.scale(1.0 / e.sum());               // pᵢ = eᵢ / Σ e
                        }""")
                .explanation("""
                        Shift invariance: for any c,
                            exp(zᵢ − c) / Σⱼ exp(zⱼ − c) = e⁻ᶜ exp(zᵢ) / (e⁻ᶜ Σⱼ exp(zⱼ)) = softmax(z)ᵢ.
                        The naive formula overflows once some zᵢ > 709 (exp(710) = ∞, and ∞/∞ = NaN).
                        With c = max z every exponent is ≤ 0, the largest term is exactly 1, so the sum is in [1, n]:
                        no overflow, and no division by an underflowed 0. Cost: O(n).""")
                .reference((Vector z) -> softmax(z))
                .tests(
                        DrillCase.of("hand case [0, ln 3] → [1/4, 3/4]", Expect.close(1e-12), Vector.of(0, Math.log(3))),
                        DrillCase.of("empty", Expect.close(1e-12), Vector.of()),
                        DrillCase.of("one element", Expect.close(1e-12), Vector.of(3.5)),
                        DrillCase.of("ties", Expect.close(1e-12), Vector.of(2, 2, 2, 2)),
                        DrillCase.of("large logits 1000", Expect.close(1e-12), Vector.of(1000, 1000, 999)),
                        DrillCase.of("very negative logits", Expect.close(1e-12), Vector.of(-1000, 0)),
                        DrillCase.random("random n=7", 1, rng -> new Object[] {Vector.randn(7, rng).scale(3)}, Expect.close(1e-12)),
                        DrillCase.random("random n=200", 2, rng -> new Object[] {Vector.randn(200, rng).scale(10)}, Expect.close(1e-12)))
                .build();
    }

    static Drill softmaxGradDrill() {
        return Drill.builder("softmax-grad")
                .title("Backward pass of softmax").topic("activations").difficulty(Difficulty.MEDIUM)
                .signature("Vector softmaxGrad(Vector z, Vector g)")
                .statement("""
                        Forward was p = softmax(z). Given the upstream gradient g = ∂L/∂p (same size n as z),
                        return ∂L/∂z (size n), WITHOUT building the n×n Jacobian.
                        Edge cases: empty (return an empty Vector); one element (the gradient is 0); g constant (the gradient is 0: softmax ignores
                        a shift); large logits (z around 1000) must stay finite.
                        Checked against central finite differences of L(z) = g · softmax(z) and the reference,
                        entrywise within 1e-6 · max(1, |expected|).""")
                .starter("""
                        Vector softmaxGrad(Vector z, Vector g) {
                            // p = softmax(z) (stable!), then ∂L/∂zⱼ = Σᵢ gᵢ ∂pᵢ/∂zⱼ
                            return null;
                        }""")
                .hints("∂pᵢ/∂zⱼ = pᵢ (δᵢⱼ − pⱼ).",
                       "Σᵢ gᵢ pᵢ (δᵢⱼ − pⱼ) = pⱼ gⱼ − pⱼ (g·p)  =  pⱼ (gⱼ − g·p).",
                       "Vector p = softmax(z); return p.hadamard(g.minus(g.dot(p)));")
                .solution("""
                        Vector softmaxGrad(Vector z, Vector g) {
                            if (z.size() == 0) return z;
                            double m = z.max();
                            Vector e = z.map(v -> Math.exp(v - m));
                            Vector p = e.scale(1.0 / e.sum());           // forward: p = softmax(z), stable
                            return p.hadamard(g.minus(g.dot(p)));        // ∂L/∂z = p ⊙ (g − (g·p) 1)
                        }""")
                .explanation("""
                        Forward was pᵢ = exp(zᵢ) / S with S = Σₖ exp(zₖ). Differentiate the quotient:
                            ∂pᵢ/∂zⱼ = (δᵢⱼ exp(zᵢ) S − exp(zᵢ) exp(zⱼ)) / S² = pᵢ (δᵢⱼ − pⱼ),
                        i.e. the Jacobian J = diag(p) − p pᵀ (symmetric). Chain rule with the upstream g:
                            ∂L/∂zⱼ = Σᵢ gᵢ pᵢ (δᵢⱼ − pⱼ) = pⱼ gⱼ − pⱼ Σᵢ gᵢ pᵢ = pⱼ (gⱼ − g·p).
                        So ∂L/∂z = p ⊙ (g − (g·p) 1): O(n) instead of the O(n²) Jacobian-vector product.
                        Check: adding c to every gᵢ adds c·Σp = c to g·p, so the gradient is unchanged (softmax is
                        invariant to shifts of z, hence its gradient sums to 0: Σⱼ pⱼ (gⱼ − g·p) = g·p − g·p = 0).""")
                .reference((Vector z, Vector g) -> {
                    Vector p = softmax(z);
                    return p.hadamard(g.minus(g.dot(p)));
                })
                .tests(
                        DrillCase.of("hand case z = [0, 0], g = [1, 0] → [1/4, −1/4]", grad(), Vector.of(0, 0), Vector.of(1, 0)),
                        DrillCase.of("empty", grad(), Vector.of(), Vector.of()),
                        DrillCase.of("one element", grad(), Vector.of(0.7), Vector.of(2.0)),
                        DrillCase.of("constant g gives 0", grad(), Vector.of(1, 2, 3), Vector.of(5, 5, 5)),
                        DrillCase.of("large logits 1000", grad(), Vector.of(1000, 1001, 999), Vector.of(1, -2, 0.5)),
                        DrillCase.random("random n=6", 3, rng -> new Object[] {Vector.randn(6, rng), Vector.randn(6, rng)}, grad()),
                        DrillCase.random("random n=30", 4, rng -> new Object[] {Vector.randn(30, rng).scale(4), Vector.randn(30, rng)}, grad()))
                .build();
    }

    /// The answer is ∂(g · softmax(z))/∂z: finite differences of that loss in args[0].
    private static Expect grad() {
        return Expect.gradient(a -> ((Vector) a[1]).dot(softmax((Vector) a[0])), 0, 1e-6);
    }

    static Drill logisticGradDrill() {
        return Drill.builder("logistic-grad")
                .title("Gradient of the logistic loss").topic("linear-models").difficulty(Difficulty.MEDIUM)
                .signature("Vector logisticGrad(Matrix X, Vector y, Vector w)")
                .statement("""
                        X is n×d (n ≥ 1), y ∈ {0, 1}ⁿ, w ∈ ℝᵈ (no bias; put a column of ones in X for one).
                        The mean logistic loss is L(w) = (1/n) Σᵢ [log(1 + exp(xᵢ·w)) − yᵢ xᵢ·w].
                        Return ∂L/∂w (size d). Large margins (|xᵢ·w| ≈ 800) must stay finite.
                        Checked against central finite differences of L and the reference,
                        entrywise within 1e-6 · max(1, |expected|).""")
                .starter("""
                        Vector logisticGrad(Matrix X, Vector y, Vector w) {
                            // p = σ(Xw); then the gradient is one matrix-vector product
                            return null;
                        }""")
                .hints("d/dt log(1 + eᵗ) = σ(t) = 1 / (1 + e⁻ᵗ).",
                       "∂L/∂w = (1/n) Σᵢ (σ(xᵢ·w) − yᵢ) xᵢ = Xᵀ(p − y) / n.",
                       "σ(t) for t ≪ 0: use eᵗ / (1 + eᵗ) so exp never overflows.")
                .solution("""
                        Vector logisticGrad(Matrix X, Vector y, Vector w) {
                            Vector p = X.times(w).map(t -> t >= 0 ? 1 / (1 + Math.exp(-t))
                                                                  : Math.exp(t) / (1 + Math.exp(t)));   // p = σ(Xw), stable
                            return X.transpose().times(p.minus(y)).scale(1.0 / X.rows());           // Xᵀ(p − y) / n
                        }""")
                .explanation("""
                        Per sample, ℓᵢ(w) = log(1 + exp(tᵢ)) − yᵢ tᵢ with tᵢ = xᵢ·w.
                            dℓᵢ/dtᵢ = exp(tᵢ)/(1 + exp(tᵢ)) − yᵢ = σ(tᵢ) − yᵢ,     ∂tᵢ/∂w = xᵢ,
                        so ∂L/∂w = (1/n) Σᵢ (σ(xᵢ·w) − yᵢ) xᵢ = Xᵀ(p − y)/n with p = σ(Xw): "prediction minus
                        target, weighted by the inputs", the same shape as least squares' Xᵀ(Xw − y)/n.
                        Numerics: 1/(1 + e⁻ᵗ) overflows e⁻ᵗ for t < −709 (harmlessly, to 0), but the form
                        eᵗ/(1 + eᵗ) overflows for t > 709 to ∞/∞ = NaN: branch on the sign of t.""")
                .reference((Matrix X, Vector y, Vector w) ->
                        X.transpose().times(X.times(w).map(Examples::sigmoid).minus(y)).scale(1.0 / X.rows()))
                .tests(
                        // n = 1, x = [1, 2], y = 1, w = 0: p = σ(0) = 1/2, gradient = (1/2 − 1)·[1, 2] = [−0.5, −1]
                        DrillCase.of("hand case w = 0", logGrad(), Matrix.of(new double[][] {{1, 2}}), Vector.of(1), Vector.of(0, 0)),
                        DrillCase.of("one sample, one feature", logGrad(), Matrix.of(new double[][] {{3}}), Vector.of(0), Vector.of(0.4)),
                        DrillCase.of("large margins ±800", logGrad(),
                                Matrix.of(new double[][] {{800, 1}, {-800, 1}}), Vector.of(1, 0), Vector.of(1, 0)),
                        DrillCase.of("all labels equal", logGrad(),
                                Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}), Vector.of(1, 1, 1), Vector.of(0.3, -0.2)),
                        DrillCase.random("random 20×3", 5, rng -> new Object[] {Matrix.randn(20, 3, rng),
                                labels(20, rng), Vector.randn(3, rng)}, logGrad()),
                        DrillCase.random("random 100×8", 6, rng -> new Object[] {Matrix.randn(100, 8, rng),
                                labels(100, rng), Vector.randn(8, rng).scale(3)}, logGrad()))
                .build();
    }

    private static Expect logGrad() {
        return Expect.gradient(a -> logisticLoss((Matrix) a[0], (Vector) a[1], (Vector) a[2]), 2, 1e-6);
    }

    static Vector labels(int n, java.util.random.RandomGenerator rng) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = rng.nextBoolean() ? 1 : 0;
        return Vector.of(y);
    }
}
