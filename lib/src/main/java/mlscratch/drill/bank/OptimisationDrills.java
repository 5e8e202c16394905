package mlscratch.drill.bank;

import java.util.List;

import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Drills on optimiser steps: one gradient-descent step for least squares, momentum and Adam.
public final class OptimisationDrills implements DrillSet {

    @Override
    public List<Drill> drills() {
        return List.of(gdStep(), momentumStep(), adamStep());
    }

    // ───────────────────────────── one GD step ─────────────────────────────

    static Drill gdStep() {
        return Drill.builder("gd-step")
                .title("One gradient-descent step for least squares").topic("optimisation").difficulty(Difficulty.EASY)
                .signature("Vector gdStep(Matrix X, Vector y, Vector w, double lr)")
                .statement("""
                        X is n×d (n ≥ 1), y has n entries, w has d, lr > 0. For L(w) = (1/2n) ‖Xw − y‖²,
                        return the weights after ONE gradient-descent step: w − lr · ∇L(w). Do not change w itself
                        (Vectors are immutable anyway).
                        Edge cases: at the optimum the step is 0; one sample; large features (1e3: the step is huge,
                        that is what it is — no clipping).
                        Tolerance: each entry within 1e-12 · max(1, |expected|).""")
                .starter("""
                        Vector gdStep(Matrix X, Vector y, Vector w, double lr) {
                            // r = Xw − y; gradient = Xᵀr / n
                            return null;
                        }""")
                .hints("∇L(w) = Xᵀ(Xw − y) / n (the 2 of the square cancels the ½).",
                       "Step AGAINST the gradient: w − lr·∇L, not w + lr·∇L.")
                .solution("""
                        Vector gdStep(Matrix X, Vector y, Vector w, double lr) {
                            Vector r = X.times(w).minus(y);                               // r = Xw − y
                            Vector grad = X.transpose().times(r).scale(1.0 / X.rows());   // ∇L = Xᵀr / n
                            return w.minus(grad.scale(lr));                               // w ← w − η ∇L
                        }""")
                .explanation("""
                        L(w) = (1/2n) Σᵢ (xᵢ·w − yᵢ)²  ⇒  ∂L/∂w = (1/n) Σᵢ (xᵢ·w − yᵢ) xᵢ = Xᵀ(Xw − y)/n.
                        The gradient points uphill, so descent subtracts it: w ← w − η Xᵀ(Xw − y)/n.
                        Because L is quadratic with Hessian H = XᵀX/n, the step converges iff 0 < η < 2/λ_max(H);
                        large features make λ_max large — why standardising features lets a larger η work.
                        At the least-squares solution Xᵀ(Xw − y) = 0 (the normal equation), so the step is zero.""")
                .reference((Matrix X, Vector y, Vector w, Double lr) ->
                        w.minus(X.transpose().times(X.times(w).minus(y)).scale(lr / X.rows())))
                .tests(
                        // x = [1, 2], y = 3, w = 0: r = −3, ∇L = −3·[1, 2] = [−3, −6], w − 0.1∇L = [0.3, 0.6]
                        DrillCase.of("hand case", Expect.close(1e-12), Bank.m(new double[] {1, 2}), Vector.of(3), Vector.of(0, 0), 0.1),
                        DrillCase.of("at the optimum: no move", Expect.close(1e-12),
                                Bank.m(new double[] {1, 0}, new double[] {0, 1}), Vector.of(2, -1), Vector.of(2, -1), 0.5),
                        DrillCase.of("one sample, one feature", Expect.close(1e-12), Bank.m(new double[] {2}), Vector.of(1), Vector.of(1), 0.25),
                        DrillCase.random("large features 1e3", 81, rng -> new Object[] {Matrix.randn(10, 3, rng).scale(1e3),
                                Vector.randn(10, rng), Vector.randn(3, rng), 1e-3}, Expect.close(1e-12)),
                        DrillCase.random("random 50×4", 82, rng -> new Object[] {Matrix.randn(50, 4, rng), Vector.randn(50, rng),
                                Vector.randn(4, rng), 0.05}, Expect.close(1e-12)))
                .build();
    }

    // ───────────────────────────── momentum ─────────────────────────────

    static Matrix momentumRef(Matrix state, Vector g, double lr) {
        Vector w = state.row(0), v = state.row(1);
        Vector v2 = v.scale(0.9).plus(g);                                  // v ← βv + g
        Vector w2 = w.minus(v2.scale(lr));                                 // w ← w − η v
        return Matrix.fromRows(w2, v2);
    }

