package mlscratch.drill.bank;

import java.util.List;

import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Drills on losses and their gradients: MSE, cross-entropy from logits, softmax regression, the SVM hinge
/// objective and Huber.
public final class LossDrills implements DrillSet {

    @Override
    public List<Drill> drills() {
        return List.of(mseGrad(), crossEntropy(), softmaxRegressionGrad(), hingeGrad(), huberGrad());
    }

    // ───────────────────────────── MSE ─────────────────────────────

    static double mse(Vector yhat, Vector y) {
        Vector r = yhat.minus(y);
        return r.dot(r) / y.size();
    }

    static Drill mseGrad() {
        return Drill.builder("mse-grad")
                .title("Gradient of the mean squared error").topic("losses").difficulty(Difficulty.EASY)
                .signature("Vector mseGrad(Vector yhat, Vector y)")
                .statement("""
                        L(ŷ) = (1/n) Σᵢ (ŷᵢ − yᵢ)² for predictions ŷ and targets y of the same size n ≥ 1.
                        Return ∂L/∂ŷ (size n). Edge cases: one element; a perfect prediction (gradient 0);
                        large magnitudes (≈ 1e6).
                        Checked against central finite differences of L and the reference, entrywise within
                        1e-6 · max(1, |expected|).""")
                .starter("""
                        Vector mseGrad(Vector yhat, Vector y) {
                            return null;
                        }""")
                .hints("Differentiate one term: ∂/∂ŷᵢ (ŷᵢ − yᵢ)² = 2(ŷᵢ − yᵢ).",
                       "Do not forget the 1/n of the mean — nor the 2.")
                .solution("""
                        Vector mseGrad(Vector yhat, Vector y) {
                            return yhat.minus(y).scale(2.0 / y.size());      // ∂L/∂ŷ = 2(ŷ − y)/n
                        }""")
                .explanation("""
                        L = (1/n) Σᵢ rᵢ² with rᵢ = ŷᵢ − yᵢ. Only the i-th term depends on ŷᵢ, so
                            ∂L/∂ŷᵢ = (1/n) · 2rᵢ · ∂rᵢ/∂ŷᵢ = 2(ŷᵢ − yᵢ)/n.
                        Many texts use L = (1/2n) Σ r² so the 2 cancels; the minimiser is the same but the gradient
                        (and so the effective learning rate) differs by 2 — say which one you use. For ŷ = Xw the
                        chain rule then gives ∂L/∂w = Xᵀ ∂L/∂ŷ = (2/n) Xᵀ(Xw − y).""")
                .reference((Vector yhat, Vector y) -> yhat.minus(y).scale(2.0 / y.size()))
                .tests(
                        // ŷ = [1, 2], y = [0, 4]: r = [1, −2], ∂L/∂ŷ = 2r/2 = [1, −2]
                        DrillCase.of("hand case", mseG(), Vector.of(1, 2), Vector.of(0, 4)),
                        DrillCase.of("one element", mseG(), Vector.of(3), Vector.of(-1)),
                        DrillCase.of("perfect prediction", mseG(), Vector.of(1, 2, 3), Vector.of(1, 2, 3)),
                        DrillCase.of("large magnitudes 1e6", mseG(), Vector.of(1e6, -2e6), Vector.of(-1e6, 1e6)),
                        DrillCase.random("random n=25", 71, rng -> new Object[] {Vector.randn(25, rng), Vector.randn(25, rng)}, mseG()))
                .build();
    }

    private static Expect mseG() { return Expect.gradient(a -> mse((Vector) a[0], (Vector) a[1]), 0, 1e-6); }

    // ───────────────────────────── cross-entropy from logits ─────────────────────────────

    static double crossEntropyRef(Matrix Z, Vector y) {
        double sum = 0;
        for (int i = 0; i < Z.rows(); i++) {
            double[] z = Z.row(i).toArray();
            sum += Bank.logSumExp(z) - z[(int) y.get(i)];         // −log softmax(zᵢ)_yᵢ = LSE(zᵢ) − zᵢ,yᵢ
        }
        return sum / Z.rows();
    }

