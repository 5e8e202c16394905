package mlscratch.optim;

import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// One step of a first-order optimizer as a pure function, `step(state, g)`, which takes the state before the
/// step and the gradient `g = ∇L(w)` at `state.w()` and returns the state after it. [GradientDescent] feeds it the
/// full gradient, [SGD] a mini-batch gradient; a tutorial can call it by hand to see one update.
///
/// Notation: `w` weights, `g` gradient at w, `η` learning rate, `m` first-moment (velocity) buffer, `v`
/// second-moment buffer, `t` steps taken, `⊙`, `√` and `/` elementwise.
/// ```
/// Plain(η)                 w ← w − η g
/// Momentum(η, β)           m ← β m + g;            w ← w − η m                       (heavy ball)
/// Nesterov(η, β)           m ← β m + g;            w ← w − η (g + β m)               (look-ahead, see below)
/// AdaGrad(η, ε)            v ← v + g⊙g;            w ← w − η g / (√v + ε)
/// RMSProp(η, ρ, ε)         v ← ρ v + (1 − ρ) g⊙g;  w ← w − η g / (√v + ε)
/// Adam(η, β₁, β₂, ε)       t ← t + 1
///                          m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g⊙g
///                          m̂ = m / (1 − β₁ᵗ);      v̂ = v / (1 − β₂ᵗ)                  (bias correction)
///                          w ← w − η m̂ / (√v̂ + ε)
/// ```
/// Nesterov is written in the form of Sutskever et al. (2013) as PyTorch implements it: the gradient is taken
/// at the current w (not at the look-ahead point w − ηβm), which is the same sequence of points up to a shift.
/// Adam's bias correction undoes the zero start of m and v: its first step is `w − η g/(|g| + ε)`, about
/// `−η·sign(g)` for every weight, whatever the scale of g.
///
/// ```
/// var rule = new UpdateRule.Adam(0.1, 0.9, 0.999, 1e-8);
/// var s = rule.step(UpdateRule.State.start(Vector.of(1, 1)), Vector.of(2, -0.5));
/// s.w()        // Vector(2) [0.9000, 1.1000]       one step of −η·sign(g)
/// ```
/// References: Goodfellow, Bengio & Courville, *Deep Learning*, §8.3–8.5; Kingma & Ba, "Adam" (2015),
/// Algorithm 1; Duchi et al. (2011) for AdaGrad; Hinton's lecture 6e for RMSProp.
public sealed interface UpdateRule {

    /// The learning rate η.
    double learningRate();

    /// The same rule with learning rate `lr` (used by a [Schedule]).
    UpdateRule withLearningRate(double lr);

    /// The state after one step from `s` with gradient `g = ∇L(s.w())`.
    State step(State s, Vector g);

    /// The optimizer state between steps (immutable).
    ///
    /// @param w the weights
    /// @param m the first-moment / velocity buffer (zeros for rules that do not use it)
    /// @param v the second-moment / squared-gradient buffer (zeros for rules that do not use it)
    /// @param t the number of steps taken
    record State(Vector w, Vector m, Vector v, int t) {
        public State {
            Check.notNull("UpdateRule.State", "w", w);
            Check.notNull("UpdateRule.State", "m", m);
            Check.notNull("UpdateRule.State", "v", v);
            Check.nonNegative("UpdateRule.State", "t", t);
            if (m.size() != w.size() || v.size() != w.size())
                throw Check.fail("UpdateRule.State", "w has " + w.size() + " entries but m has " + m.size()
                        + " and v has " + v.size() + " (they must match)");
        }

        /// The state before the first step: weights `w0`, zero buffers, `t = 0`.
        public static State start(Vector w0) {
            Check.notNull("UpdateRule.State.start", "w0", w0);
            return new State(w0, Vector.zeros(w0.size()), Vector.zeros(w0.size()), 0);
        }
    }

    /// `w ← w − η g`: plain gradient descent.
    record Plain(double learningRate) implements UpdateRule {
        public Plain {
            Check.positive("UpdateRule.Plain", "learningRate", learningRate);
        }

        @Override public Plain withLearningRate(double lr) { return new Plain(lr); }

        @Override public State step(State s, Vector g) {
            check(s, g);
            Vector w = s.w().minus(g.scale(learningRate));                 // w ← w − η g
            return new State(w, s.m(), s.v(), s.t() + 1);
        }
    }

    /// `m ← βm + g; w ← w − ηm`: momentum (heavy ball); β = 0.9 is the usual choice.
    record Momentum(double learningRate, double beta) implements UpdateRule {
        public Momentum {
            Check.positive("UpdateRule.Momentum", "learningRate", learningRate);
            beta = beta01("UpdateRule.Momentum", "beta", beta);
        }

        @Override public Momentum withLearningRate(double lr) { return new Momentum(lr, beta); }

        @Override public State step(State s, Vector g) {
            check(s, g);
            Vector m = s.m().scale(beta).plus(g);                          // m ← β m + g
            Vector w = s.w().minus(m.scale(learningRate));                 // w ← w − η m
            return new State(w, m, s.v(), s.t() + 1);
        }
    }

