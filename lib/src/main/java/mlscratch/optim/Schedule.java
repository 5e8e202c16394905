package mlscratch.optim;

import mlscratch.util.Check;

/// A learning-rate schedule: the rate `ηₑ` for epoch `e = 0, 1, 2, …` from the base rate `η₀` of the
/// [UpdateRule]. [GradientDescent] counts one epoch per iteration; [SGD] one per pass over the data.
/// ```
/// constant()               ηₑ = η₀
/// step(k, γ)               ηₑ = η₀ · γ^⌊e/k⌋                          drop by γ every k epochs
/// exponential(γ)           ηₑ = η₀ · γᵉ
/// cosine(T, ηmin)          ηₑ = ηmin + ½(η₀ − ηmin)(1 + cos(π·min(e, T)/T))     annealed to ηmin at e = T
/// ```
/// Example: `Schedule.step(10, 0.5).rate(0.1, 25)` is `0.1 · 0.5² = 0.025`.
/// Reference: Loshchilov & Hutter, "SGDR" (2017) for cosine annealing.
public sealed interface Schedule {

    /// ηₑ for base rate `lr0` at epoch `epoch ≥ 0`.
    double rate(double lr0, int epoch);

    static Schedule constant() { return new Constant(); }

    static Schedule step(int every, double drop) { return new Step(every, drop); }

    static Schedule exponential(double gamma) { return new Exponential(gamma); }

    static Schedule cosine(int epochs, double minRate) { return new Cosine(epochs, minRate); }

    /// ηₑ = η₀.
    record Constant() implements Schedule {
        @Override public double rate(double lr0, int epoch) { return lr0; }
    }

    /// ηₑ = η₀ · drop^⌊e/every⌋.
    record Step(int every, double drop) implements Schedule {
        public Step {
            Check.positive("Schedule.Step", "every", every);
            if (!(drop > 0 && drop <= 1)) throw Check.fail("Schedule.Step", "'drop' must be in (0, 1], got " + drop);
        }

        @Override public double rate(double lr0, int epoch) { return lr0 * Math.pow(drop, epoch / every); }
    }

    /// ηₑ = η₀ · gammaᵉ.
    record Exponential(double gamma) implements Schedule {
        public Exponential {
            if (!(gamma > 0 && gamma <= 1)) throw Check.fail("Schedule.Exponential", "'gamma' must be in (0, 1], got " + gamma);
        }

        @Override public double rate(double lr0, int epoch) { return lr0 * Math.pow(gamma, epoch); }
    }

    /// ηₑ = ηmin + ½(η₀ − ηmin)(1 + cos(π·min(e, T)/T)), T = `epochs`.
    record Cosine(int epochs, double minRate) implements Schedule {
        public Cosine {
            Check.positive("Schedule.Cosine", "epochs", epochs);
            Check.nonNegative("Schedule.Cosine", "minRate", minRate);
        }

        @Override public double rate(double lr0, int epoch) {
            double e = Math.min(epoch, epochs);
            return minRate + 0.5 * (lr0 - minRate) * (1 + Math.cos(Math.PI * e / epochs));
        }
    }
}
