package mlscratch.nn;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.MatrixBuffer;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Input normalisation as the network's first layer: fixed (not trained) column means μ and scales s
/// fitted once on the training data, stored with the model so that `predict` sees inputs scaled the same way.
/// ```
/// forward:   Yᵢⱼ = (Xᵢⱼ − μⱼ) / sⱼ           sⱼ = the column's standard deviation, or 1 when it is 0
/// backward:  dXᵢⱼ = dYᵢⱼ / sⱼ
/// ```
/// Why: gradient descent on raw pixels (0…255) or mixed units takes tiny steps along the large axes and
/// oscillates across the small ones; unit-scale inputs let one learning rate suit every weight.
public final class Standardize implements Layer {
    private final Vector mean, scale;
    private final double[] mu, s;      // the same, as arrays for the loops
    private MatrixBuffer Y, dX;

    /// Fixed `mean` and `scale` (every scale > 0).
    public Standardize(Vector mean, Vector scale) {
        Check.notNull("Standardize", "mean", mean);
        Check.notNull("Standardize", "scale", scale);
        if (mean.size() != scale.size())
            throw Check.fail("Standardize", "mean has " + mean.size() + " entries but scale has " + scale.size());
        for (int j = 0; j < scale.size(); j++)
            if (!(scale.get(j) > 0) || !Double.isFinite(scale.get(j)))
                throw Check.fail("Standardize", "scale[" + j + "] must be finite and > 0, got " + scale.get(j));
        this.mean = mean;
        this.scale = scale;
        this.mu = mean.toArray();
        this.s = scale.toArray();
    }

    /// μ and s from the columns of `X` (population std; constant columns get s = 1).
    public static Standardize fit(Matrix X) {
        Check.notNull("Standardize.fit", "X", X);
        if (X.rows() == 0) throw Check.fail("Standardize.fit", "X is empty (0 rows)");
        X.requireFinite("Standardize.fit", "X");
        return new Standardize(X.mean(0), X.std(0).map(s -> s > 0 ? s : 1));
    }

    public Vector mean() { return mean; }

    public Vector scale() { return scale; }

    @Override public MatrixBuffer forward(MatrixBuffer X) {
        Check.notNull("Standardize.forward", "X", X);
        int d = mean.size();
        if (X.cols() != d)
            throw Check.fail("Standardize.forward", "X is " + X.shape() + " but the scaler was fitted on " + d + " columns");
        Y = Activation.sized(Y, X);
        double[] x = X.data(), y = Y.data();
        for (int i = 0; i < X.rows(); i++)
            for (int j = 0; j < d; j++) y[i * d + j] = (x[i * d + j] - mu[j]) / s[j];   // y = (x − μ)/s
        return Y;
    }

    @Override public MatrixBuffer backward(MatrixBuffer dY) {
        Check.notNull("Standardize.backward", "dY", dY);
        if (Y == null) throw Check.fail("Standardize.backward", "called before forward");
        int d = mean.size();
        dX = Activation.sized(dX, dY);
        double[] dy = dY.data(), dx = dX.data();
        for (int i = 0; i < dY.rows(); i++)
            for (int j = 0; j < d; j++) dx[i * d + j] = dy[i * d + j] / s[j];          // dx = dy/s
        return dX;
    }

    /// Nothing to train and nothing before it to feed: no work.
    @Override public void backwardParams(MatrixBuffer dY) {}

    @Override public String toString() { return "Standardize(" + mean.size() + " columns)"; }
}