    /// `m ← βm + g; w ← w − η(g + βm)`: Nesterov momentum in the Sutskever (PyTorch) form.
    record Nesterov(double learningRate, double beta) implements UpdateRule {
        public Nesterov {
            Check.positive("UpdateRule.Nesterov", "learningRate", learningRate);
            beta = beta01("UpdateRule.Nesterov", "beta", beta);
        }

        @Override public Nesterov withLearningRate(double lr) { return new Nesterov(lr, beta); }

        @Override public State step(State s, Vector g) {
            check(s, g);
            Vector m = s.m().scale(beta).plus(g);                          // m ← β m + g
            Vector w = s.w().minus(g.plus(m.scale(beta)).scale(learningRate));   // w ← w − η (g + β m)
            return new State(w, m, s.v(), s.t() + 1);
        }
    }

    /// `v ← v + g⊙g; w ← w − ηg/(√v + ε)`: per-weight rates that shrink with the gradients seen so far.
    record AdaGrad(double learningRate, double eps) implements UpdateRule {
        public AdaGrad {
            Check.positive("UpdateRule.AdaGrad", "learningRate", learningRate);
            Check.positive("UpdateRule.AdaGrad", "eps", eps);
        }

        @Override public AdaGrad withLearningRate(double lr) { return new AdaGrad(lr, eps); }

        @Override public State step(State s, Vector g) {
            check(s, g);
            Vector v = s.v().plus(g.hadamard(g));                          // v ← v + g⊙g
            Vector w = s.w().minus(g.divide(v.map(Math::sqrt).plus(eps)).scale(learningRate));   // w ← w − η g/(√v + ε)
            return new State(w, s.m(), v, s.t() + 1);
        }
    }

    /// `v ← ρv + (1 − ρ)g⊙g; w ← w − ηg/(√v + ε)`: AdaGrad with a forgetting average; ρ = 0.9 usual.
    record RMSProp(double learningRate, double rho, double eps) implements UpdateRule {
        public RMSProp {
            Check.positive("UpdateRule.RMSProp", "learningRate", learningRate);
            rho = beta01("UpdateRule.RMSProp", "rho", rho);
            Check.positive("UpdateRule.RMSProp", "eps", eps);
        }

        @Override public RMSProp withLearningRate(double lr) { return new RMSProp(lr, rho, eps); }

        @Override public State step(State s, Vector g) {
            check(s, g);
            Vector v = s.v().scale(rho).plus(g.hadamard(g).scale(1 - rho));   // v ← ρ v + (1 − ρ) g⊙g
            Vector w = s.w().minus(g.divide(v.map(Math::sqrt).plus(eps)).scale(learningRate));   // w ← w − η g/(√v + ε)
            return new State(w, s.m(), v, s.t() + 1);
        }
    }

    /// Adam with bias correction (Kingma & Ba, Algorithm 1); defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
    record Adam(double learningRate, double beta1, double beta2, double eps) implements UpdateRule {
        public Adam {
            Check.positive("UpdateRule.Adam", "learningRate", learningRate);
            beta1 = beta01("UpdateRule.Adam", "beta1", beta1);
            beta2 = beta01("UpdateRule.Adam", "beta2", beta2);
            Check.positive("UpdateRule.Adam", "eps", eps);
        }

        /// Adam(η, 0.9, 0.999, 1e-8).
        public static Adam of(double learningRate) { return new Adam(learningRate, 0.9, 0.999, 1e-8); }

        @Override public Adam withLearningRate(double lr) { return new Adam(lr, beta1, beta2, eps); }

        @Override public State step(State s, Vector g) {
            check(s, g);
            int t = s.t() + 1;                                                // t ← t + 1
            Vector m = s.m().scale(beta1).plus(g.scale(1 - beta1));          // m ← β₁ m + (1 − β₁) g
            Vector v = s.v().scale(beta2).plus(g.hadamard(g).scale(1 - beta2));   // v ← β₂ v + (1 − β₂) g⊙g
            Vector mHat = m.scale(1 / (1 - Math.pow(beta1, t)));             // m̂ = m / (1 − β₁ᵗ)
            Vector vHat = v.scale(1 / (1 - Math.pow(beta2, t)));             // v̂ = v / (1 − β₂ᵗ)
            Vector w = s.w().minus(mHat.divide(vHat.map(Math::sqrt).plus(eps)).scale(learningRate));   // w ← w − η m̂/(√v̂ + ε)
            return new State(w, m, v, t);
        }
    }

    /// `value` in [0, 1).
    private static double beta01(String where, String param, double value) {
        if (!(value >= 0 && value < 1)) throw Check.fail(where, "'" + param + "' must be in [0, 1), got " + value);
        return value;
    }

    private static void check(State s, Vector g) {
        Check.notNull("UpdateRule.step", "s", s);
        Check.notNull("UpdateRule.step", "g", g);
        if (g.size() != s.w().size())
            throw Check.fail("UpdateRule.step", "w has " + s.w().size() + " entries but g has " + g.size());
    }
}
