package mlscratch.nn;

import java.util.List;

import mlscratch.optim.UpdateRule;

/// Updates the values of a list of [Param]s from their gradients, in place: the `optimizer.step()` of the
/// training loop. An open interface; [RuleOptimizer] implements the rules of [UpdateRule] (plain SGD,
/// momentum, Nesterov, AdaGrad, RMSProp, Adam) on the Params' buffers.
/// ```
/// var opt = Optimizer.momentum(net.params(), 0.01, 0.9);      // m ← βm + g;  w ← w − ηm
/// opt.step();
/// ```
public interface Optimizer {
    /// One update of every Param from its current `grad`.
    void step();

    /// The Params this optimizer updates.
    List<Param> params();

    /// `w ← w − ηg`.
    static RuleOptimizer sgd(List<Param> params, double learningRate) {
        return new RuleOptimizer(new UpdateRule.Plain(learningRate), params, 0);
    }

    /// `m ← βm + g; w ← w − ηm` (heavy ball).
    static RuleOptimizer momentum(List<Param> params, double learningRate, double beta) {
        return new RuleOptimizer(new UpdateRule.Momentum(learningRate, beta), params, 0);
    }

    /// `m ← βm + g; w ← w − η(g + βm)` (Nesterov, Sutskever form).
    static RuleOptimizer nesterov(List<Param> params, double learningRate, double beta) {
        return new RuleOptimizer(new UpdateRule.Nesterov(learningRate, beta), params, 0);
    }

    /// Adam(η, 0.9, 0.999, 1e-8).
    static RuleOptimizer adam(List<Param> params, double learningRate) {
        return new RuleOptimizer(UpdateRule.Adam.of(learningRate), params, 0);
    }

    /// Any [UpdateRule], with L2 weight decay `weightDecay` on the weights (not the biases).
    static RuleOptimizer of(UpdateRule rule, List<Param> params, double weightDecay) {
        return new RuleOptimizer(rule, params, weightDecay);
    }
}
