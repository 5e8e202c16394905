package mlscratch.plot;

import java.math.BigDecimal;
import java.util.Locale;

/// Short number labels for axes, colour bars and heatmap cells: at most 4 significant digits, no
/// trailing zeros, scientific notation only for very large or very small magnitudes.
final class TextFormat {
    private TextFormat() {}

    /// `0.5 → "0.5"`, `12.0 → "12"`, `1234.5678 → "1235"`, `12345.6 → "12346"`, `0.000012 → "1.2e-05"`, `-3e9 → "-3e+09"`.
    static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            String s = String.format(Locale.ROOT, "%.3e", v);            // 1.200e-05
            int e = s.indexOf('e');
            return strip(s.substring(0, e)) + s.substring(e);
        }
        if (a >= 1000) return String.valueOf(Math.round(v));
        return strip(new BigDecimal(v).round(new java.math.MathContext(4)).toPlainString());
    }

    /// A heatmap cell: whole numbers as integers (confusion counts), others with 3 significant digits.
    static String cell(double v, boolean integers) {
        if (integers && Double.isFinite(v)) return String.valueOf(Math.round(v));
        if (!Double.isFinite(v) || v == 0) return number(v);
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-2) return number(v);
        return strip(new BigDecimal(v).round(new java.math.MathContext(3)).toPlainString());
    }

    private static String strip(String s) {
        if (!s.contains(".")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
