package mlscratch.drill.bank;

import static mlscratch.drill.bank.WrongAnswers.check;
import static mlscratch.drill.bank.WrongAnswers.failsAt;
import static mlscratch.drill.bank.WrongAnswers.passesAt;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// One typical wrong answer per drill of LinearAlgebraDrills, ActivationDrills, LossDrills and
/// OptimisationDrills, and the case that catches it.
class MathWrongAnswersTest {

    // ── linear algebra ──

    @Test void matmulWithBTransposedIndexingFailsTheHandCase() {
        var r = check("matmul", a -> {   // B.get(j, p) instead of B.get(p, j): computes ABᵀ
            Matrix A = (Matrix) a[0], B = (Matrix) a[1];
            double[][] C = new double[A.rows()][B.cols()];
            for (int i = 0; i < A.rows(); i++)
                for (int j = 0; j < B.cols(); j++)
                    for (int p = 0; p < A.cols(); p++) C[i][j] += A.get(i, p) * B.get(j, p);
            return Matrix.of(C);
        });
        // (ABᵀ)₀₀ = 1·5 + 2·6 = 17, the product's is 19
        failsAt(r, "hand case 2×2", "at [0][0] expected 19 but got 17");
        passesAt(r, "1×1");
    }

    @Test void expandedDistancesWithoutCentringCancelFarFromTheOrigin() {
        var r = check("pairwise-sq-distances", a -> {   // ‖x‖² + ‖y‖² − 2x·y, straight
            Matrix X = (Matrix) a[0], Y = (Matrix) a[1];
            double[][] D = new double[X.rows()][Y.rows()];
            for (int i = 0; i < X.rows(); i++)
                for (int j = 0; j < Y.rows(); j++)
                    D[i][j] = X.row(i).dot(X.row(i)) + Y.row(j).dot(Y.row(j)) - 2 * X.row(i).dot(Y.row(j));
            return Matrix.of(D);
        });
        failsAt(r, "far from the origin (1e6)", "expected Matrix");
        passesAt(r, "hand case");
        passesAt(r, "random 8×5 vs 11×5");
    }

    @Test void naiveCosineOverflowsAtLargeMagnitudes() {
        var r = check("cosine-similarity", a -> {
            Vector x = (Vector) a[0], y = (Vector) a[1];
            double dot = 0, xx = 0, yy = 0;
            for (int i = 0; i < x.size(); i++) { dot += x.get(i) * y.get(i); xx += x.get(i) * x.get(i); yy += y.get(i) * y.get(i); }
            return dot / Math.sqrt(xx * yy);
        });
        failsAt(r, "large magnitudes 1e200", "got NaN");        // ∞/∞
        failsAt(r, "zero vector gives 0", "got NaN");            // 0/0
        passesAt(r, "hand case 45°");
    }

    @Test void normalEquationWithAnAccidentalRidgeTermFails() {
        var r = check("normal-equation", a -> {   // (XᵀX + I) w = Xᵀy: ridge with λ = 1
            Matrix X = (Matrix) a[0];
            return X.transposeTimes(X).plus(Matrix.identity(X.cols())).solve(X.transpose().times((Vector) a[1]));
        });
        failsAt(r, "hand case: exact line y = 1 + 2x", "expected Vector(2) [1.0000, 2.0000]");
    }

    @Test void powerIterationFromTheOnesVectorMissesAnOrthogonalAnswer() {
        var r = check("power-iteration", a -> {
            Matrix A = (Matrix) a[0];
            Vector v = Vector.ones(A.rows()).scale(1 / Math.sqrt(A.rows()));     // a fixed start: the classic slip
            for (int it = 0; it < 200; it++) { Vector w = A.times(v); v = w.scale(1 / w.norm()); }
            return v;
        });
        // [[2, −1], [−1, 2]]: ones is the eigenvector of λ = 1, so the iteration never leaves it
        failsAt(r, "answer orthogonal to the ones vector", "expected ±Vector(2) [0.7071, -0.7071]", "got Vector(2) [0.7071, 0.7071]");
        passesAt(r, "hand case diag(3, 1) → e₁");
    }

    // ── activations ──

    @Test void sigmoidAsExpOverOnePlusExpIsNaNAt1000() {
        var r = check("stable-sigmoid", a -> ((Vector) a[0]).map(t -> Math.exp(t) / (1 + Math.exp(t))));
        failsAt(r, "large magnitudes ±1000", "got Vector(2) [NaN");
        passesAt(r, "hand case σ(0) = 1/2, σ(ln 3) = 3/4");
    }

    @Test void reluBackwardWithGreaterOrEqualPassesGradientAtTheKink() {
        var r = check("relu-backward", a -> ((Vector) a[0]).zip("relu", (Vector) a[1], (z, g) -> z >= 0 ? g : 0));
        failsAt(r, "kink z = 0 passes nothing", "at [0] expected 0 but got 7");
        passesAt(r, "random n=40");
    }

    @Test void tanhBackwardWithoutTheSquareFailsAwayFromZero() {
        var r = check("tanh-backward", a -> ((Vector) a[1]).hadamard(((Vector) a[0]).map(t -> 1 - Math.tanh(t))));
        failsAt(r, "one element", "finite differences give");
        passesAt(r, "hand case z = 0");   // 1 − tanh 0 = 1 − tanh² 0: a test only at z = 0 would miss it
    }

    @Test void naiveLogSumExpOverflowsAndUnderflows() {
        var r = check("logsumexp", a -> Math.log(((Vector) a[0]).map(Math::exp).sum()));
        failsAt(r, "large logits 1000", "got Infinity");
        failsAt(r, "very negative logits −1000", "got -Infinity");
        passesAt(r, "hand case [0, 0] → log 2");
    }