    static Drill crossEntropy() {
        return Drill.builder("cross-entropy")
                .title("Cross-entropy from logits").topic("losses").difficulty(Difficulty.MEDIUM)
                .signature("double crossEntropy(Matrix logits, Vector y)")
                .statement("""
                        logits is n×K (n ≥ 1 samples, K ≥ 2 classes), y holds n class indices in 0..K−1.
                        Return the mean cross-entropy L = −(1/n) Σᵢ log softmax(zᵢ)[yᵢ], zᵢ = row i of logits.
                        Must be finite for logits ≈ 1000, and for a confidently wrong row (true-class logit −1000,
                        loss ≈ 1000, not ∞).
                        Tolerance: within 1e-12 · max(1, |expected|).""")
                .starter("""
                        double crossEntropy(Matrix logits, Vector y) {
                            // per row: −log softmax(z)[y] = logSumExp(z) − z[y]
                            return 0;
                        }""")
                .hints("−log(e^z_y / Σ e^zⱼ) = log Σ e^zⱼ − z_y: no softmax needed.",
                       "Compute log Σ e^zⱼ stably: m + log Σ e^(zⱼ − m), m = max of the row.",
                       "Class index: (int) y.get(i); row: logits.row(i).")
                .solution("""
                        double crossEntropy(Matrix logits, Vector y) {
                            double sum = 0;
                            for (int i = 0; i < logits.rows(); i++) {
                                Vector z = logits.row(i);
                                double m = z.max();
                                double lse = m + Math.log(z.map(v -> Math.exp(v - m)).sum());   // log Σ eᶻʲ
                                sum += lse - z.get((int) y.get(i));                             // −log p_y
                            }
                            return sum / logits.rows();
                        }""")
                .explanation("""
                        With p = softmax(z), −log p_y = −z_y + log Σⱼ e^zⱼ = LSE(z) − z_y. Working from logits avoids
                        two failures: softmax overflowing (e¹⁰⁰⁰ = ∞ → NaN) and log of an underflowed probability
                        (p_y = e⁻¹⁰⁰⁰ rounds to 0 → loss ∞). With the max shift LSE is exact to rounding.
                        Sanity checks: uniform logits give log K; the loss is ≥ 0 and → 0 only as the true-class logit
                        dominates. Its gradient in z is softmax(z) − onehot(y) (per row, divided by n for the mean).""")
                .reference((Matrix Z, Vector y) -> crossEntropyRef(Z, y))
                .tests(
                        DrillCase.of("hand case: uniform logits → log 2", Expect.close(1e-12),
                                Bank.m(new double[] {0, 0}, new double[] {3, 3}), Vector.of(0, 1)),
                        DrillCase.of("one row, three classes", Expect.close(1e-12), Bank.m(new double[] {1, 2, 3}), Vector.of(2)),
                        DrillCase.of("logits 1000", Expect.close(1e-12), Bank.m(new double[] {1000, 999, 998}), Vector.of(1)),
                        DrillCase.of("confidently wrong: −1000 on the true class", Expect.close(1e-12),
                                Bank.m(new double[] {-1000, 0}), Vector.of(0)),
                        DrillCase.random("random 40×5", 72, rng -> new Object[] {Matrix.randn(40, 5, rng).scale(3),
                                Bank.labels(40, 5, rng)}, Expect.close(1e-12)))
                .build();
    }

    // ───────────────────────────── softmax regression gradient ─────────────────────────────

    static Matrix softmaxRegressionGradRef(Matrix X, Vector y, Matrix W) {
        Matrix P = Bank.softmaxRows(X.times(W));                           // P = softmax(XW) row-wise   (n, K)
        Matrix Y = Bank.oneHot(y, W.cols());                               // (n, K)
        return X.transposeTimes(P.minus(Y)).scale(1.0 / X.rows());        // ∂L/∂W = Xᵀ(P − Y)/n         (d, K)
    }

