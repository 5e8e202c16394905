package mlscratch.nn;

import java.util.random.RandomGenerator;

import mlscratch.linalg.MatrixBuffer;
import mlscratch.util.Check;

/// How a weight matrix starts: a draw per entry, scaled by the layer's fan-in and fan-out so that the
/// variance of the activations (forward) and of the gradients (backward) neither explodes nor vanishes
/// with depth.
/// ```
/// xavier (Glorot):  Wᵢⱼ ~ U(−a, a),  a = √(6 / (fanIn + fanOut))     Var = 2/(fanIn + fanOut)   tanh, sigmoid
/// he (Kaiming):     Wᵢⱼ ~ N(0, 2 / fanIn)                                                        ReLU (half the units are 0)
/// normal(σ):        Wᵢⱼ ~ N(0, σ²)                                                               for experiments
/// ```
/// Biases start at 0. References: Glorot & Bengio (2010); He et al. (2015), §2.2; tutorial 31 compares them.
@FunctionalInterface
public interface Init {
    /// One weight for a layer with `fanIn` inputs and `fanOut` outputs.
    double sample(int fanIn, int fanOut, RandomGenerator rng);

    /// Glorot/Xavier uniform: `U(−a, a)`, `a = √(6/(fanIn + fanOut))`.
    static Init xavier() {
        return (fanIn, fanOut, rng) -> {
            double a = Math.sqrt(6.0 / (fanIn + fanOut));
            return (2 * rng.nextDouble() - 1) * a;
        };
    }

    /// He/Kaiming normal: `N(0, 2/fanIn)`.
    static Init he() { return (fanIn, fanOut, rng) -> rng.nextGaussian() * Math.sqrt(2.0 / fanIn); }

    /// `N(0, σ²)` whatever the fan.
    static Init normal(double sigma) {
        Check.nonNegative("Init.normal", "sigma", sigma);
        return (fanIn, fanOut, rng) -> rng.nextGaussian() * sigma;
    }

    /// Fills a fanIn×fanOut buffer row by row.
    default void fill(MatrixBuffer W, RandomGenerator rng) {
        int fanIn = W.rows(), fanOut = W.cols();
        double[] w = W.data();
        for (int k = 0; k < W.size(); k++) w[k] = sample(fanIn, fanOut, rng);
    }
}
