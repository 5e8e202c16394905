package mlscratch.drill.bank;

import java.util.List;

import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Vector;

/// Drills on activations and their derivatives: a stable sigmoid, ReLU and tanh backward passes,
/// log-sum-exp and log-softmax. (Softmax and its gradient are in [Examples].)
public final class ActivationDrills implements DrillSet {

    @Override
    public List<Drill> drills() {
        return List.of(sigmoid(), reluBackward(), tanhBackward(), logSumExp(), logSoftmax());
    }

    // ───────────────────────────── sigmoid ─────────────────────────────

    static Drill sigmoid() {
        return Drill.builder("stable-sigmoid")
                .title("Sigmoid without overflow").topic("activations").difficulty(Difficulty.EASY)
                .signature("Vector sigmoid(Vector z)")
                .statement("""
                        Return σ(z) entrywise, σ(t) = 1 / (1 + e⁻ᵗ), for a Vector z of n ≥ 0 entries.
                        Every entry must be finite and in [0, 1], also for t = ±1000 (σ(1000) = 1, σ(−1000) ≈ 0),
                        so no exp of a large positive number: e⁷¹⁰ = ∞ and ∞/∞ = NaN.
                        Edge cases: empty vector; σ(0) = 1/2; ±1000; ±40 (σ(40) rounds to 1).
                        Tolerance: each entry within 1e-12 · max(1, |expected|).""")
                .starter("""
                        Vector sigmoid(Vector z) {
                            return z.map(t -> /* σ(t) */ 0);
                        }""")
                .hints("1/(1 + e⁻ᵗ) is safe for t ≥ 0 (e⁻ᵗ ≤ 1); eᵗ/(1 + eᵗ) is safe for t < 0 (eᵗ < 1).",
                       "Branch on the sign of t: z.map(t -> t >= 0 ? … : …).")
                .solution("""
                        Vector sigmoid(Vector z) {
                            return z.map(t -> t >= 0 ? 1 / (1 + Math.exp(-t))          // e⁻ᵗ ≤ 1
                                                     : Math.exp(t) / (1 + Math.exp(t))); // eᵗ < 1
                        }""")
                .explanation("""
                        σ(t) = 1/(1 + e⁻ᵗ) = eᵗ/(eᵗ + 1) (multiply top and bottom by eᵗ). Both are exact algebra but
                        differ numerically: the second overflows for t > 709.78 (∞/∞ = NaN); the first overflows e⁻ᵗ
                        for t < −709.78, which happens to give 1/∞ = 0 — harmless here, but the habit "never exp a
                        large positive number" is what keeps log-loss and softmax correct. Branching on the sign
                        makes the exponent always ≤ 0. Derivative, used in every backward pass:
                            σ'(t) = e⁻ᵗ/(1 + e⁻ᵗ)² = σ(t)(1 − σ(t)) ≤ 1/4.""")
                .reference((Vector z) -> z.map(Bank::sigmoid))
                .tests(
                        DrillCase.of("hand case σ(0) = 1/2, σ(ln 3) = 3/4", Expect.close(1e-12), Vector.of(0, Math.log(3))),
                        DrillCase.of("empty", Expect.close(1e-12), Vector.zeros(0)),
                        DrillCase.of("large magnitudes ±1000", Expect.close(1e-12), Vector.of(1000, -1000)),
                        DrillCase.of("saturation ±40", Expect.close(1e-12), Vector.of(40, -40)),
                        DrillCase.random("random n=100 (scale 10)", 61, rng -> new Object[] {Vector.randn(100, rng).scale(10)}, Expect.close(1e-12)))
                .build();
    }

    // ───────────────────────────── ReLU backward ─────────────────────────────

    static Vector reluBackwardRef(Vector z, Vector g) {
        return z.zip("reluBackward", g, (zi, gi) -> zi > 0 ? gi : 0);       // ∂L/∂z = g ⊙ 1[z > 0]
    }

