// 01 · The normal equation: linear regression in closed form, three ways, and why QR wins
// Run it in the shell with  /open tutorials/01-normal-equation.jsh   (on a terminal each cell waits for
// Enter; r runs the rest, q stops pausing). Every cell ends with checks. At the end `model` is yours.

// ━━━ Cell 1 · The data: diabetes progression ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(1, "The data: diabetes progression");
// 442 patients, 10 baseline measurements (age, sex, BMI, blood pressure, six blood serum values), each
// column centred and scaled as scikit-learn does; the target y is a measure of disease progression
// one year later. We want weights w and an intercept b such that  ŷ = Xw + b  is close to y.
var data = Datasets.diabetes();
IO.println(data.describe());
var X = data.X();
var y = data.y();
int n = X.rows(), d = X.cols();
check("442 patients, 10 features", n == 442 && d == 10);

// ━━━ Cell 2 · Deriving the normal equation ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(2, "Deriving the normal equation");
// Fold the intercept into the weights with a column of ones:  A = [1 | X]  (n×(d+1)),  θ = (b, w).
// Objective (squared error, the ½ makes the gradient clean):
//     L(θ) = ½ ‖Aθ − y‖² = ½ (Aθ − y)ᵀ(Aθ − y)
// Expand:  L = ½ θᵀAᵀAθ − θᵀAᵀy + ½ yᵀy.  Differentiate (∂(θᵀMθ)/∂θ = 2Mθ for symmetric M):
//     ∇L(θ) = AᵀAθ − Aᵀy = Aᵀ(Aθ − y)
// L is a convex bowl (AᵀA is positive semi-definite), so its minimum is where ∇L = 0:
//     AᵀA θ = Aᵀy          ← the normal equation: the residual Aθ − y is normal (⊥) to every column of A
//     θ = (AᵀA)⁻¹ Aᵀy      when the columns of A are independent.
// Before trusting the gradient formula, check it against central differences at a random θ:
//     ∂L/∂θⱼ ≈ (L(θ + h·eⱼ) − L(θ − h·eⱼ)) / 2h
// For a quadratic the central difference is exact for any h (the h² term of the Taylor series vanishes),
// so a large step h = 0.01 costs nothing and keeps rounding small: L is about 10⁷ here, and with the usual
// h = 10⁻⁵ the subtraction L(θ + h) − L(θ − h) would lose six of its sixteen digits.
var A = Matrix.hstack(Matrix.ones(n, 1), X);
java.util.function.ToDoubleFunction<Vector> L = t -> 0.5 * Math.pow(A.times(t).minus(y).norm(), 2);
var theta0 = Vector.randn(d + 1, 1);
var gradAt0 = A.transpose().times(A.times(theta0).minus(y));          // ∇L = Aᵀ(Aθ − y)
var gc = GradCheck.check(L, theta0, gradAt0, GradCheck.Options.defaults().withH(1e-2));
show("gradient check", gc);
check("∇L = Aᵀ(Aθ − y) matches finite differences", gc.passed());

// ━━━ Cell 3 · Way 1: invert AᵀA ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(3, "Way 1: invert AᵀA");
// The formula as written. It works here, but it costs an inverse (≈ 2(d+1)³ flops after forming AᵀA)
// and it squares the condition number — keep that in mind for cell 6.
var AtA = A.transpose().times(A);                                     // (d+1)×(d+1)
var Aty = A.transpose().times(y);                                     // d+1
var thetaInv = AtA.inverse().times(Aty);                              // θ = (AᵀA)⁻¹Aᵀy
show("θ via inverse", thetaInv);
check("normal equation holds: AᵀAθ = Aᵀy", AtA.times(thetaInv).isClose(Aty, 1e-9));

// ━━━ Cell 4 · Way 2: Cholesky ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(4, "Way 2: Cholesky");
// AᵀA is symmetric positive definite, so it factors as AᵀA = LLᵀ with L lower triangular.
// Solve LLᵀθ = Aᵀy by two triangular solves: Lz = Aᵀy (forward), Lᵀθ = z (backward). Half the work of
// LU and no explicit inverse — but it still starts from AᵀA, so it inherits the squared condition number.
var chol = AtA.cholesky();
var thetaChol = chol.solve(Aty);
show("θ via Cholesky", thetaChol);
check("L is lower triangular and LLᵀ = AᵀA", chol.L().times(chol.L().transpose()).isClose(AtA, 1e-10));
check("Cholesky agrees with the inverse", thetaChol.isClose(thetaInv, 1e-8));