    static Drill momentumStep() {
        return Drill.builder("momentum-step")
                .title("One step of gradient descent with momentum").topic("optimisation").difficulty(Difficulty.EASY)
                .signature("Matrix momentumStep(Matrix state, Vector g, double lr)")
                .statement("""
                        state is 2×d: row 0 is the weights w, row 1 the velocity v. g = ∇L(w) (size d), lr > 0.
                        With β = 0.9, apply ONE heavy-ball step (the PyTorch form):
                            v ← β v + g
                            w ← w − lr · v        (the NEW v)
                        and return the new state [w; v] as a 2×d Matrix (Matrix.fromRows(w, v)).
                        Edge cases: first step (v = 0: plain GD); g = 0 (the weights keep coasting); d = 1.
                        Tolerance: each entry within 1e-12 · max(1, |expected|).""")
                .starter("""
                        Matrix momentumStep(Matrix state, Vector g, double lr) {
                            Vector w = state.row(0), v = state.row(1);
                            // update v, then w
                            return Matrix.fromRows(w, v);
                        }""")
                .hints("Update the velocity first, then move the weights by the new velocity.",
                       "v.scale(0.9).plus(g), then w.minus(v.scale(lr)).")
                .solution("""
                        Matrix momentumStep(Matrix state, Vector g, double lr) {
                            Vector w = state.row(0), v = state.row(1);
                            Vector vNew = v.scale(0.9).plus(g);          // v ← βv + g
                            Vector wNew = w.minus(vNew.scale(lr));       // w ← w − η v
                            return Matrix.fromRows(wNew, vNew);
                        }""")
                .explanation("""
                        v is an exponentially weighted sum of past gradients: v_t = Σₖ βᵏ g_{t−k}. If the gradient is
                        constant, v → g/(1 − β) = 10g, so the effective step is 10× larger along consistent
                        directions, while components that flip sign each step (the zig-zag across a narrow valley)
                        cancel. With g = 0 the weights keep moving by η v and v decays by β each step ("coasting").
                        Another common form, v ← βv − ηg; w ← w + v, gives the same iterates when η is constant.""")
                .reference((Matrix s, Vector g, Double lr) -> momentumRef(s, g, lr))
                .tests(
                        // w = [1, 1], v = [1, 0], g = [1, 2], η = 0.1: v = [1.9, 2], w = [1 − 0.19, 1 − 0.2] = [0.81, 0.8]
                        DrillCase.of("hand case", Expect.close(1e-12), Bank.m(new double[] {1, 1}, new double[] {1, 0}), Vector.of(1, 2), 0.1),
                        DrillCase.of("first step: v = 0", Expect.close(1e-12), Bank.m(new double[] {0.5, -0.5}, new double[] {0, 0}),
                                Vector.of(2, 4), 0.01),
                        DrillCase.of("g = 0: coasting", Expect.close(1e-12), Bank.m(new double[] {1, 2}, new double[] {3, -4}), Vector.of(0, 0), 0.1),
                        DrillCase.of("d = 1", Expect.close(1e-12), Bank.m(new double[] {3}, new double[] {-1}), Vector.of(0.5), 1.0),
                        DrillCase.random("random d = 20", 83, rng -> new Object[] {Matrix.randn(2, 20, rng), Vector.randn(20, rng), 0.03},
                                Expect.close(1e-12)))
                .build();
    }

    // ───────────────────────────── Adam ─────────────────────────────

    static Matrix adamRef(Matrix state, Vector g, int t) {
        double lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        Vector w = state.row(0), m = state.row(1), v = state.row(2);
        Vector m2 = m.scale(b1).plus(g.scale(1 - b1));                             // m ← β₁m + (1 − β₁)g
        Vector v2 = v.scale(b2).plus(g.hadamard(g).scale(1 - b2));                 // v ← β₂v + (1 − β₂)g²
        Vector mHat = m2.scale(1 / (1 - Math.pow(b1, t)));                         // m̂ = m / (1 − β₁ᵗ)
        Vector vHat = v2.scale(1 / (1 - Math.pow(b2, t)));                         // v̂ = v / (1 − β₂ᵗ)
        Vector w2 = w.minus(mHat.zip("adam", vHat, (a, b) -> lr * a / (Math.sqrt(b) + eps)));   // w ← w − η m̂/(√v̂ + ε)
        return Matrix.fromRows(w2, m2, v2);
    }