    static Drill reluBackward() {
        return Drill.builder("relu-backward")
                .title("Backward pass of ReLU").topic("activations").difficulty(Difficulty.EASY)
                .signature("Vector reluBackward(Vector z, Vector g)")
                .statement("""
                        Forward was h = relu(z) = max(0, z) entrywise. Given z and the upstream gradient g = ∂L/∂h
                        (same size n ≥ 1), return ∂L/∂z.
                        At the kink z = 0 use the convention ReLU'(0) = 0 (as PyTorch does).
                        Checked against central finite differences of L(z) = g · relu(z) (away from the kink) and the
                        reference, entrywise within 1e-6 · max(1, |expected|).""")
                .starter("""
                        Vector reluBackward(Vector z, Vector g) {
                            // z.zip("relu", g, (zi, gi) -> …)
                            return null;
                        }""")
                .hints("ReLU'(t) = 1 for t > 0, 0 for t < 0.",
                       "Chain rule entrywise: ∂L/∂zᵢ = gᵢ · ReLU'(zᵢ). Note: the strict z > 0, so z = 0 passes no gradient.")
                .solution("""
                        Vector reluBackward(Vector z, Vector g) {
                            return z.zip("reluBackward", g, (zi, gi) -> zi > 0 ? gi : 0);   // ∂L/∂z = g ⊙ 1[z > 0]
                        }""")
                .explanation("""
                        Forward was hᵢ = max(0, zᵢ): each output depends on one input, so the Jacobian is diagonal
                        and the chain rule is entrywise: ∂L/∂zᵢ = gᵢ · ∂hᵢ/∂zᵢ = gᵢ · 1[zᵢ > 0].
                        At zᵢ = 0 ReLU has no derivative; any value in [0, 1] is a valid subgradient. Frameworks use 0,
                        and so do we. The backward needs only the sign pattern of z (or of h), so frameworks keep a
                        mask instead of z. A unit with zᵢ < 0 for every input gets no gradient at all: "dying ReLU".""")
                .reference((Vector z, Vector g) -> reluBackwardRef(z, g))
                .tests(
                        DrillCase.of("hand case", reluGrad(), Vector.of(-1, 2, 0.5), Vector.of(3, 4, -5)),
                        DrillCase.of("kink z = 0 passes nothing", Expect.close(1e-12), Vector.of(0, 0, 1), Vector.of(7, -7, 1)),
                        DrillCase.of("one element", reluGrad(), Vector.of(0.3), Vector.of(2)),
                        DrillCase.of("large magnitudes", reluGrad(), Vector.of(1e6, -1e6), Vector.of(1e3, 1e3)),
                        DrillCase.random("random n=40", 62, rng -> new Object[] {Vector.randn(40, rng), Vector.randn(40, rng)}, reluGrad()))
                .build();
    }

    private static Expect reluGrad() {
        return Expect.gradient(a -> ((Vector) a[1]).dot(((Vector) a[0]).map(t -> Math.max(0, t))), 0, 1e-6);
    }

    // ───────────────────────────── tanh backward ─────────────────────────────

