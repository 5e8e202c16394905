package mlscratch.drill.bank;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Shared pieces of the drill bank's topic files: stable numerics used by several reference solutions,
/// seeded generators for test inputs, and a finite-difference check for answers that return several
/// gradients at once (a list of matrices).
final class Bank {
    private Bank() {}

    // ───────────────────────────── numerics ─────────────────────────────

    /// σ(t), never exp of a large positive number.
    static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /// log Σ exp(zᵢ) = m + log Σ exp(zᵢ − m), m = max z; −∞ for an empty vector.
    static double logSumExp(double[] z) {
        if (z.length == 0) return Double.NEGATIVE_INFINITY;
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) m = Math.max(m, v);
        if (Double.isInfinite(m)) return m;
        double s = 0;
        for (double v : z) s += Math.exp(v - m);
        return m + Math.log(s);
    }

    /// Row-wise stable softmax of an n×K matrix of logits.
    static Matrix softmaxRows(Matrix Z) {
        double[][] p = Z.toArray2D();
        for (double[] row : p) {
            double lse = logSumExp(row);
            for (int k = 0; k < row.length; k++) row[k] = Math.exp(row[k] - lse);
        }
        return Matrix.of(p);
    }

    /// n×K one-hot matrix of class indices.
    static Matrix oneHot(Vector y, int k) {
        double[][] Y = new double[y.size()][k];
        for (int i = 0; i < y.size(); i++) Y[i][(int) y.get(i)] = 1;
        return y.size() == 0 ? Matrix.zeros(0, k) : Matrix.of(Y);
    }

    // ───────────────────────────── test inputs ─────────────────────────────

    /// `n` class indices in 0..k−1 (each class appears at least once when n ≥ k).
    static Vector labels(int n, int k, RandomGenerator rng) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = i < k ? i : rng.nextInt(k);
        // shuffle so the guaranteed ones are not all at the front
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = y[i]; y[i] = y[j]; y[j] = t;
        }
        return Vector.of(y);
    }

    /// `n` labels in {−1, +1}.
    static Vector signs(int n, RandomGenerator rng) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = rng.nextBoolean() ? 1 : -1;
        return Vector.of(y);
    }

    static Matrix m(double[]... rows) { return Matrix.of(rows); }

    /// A number in a message: whole numbers without a decimal point, others to 6 significant digits.
    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return String.valueOf((long) x);
        String s = String.format(Locale.ROOT, "%.6g", x);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    // ───────────────────────────── several gradients at once ─────────────────────────────

    /// A loss of a list of parameter matrices (the other arguments fixed).
    @FunctionalInterface
    interface ParamLoss { double at(List<Matrix> params); }

    /// Null when `got` (a list of gradients, one per parameter) matches central finite differences of `loss`
    /// at `params` entrywise within `tol · max(1, |numeric|)`; else one line naming the first bad entry.
    static String checkGradients(ParamLoss loss, List<Matrix> params, Object got, double tol, List<String> names) {
        if (!(got instanceof List<?> g)) return "expected a List<Matrix> of " + params.size() + " gradients, got "
                + (got == null ? "null" : got.getClass().getSimpleName());
        if (g.size() != params.size()) return "expected " + params.size() + " gradients " + names + ", got " + g.size();
        for (int p = 0; p < params.size(); p++) {
            Matrix P = params.get(p);
            if (!(g.get(p) instanceof Matrix G)) return names.get(p) + ": expected a Matrix, got " + g.get(p);
            if (G.rows() != P.rows() || G.cols() != P.cols()) {
                return "∂L/∂" + names.get(p) + " must have the shape of " + names.get(p) + ", " + P.rows() + "×" + P.cols()
                        + ", got " + G.rows() + "×" + G.cols();
            }
            for (int i = 0; i < P.rows(); i++) {
                for (int j = 0; j < P.cols(); j++) {
                    double x = P.get(i, j), h = 1e-6 * Math.max(1, Math.abs(x));
                    var plus = new java.util.ArrayList<>(params);
                    var minus = new java.util.ArrayList<>(params);
                    plus.set(p, P.with(i, j, x + h));
                    minus.set(p, P.with(i, j, x - h));
                    double numeric = (loss.at(plus) - loss.at(minus)) / (2 * h);   // (L(θ + h) − L(θ − h)) / 2h
                    double mine = G.get(i, j);
                    if (!(Math.abs(mine - numeric) <= tol * Math.max(1, Math.abs(numeric)))) {
                        return "finite differences give ∂L/∂" + names.get(p) + "[" + i + "][" + j + "] = " + num(numeric)
                                + ", your gradient has " + num(mine) + " (tolerance " + num(tol) + ")";
                    }
                }
            }
        }
        return null;
    }
}
