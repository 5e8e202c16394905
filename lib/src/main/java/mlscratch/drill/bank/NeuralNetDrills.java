package mlscratch.drill.bank;

import java.util.List;

import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Drills on neural-network layers: dropout forward/backward, batch norm forward/backward, a 2-layer MLP
/// forward/backward, a 2-D convolution, max pooling, an RNN cell and scaled dot-product attention.
public final class NeuralNetDrills implements DrillSet {

    @Override
    public List<Drill> drills() {
        return List.of(dropoutForward(), dropoutBackward(), batchNormForward(), batchNormBackward(),
                mlpForward(), mlpBackward(), conv2d(), maxPool(), rnnStep(), attention());
    }

    /// A 0/1 mask keeping each entry with probability 1 − p.
    static Vector mask(int n, double p, java.util.random.RandomGenerator rng) {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) m[i] = rng.nextDouble() < p ? 0 : 1;
        return Vector.of(m);
    }

    // ───────────────────────────── dropout ─────────────────────────────

    static Vector dropoutRef(Vector x, Vector mask, double p) {
        return x.hadamard(mask).scale(1 / (1 - p));                              // y = x ⊙ m / (1 − p)
    }

    static Drill dropoutForward() {
        return Drill.builder("dropout-forward")
                .title("Inverted dropout, forward").topic("neural-nets").difficulty(Difficulty.EASY)
                .signature("Vector dropoutForward(Vector x, Vector mask, double p)")
                .statement("""
                        Training-time inverted dropout with drop probability p ∈ [0, 1). The random mask is GIVEN
                        (mask[i] = 1 keeps unit i, 0 drops it; drawn with P(keep) = 1 − p), so the answer is
                        deterministic. Return y = x ⊙ mask / (1 − p), so that E[y] = x and inference needs no change.
                        Edge cases: p = 0 (y = x when the mask is all ones); everything dropped; p = 0.9 (survivors ×10);
                        one element.
                        Tolerance: each entry within 1e-12 · max(1, |expected|).""")
                .starter("""
                        Vector dropoutForward(Vector x, Vector mask, double p) {
                            return null;
                        }""")
                .hints("Multiply entrywise by the mask, then scale the survivors.",
                       "Scale by 1/(1 − p) — the KEEP probability — not by p or 1/p.")
                .solution("""
                        Vector dropoutForward(Vector x, Vector mask, double p) {
                            return x.hadamard(mask).scale(1 / (1 - p));          // y = x ⊙ m / (1 − p)
                        }""")
                .explanation("""
                        Each unit survives with probability q = 1 − p. Without rescaling, E[yᵢ] = q xᵢ: the next layer would
                        see smaller activations at training time than at test time (when nothing is dropped).
                        Dividing by q at TRAINING time ("inverted" dropout) gives E[yᵢ] = q · xᵢ/q = xᵢ, so inference is
                        the identity — no scaling to forget. (The original paper instead multiplied the weights by q
                        at test time; same expectation.) Dropout regularises by preventing co-adaptation: any unit
                        may vanish, so each must be useful on its own; it is like averaging 2ⁿ thinned networks.""")
                .reference((Vector x, Vector m, Double p) -> dropoutRef(x, m, p))
                .tests(
                        // p = 0.5: survivors ×2 ⇒ [2·1, 0, 2·3]
                        DrillCase.of("hand case p = ½", Expect.close(1e-12), Vector.of(1, 2, 3), Vector.of(1, 0, 1), 0.5),
                        DrillCase.of("p = 0", Expect.close(1e-12), Vector.of(1, -2), Vector.of(1, 1), 0.0),
                        DrillCase.of("everything dropped", Expect.close(1e-12), Vector.of(5, 6), Vector.of(0, 0), 0.3),
                        DrillCase.of("p = 0.9: survivors ×10", Expect.close(1e-12), Vector.of(0.5, 0.25), Vector.of(1, 0), 0.9),
                        DrillCase.of("one element", Expect.close(1e-12), Vector.of(-4), Vector.of(1), 0.2),
                        DrillCase.random("random n = 100, p = 0.3", 151, rng -> new Object[] {Vector.randn(100, rng), mask(100, 0.3, rng), 0.3},
                                Expect.close(1e-12)))
                .build();
    }

    static Drill dropoutBackward() {
        return Drill.builder("dropout-backward")
                .title("Inverted dropout, backward").topic("neural-nets").difficulty(Difficulty.EASY)
                .signature("Vector dropoutBackward(Vector x, Vector g, Vector mask, double p)")
                .statement("""
                        Forward was y = x ⊙ mask / (1 − p) (inverted dropout with the given 0/1 mask, p ∈ [0, 1)).
                        Given g = ∂L/∂y, return ∂L/∂x (size n). (x is passed for completeness; you may not need it.)
                        Checked against central finite differences of L(x) = g · dropoutForward(x) and the reference,
                        entrywise within 1e-6 · max(1, |expected|).""")
                .starter("""
                        Vector dropoutBackward(Vector x, Vector g, Vector mask, double p) {
                            return null;
                        }""")
                .hints("The forward is linear in x with a diagonal Jacobian: ∂yᵢ/∂xᵢ = maskᵢ/(1 − p).",
                       "Use the SAME mask as the forward pass: dropped units get no gradient.")
                .solution("""
                        Vector dropoutBackward(Vector x, Vector g, Vector mask, double p) {
                            return g.hadamard(mask).scale(1 / (1 - p));          // ∂L/∂x = g ⊙ m / (1 − p)
                        }""")
                .explanation("""
                        Forward was yᵢ = xᵢ mᵢ/(1 − p): each output depends only on its own input, linearly, so
                            ∂L/∂xᵢ = gᵢ · ∂yᵢ/∂xᵢ = gᵢ mᵢ/(1 − p).
                        The backward applies the same mask and the same scale as the forward — which is why a layer
                        must store its mask between the two passes (drawing a fresh one in backward is a classic bug
                        a gradient check catches at once). x itself is not needed.""")
                .reference((Vector x, Vector g, Vector m, Double p) -> dropoutRef(g, m, p))
                .tests(
                        DrillCase.of("hand case p = ½", dropG(), Vector.of(1, 2, 3), Vector.of(1, 1, 1), Vector.of(1, 0, 1), 0.5),
                        DrillCase.of("p = 0", dropG(), Vector.of(1, 2), Vector.of(3, -4), Vector.of(1, 1), 0.0),
                        DrillCase.of("everything dropped", dropG(), Vector.of(1, 2), Vector.of(3, 4), Vector.of(0, 0), 0.5),
                        DrillCase.of("one element", dropG(), Vector.of(7), Vector.of(-2), Vector.of(1), 0.25),
                        DrillCase.random("random n = 50, p = 0.2", 152, rng -> new Object[] {Vector.randn(50, rng), Vector.randn(50, rng),
                                mask(50, 0.2, rng), 0.2}, dropG()))
                .build();
    }

    private static Expect dropG() {
        return Expect.gradient(a -> ((Vector) a[1]).dot(dropoutRef((Vector) a[0], (Vector) a[2], (Double) a[3])), 0, 1e-6);
    }

    // ───────────────────────────── batch norm ─────────────────────────────

    static final double BN_EPS = 1e-5;

    static Matrix batchNormRef(Matrix X, Vector gamma, Vector beta) {
        Vector mu = X.mean(0);                                                    // μ per column
        Matrix Xc = X.minusRowVector(mu);
        Vector var = Xc.hadamard(Xc).mean(0);                                     // σ² per column (÷ n), two-pass
        Matrix Xhat = Xc.divideColumns(var.map(v -> Math.sqrt(v + BN_EPS)));      // x̂ = (x − μ)/√(σ² + ε)
        return Xhat.scaleColumns(gamma).plusRowVector(beta);                      // y = γ x̂ + β
    }

    static Drill batchNormForward() {
        return Drill.builder("batchnorm-forward")
                .title("Batch normalisation, training forward").topic("neural-nets").difficulty(Difficulty.MEDIUM)
                .signature("Matrix batchNormForward(Matrix X, Vector gamma, Vector beta)")
                .statement("""
                        X is a mini-batch, n×d (n ≥ 1 rows = samples); gamma and beta have d entries. In training mode,
                        per column j:  μⱼ = mean of the column,  σ²ⱼ = (1/n) Σᵢ (Xᵢⱼ − μⱼ)²  (÷ n),
                            Yᵢⱼ = γⱼ (Xᵢⱼ − μⱼ) / √(σ²ⱼ + ε) + βⱼ,   ε = 1e-5.
                        Return Y (n×d). Edge cases: one row (Y = β); a constant column (Y = β there); a column at 1e8
                        with spread 1 (use deviations from the mean, not E[x²] − E[x]²); γ = 0.
                        Tolerance: each entry within 1e-6 · max(1, |expected|).""")
                .starter("""
                        Matrix batchNormForward(Matrix X, Vector gamma, Vector beta) {
                            Vector mu = X.mean(0);
                            return null;
                        }""")
                .hints("Xc = X.minusRowVector(mu); var = Xc.hadamard(Xc).mean(0).",
                       "x̂ = Xc.divideColumns(var.map(v -> Math.sqrt(v + 1e-5))); then scaleColumns(gamma).plusRowVector(beta).")
                .solution("""
                        Matrix batchNormForward(Matrix X, Vector gamma, Vector beta) {
                            Matrix Xc = X.minusRowVector(X.mean(0));                                 // x − μ
                            Vector var = Xc.hadamard(Xc).mean(0);                                    // σ² (÷ n)
                            Matrix Xhat = Xc.divideColumns(var.map(v -> Math.sqrt(v + 1e-5)));      // x̂
                            return Xhat.scaleColumns(gamma).plusRowVector(beta);                     // γ x̂ + β
                        }""")
                .explanation("""
                        Each feature is normalised over the batch to mean 0 and variance ≈ 1 (x̂), then γ and β restore
                        whatever scale and shift the network prefers — with γ = √(σ² + ε), β = μ the layer is the
                        identity, so normalising never reduces what it can represent. ε keeps a constant column from
                        dividing by 0 (x̂ = 0, Y = β). At inference, running averages of μ and σ² replace the batch
                        statistics, so a prediction does not depend on the other samples. The two-pass variance
                        matters when activations have a large common offset: E[x²] − E[x]² at 1e8 loses every digit.""")
                .reference((Matrix X, Vector gamma, Vector beta) -> batchNormRef(X, gamma, beta))
                .tests(
                        // column [1, 3]: μ = 2, σ² = 1 ⇒ x̂ = ±1/√(1 + 1e-5); γ = 2, β = 1 ⇒ 1 ± 2/√1.00001
                        DrillCase.of("hand case", Expect.close(1e-6), Bank.m(new double[] {1}, new double[] {3}), Vector.of(2), Vector.of(1)),
                        DrillCase.of("one row", Expect.close(1e-6), Bank.m(new double[] {3, -4}), Vector.of(1, 1), Vector.of(0.5, -0.5)),
                        DrillCase.of("constant column", Expect.close(1e-6), Bank.m(new double[] {7, 1}, new double[] {7, 2}, new double[] {7, 6}),
                                Vector.of(3, 1), Vector.of(0.25, 0)),
                        DrillCase.random("column at 1e8", 153, rng -> new Object[] {Matrix.randn(32, 2, rng).plus(Matrix.full(32, 2, 1e8)),
                                Vector.of(1, 2), Vector.of(0, 0)}, Expect.close(1e-6)),
                        DrillCase.random("γ = 0", 154, rng -> new Object[] {Matrix.randn(8, 3, rng), Vector.zeros(3), Vector.of(1, 2, 3)},
                                Expect.close(1e-6)),
                        DrillCase.random("random 64×5", 155, rng -> new Object[] {Matrix.randn(64, 5, rng).scale(3), Vector.randn(5, rng),
                                Vector.randn(5, rng)}, Expect.close(1e-6)))
                .build();
    }

    static Matrix batchNormBackwardRef(Matrix X, Vector gamma, Matrix G) {
        int n = X.rows();
        Matrix Xc = X.minusRowVector(X.mean(0));
        Vector invStd = Xc.hadamard(Xc).mean(0).map(v -> 1 / Math.sqrt(v + BN_EPS));   // 1/√(σ² + ε)
        Matrix Xhat = Xc.scaleColumns(invStd);                                          // x̂
        Matrix dXhat = G.scaleColumns(gamma);                                           // ∂L/∂x̂ = G ⊙ γ
        Vector sum = dXhat.sum(0);                                                      // Σᵢ ∂L/∂x̂ᵢ
        Vector dot = dXhat.hadamard(Xhat).sum(0);                                       // Σᵢ ∂L/∂x̂ᵢ · x̂ᵢ
        // ∂L/∂x = (1/√(σ² + ε)) · (∂L/∂x̂ − mean(∂L/∂x̂) − x̂ · mean(∂L/∂x̂ ⊙ x̂))
        return dXhat.minusRowVector(sum.scale(1.0 / n)).minus(Xhat.scaleColumns(dot.scale(1.0 / n))).scaleColumns(invStd);
    }

    static Drill batchNormBackward() {
        return Drill.builder("batchnorm-backward")
                .title("Batch normalisation, backward to the input").topic("neural-nets").difficulty(Difficulty.HARD)
                .signature("Matrix batchNormBackward(Matrix X, Vector gamma, Matrix G)")
                .statement("""
                        Forward was the training-mode batch norm of "batchnorm-forward" (ε = 1e-5, σ² ÷ n):
                            Y = γ ⊙ (X − μ)/√(σ² + ε) + β, column by column, with μ and σ² computed FROM X.
                        Given X (n×d), γ (d) and the upstream gradient G = ∂L/∂Y (n×d), return ∂L/∂X (n×d).
                        μ and σ² depend on every row: treating them as constants is the classic mistake.
                        Edge cases: one row (the gradient is 0); G constant down a column (its gradient is 0).
                        Checked against central finite differences of L(X) = Σ G ⊙ Y and the reference, entrywise
                        within 1e-6 · max(1, |expected|).""")
                .starter("""
                        Matrix batchNormBackward(Matrix X, Vector gamma, Matrix G) {
                            // recompute x̂ and 1/√(σ² + ε); then the compact formula per column
                            return null;
                        }""")
                .hints("Let s = 1/√(σ² + ε) and dx̂ = G ⊙ γ. The answer per column is s · (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)).",
                       "Derive it by the chain rule through x̂ = (x − μ)s, with ∂μ/∂xᵢ = 1/n and ∂σ²/∂xᵢ = 2(xᵢ − μ)/n.",
                       "Column means: M.mean(0); subtract a row vector with minusRowVector; scale columns with scaleColumns.")
                .solution("""
                        Matrix batchNormBackward(Matrix X, Vector gamma, Matrix G) {
                            int n = X.rows();
                            Matrix Xc = X.minusRowVector(X.mean(0));
                            Vector s = Xc.hadamard(Xc).mean(0).map(v -> 1 / Math.sqrt(v + 1e-5));   // 1/√(σ² + ε)
                            Matrix Xhat = Xc.scaleColumns(s);                                       // x̂
                            Matrix dXhat = G.scaleColumns(gamma);                                   // ∂L/∂x̂ = G ⊙ γ
                            Vector meanD = dXhat.mean(0);                                           // mean(dx̂)
                            Vector meanDX = dXhat.hadamard(Xhat).mean(0);                           // mean(dx̂ ⊙ x̂)
                            return dXhat.minusRowVector(meanD).minus(Xhat.scaleColumns(meanDX)).scaleColumns(s);
                        }""")
                .explanation("""
                        One column; s = (σ² + ε)^(−½), x̂ᵢ = (xᵢ − μ)s, yᵢ = γx̂ᵢ + β, dx̂ᵢ = γ gᵢ. x̂ᵢ depends on xₖ three ways:
                            ∂x̂ᵢ/∂xₖ = s(δᵢₖ − 1/n) + (xᵢ − μ) ∂s/∂xₖ,   ∂s/∂xₖ = −½ s³ ∂σ²/∂xₖ = −s³ (xₖ − μ)/n
                        (∂σ²/∂xₖ = 2(xₖ − μ)/n: the −1/n terms from μ sum to 0). So
                            ∂L/∂xₖ = Σᵢ dx̂ᵢ ∂x̂ᵢ/∂xₖ = s · (dx̂ₖ − mean(dx̂) − x̂ₖ · mean(dx̂ ⊙ x̂)).
                        Reading: the gradient is projected to have zero mean and zero correlation with x̂ — the two
                        directions the normalisation removes (shifting or scaling the batch changes nothing).
                        That is why G constant in a column gives 0, and one row gives 0. ∂L/∂γ = Σᵢ gᵢx̂ᵢ, ∂L/∂β = Σᵢ gᵢ.""")
                .reference((Matrix X, Vector gamma, Matrix G) -> batchNormBackwardRef(X, gamma, G))
                .tests(
                        DrillCase.random("hand-sized 3×1", 156, rng -> new Object[] {Bank.m(new double[] {1}, new double[] {2}, new double[] {4}),
                                Vector.of(1.5), Bank.m(new double[] {1}, new double[] {-1}, new double[] {0.5})}, bnG()),
                        DrillCase.of("one row: zero gradient", bnG(), Bank.m(new double[] {3, 1}), Vector.of(2, 3), Bank.m(new double[] {5, -1})),
                        DrillCase.of("constant G column: zero gradient", bnG(), Bank.m(new double[] {1, 0}, new double[] {2, 5}, new double[] {-1, 3}),
                                Vector.of(1, 1), Bank.m(new double[] {2, 1}, new double[] {2, 0}, new double[] {2, -1})),
                        DrillCase.random("random 16×3", 157, rng -> new Object[] {Matrix.randn(16, 3, rng), Vector.randn(3, rng), Matrix.randn(16, 3, rng)},
                                bnG()),
                        DrillCase.random("random 40×4, spread 5", 158, rng -> new Object[] {Matrix.randn(40, 4, rng).scale(5).plus(3),
                                Vector.randn(4, rng), Matrix.randn(40, 4, rng)}, bnG()))
                .build();
    }

    private static Expect bnG() {
        return Expect.gradient(a -> ((Matrix) a[2]).dot(batchNormRef((Matrix) a[0], (Vector) a[1], Vector.zeros(((Vector) a[1]).size()))), 0, 1e-6);
    }

    // ───────────────────────────── 2-layer MLP ─────────────────────────────

    static Matrix mlpForwardRef(Matrix X, List<Matrix> p) {
        Matrix H = X.times(p.get(0)).plusRowVector(p.get(1).row(0)).map(t -> Math.max(0, t));   // H = relu(XW₁ + b₁)   (n, h)
        return H.times(p.get(2)).plusRowVector(p.get(3).row(0));                                // Z = HW₂ + b₂         (n, K)
    }

    static double mlpLoss(Matrix X, Vector y, List<Matrix> p) {
        return LossDrills.crossEntropyRef(mlpForwardRef(X, p), y);
    }

    static List<Matrix> mlpBackwardRef(Matrix X, Vector y, List<Matrix> p) {
        int n = X.rows();
        Matrix A = X.times(p.get(0)).plusRowVector(p.get(1).row(0));                  // pre-activation   (n, h)
        Matrix H = A.map(t -> Math.max(0, t));                                        // H = relu(A)
        Matrix Z = H.times(p.get(2)).plusRowVector(p.get(3).row(0));                  // logits           (n, K)
        Matrix dZ = Bank.softmaxRows(Z).minus(Bank.oneHot(y, Z.cols())).scale(1.0 / n);   // ∂L/∂Z = (P − Y)/n
        Matrix dW2 = H.transposeTimes(dZ);                                            // ∂L/∂W₂ = Hᵀ dZ   (h, K)
        Matrix db2 = dZ.sum(0).asRow();                                               // ∂L/∂b₂ = Σᵢ dZᵢ  (1, K)
        Matrix dH = dZ.timesTranspose(p.get(2));                                      // ∂L/∂H = dZ W₂ᵀ   (n, h)
        Matrix dA = dH.hadamard(A.map(t -> t > 0 ? 1 : 0));                           // relu': 1[A > 0]
        Matrix dW1 = X.transposeTimes(dA);                                            // ∂L/∂W₁ = Xᵀ dA   (d, h)
        Matrix db1 = dA.sum(0).asRow();                                               // (1, h)
        return List.of(dW1, db1, dW2, db2);
    }

    static List<Matrix> mlpParams(java.util.random.RandomGenerator rng, int d, int h, int K) {
        return List.of(Matrix.randn(d, h, rng).scale(Math.sqrt(2.0 / d)), Matrix.randn(1, h, rng).scale(0.1),
                Matrix.randn(h, K, rng).scale(Math.sqrt(2.0 / h)), Matrix.randn(1, K, rng).scale(0.1));
    }

    static Drill mlpForward() {
        return Drill.builder("mlp-forward")
                .title("2-layer MLP, forward").topic("neural-nets").difficulty(Difficulty.EASY)
                .signature("Matrix mlpForward(Matrix X, List<Matrix> params)")
                .statement("""
                        X is n×d (rows = samples). params = [W1 (d×h), b1 (1×h), W2 (h×K), b2 (1×K)].
                        Return the logits Z (n×K):
                            H = relu(X W1 + b1)    (b1 added to every row)
                            Z = H W2 + b2          (no activation on the output)
                        Edge cases: one sample; all pre-activations negative (H = 0, Z = b2 in every row); h = 1.
                        Tolerance: each entry within 1e-12 · max(1, |expected|).""")
                .starter("""
                        Matrix mlpForward(Matrix X, List<Matrix> params) {
                            Matrix W1 = params.get(0), b1 = params.get(1), W2 = params.get(2), b2 = params.get(3);
                            return null;
                        }""")
                .hints("A bias stored as a 1×h matrix is added to every row with plusRowVector(b1.row(0)).",
                       "relu: M.map(t -> Math.max(0, t)). No relu (and no softmax) on the output layer.")
                .solution("""
                        Matrix mlpForward(Matrix X, List<Matrix> params) {
                            Matrix W1 = params.get(0), b1 = params.get(1), W2 = params.get(2), b2 = params.get(3);
                            Matrix H = X.times(W1).plusRowVector(b1.row(0)).map(t -> Math.max(0, t));   // (n, h)
                            return H.times(W2).plusRowVector(b2.row(0));                               // (n, K)
                        }""")
                .explanation("""
                        With samples as rows, a dense layer is XW + b: (n×d)(d×h) = n×h, the bias broadcast over rows.
                        ReLU between the layers is what makes it more than a linear model: without it,
                        (XW1 + b1)W2 + b2 = X(W1W2) + (b1W2 + b2) is just another linear map. The output stays raw
                        (logits): softmax is folded into the cross-entropy loss, which is more stable (log-sum-exp).
                        Cost: O(n(dh + hK)) multiply-adds. Keep the pre-activation XW1 + b1 — the backward pass needs
                        its sign pattern.""")
                .reference((Matrix X, List<Matrix> p) -> mlpForwardRef(X, p))
                .tests(
                        // x = [1, 2]; W1 = I, b1 = [0, −3] ⇒ H = relu([1, −1]) = [1, 0]; W2 = [[2], [5]], b2 = [1] ⇒ Z = 3
                        DrillCase.of("hand case", Expect.close(1e-12), Bank.m(new double[] {1, 2}), List.of(Matrix.identity(2),
                                Bank.m(new double[] {0, -3}), Bank.m(new double[] {2}, new double[] {5}), Bank.m(new double[] {1}))),
                        DrillCase.of("all pre-activations negative: Z = b2", Expect.close(1e-12),
                                Bank.m(new double[] {1, 1}, new double[] {2, 0.5}), List.of(Matrix.full(2, 3, -1.0), Matrix.zeros(1, 3),
                                        Matrix.ones(3, 2), Bank.m(new double[] {0.5, -0.5}))),
                        DrillCase.random("one sample", 161, rng -> new Object[] {Matrix.randn(1, 4, rng), mlpParams(rng, 4, 6, 3)}, Expect.close(1e-12)),
                        DrillCase.random("h = 1", 162, rng -> new Object[] {Matrix.randn(5, 3, rng), mlpParams(rng, 3, 1, 2)}, Expect.close(1e-12)),
                        DrillCase.random("random 20×5, h = 8, K = 3", 163, rng -> new Object[] {Matrix.randn(20, 5, rng), mlpParams(rng, 5, 8, 3)},
                                Expect.close(1e-12)))
                .build();
    }

    static Drill mlpBackward() {
        return Drill.builder("mlp-backward")
                .title("2-layer MLP, backward (softmax cross-entropy)").topic("neural-nets").difficulty(Difficulty.HARD)
                .signature("List<Matrix> mlpBackward(Matrix X, Vector y, List<Matrix> params)")
                .statement("""
                        The network of "mlp-forward": params = [W1 (d×h), b1 (1×h), W2 (h×K), b2 (1×K)],
                        H = relu(X W1 + b1), Z = H W2 + b2. y holds n class indices in 0..K−1; the loss is the MEAN
                        softmax cross-entropy L = −(1/n) Σᵢ log softmax(Zᵢ)[yᵢ].
                        Return the gradients in the same order and shapes: List.of(dW1, db1, dW2, db2).
                        Use relu'(0) = 0. Logits may be large (keep the softmax stable).
                        Each entry is checked against central finite differences of L (within 1e-6 · max(1, |numeric|)).""")
                .starter("""
                        List<Matrix> mlpBackward(Matrix X, Vector y, List<Matrix> params) {
                            Matrix W1 = params.get(0), b1 = params.get(1), W2 = params.get(2), b2 = params.get(3);
                            // forward (keep A = XW1 + b1 and H), then dZ = (P − Y)/n, then back through W2, relu, W1
                            return List.of();
                        }""")
                .hints("dZ = (softmax(Z) − onehot(y)) / n, row by row.",
                       "dW2 = Hᵀ dZ, db2 = column sums of dZ (as a 1×K matrix: M.sum(0).asRow()), dH = dZ W2ᵀ.",
                       "dA = dH ⊙ 1[A > 0]; dW1 = Xᵀ dA; db1 = column sums of dA.")
                .solution("""
                        List<Matrix> mlpBackward(Matrix X, Vector y, List<Matrix> params) {
                            Matrix W1 = params.get(0), b1 = params.get(1), W2 = params.get(2), b2 = params.get(3);
                            int n = X.rows(), K = W2.cols();
                            Matrix A = X.times(W1).plusRowVector(b1.row(0));                 // (n, h) pre-activation
                            Matrix H = A.map(t -> Math.max(0, t));                          // relu
                            Matrix Z = H.times(W2).plusRowVector(b2.row(0));                // (n, K) logits
                            double[][] dZ = new double[n][K];
                            for (int i = 0; i < n; i++) {
                                Vector z = Z.row(i);
                                double m = z.max();
                                Vector e = z.map(v -> Math.exp(v - m));
                                Vector p = e.scale(1 / e.sum());                            // stable softmax
                                for (int k = 0; k < K; k++) dZ[i][k] = (p.get(k) - (k == (int) y.get(i) ? 1 : 0)) / n;
                            }
                            Matrix G = Matrix.of(dZ);                                       // ∂L/∂Z = (P − Y)/n
                            Matrix dW2 = H.transposeTimes(G);                               // Hᵀ dZ
                            Matrix db2 = G.sum(0).asRow();
                            Matrix dA = G.timesTranspose(W2).hadamard(A.map(t -> t > 0 ? 1 : 0));   // (dZ W2ᵀ) ⊙ relu'(A)
                            Matrix dW1 = X.transposeTimes(dA);                              // Xᵀ dA
                            Matrix db1 = dA.sum(0).asRow();
                            return List.of(dW1, db1, dW2, db2);
                        }""")
                .explanation("""
                        Walk the forward lines backwards, each local derivative times the gradient from above:
                            Z = HW2 + b2    ⇒ dW2 = Hᵀ dZ,  db2 = Σᵢ dZᵢ (the bias was broadcast over rows, so its
                                              gradient is summed over rows),  dH = dZ W2ᵀ
                            H = relu(A)     ⇒ dA = dH ⊙ 1[A > 0]
                            A = XW1 + b1    ⇒ dW1 = Xᵀ dA,  db1 = Σᵢ dAᵢ
                        and at the top, for mean cross-entropy of softmax: dZ = (P − Y)/n.
                        Shapes check every line: a gradient has the shape of its variable. The finite-difference
                        check catches the usual slips: a missing 1/n, the bias not summed, relu' taken on H vs A
                        (the same here, but not for other activations), or W2 instead of W2ᵀ.""")
                .reference((Matrix X, Vector y, List<Matrix> p) -> mlpBackwardRef(X, y, p))
                .tests(
                        DrillCase.random("tiny 2×2, h = 2, K = 2", 164, rng -> new Object[] {Matrix.randn(2, 2, rng), Vector.of(0, 1),
                                mlpParams(rng, 2, 2, 2)}, mlpG()),
                        DrillCase.random("one sample", 165, rng -> new Object[] {Matrix.randn(1, 3, rng), Vector.of(2), mlpParams(rng, 3, 4, 3)}, mlpG()),
                        DrillCase.random("large logits", 166, rng -> new Object[] {Matrix.randn(4, 2, rng), Vector.of(0, 1, 1, 0),
                                List.of(Matrix.randn(2, 3, rng), Matrix.zeros(1, 3), Matrix.randn(3, 2, rng).scale(300), Matrix.zeros(1, 2))}, mlpG()),
                        DrillCase.random("random 10×4, h = 5, K = 3", 167, rng -> new Object[] {Matrix.randn(10, 4, rng), Bank.labels(10, 3, rng),
                                mlpParams(rng, 4, 5, 3)}, mlpG()),
                        DrillCase.random("random 30×3, h = 6, K = 4", 168, rng -> new Object[] {Matrix.randn(30, 3, rng), Bank.labels(30, 4, rng),
                                mlpParams(rng, 3, 6, 4)}, mlpG()))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Expect mlpG() {
        return Expect.that((args, expected, got) -> {
            Matrix X = (Matrix) args[0];
            Vector y = (Vector) args[1];
            return Bank.checkGradients(p -> mlpLoss(X, y, p), (List<Matrix>) args[2], got, 1e-6, List.of("W1", "b1", "W2", "b2"));
        });
    }

    // ───────────────────────────── conv2d ─────────────────────────────

    static Matrix conv2dRef(Matrix img, Matrix k) {
        int H = img.rows() - k.rows() + 1, W = img.cols() - k.cols() + 1;
        double[] out = new double[H * W];
        for (int i = 0; i < H; i++)
            for (int j = 0; j < W; j++) {
                double s = 0;
                for (int u = 0; u < k.rows(); u++)
                    for (int v = 0; v < k.cols(); v++) s += img.get(i + u, j + v) * k.get(u, v);   // y[i][j] = Σ x[i+u][j+v]·k[u][v]
                out[i * W + j] = s;
            }
        return Matrix.wrap(H, W, out);
    }

    static Drill conv2d() {
        return Drill.builder("conv2d")
                .title("2-D convolution (valid, stride 1)").topic("neural-nets").difficulty(Difficulty.MEDIUM)
                .signature("Matrix conv2d(Matrix image, Matrix kernel)")
                .statement("""
                        image is H×W, kernel is kh×kw with kh ≤ H, kw ≤ W (one channel). Return the "valid"
                        cross-correlation with stride 1, as deep-learning libraries define convolution (NO kernel flip):
                            out[i][j] = Σᵤ Σᵥ image[i + u][j + v] · kernel[u][v],   out is (H − kh + 1)×(W − kw + 1).
                        Edge cases: 1×1 kernel (a scaled copy); kernel the size of the image (1×1 output); an
                        asymmetric kernel (flipping it gives a different answer); non-square shapes.
                        Tolerance: each entry within 1e-12 · max(1, |expected|).""")
                .starter("""
                        Matrix conv2d(Matrix image, Matrix kernel) {
                            int H = image.rows() - kernel.rows() + 1, W = image.cols() - kernel.cols() + 1;
                            double[][] out = new double[H][W];
                            return Matrix.of(out);
                        }""")
                .hints("Four loops: output row i, output column j, kernel row u, kernel column v.",
                       "The output shrinks by kernel size − 1 in each direction ('valid': no padding).",
                       "No flip: kernel[u][v] multiplies image[i + u][j + v], not image[i − u][j − v].")
                .solution("""
                        Matrix conv2d(Matrix image, Matrix kernel) {
                            int H = image.rows() - kernel.rows() + 1, W = image.cols() - kernel.cols() + 1;
                            double[][] out = new double[H][W];
                            for (int i = 0; i < H; i++)
                                for (int j = 0; j < W; j++)
                                    for (int u = 0; u < kernel.rows(); u++)
                                        for (int v = 0; v < kernel.cols(); v++)
                                            out[i][j] += image.get(i + u, j + v) * kernel.get(u, v);
                            return Matrix.of(out);
                        }""")
                .explanation("""
                        Each output is the dot product of the kernel with the image patch under it; sliding the patch
                        gives (H − kh + 1)(W − kw + 1) outputs (general: ⌊(n + 2p − k)/s⌋ + 1 per axis). Mathematical
                        convolution flips the kernel (Σ x[i − u][j − v] k[u][v]); CNN layers skip the flip because the
                        kernel is learned anyway — a learned flipped kernel is just another kernel. Weight sharing
                        (the same kernel at every position) makes the layer translation-equivariant and small:
                        kh·kw weights regardless of the image size. Cost O(H·W·kh·kw); im2col turns it into one matmul.""")
                .reference((Matrix img, Matrix k) -> conv2dRef(img, k))
                .tests(
                        // [[1,2,3],[4,5,6],[7,8,9]] with [[1,0],[0,−1]]: out[i][j] = x[i][j] − x[i+1][j+1] = −4 everywhere
                        DrillCase.of("hand case", Expect.close(1e-12), Bank.m(new double[] {1, 2, 3}, new double[] {4, 5, 6}, new double[] {7, 8, 9}),
                                Bank.m(new double[] {1, 0}, new double[] {0, -1})),
                        DrillCase.of("1×1 kernel", Expect.close(1e-12), Bank.m(new double[] {1, 2}, new double[] {3, 4}), Bank.m(new double[] {-2})),
                        DrillCase.random("kernel the size of the image", 171, rng -> new Object[] {Matrix.randn(3, 4, rng), Matrix.randn(3, 4, rng)},
                                Expect.close(1e-12)),
                        DrillCase.of("asymmetric kernel (catches a flip)", Expect.close(1e-12),
                                Bank.m(new double[] {0, 1, 2, 3}, new double[] {4, 5, 6, 7}), Bank.m(new double[] {1, 2, 3})),
                        DrillCase.random("random 7×9 with 3×2", 172, rng -> new Object[] {Matrix.randn(7, 9, rng), Matrix.randn(3, 2, rng)},
                                Expect.close(1e-12)))
                .build();
    }

    // ───────────────────────────── RNN cell ─────────────────────────────

    static Vector rnnRef(Vector h, Vector x, Matrix W, Vector b) {
        return W.times(Vector.concat(h, x)).plus(b).map(Math::tanh);           // h' = tanh(W [h; x] + b)
    }

    static Drill rnnStep() {
        return Drill.builder("rnn-step")
                .title("One step of a vanilla RNN cell").topic("neural-nets").difficulty(Difficulty.EASY)
                .signature("Vector rnnStep(Vector h, Vector x, Matrix W, Vector b)")
                .statement("""
                        h is the previous hidden state (size H), x the input at this step (size D), W is H×(H + D), b has
                        H entries. Return the new state
                            h' = tanh(W [h; x] + b),
                        where [h; x] is h followed by x (size H + D): the first H columns of W act on h (W_hh), the last
                        D on x (W_xh). Edge cases: h = 0 (the first step); D = 1; large pre-activations (±1000 saturate
                        to ±1, finite).
                        Tolerance: each entry within 1e-12 · max(1, |expected|).""")
                .starter("""
                        Vector rnnStep(Vector h, Vector x, Matrix W, Vector b) {
                            // Vector.concat(h, x), W.times(…), plus(b), map(Math::tanh)
                            return null;
                        }""")
                .hints("Vector.concat(h, x) builds [h; x] — in THAT order.",
                       "Equivalent: W_hh h + W_xh x + b with W_hh = W.cols(0, H), W_xh = W.cols(H, H + D).")
                .solution("""
                        Vector rnnStep(Vector h, Vector x, Matrix W, Vector b) {
                            Vector hx = Vector.concat(h, x);                     // [h; x]   (H + D)
                            return W.times(hx).plus(b).map(Math::tanh);          // h' = tanh(W[h; x] + b)   (H)
                        }""")
                .explanation("""
                        A vanilla (Elman) RNN carries a state through time: hₜ = tanh(W_hh hₜ₋₁ + W_xh xₜ + b). Stacking
                        [W_hh | W_xh] into one H×(H + D) matrix and [h; x] into one vector makes it a single matrix-vector
                        product — the form LSTM and GRU cells also use for their gates. The same W is applied at
                        every step (weight sharing over time), so backprop through T steps multiplies T Jacobians
                        diag(1 − hₜ²) W_hh: gradients vanish when they shrink and explode when they grow — the
                        motivation for LSTM gating and gradient clipping. tanh keeps the state in (−1, 1).""")
                .reference((Vector h, Vector x, Matrix W, Vector b) -> rnnRef(h, x, W, b))
                .tests(
                        // H = 1, D = 1: W = [0.5, 1], h = 2, x = −1, b = 0 ⇒ tanh(1 − 1) = 0
                        DrillCase.of("hand case", Expect.close(1e-12), Vector.of(2), Vector.of(-1), Bank.m(new double[] {0.5, 1}), Vector.of(0)),
                        DrillCase.random("first step h = 0", 181, rng -> new Object[] {Vector.zeros(3), Vector.randn(2, rng), Matrix.randn(3, 5, rng),
                                Vector.randn(3, rng)}, Expect.close(1e-12)),
                        DrillCase.random("D = 1", 182, rng -> new Object[] {Vector.randn(4, rng), Vector.randn(1, rng), Matrix.randn(4, 5, rng),
                                Vector.randn(4, rng)}, Expect.close(1e-12)),
                        DrillCase.of("saturation ±1000", Expect.close(1e-12), Vector.of(1, 1), Vector.of(1),
                                Bank.m(new double[] {500, 500, 0}, new double[] {-500, -500, 0}), Vector.of(0, 0)),
                        // W's two blocks differ, so swapping h and x changes the answer
                        DrillCase.random("random H = 6, D = 3", 183, rng -> new Object[] {Vector.randn(6, rng), Vector.randn(3, rng),
                                Matrix.randn(6, 9, rng).scale(0.5), Vector.randn(6, rng)}, Expect.close(1e-12)))
                .build();
    }

    // ───────────────────────────── max pooling ─────────────────────────────

    static Matrix maxPoolRef(Matrix x, int s) {
        int H = x.rows() / s, W = x.cols() / s;                                  // floor: leftover rows/columns dropped
        double[] out = new double[H * W];
        for (int i = 0; i < H; i++)
            for (int j = 0; j < W; j++) {
                double m = Double.NEGATIVE_INFINITY;
                for (int u = 0; u < s; u++)
                    for (int v = 0; v < s; v++) m = Math.max(m, x.get(i * s + u, j * s + v));   // max over the window
                out[i * W + j] = m;
            }
        return Matrix.wrap(H, W, out);
    }

    static Drill maxPool() {
        return Drill.builder("max-pool")
                .title("Max pooling (non-overlapping windows)").topic("neural-nets").difficulty(Difficulty.EASY)
                .signature("Matrix maxPool(Matrix x, int size)")
                .statement("""
                        x is H×W (one channel), size ≥ 1 with size ≤ H and size ≤ W. Pool with size×size windows and
                        stride = size: out[i][j] = max of x over rows i·size … i·size + size − 1 and columns
                        j·size … j·size + size − 1. The output is ⌊H/size⌋ × ⌊W/size⌋: leftover rows and columns at the
                        bottom/right are dropped (PyTorch's default).
                        Edge cases: size 1 (a copy); one window covering x (the global max); all-negative inputs;
                        H, W not divisible by size.
                        Compared exactly.""")
                .starter("""
                        Matrix maxPool(Matrix x, int size) {
                            int H = x.rows() / size, W = x.cols() / size;
                            double[][] out = new double[H][W];
                            return Matrix.of(out);
                        }""")
                .hints("Window (i, j) starts at row i·size and column j·size.",
                       "Start each maximum at −∞ (or the window's first entry) — NOT at 0: inputs can be negative.")
                .solution("""
                        Matrix maxPool(Matrix x, int size) {
                            int H = x.rows() / size, W = x.cols() / size;            // floor: leftovers dropped
                            double[][] out = new double[H][W];
                            for (int i = 0; i < H; i++)
                                for (int j = 0; j < W; j++) {
                                    double m = Double.NEGATIVE_INFINITY;
                                    for (int u = 0; u < size; u++)
                                        for (int v = 0; v < size; v++) m = Math.max(m, x.get(i * size + u, j * size + v));
                                    out[i][j] = m;
                                }
                            return Matrix.of(out);
                        }""")
                .explanation("""
                        Pooling downsamples a feature map: each output summarises a size×size patch by its maximum, so
                        the map shrinks by size in each direction (general size ⌊(n − k)/s⌋ + 1; here k = s). It has
                        no weights. Max pooling keeps the strongest response of a detector in the patch, which makes
                        the output insensitive to small shifts of the feature inside the window and doubles (for
                        size 2) the receptive field of the layers above. Backward: the gradient of each output goes
                        entirely to the argmax of its window (0 elsewhere) — so remember where the max was.""")
                .reference((Matrix x, Integer s) -> maxPoolRef(x, s))
                .tests(
                        // 4×4 in 2×2 windows: max{1,2,5,6} = 6, max{3,4,7,8} = 8, max{9,10,13,14} = 14, max{11,12,15,16} = 16
                        DrillCase.of("hand case 4×4, size 2", Expect.close(0), Matrix.of(4, 4,
                                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), 2),
                        DrillCase.random("size 1: a copy", 191, rng -> new Object[] {Matrix.randn(3, 5, rng), 1}, Expect.close(0)),
                        DrillCase.random("one window: the global max", 192, rng -> new Object[] {Matrix.randn(3, 3, rng), 3}, Expect.close(0)),
                        DrillCase.random("all negative", 193, rng -> new Object[] {Matrix.random(4, 6, rng).minus(2), 2}, Expect.close(0)),
                        DrillCase.random("5×7 with size 2: leftovers dropped", 194, rng -> new Object[] {Matrix.randn(5, 7, rng), 2},
                                Expect.close(0)),
                        DrillCase.random("random 12×9, size 3", 195, rng -> new Object[] {Matrix.randn(12, 9, rng), 3}, Expect.close(0)))
                .build();
    }

    // ───────────────────────────── attention ─────────────────────────────

    static Matrix attentionRef(Matrix Q, Matrix K, Matrix V) {
        Matrix S = Q.timesTranspose(K).scale(1 / Math.sqrt(Q.cols()));         // S = QKᵀ/√d_k        (n, m)
        return Bank.softmaxRows(S).times(V);                                    // softmax(S) V         (n, d_v)
    }

    static Drill attention() {
        return Drill.builder("attention")
                .title("Scaled dot-product attention").topic("neural-nets").difficulty(Difficulty.MEDIUM)
                .signature("Matrix attention(Matrix Q, Matrix K, Matrix V)")
                .statement("""
                        Q is n×d_k (queries), K is m×d_k (keys), V is m×d_v (values). Return the n×d_v matrix
                            softmax(Q Kᵀ / √d_k) V,
                        the softmax taken along each ROW of the n×m score matrix (each query's weights over the m keys
                        sum to 1). No mask.
                        Edge cases: one key (every output row is that value row); identical keys (the mean of V);
                        large scores (entries of QKᵀ ≈ 1e4: a stable softmax is required); n ≠ m; d_k = 1.
                        Tolerance: each entry within 1e-9 · max(1, |expected|).""")
                .starter("""
                        Matrix attention(Matrix Q, Matrix K, Matrix V) {
                            Matrix S = Q.timesTranspose(K);          // (n, m) raw scores
                            // scale, row-wise stable softmax, then mix the values
                            return null;
                        }""")
                .hints("Scale the scores by 1/√d_k with d_k = Q.cols().",
                       "Row-wise softmax: subtract each row's max before exp, divide by the row sum.",
                       "The output is the weight matrix (n×m) times V (m×d_v).")
                .solution("""
                        Matrix attention(Matrix Q, Matrix K, Matrix V) {
                            Matrix S = Q.timesTranspose(K).scale(1 / Math.sqrt(Q.cols()));    // QKᵀ/√d_k   (n, m)
                            double[][] A = S.toArray2D();
                            for (double[] row : A) {                                          // stable softmax per row
                                double m = Arrays.stream(row).max().getAsDouble(), sum = 0;
                                for (int j = 0; j < row.length; j++) { row[j] = Math.exp(row[j] - m); sum += row[j]; }
                                for (int j = 0; j < row.length; j++) row[j] /= sum;
                            }
                            return Matrix.of(A).times(V);                                     // weights · values   (n, d_v)
                        }""")
                .explanation("""
                        Each query scores every key by a dot product; the softmax turns a row of scores into weights
                        (positive, summing to 1) and the output is the weighted average of the value rows — a soft,
                        differentiable lookup. Why √d_k: if q and k have independent entries of mean 0 and variance 1,
                        q·k has variance d_k; unscaled, large d_k pushes the softmax toward one-hot, where its gradient
                        vanishes. Dividing by √d_k restores unit variance. The max shift keeps exp finite when scores
                        are large. Cost O(n·m·(d_k + d_v)) time and O(n·m) memory — quadratic in sequence length. A
                        causal mask sets the scores of future keys to −∞ before the softmax.""")
                .reference((Matrix Q, Matrix K, Matrix V) -> attentionRef(Q, K, V))
                .tests(
                        // d_k = 1: scores q·k/1 = [0, ln 3] ⇒ weights [¼, ¾] ⇒ output ¼·[4] + ¾·[8] = [7]
                        DrillCase.of("hand case", Expect.close(1e-9), Bank.m(new double[] {1}), Bank.m(new double[] {0}, new double[] {Math.log(3)}),
                                Bank.m(new double[] {4}, new double[] {8})),
                        DrillCase.random("one key", 196, rng -> new Object[] {Matrix.randn(3, 4, rng), Matrix.randn(1, 4, rng), Matrix.randn(1, 2, rng)},
                                Expect.close(1e-9)),
                        DrillCase.random("identical keys: the mean of V", 197, rng -> {
                            Matrix k = Matrix.randn(1, 3, rng);
                            return new Object[] {Matrix.randn(2, 3, rng), Matrix.vstack(k, k, k, k), Matrix.randn(4, 5, rng)};
                        }, Expect.close(1e-9)),
                        DrillCase.random("large scores ≈ 1e4", 198, rng -> new Object[] {Matrix.randn(3, 2, rng).scale(100), Matrix.randn(5, 2, rng).scale(100),
                                Matrix.randn(5, 3, rng)}, Expect.close(1e-9)),
                        DrillCase.random("random n = 6, m = 9, d_k = 8, d_v = 4", 199, rng -> new Object[] {Matrix.randn(6, 8, rng),
                                Matrix.randn(9, 8, rng), Matrix.randn(9, 4, rng)}, Expect.close(1e-9)))
                .build();
    }
}