    static Drill tanhBackward() {
        return Drill.builder("tanh-backward")
                .title("Backward pass of tanh").topic("activations").difficulty(Difficulty.EASY)
                .signature("Vector tanhBackward(Vector z, Vector g)")
                .statement("""
                        Forward was h = tanh(z) entrywise. Given z and the upstream gradient g = ∂L/∂h (same size
                        n ≥ 1), return ∂L/∂z. Large |z| (e.g. 1000) must give a finite answer (≈ 0: tanh saturates).
                        Checked against central finite differences of L(z) = g · tanh(z) and the reference,
                        entrywise within 1e-6 · max(1, |expected|).""")
                .starter("""
                        Vector tanhBackward(Vector z, Vector g) {
                            // tanh'(t) = ?
                            return null;
                        }""")
                .hints("tanh'(t) = 1 − tanh²(t): reuse the forward output h.",
                       "Math.tanh(1000) = 1 exactly, so 1 − h² = 0: no overflow (unlike (eᵗ − e⁻ᵗ)/(eᵗ + e⁻ᵗ) by hand).")
                .solution("""
                        Vector tanhBackward(Vector z, Vector g) {
                            Vector h = z.map(Math::tanh);                              // forward: h = tanh(z)
                            return g.hadamard(h.map(t -> 1 - t * t));                  // ∂L/∂z = g ⊙ (1 − h²)
                        }""")
                .explanation("""
                        tanh t = (eᵗ − e⁻ᵗ)/(eᵗ + e⁻ᵗ); by the quotient rule
                            tanh'(t) = ((eᵗ + e⁻ᵗ)² − (eᵗ − e⁻ᵗ)²)/(eᵗ + e⁻ᵗ)² = 1 − tanh²(t),
                        so the backward pass needs only the forward output h: ∂L/∂z = g ⊙ (1 − h²). Its maximum is 1 at
                        t = 0 and it decays like 4e⁻²ᵗ, which is why deep tanh nets (and vanilla RNNs) suffer
                        vanishing gradients. Relation to the sigmoid: tanh t = 2σ(2t) − 1.""")
                .reference((Vector z, Vector g) -> g.hadamard(z.map(t -> 1 - Math.tanh(t) * Math.tanh(t))))
                .tests(
                        // tanh'(0) = 1 ⇒ ∂L/∂z = g at z = 0
                        DrillCase.of("hand case z = 0", tanhGrad(), Vector.of(0, 0), Vector.of(2, -3)),
                        DrillCase.of("one element", tanhGrad(), Vector.of(0.5), Vector.of(1)),
                        DrillCase.of("saturated ±1000", Expect.close(1e-12), Vector.of(1000, -1000), Vector.of(1, 1)),
                        DrillCase.of("moderate ±3", tanhGrad(), Vector.of(3, -3), Vector.of(1, 2)),
                        DrillCase.random("random n=30", 63, rng -> new Object[] {Vector.randn(30, rng).scale(2), Vector.randn(30, rng)}, tanhGrad()))
                .build();
    }

    private static Expect tanhGrad() {
        return Expect.gradient(a -> ((Vector) a[1]).dot(((Vector) a[0]).map(Math::tanh)), 0, 1e-6);
    }

    // ───────────────────────────── log-sum-exp ─────────────────────────────

    static Drill logSumExp() {
        return Drill.builder("logsumexp")
                .title("Log-sum-exp without overflow").topic("activations").difficulty(Difficulty.EASY)
                .signature("double logSumExp(Vector z)")
                .statement("""
                        Return log Σᵢ exp(zᵢ) for a Vector z of n ≥ 0 entries; for the empty vector return −∞
                        (log 0). Must be finite for z = [1000, 1000] (answer 1000 + log 2) and for
                        z = [−1000, −1000] (answer −1000 + log 2), where the naive formula gives ∞ and −∞.
                        Tolerance: within 1e-12 · max(1, |expected|).""")
                .starter("""
                        double logSumExp(Vector z) {
                            // m = max z, then …
                            return 0;
                        }""")
                .hints("log Σ eᶻⁱ = m + log Σ e^(zᵢ − m) for any m.",
                       "Choose m = max z: every exponent ≤ 0 and one term is e⁰ = 1, so the sum is in [1, n].",
                       "z.max() throws on an empty vector: handle n = 0 first.")
                .solution("""
                        double logSumExp(Vector z) {
                            if (z.size() == 0) return Double.NEGATIVE_INFINITY;      // log of an empty sum
                            double m = z.max();
                            return m + Math.log(z.map(v -> Math.exp(v - m)).sum());  // m + log Σ e^(zᵢ − m)
                        }""")
                .explanation("""
                        Factor e^m out of the sum: log Σ eᶻⁱ = log(e^m Σ e^(zᵢ − m)) = m + log Σ e^(zᵢ − m).
                        exp overflows above ≈ 709.78 and underflows to 0 below ≈ −745. With m = max z every term
                        is ≤ 1 and the largest is exactly 1, so the sum is between 1 and n: no overflow, and never
                        log 0. It is a smooth maximum: max z ≤ LSE(z) ≤ max z + log n, and ∇LSE = softmax(z).
                        It is the denominator of softmax in log space, so log-softmax, cross-entropy from logits
                        and mixture log-likelihoods all reduce to it.""")
                .reference((Vector z) -> Bank.logSumExp(z.toArray()))
                .tests(
                        DrillCase.of("hand case [0, 0] → log 2", Expect.close(1e-12), Vector.of(0, 0)),
                        DrillCase.of("empty → −∞", Expect.close(1e-12), Vector.zeros(0)),
                        DrillCase.of("one element", Expect.close(1e-12), Vector.of(-3.25)),
                        DrillCase.of("large logits 1000", Expect.close(1e-12), Vector.of(1000, 1000)),
                        DrillCase.of("very negative logits −1000", Expect.close(1e-12), Vector.of(-1000, -1000)),
                        DrillCase.random("random n=500 (scale 50)", 64, rng -> new Object[] {Vector.randn(500, rng).scale(50)}, Expect.close(1e-12)))
                .build();
    }

