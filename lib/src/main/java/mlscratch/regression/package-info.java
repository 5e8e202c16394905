/// Regression: models predicting a real number, `ŷ = f(x)`.
///
/// ```
/// LinearRegression   least squares: QR / Cholesky / SVD closed forms, GD and SGD with early stopping
/// Ridge              + α‖w‖²                 closed form (Cholesky, SVD) or L-BFGS
/// Lasso              + α‖w‖₁                 coordinate descent with soft-thresholding; exact zeros
/// ElasticNet         + αρ‖w‖₁ + ½α(1−ρ)‖w‖²   the same coordinate descent; path() and alphaGrid() for λ sweeps
/// HuberRegression    Huber loss with a jointly estimated scale σ: robust to outliers
/// ```
/// Objectives follow scikit-learn's conventions, so α means the same number there and here. The
/// intercept `b` is never penalised (the data are centred, then `b = ȳ − x̄ᵀw`). The penalties treat every
/// weight alike, so their effect depends on the units of the columns: **standardise the features**
/// (`mlscratch.data.StandardScaler`) before fitting a penalised model. Polynomial regression is a linear
/// model on `mlscratch.data.PolynomialFeatures`. Tutorials: 01 (normal equation), 02 (gradient descent),
/// 03 (regularisation), 04 (Huber).
package mlscratch.regression;