    static Drill softmaxRegressionGrad() {
        return Drill.builder("softmax-regression-grad")
                .title("Gradient of softmax regression").topic("losses").difficulty(Difficulty.MEDIUM)
                .signature("Matrix softmaxRegressionGrad(Matrix X, Vector y, Matrix W)")
                .statement("""
                        X is n×d, y holds n class indices in 0..K−1, W is d×K (no bias). Logits Z = XW (n×K),
                        L(W) = −(1/n) Σᵢ log softmax(zᵢ)[yᵢ]. Return ∂L/∂W, a d×K matrix.
                        Logits up to ≈ 1000 must not overflow.
                        Checked against central finite differences of L and the reference, entrywise within
                        1e-6 · max(1, |expected|).""")
                .starter("""
                        Matrix softmaxRegressionGrad(Matrix X, Vector y, Matrix W) {
                            // P = softmax(XW) row by row (stable), Y = one-hot(y), then one matrix product
                            return null;
                        }""")
                .hints("For one row: ∂(−log softmax(z)_y)/∂z = softmax(z) − onehot(y).",
                       "Stack the rows: ∂L/∂Z = (P − Y)/n; since Z = XW, ∂L/∂W = Xᵀ ∂L/∂Z.",
                       "X.transposeTimes(M) computes XᵀM.")
                .solution("""
                        Matrix softmaxRegressionGrad(Matrix X, Vector y, Matrix W) {
                            Matrix Z = X.times(W);                                       // (n, K) logits
                            double[][] G = new double[Z.rows()][Z.cols()];
                            for (int i = 0; i < Z.rows(); i++) {
                                Vector z = Z.row(i);
                                double m = z.max();
                                Vector e = z.map(v -> Math.exp(v - m));
                                Vector p = e.scale(1 / e.sum());                         // stable softmax
                                for (int k = 0; k < Z.cols(); k++) G[i][k] = p.get(k) - (k == (int) y.get(i) ? 1 : 0);   // P − Y
                            }
                            return X.transposeTimes(Matrix.of(G)).scale(1.0 / X.rows());   // Xᵀ(P − Y)/n   (d, K)
                        }""")
                .explanation("""
                        One sample: ℓ = LSE(z) − z_y, ∂LSE/∂zₖ = e^zₖ/Σ e^zⱼ = pₖ, ∂z_y/∂zₖ = δₖy, so ∂ℓ/∂z = p − onehot(y).
                        All samples, averaged: ∂L/∂Z = (P − Y)/n (n×K). Z = XW means Zᵢₖ = Σⱼ Xᵢⱼ Wⱼₖ, so
                            ∂L/∂Wⱼₖ = Σᵢ Xᵢⱼ ∂L/∂Zᵢₖ,  i.e.  ∂L/∂W = Xᵀ(P − Y)/n   (d×K).
                        The same "prediction minus target, weighted by the inputs" as linear and logistic regression
                        (K = 2 with one column fixed at 0 is logistic regression). Adding a constant to a row of W
                        (the same to every class) leaves P unchanged: the gradient's rows sum to 0 across classes.""")
                .reference((Matrix X, Vector y, Matrix W) -> softmaxRegressionGradRef(X, y, W))
                .tests(
                        // x = [1], y = 0, W = [0, 0]: p = [½, ½], ∂L/∂W = 1·([½, ½] − [1, 0]) = [−½, ½]
                        DrillCase.of("hand case W = 0", srGrad(), Bank.m(new double[] {1}), Vector.of(0), Bank.m(new double[] {0, 0})),
                        DrillCase.of("one sample, three classes", srGrad(), Bank.m(new double[] {1, -2}), Vector.of(2),
                                Bank.m(new double[] {0.1, 0.2, 0.3}, new double[] {-0.3, 0.2, 0.5})),
                        DrillCase.of("logits ≈ 1000", srGrad(), Bank.m(new double[] {1000, 1}, new double[] {999, 1}), Vector.of(0, 1),
                                Bank.m(new double[] {1, 0.999}, new double[] {0, 0})),
                        DrillCase.random("random 30×4, K = 3", 73, rng -> new Object[] {Matrix.randn(30, 4, rng), Bank.labels(30, 3, rng),
                                Matrix.randn(4, 3, rng)}, srGrad()),
                        DrillCase.random("random 60×6, K = 5", 74, rng -> new Object[] {Matrix.randn(60, 6, rng), Bank.labels(60, 5, rng),
                                Matrix.randn(6, 5, rng).scale(2)}, srGrad()))
                .build();
    }

    private static Expect srGrad() {
        return Expect.gradient(a -> crossEntropyRef(((Matrix) a[0]).times((Matrix) a[2]), (Vector) a[1]), 2, 1e-6);
    }