// ━━━ Cell 5 · Way 3: QR ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(5, "Way 3: QR");
// Factor A itself: A = QR with QᵀQ = I (n×(d+1)) and R upper triangular ((d+1)×(d+1)). Substitute:
//     AᵀAθ = Aᵀy  ⇒  RᵀQᵀQRθ = RᵀQᵀy  ⇒  Rᵀ(Rθ − Qᵀy) = 0  ⇒  Rθ = Qᵀy   (R invertible)
// One back-substitution, and AᵀA is never formed: QR works with κ(A), not κ(A)².
var qr = A.qr();
var thetaQR = qr.solve(y);                                            // Rθ = Qᵀy
show("θ via QR", thetaQR);
check("QᵀQ = I", qr.Q().transpose().times(qr.Q()).isClose(Matrix.identity(d + 1), 1e-12));
check("QR = A", qr.Q().times(qr.R()).isClose(A, 1e-12));
check("QR agrees with Cholesky and the inverse", thetaQR.isClose(thetaChol, 1e-8) && thetaQR.isClose(thetaInv, 1e-8));
check("the residual is orthogonal to every column: Aᵀ(Aθ − y) ≈ 0",
        A.transpose().times(A.times(thetaQR).minus(y)).normInf() < 1e-8);

// ━━━ Cell 6 · When the columns are nearly dependent, QR wins ━━━━━━━━━━━━━━━━━━━━━
cell(6, "When the columns are nearly dependent, QR wins");
// A degree-10 polynomial fit on [0, 1]: the columns 1, x, x², …, x¹⁰ look alike (x⁹ and x¹⁰ are nearly
// parallel), so the Vandermonde matrix V is ill-conditioned. Its condition number κ(V) = σmax/σmin
// bounds how much relative error the data's rounding can turn into; forming VᵀV squares it.
var x = Vector.linspace(0, 1, 50);
var V = PolynomialFeatures.fit(x.asColumn(), 10).transform(x.asColumn());   // 50×11: 1, x, …, x¹⁰
var wTrue = Vector.ones(11);
var yPoly = V.times(wTrue).plus(Vector.randn(50, 7).scale(1e-3));          // a little noise
double kappaV = V.svd().cond(), kappaVtV = V.transpose().times(V).svd().cond();
show("κ(V)", kappaV);
show("κ(VᵀV)", kappaVtV);                                                   // ≈ κ(V)² — about 16 digits gone
var wByInverse = V.transpose().times(V).inverse().times(V.transpose().times(yPoly));
var wByQR = V.qr().solve(yPoly);
double gradInverse = V.transpose().times(V.times(wByInverse).minus(yPoly)).norm();   // ‖Vᵀr‖ should be 0
double gradQR = V.transpose().times(V.times(wByQR).minus(yPoly)).norm();
show("‖Vᵀr‖ via inverse", gradInverse);
show("‖Vᵀr‖ via QR", gradQR);
show("‖r‖ via inverse", V.times(wByInverse).minus(yPoly).norm());
show("‖r‖ via QR", V.times(wByQR).minus(yPoly).norm());
check("κ(VᵀV) is about κ(V)² (> 10¹³)", kappaVtV > 1e13 && kappaV > 1e6);
check("QR reaches the least-squares optimum: ‖Vᵀr‖ < 1e-9", gradQR < 1e-9);
check("the inverse misses it by orders of magnitude", gradInverse > 1000 * gradQR);
check("QR's residual is no larger than the inverse's",
        V.times(wByQR).minus(yPoly).norm() <= V.times(wByInverse).minus(yPoly).norm() + 1e-12);

// ━━━ Cell 7 · The library does the same ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(7, "The library does the same");
// LinearRegression.fit centres X and y first (the intercept drops out: b = ȳ − x̄ᵀw), then solves the
// centred system by QR. Same θ as above; help(LinearRegression.class) shows its derivation.
var model = LinearRegression.fit(X, y);
show("model", model);
check("library w equals the hand-made QR solution", model.w().isClose(thetaQR.slice(1, d + 1), 1e-8));
checkClose("library b equals the hand-made intercept", model.b(), thetaQR.get(0), 1e-8);
double r2 = model.score(X, y);
show("R² on the training data", r2);
checkClose("R² matches scikit-learn's 0.517748", r2, 0.5177484222203499, 1e-9);

// ━━━ Cell 8 · Predicted against actual ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(8, "Predicted against actual");
// A perfect model puts every point on the diagonal. Half the variance is explained (R² ≈ 0.52): the
// spread around the diagonal is what ten blood measurements cannot tell us.
var yHat = model.predict(X);
Plot.scatter(y, yHat).withTitle("diabetes: predicted vs actual").withLabels("actual y", "predicted ŷ").show();
checkClose("mean residual is 0 (the intercept absorbs it)", y.minus(yHat).mean(), 0, 1e-9);
check("the predictions correlate with y: Σ(y − ȳ)(ŷ − ȳ) > 0",
        y.minus(y.mean()).dot(yHat.minus(y.mean())) > 0);

// ━━━ Cell 9 · Your turn ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
cell(9, "Your turn");
// `model` is live. Try:
//     model.w()                                   the ten weights: which features matter most?
//     model.predict(X.rows(0, 5))                 predictions for the first five patients
//     LinearRegression.fit(X.selectCols(2, 8), y).score(X.selectCols(2, 8), y)   BMI and s5 alone
//     help(LinearRegression.class)
IO.println("Done. `model`, `X`, `y`, `A` and `V` are yours to explore.");
