/// Optimizers for the weights of a model: an [mlscratch.optim.Objective] (L and ∇L) in, a
/// [mlscratch.optim.Result] (weights and [mlscratch.model.Trace]) out.
///
/// ```
/// GradientDescent.minimize(f, w0, options)      full gradient + one UpdateRule step per iteration
/// SGD.minimize(f, w0, options)                  mini-batches of a StochasticObjective, seeded shuffles
/// LBFGS.minimize(f, w0)                         quasi-Newton, strong Wolfe LineSearch
/// Newton.minimize(f, w0)                        H d = −g by Cholesky, backtracking (IRLS for logistic)
/// UpdateRule.Adam.of(0.01).step(state, g)       one step by hand: Plain, Momentum, Nesterov, AdaGrad, RMSProp, Adam
/// Schedule.cosine(100, 0)                       learning-rate schedules; EarlyStopping on a validation objective
/// GradCheck.check(f::value, w, f.gradient(w))   finite differences: run it before optimizing
/// ```
/// Every loop stops on Ctrl-C and returns the weights so far, with a note in the trace.
/// [mlscratch.optim.Objectives] holds test functions with known minima (quadratic, least squares, Rosenbrock).
package mlscratch.optim;