    static Drill adamStep() {
        return Drill.builder("adam-step")
                .title("One Adam step with bias correction").topic("optimisation").difficulty(Difficulty.MEDIUM)
                .signature("Matrix adamStep(Matrix state, Vector g, int t)")
                .statement("""
                        state is 3×d: rows w (weights), m (first moment), v (second moment). g = ∇L(w) (size d);
                        t ≥ 1 is the number of THIS step (1 for the first). With η = 1e-3, β₁ = 0.9, β₂ = 0.999,
                        ε = 1e-8 apply one Adam step and return the new state [w; m; v] (Matrix.fromRows(w, m, v)):
                            m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²   (g² entrywise)
                            m̂ = m/(1 − β₁ᵗ),   v̂ = v/(1 − β₂ᵗ),   w ← w − η m̂/(√v̂ + ε)
                        Edge cases: t = 1 from m = v = 0 (each weight moves by ≈ η·sign(g)); g = 0; huge gradients
                        (1e6: the step stays ≈ η); t = 1000.
                        Tolerance: each entry within 1e-10 · max(1, |expected|).""")
                .starter("""
                        Matrix adamStep(Matrix state, Vector g, int t) {
                            double lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8;
                            Vector w = state.row(0), m = state.row(1), v = state.row(2);
                            // moments, bias correction, step
                            return Matrix.fromRows(w, m, v);
                        }""")
                .hints("Store the UNcorrected m and v in the new state; m̂ and v̂ are only used for the step.",
                       "Bias correction divides by 1 − βᵗ with the step number t: Math.pow(b1, t).",
                       "Entrywise: mHat.zip(\"adam\", vHat, (a, b) -> lr * a / (Math.sqrt(b) + eps)).")
                .solution("""
                        Matrix adamStep(Matrix state, Vector g, int t) {
                            double lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8;
                            Vector w = state.row(0), m = state.row(1), v = state.row(2);
                            m = m.scale(b1).plus(g.scale(1 - b1));                       // m ← β₁m + (1 − β₁)g
                            v = v.scale(b2).plus(g.hadamard(g).scale(1 - b2));           // v ← β₂v + (1 − β₂)g²
                            Vector mHat = m.scale(1 / (1 - Math.pow(b1, t)));            // bias-corrected moments
                            Vector vHat = v.scale(1 / (1 - Math.pow(b2, t)));
                            w = w.minus(mHat.zip("adam", vHat, (a, b) -> lr * a / (Math.sqrt(b) + eps)));
                            return Matrix.fromRows(w, m, v);
                        }""")
                .explanation("""
                        m and v are exponential moving averages of g and g², started at 0. After t steps with a
                        constant gradient, m = (1 − β₁ᵗ) g: biased toward 0 by exactly the factor 1 − β₁ᵗ, which the
                        correction divides out (same for v with β₂; at t = 1 it turns v = 0.001 g² back into g²).
                        Without it the first steps would be tiny for m and — worse — v̂ would be 1000× too small,
                        making early steps too large. At t = 1: m̂ = g, v̂ = g², step = η g/(|g| + ε) ≈ η sign(g).
                        The ratio m̂/√v̂ is invariant to rescaling g, so the step size is ≈ η whatever the gradient's
                        scale; ε only matters when g ≈ 0.""")
                .reference((Matrix s, Vector g, Integer t) -> adamRef(s, g, t))
                .tests(
                        // t = 1, g = [2, −0.5], m = v = 0: m̂ = g, v̂ = g², w moves by −η·g/(|g| + ε) ≈ [−1e-3, +1e-3]
                        DrillCase.of("hand case t = 1", Expect.close(1e-10),
                                Bank.m(new double[] {1, 1}, new double[] {0, 0}, new double[] {0, 0}), Vector.of(2, -0.5), 1),
                        DrillCase.of("g = 0", Expect.close(1e-10),
                                Bank.m(new double[] {1, -1}, new double[] {0.1, -0.2}, new double[] {0.01, 0.04}), Vector.of(0, 0), 5),
                        DrillCase.of("huge gradients 1e6", Expect.close(1e-10),
                                Bank.m(new double[] {0}, new double[] {0}, new double[] {0}), Vector.of(1e6), 1),
                        DrillCase.random("late step t = 1000", 84, rng -> new Object[] {Matrix.fromRows(Vector.randn(5, rng),
                                Vector.randn(5, rng).scale(0.1), Vector.random(5, rng).scale(0.01)), Vector.randn(5, rng), 1000}, Expect.close(1e-10)),
                        DrillCase.random("random t = 3, d = 10", 85, rng -> new Object[] {Matrix.fromRows(Vector.randn(10, rng),
                                Vector.randn(10, rng).scale(0.1), Vector.random(10, rng).scale(0.01)), Vector.randn(10, rng), 3}, Expect.close(1e-10)))
                .build();
    }
}
