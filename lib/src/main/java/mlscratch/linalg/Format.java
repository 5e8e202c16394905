package mlscratch.linalg;

import java.util.Locale;

/// Prints numbers the way NumPy does: one format for a whole array (so columns align), integers
/// without decimals, 4 decimals in the everyday range, scientific otherwise; long arrays truncated
/// to their first and last three entries with `…` between.
final class Format {
    private Format() {}

    static final int EDGE = 3;          // entries kept at each end of a truncated axis
    static final int MAX_ROWS = 10;     // rows shown in full up to this many
    static final int MAX_COLS = 8;      // columns shown in full up to this many

    /// Chooses one formatter for all of `values` (only the ones that will be printed).
    static java.util.function.DoubleFunction<String> formatter(double[] values) {
        boolean allInts = true;
        double maxAbs = 0, minAbsNonZero = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            double a = Math.abs(v);
            if (a != Math.rint(a) || a >= 1e15) allInts = false;
            maxAbs = Math.max(maxAbs, a);
            if (a > 0) minAbsNonZero = Math.min(minAbsNonZero, a);
        }
        if (allInts) return v -> Double.isFinite(v) ? String.valueOf((long) v) : special(v);
        boolean scientific = maxAbs >= 1e6 || minAbsNonZero < 1e-4;
        return scientific
                ? v -> Double.isFinite(v) ? String.format(Locale.ROOT, "%.4e", v) : special(v)
                : v -> Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : special(v);
    }

    private static String special(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "Inf" : "-Inf";
    }

    /// Indices shown along an axis of length `n` when at most `max` fit; -1 marks the ellipsis.
    static int[] shown(int n, int max) {
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        int[] idx = new int[2 * EDGE + 1];
        for (int i = 0; i < EDGE; i++) {
            idx[i] = i;
            idx[EDGE + 1 + i] = n - EDGE + i;
        }
        idx[EDGE] = -1;
        return idx;
    }

    static String vector(double[] v) {
        int[] idx = shown(v.length, MAX_COLS);
        var fmt = formatter(pick(v, idx));
        var sb = new StringBuilder("[");
        for (int k = 0; k < idx.length; k++) {
            if (k > 0) sb.append(", ");
            sb.append(idx[k] < 0 ? "…" : fmt.apply(v[idx[k]]));
        }
        return sb.append(']').toString();
    }

    static String matrix(int rows, int cols, double[] a) {
        if (rows == 0 || cols == 0) return "Matrix " + rows + "×" + cols + "\n[]";
        int[] ri = shown(rows, MAX_ROWS), ci = shown(cols, MAX_COLS);
        double[] picked = new double[ri.length * ci.length];
        int m = 0;
        for (int i : ri) for (int j : ci) if (i >= 0 && j >= 0) picked[m++] = a[i * cols + j];
        var fmt = formatter(java.util.Arrays.copyOf(picked, m));
        String[][] cells = new String[ri.length][ci.length];
        int[] width = new int[ci.length];
        for (int r = 0; r < ri.length; r++)
            for (int c = 0; c < ci.length; c++) {
                String s = ri[r] < 0 ? (c == 0 ? "⋮" : "") : ci[c] < 0 ? "…" : fmt.apply(a[ri[r] * cols + ci[c]]);
                cells[r][c] = s;
                width[c] = Math.max(width[c], s.length());
            }
        var sb = new StringBuilder();
        sb.append("Matrix ").append(rows).append('×').append(cols);
        for (int r = 0; r < ri.length; r++) {
            sb.append('\n').append(r == 0 ? "[[" : " [");
            for (int c = 0; c < ci.length; c++) {
                if (c > 0) sb.append(ri[r] < 0 ? "  " : ", ");
                sb.append(" ".repeat(width[c] - cells[r][c].length())).append(cells[r][c]);
            }
            sb.append(r == ri.length - 1 ? "]]" : "],");
        }
        return sb.toString();
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        int m = 0;
        for (int i : idx) if (i >= 0) out[m++] = v[i];
        return java.util.Arrays.copyOf(out, m);
    }
}