    // ───────────────────────────── hinge (linear SVM) ─────────────────────────────

    static double svmObjective(Matrix X, Vector y, Vector w, double lambda) {
        Vector margins = X.times(w).hadamard(y);                           // mᵢ = yᵢ xᵢ·w
        return lambda / 2 * w.dot(w) + margins.map(m -> Math.max(0, 1 - m)).sum() / X.rows();
    }

    static Vector svmGradRef(Matrix X, Vector y, Vector w, double lambda) {
        Vector margins = X.times(w).hadamard(y);
        Vector coef = margins.zip("svmGrad", y, (m, yi) -> m < 1 ? -yi : 0);   // −yᵢ where the hinge is active
        return w.scale(lambda).plus(X.transpose().times(coef).scale(1.0 / X.rows()));   // λw − (1/n) Σ_active yᵢxᵢ
    }

    static Drill hingeGrad() {
        return Drill.builder("svm-hinge-grad")
                .title("Subgradient of the linear SVM objective").topic("losses").difficulty(Difficulty.MEDIUM)
                .signature("Vector svmGrad(Matrix X, Vector y, Vector w, double lambda)")
                .statement("""
                        X is n×d, y ∈ {−1, +1}ⁿ, w ∈ ℝᵈ (no bias), λ ≥ 0.
                        J(w) = (λ/2)‖w‖² + (1/n) Σᵢ max(0, 1 − yᵢ xᵢ·w). Return a subgradient of J at w (size d),
                        using the convention that a point exactly on the margin (yᵢ xᵢ·w = 1) contributes 0.
                        Checked against central finite differences of J (away from the kinks) and the reference,
                        entrywise within 1e-6 · max(1, |expected|); the on-margin case is compared with the
                        reference only.""")
                .starter("""
                        Vector svmGrad(Matrix X, Vector y, Vector w, double lambda) {
                            // margins mᵢ = yᵢ xᵢ·w; the hinge is active where mᵢ < 1
                            return null;
                        }""")
                .hints("d/dm max(0, 1 − m) = −1 for m < 1, 0 for m > 1.",
                       "∂mᵢ/∂w = yᵢxᵢ, so an active point adds −yᵢxᵢ/n; the regulariser adds λw.",
                       "Strict m < 1: a point exactly on the margin adds nothing.")
                .solution("""
                        Vector svmGrad(Matrix X, Vector y, Vector w, double lambda) {
                            Vector m = X.times(w).hadamard(y);                              // mᵢ = yᵢ xᵢ·w
                            Vector c = m.zip("svmGrad", y, (mi, yi) -> mi < 1 ? -yi : 0);   // ∂hingeᵢ/∂(xᵢ·w)
                            return w.scale(lambda).plus(X.transpose().times(c).scale(1.0 / X.rows()));   // λw + Xᵀc/n
                        }""")
                .explanation("""
                        hinge(m) = max(0, 1 − m) is convex, piecewise linear: slope −1 for m < 1, 0 for m > 1, and any
                        value in [−1, 0] at m = 1 (the subdifferential). With mᵢ = yᵢ xᵢ·w, ∂mᵢ/∂w = yᵢxᵢ, so
                            ∂J/∂w = λw − (1/n) Σ_{i: mᵢ < 1} yᵢ xᵢ.
                        Points beyond the margin (mᵢ > 1) contribute nothing: only margin violators and misclassified
                        points (the future support vectors) push w. Subgradient descent on J with step 1/(λt) is
                        Pegasos; the bias is usually handled by a column of ones (then it is regularised too).""")
                .reference((Matrix X, Vector y, Vector w, Double lambda) -> svmGradRef(X, y, w, lambda))
                .tests(
                        // x = [2], y = +1, w = [0.25]: m = 0.5 < 1 active ⇒ ∂J/∂w = λw − yx = 0.1·0.25 − 2 = −1.975
                        DrillCase.of("hand case: one active point", svmG(), Bank.m(new double[] {2}), Vector.of(1), Vector.of(0.25), 0.1),
                        DrillCase.of("on the margin contributes 0", Expect.close(1e-12), Bank.m(new double[] {1, 0}, new double[] {0, 2}),
                                Vector.of(1, -1), Vector.of(1, -0.5), 0.5),
                        DrillCase.of("all beyond the margin: only λw", svmG(), Bank.m(new double[] {3, 0}, new double[] {-3, 0}),
                                Vector.of(1, -1), Vector.of(1, 0.5), 0.2),
                        DrillCase.of("λ = 0", svmG(), Bank.m(new double[] {1, 1}, new double[] {-1, 2}), Vector.of(-1, 1),
                                Vector.of(0.3, 0.1), 0.0),
                        DrillCase.random("random 40×5", 75, rng -> new Object[] {Matrix.randn(40, 5, rng), Bank.signs(40, rng),
                                Vector.randn(5, rng), 0.01}, svmG()))
                .build();
    }

