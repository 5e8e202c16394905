package mlscratch.nn;

import java.util.List;

import mlscratch.linalg.MatrixBuffer;
import mlscratch.optim.UpdateRule;
import mlscratch.util.Check;

/// The update rules of [UpdateRule], applied in place to each Param's buffers (the same arithmetic, entry by
/// entry, without allocating: a test checks it against `UpdateRule.step`), plus L2 weight decay.
///
/// Notation: `w` a value, `g` its grad, `m`, `v` the per-Param moment buffers, `t` the step count, `λ` the
/// weight decay.
/// ```
/// L2 weight decay (Params with decay(): the weights):  g ← g + λw       the gradient of ½λ‖w‖² added to the loss
/// Plain        w ← w − ηg
/// Momentum     m ← βm + g;                    w ← w − ηm
/// Nesterov     m ← βm + g;                    w ← w − η(g + βm)
/// AdaGrad      v ← v + g²;                    w ← w − ηg/(√v + ε)
/// RMSProp      v ← ρv + (1 − ρ)g²;            w ← w − ηg/(√v + ε)
/// Adam         m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  w ← w − η m̂/(√v̂ + ε),  m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)
/// ```
/// The weight decay is added into `grad` itself, so after `step()` the grads hold the decayed gradient.
public final class RuleOptimizer implements Optimizer {
    private UpdateRule rule;
    private final List<Param> params;
    private final double weightDecay;
    private final MatrixBuffer[] m, v;
    private int t;

    public RuleOptimizer(UpdateRule rule, List<Param> params, double weightDecay) {
        this.rule = Check.notNull("RuleOptimizer", "rule", rule);
        Check.notNull("RuleOptimizer", "params", params);
        this.params = List.copyOf(params);
        this.weightDecay = Check.nonNegative("RuleOptimizer", "weightDecay", weightDecay);
        m = new MatrixBuffer[this.params.size()];
        v = new MatrixBuffer[this.params.size()];
        for (int i = 0; i < m.length; i++) {
            MatrixBuffer w = this.params.get(i).value();
            m[i] = MatrixBuffer.zeros(w.rows(), w.cols());
            v[i] = MatrixBuffer.zeros(w.rows(), w.cols());
        }
    }

    @Override public List<Param> params() { return params; }

    public UpdateRule rule() { return rule; }

    public double weightDecay() { return weightDecay; }

    /// Steps taken.
    public int steps() { return t; }

    /// Changes the learning rate (a schedule), keeping the moment buffers.
    public void setLearningRate(double learningRate) { rule = rule.withLearningRate(learningRate); }

    @Override public void step() {
        t++;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            double[] w = p.value().data(), g = p.grad().data(), mi = m[i].data(), vi = v[i].data();
            int n = p.size();
            if (weightDecay > 0 && p.decay())
                for (int k = 0; k < n; k++) g[k] = Math.fma(weightDecay, w[k], g[k]);       // g ← g + λw
            update(w, g, mi, vi, n);
        }
    }

    private void update(double[] w, double[] g, double[] m, double[] v, int n) {
        double eta = rule.learningRate();
        switch (rule) {
            case UpdateRule.Plain r -> {
                for (int k = 0; k < n; k++) w[k] -= eta * g[k];                              // w ← w − ηg
            }
            case UpdateRule.Momentum r -> {
                double beta = r.beta();
                for (int k = 0; k < n; k++) {
                    m[k] = beta * m[k] + g[k];                                               // m ← βm + g
                    w[k] -= eta * m[k];                                                      // w ← w − ηm
                }
            }
            case UpdateRule.Nesterov r -> {
                double beta = r.beta();
                for (int k = 0; k < n; k++) {
                    m[k] = beta * m[k] + g[k];                                               // m ← βm + g
                    w[k] -= eta * (g[k] + beta * m[k]);                                      // w ← w − η(g + βm)
                }
            }
            case UpdateRule.AdaGrad r -> {
                for (int k = 0; k < n; k++) {
                    v[k] += g[k] * g[k];                                                     // v ← v + g²
                    w[k] -= eta * g[k] / (Math.sqrt(v[k]) + r.eps());                        // w ← w − ηg/(√v + ε)
                }
            }
            case UpdateRule.RMSProp r -> {
                double rho = r.rho();
                for (int k = 0; k < n; k++) {
                    v[k] = rho * v[k] + (1 - rho) * g[k] * g[k];                             // v ← ρv + (1 − ρ)g²
                    w[k] -= eta * g[k] / (Math.sqrt(v[k]) + r.eps());                        // w ← w − ηg/(√v + ε)
                }
            }
            case UpdateRule.Adam r -> {
                double b1 = r.beta1(), b2 = r.beta2();
                double c1 = 1 / (1 - Math.pow(b1, t)), c2 = 1 / (1 - Math.pow(b2, t));      // bias corrections
                for (int k = 0; k < n; k++) {
                    m[k] = b1 * m[k] + (1 - b1) * g[k];                                      // m ← β₁m + (1 − β₁)g
                    v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];                               // v ← β₂v + (1 − β₂)g²
                    w[k] -= eta * (m[k] * c1) / (Math.sqrt(v[k] * c2) + r.eps());            // w ← w − η m̂/(√v̂ + ε)
                }
            }
        }
    }

    @Override public String toString() {
        return "RuleOptimizer(" + rule + (weightDecay > 0 ? ", weightDecay " + weightDecay : "") + ", " + params.size()
                + " params, " + t + " steps)";
    }
}