    // ───────────────────────────── log-softmax ─────────────────────────────

    static Drill logSoftmax() {
        return Drill.builder("log-softmax")
                .title("Log-softmax, stable").topic("activations").difficulty(Difficulty.MEDIUM)
                .signature("Vector logSoftmax(Vector z)")
                .statement("""
                        Return log softmax(z) for a Vector z of n ≥ 1 logits: entry k is zₖ − log Σⱼ exp(zⱼ).
                        Every entry must be finite: for z = [−1000, 0] the answer is ≈ [−1000, 0], but
                        log(softmax(z)) gives −∞ in the first entry because e⁻¹⁰⁰⁰ underflows to 0.
                        Edge cases: one element ([0]); ties; logits 1000.
                        Tolerance: each entry within 1e-12 · max(1, |expected|).""")
                .starter("""
                        Vector logSoftmax(Vector z) {
                            // do not take the log of a probability: work in log space
                            return null;
                        }""")
                .hints("log softmax(z)ₖ = zₖ − LSE(z), LSE = log-sum-exp.",
                       "LSE(z) = m + log Σ e^(zⱼ − m) with m = max z.",
                       "z.minus(lse) subtracts a number from every entry.")
                .solution("""
                        Vector logSoftmax(Vector z) {
                            double m = z.max();
                            double lse = m + Math.log(z.map(v -> Math.exp(v - m)).sum());   // log Σ eᶻʲ, stable
                            return z.minus(lse);                                            // zₖ − LSE(z)
                        }""")
                .explanation("""
                        log softmax(z)ₖ = log(e^zₖ / Σⱼ e^zⱼ) = zₖ − log Σⱼ e^zⱼ = zₖ − LSE(z).
                        Computing softmax first and then the log loses everything below ≈ e⁻⁷⁴⁵: a probability that
                        rounds to 0 has log −∞ even though its log is a perfectly representable −1000. In log space
                        the only non-trivial term is LSE, computed stably with the max shift. This is why
                        frameworks fuse softmax with cross-entropy ("CrossEntropyLoss takes logits"): the loss is
                        −log softmax(z)_y = LSE(z) − z_y, and its gradient softmax(z) − onehot(y) is always finite.""")
                .reference((Vector z) -> z.minus(Bank.logSumExp(z.toArray())))
                .tests(
                        // [0, ln 3]: softmax = [1/4, 3/4] ⇒ log = [−ln 4, ln 3 − ln 4]
                        DrillCase.of("hand case [0, ln 3]", Expect.close(1e-12), Vector.of(0, Math.log(3))),
                        DrillCase.of("one element", Expect.close(1e-12), Vector.of(5)),
                        DrillCase.of("ties", Expect.close(1e-12), Vector.of(1, 1, 1)),
                        DrillCase.of("logits 1000", Expect.close(1e-12), Vector.of(1000, 1001, 999)),
                        DrillCase.of("[−1000, 0]: no log 0", Expect.close(1e-12), Vector.of(-1000, 0)),
                        DrillCase.random("random n=50 (scale 20)", 65, rng -> new Object[] {Vector.randn(50, rng).scale(20)}, Expect.close(1e-12)))
                .build();
    }
}
