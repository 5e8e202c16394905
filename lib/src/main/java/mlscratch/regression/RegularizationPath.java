package mlscratch.regression;

import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// The fitted weights of a penalised regression along a grid of penalties, from [Lasso#path] or
/// [ElasticNet#path]: row k of `W` holds the weights for `alphas[k]`. Plot column j against `log α` to
/// see feature j enter the model as the penalty relaxes.
/// ```
/// var path = Lasso.path(X, y, ElasticNet.alphaGrid(X, y, 1.0, 50, 1e-3));
/// path.W().col(2);        // weight of feature 2 along the path
/// path.nonZero();         // how many features each α keeps
/// ```
///
/// @param alphas the penalties, in the order they were fitted
/// @param W      the weights, alphas.size() × d
/// @param b      the intercepts, one per α
public record RegularizationPath(Vector alphas, Matrix W, Vector b) {
    public RegularizationPath {
        Check.notNull("RegularizationPath", "alphas", alphas);
        Check.notNull("RegularizationPath", "W", W);
        Check.notNull("RegularizationPath", "b", b);
        Check.that(W.rows() == alphas.size() && b.size() == alphas.size(), "RegularizationPath",
                "W has %d rows and b has %d entries but there are %d alphas", W.rows(), b.size(), alphas.size());
    }

    /// The number of nonzero weights at each α.
    public Vector nonZero() {
        double[] k = new double[W.rows()];
        for (int i = 0; i < k.length; i++) k[i] = ElasticNet.nonZero(W.row(i));
        return Vector.wrap(k);
    }

    /// log₁₀ α, the usual x-axis of a path plot.
    public Vector log10Alphas() { return alphas.map(Math::log10); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "RegularizationPath(%d alphas from %.4g to %.4g, d = %d)%n  nonzero = %s",
                alphas.size(), alphas.get(0), alphas.get(alphas.size() - 1), W.cols(), nonZero());
    }
}
