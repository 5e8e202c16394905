package mlscratch.regression;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// The data of a linear model with the intercept taken out (package-private, shared by the regressors).
///
/// Setting ∂L/∂b = 0 in any objective `L(w, b) = loss(y − Xw − b) + penalty(w)` whose loss is squared
/// gives `b = ȳ − x̄ᵀw`; substituting it back leaves the same problem on centred data with no intercept.
/// The penalty never touches `b`: this is how "the intercept is not penalised" is implemented.
/// ```
/// Xc = X − x̄      yc = y − ȳ      solve for w on (Xc, yc)      b = ȳ − x̄ᵀw
/// ```
/// Without an intercept x̄ = 0 and ȳ = 0, so the same code fits `ŷ = Xw`.
///
/// @param Xc    the centred features, n×d
/// @param yc    the centred targets
/// @param xMean x̄ (zeros without an intercept)
/// @param yMean ȳ (0 without an intercept)
record Centred(Matrix Xc, Vector yc, Vector xMean, double yMean) {

    static Centred of(Matrix X, Vector y, boolean intercept) {
        Vector xMean = intercept ? X.mean(0) : Vector.zeros(X.cols());   // x̄
        double yMean = intercept ? y.mean() : 0.0;                       // ȳ
        return new Centred(X.minusRowVector(xMean), y.minus(yMean), xMean, yMean);   // Xc = X − x̄, yc = y − ȳ
    }

    /// `b = ȳ − x̄ᵀw`.
    double intercept(Vector w) { return yMean - xMean.dot(w); }

    int n() { return Xc.rows(); }

    int d() { return Xc.cols(); }
}