    private static Expect svmG() {
        return Expect.gradient(a -> svmObjective((Matrix) a[0], (Vector) a[1], (Vector) a[2], (Double) a[3]), 2, 1e-6);
    }

    // ───────────────────────────── Huber ─────────────────────────────

    static double huber(Vector r, double delta) {
        return r.map(t -> Math.abs(t) <= delta ? 0.5 * t * t : delta * (Math.abs(t) - 0.5 * delta)).sum();
    }

    static Drill huberGrad() {
        return Drill.builder("huber-grad")
                .title("Gradient of the Huber loss").topic("losses").difficulty(Difficulty.EASY)
                .signature("Vector huberGrad(Vector r, double delta)")
                .statement("""
                        r holds n ≥ 1 residuals (ŷ − y), δ > 0. The Huber loss is L(r) = Σᵢ h(rᵢ) with
                            h(t) = ½t²           if |t| ≤ δ
                            h(t) = δ(|t| − ½δ)   otherwise.
                        Return ∂L/∂r (size n). Edge cases: |t| = δ exactly; huge outliers (1e9); one element.
                        Checked against central finite differences of L and the reference, entrywise within
                        1e-6 · max(1, |expected|).""")
                .starter("""
                        Vector huberGrad(Vector r, double delta) {
                            return r.map(t -> /* h'(t) */ 0);
                        }""")
                .hints("Inside: h'(t) = t. Outside: h'(t) = δ·sign(t).",
                       "Both pieces agree at |t| = δ, so h' = clip(t, −δ, δ).")
                .solution("""
                        Vector huberGrad(Vector r, double delta) {
                            return r.map(t -> Math.max(-delta, Math.min(delta, t)));     // h'(t) = clip(t, −δ, δ)
                        }""")
                .explanation("""
                        h(t) = ½t² near 0 ⇒ h'(t) = t; h(t) = δ|t| − ½δ² in the tails ⇒ h'(t) = δ sign(t).
                        At |t| = δ both give ±δ (and h is ½δ² from both sides), so h is continuously differentiable
                        and h'(t) = clip(t, −δ, δ). Compared with MSE (gradient t, unbounded), an outlier's pull on
                        the fit is capped at δ; compared with MAE (gradient sign t), small residuals still get
                        proportional, smooth gradients. Gradient clipping in deep learning is the same idea.""")
                .reference((Vector r, Double delta) -> r.map(t -> Math.max(-delta, Math.min(delta, t))))
                .tests(
                        // δ = 1: r = [0.5, 3, −2] ⇒ [0.5, 1, −1]
                        DrillCase.of("hand case δ = 1", huberG(), Vector.of(0.5, 3, -2), 1.0),
                        DrillCase.of("|t| = δ exactly", Expect.close(1e-12), Vector.of(2, -2), 2.0),
                        DrillCase.of("huge outliers 1e9", huberG(), Vector.of(1e9, -1e9), 1.5),
                        DrillCase.of("outliers beside a small residual", Expect.close(1e-12), Vector.of(1e9, 0.1, -1e9), 1.5),
                        DrillCase.of("one element", huberG(), Vector.of(-0.3), 0.5),
                        DrillCase.random("random n=40, δ = 1.35", 76, rng -> new Object[] {Vector.randn(40, rng).scale(3), 1.35}, huberG()))
                .build();
    }

    private static Expect huberG() { return Expect.gradient(a -> huber((Vector) a[0], (Double) a[1]), 0, 1e-6); }
}