    @Test void logOfASoftmaxGivesMinusInfinityForAnUnderflowedProbability() {
        var r = check("log-softmax", a -> {
            Vector z = (Vector) a[0];
            double m = z.max();
            Vector e = z.map(v -> Math.exp(v - m));
            return e.scale(1 / e.sum()).map(Math::log);    // stable softmax, then log: e⁻¹⁰⁰⁰ = 0 ⇒ log 0
        });
        failsAt(r, "[−1000, 0]: no log 0", "at [0] expected -1000 but got -Infinity");
        passesAt(r, "logits 1000");
    }

    // ── losses ──

    @Test void mseGradientWithoutTheTwoFailsTheFiniteDifferenceCheck() {
        var r = check("mse-grad", a -> ((Vector) a[0]).minus((Vector) a[1]).scale(1.0 / ((Vector) a[1]).size()));
        // r = [1, −2], n = 2: 2r/n = [1, −2], r/n = [0.5, −1]
        failsAt(r, "hand case", "finite differences give Vector(2) [1.0000, -2.0000]", "your gradient Vector(2) [0.5000, -1.0000]");
        passesAt(r, "perfect prediction");
    }

    @Test void crossEntropyThroughProbabilitiesIsInfiniteWhenConfidentlyWrong() {
        var r = check("cross-entropy", a -> {
            Matrix P = Bank.softmaxRows((Matrix) a[0]);     // even a stable softmax rounds e⁻¹⁰⁰⁰ to 0
            Vector y = (Vector) a[1];
            double s = 0;
            for (int i = 0; i < P.rows(); i++) s -= Math.log(P.get(i, (int) y.get(i)));
            return s / P.rows();
        });
        failsAt(r, "confidently wrong: −1000 on the true class", "got Infinity");
        passesAt(r, "hand case: uniform logits → log 2");
    }

    @Test void softmaxRegressionGradientWithTheSignFlippedFails() {
        var r = check("softmax-regression-grad", a -> {
            Matrix X = (Matrix) a[0], W = (Matrix) a[2];
            Matrix P = Bank.softmaxRows(X.times(W)), Y = Bank.oneHot((Vector) a[1], W.cols());
            return X.transposeTimes(Y.minus(P)).scale(1.0 / X.rows());     // Y − P: gradient ASCENT direction
        });
        failsAt(r, "hand case W = 0", "finite differences give Matrix 1×2 [[-0.5000, 0.5000]]");
    }

    @Test void svmGradientWithoutTheRegulariserFails() {
        var r = check("svm-hinge-grad", a -> {
            Matrix X = (Matrix) a[0];
            Vector y = (Vector) a[1], w = (Vector) a[2];
            Vector c = X.times(w).hadamard(y).zip("svm", y, (m, yi) -> m < 1 ? -yi : 0);
            return X.transpose().times(c).scale(1.0 / X.rows());            // forgot + λw
        });
        failsAt(r, "all beyond the margin: only λw", "finite differences give");
        passesAt(r, "λ = 0");
    }

    @Test void huberGradientThatIsTheMseGradientFailsOnOutliers() {
        var r = check("huber-grad", a -> a[0]);   // ∂(½r²)/∂r = r: no clipping
        failsAt(r, "huge outliers 1e9", "finite differences give Vector(2) [1.5000, -1.5000]");
        passesAt(r, "one element");
    }

    // ── optimisation ──

    @Test void gradientAscentInsteadOfDescentFails() {
        var r = check("gd-step", a -> {
            Matrix X = (Matrix) a[0];
            Vector grad = X.transpose().times(X.times((Vector) a[2]).minus((Vector) a[1])).scale(1.0 / X.rows());
            return ((Vector) a[2]).plus(grad.scale((Double) a[3]));          // + instead of −
        });
        failsAt(r, "hand case", "expected Vector(2) [0.3000, 0.6000]", "got Vector(2) [-0.3000, -0.6000]");
        passesAt(r, "at the optimum: no move");
    }

    @Test void momentumMovingByTheOldVelocityFails() {
        var r = check("momentum-step", a -> {
            Matrix s = (Matrix) a[0];
            Vector w = s.row(0), v = s.row(1), g = (Vector) a[1];
            Vector wNew = w.minus(v.scale((Double) a[2]));                   // uses v before the update
            return Matrix.fromRows(wNew, v.scale(0.9).plus(g));
        });
        failsAt(r, "hand case", "at [0][0] expected 0.81 but got 0.9");
    }

    @Test void adamWithoutBiasCorrectionTakesTinyFirstSteps() {
        var r = check("adam-step", a -> {
            Matrix s = (Matrix) a[0];
            Vector g = (Vector) a[1];
            Vector m = s.row(1).scale(0.9).plus(g.scale(0.1));
            Vector v = s.row(2).scale(0.999).plus(g.hadamard(g).scale(0.001));
            Vector w = s.row(0).minus(m.zip("adam", v, (mi, vi) -> 1e-3 * mi / (Math.sqrt(vi) + 1e-8)));   // m, v uncorrected
            return Matrix.fromRows(w, m, v);
        });
        // t = 1: the corrected step is η·g/|g| = 1e-3; uncorrected it is η·0.1g/(√0.001 |g|) ≈ 3.16e-3
        failsAt(r, "hand case t = 1", "at [0][0] expected 0.999 but got 0.996838");
        failsAt(r, "late step t = 1000");   // β₂¹⁰⁰⁰ ≈ 0.37: the v correction still matters after 1000 steps
    }
}
