package mlscratch.nn;

import java.util.List;

import mlscratch.linalg.MatrixBuffer;

/// One differentiable stage of a network, written as a forward/backward pair (micrograd's "each op
/// carries its local derivative"). A learner can implement it in JShell.
///
/// Notation: `X` the input (n×d, one example per row), `Y = f(X)` the output, `L` the loss,
/// `dY = ∂L/∂Y` (what `backward` receives), `dX = ∂L/∂X` (what it returns).
/// ```
/// forward:   Y = f(X; θ)                         remember what backward needs (X, or Y)
/// backward:  dX = (∂Y/∂X)ᵀ dY                    the chain rule, one layer back
///            θ.grad += (∂Y/∂θ)ᵀ dY               for each Param θ — never an update of θ itself
/// ```
/// Buffers: `forward` returns a buffer the layer owns and rewrites on the next call (copy it with
/// `toMatrix()` to keep it); the input buffer must stay unchanged until `backward`. `backward` must follow
/// the `forward` whose gradient it computes.
public interface Layer {
    /// `Y = f(X)`, into a buffer owned by this layer.
    MatrixBuffer forward(MatrixBuffer X);

    /// Given `dY = ∂L/∂Y` for the last forward, adds `∂L/∂θ` into each Param's grad and returns `dX = ∂L/∂X`
    /// (a buffer owned by this layer).
    MatrixBuffer backward(MatrixBuffer dY);

    /// As [#backward(MatrixBuffer)] when `dX` is not needed (the first layer of a network): only the
    /// parameter gradients. A layer may skip computing `dX` here; by default it does not.
    default void backwardParams(MatrixBuffer dY) { backward(dY); }

    /// The trainable parameters (empty for activations).
    default List<Param> params() { return List.of(); }

    /// Switches between training (`true`: dropout drops) and evaluation behaviour; a no-op for most layers.
    default void training(boolean on) {}

    /// The output width for an input of width `inputWidth` (activations keep it; [Dense] maps d to its size).
    default int outputWidth(int inputWidth) { return inputWidth; }

    /// `grad ← 0` for every Param.
    default void zeroGrad() { for (Param p : params()) p.zeroGrad(); }
}
