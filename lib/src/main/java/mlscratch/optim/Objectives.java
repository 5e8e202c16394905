package mlscratch.optim;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Ready-made objectives with known minima, for tutorials and tests of the optimizers.
/// ```
/// quadratic(A, b)      L(w) = ½wᵀAw − bᵀw           ∇L = Aw − b        ∇²L = A        w* = A⁻¹b (A SPD)
/// leastSquares(X, y)   L(w) = (1/2n)‖Xw − y‖²        ∇L = Xᵀ(Xw − y)/n                  w* = (XᵀX)⁻¹Xᵀy
/// rosenbrock()         L(x, y) = (1 − x)² + 100(y − x²)²                                 w* = (1, 1), L* = 0
/// ```
/// Rosenbrock's banana-shaped valley is the classic test of a line search: the gradient points across the
/// valley, not along it, so plain gradient descent zig-zags for thousands of steps.
public final class Objectives {
    private Objectives() {}

    /// `L(w) = ½wᵀAw − bᵀw` for a symmetric `A` (positive definite for a unique minimum `w* = A⁻¹b`).
    public static TwiceDifferentiable quadratic(Matrix A, Vector b) {
        String where = "Objectives.quadratic";
        Check.notNull(where, "A", A);
        Check.notNull(where, "b", b);
        if (!A.isSquare() || A.rows() != b.size())
            throw Check.fail(where, "A is " + A.shape() + " but b has size " + b.size() + " (A must be d×d with d = b.size())");
        if (!A.isSymmetric(1e-12 * Math.max(1, A.normInf())))
            throw Check.fail(where, "A is not symmetric (the gradient Aw − b assumes Aᵀ = A)");
        return new TwiceDifferentiable() {
            @Override public double value(Vector w) { return 0.5 * w.dot(A.times(w)) - b.dot(w); }   // ½wᵀAw − bᵀw

            @Override public Vector gradient(Vector w) { return A.times(w).minus(b); }                // Aw − b

            @Override public ValueAndGradient evaluate(Vector w) {
                Vector Aw = A.times(w);
                return new ValueAndGradient(0.5 * w.dot(Aw) - b.dot(w), Aw.minus(b));
            }

            @Override public Matrix hessian(Vector w) { return A; }                                   // ∇²L = A
        };
    }

    /// `L(w) = (1/2n)‖Xw − y‖²` as a mean over rows, `ℓᵢ(w) = ½(xᵢᵀw − yᵢ)²`, for [SGD].
    public static StochasticObjective leastSquares(Matrix X, Vector y) {
        String where = "Objectives.leastSquares";
        Check.notNull(where, "X", X);
        Check.notNull(where, "y", y);
        if (X.rows() != y.size()) throw Check.fail(where, "X has " + X.rows() + " rows but y has " + y.size());
        if (X.rows() == 0) throw Check.fail(where, "X has no rows");
        return new StochasticObjective() {
            @Override public int n() { return X.rows(); }

            @Override public ValueAndGradient evaluate(Vector w, int[] batch) {
                Matrix XB = X.selectRows(batch);                         // (|B|, d)
                Vector r = XB.times(w).minus(y.select(batch));           // r = X_B w − y_B
                double L = 0.5 * r.dot(r) / batch.length;                // L_B = ‖r‖²/(2|B|)
                Vector g = XB.transpose().times(r).scale(1.0 / batch.length);   // ∇L_B = X_Bᵀr/|B|
                return new ValueAndGradient(L, g);
            }
        };
    }

    /// Rosenbrock's function of two variables, `(1 − x)² + 100(y − x²)²`, minimum 0 at (1, 1).
    public static TwiceDifferentiable rosenbrock() {
        return new TwiceDifferentiable() {
            @Override public double value(Vector w) {
                double x = w.get(0), y = w.get(1);
                return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
            }

            @Override public Vector gradient(Vector w) {
                double x = w.get(0), y = w.get(1);
                return Vector.of(-2 * (1 - x) - 400 * x * (y - x * x),   // ∂L/∂x = −2(1 − x) − 400x(y − x²)
                                 200 * (y - x * x));                     // ∂L/∂y = 200(y − x²)
            }

            @Override public Matrix hessian(Vector w) {
                double x = w.get(0), y = w.get(1);
                return Matrix.of(new double[][] {
                        {1200 * x * x - 400 * y + 2, -400 * x},          // ∂²L/∂x² = 1200x² − 400y + 2
                        {-400 * x, 200}});                               // ∂²L/∂x∂y = −400x, ∂²L/∂y² = 200
            }
        };
    }
}
