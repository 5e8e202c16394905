package mlscratch.drill;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Numeric comparison of answers (null = close enough, else a one-line reason) and compact printing of values.
final class Compare {
    private Compare() {}

    /// `|got − expected| ≤ tol · max(1, |expected|)` entrywise, for numbers, Vectors, Matrices, arrays, lists;
    /// anything else by `equals`. NaN matches only NaN, ±∞ only the same infinity.
    static String diff(Object expected, Object got, double tol) {
        if (got == null && expected != null) return "got null";
        if (expected == null) return got == null ? null : "expected null";
        if (expected instanceof Number e && !(expected instanceof Integer || expected instanceof Long)) {
            if (!(got instanceof Number g)) return "expected a number, got a " + got.getClass().getSimpleName();
            return close(e.doubleValue(), g.doubleValue(), tol) ? null : "off by " + num(Math.abs(g.doubleValue() - e.doubleValue()));
        }
        if (expected instanceof Integer || expected instanceof Long) {
            if (got instanceof Number g && (g instanceof Integer || g instanceof Long) && g.longValue() == ((Number) expected).longValue()) return null;
            return got instanceof Number ? "integers differ" : "expected an integer, got a " + got.getClass().getSimpleName();
        }
        if (expected instanceof Vector e) {
            if (!(got instanceof Vector g)) return "expected a Vector, got a " + got.getClass().getSimpleName();
            if (g.size() != e.size()) return "expected " + e.size() + " entries, got " + g.size();
            return arrays(e.toArray(), g.toArray(), tol, e.size());
        }
        if (expected instanceof Matrix e) {
            if (!(got instanceof Matrix g)) return "expected a Matrix, got a " + got.getClass().getSimpleName();
            if (g.rows() != e.rows() || g.cols() != e.cols()) {
                return "expected shape " + e.rows() + "×" + e.cols() + ", got " + g.rows() + "×" + g.cols();
            }
            return arrays(e.toArray(), g.toArray(), tol, e.cols());
        }
        if (expected instanceof double[] e) {
            if (!(got instanceof double[] g)) return "expected a double[], got a " + got.getClass().getSimpleName();
            if (g.length != e.length) return "expected " + e.length + " entries, got " + g.length;
            return arrays(e, g, tol, e.length);
        }
        if (expected instanceof int[] e) {
            if (!(got instanceof int[] g)) return "expected an int[], got a " + got.getClass().getSimpleName();
            if (!Arrays.equals(e, g)) return "arrays differ";
            return null;
        }
        if (expected instanceof List<?> e) {
            if (!(got instanceof List<?> g)) return "expected a List, got a " + got.getClass().getSimpleName();
            if (g.size() != e.size()) return "expected " + e.size() + " elements, got " + g.size();
            for (int i = 0; i < e.size(); i++) {
                String d = diff(e.get(i), g.get(i), tol);
                if (d != null) return "element " + i + ": " + d;
            }
            return null;
        }
        return expected.equals(got) ? null : "values differ";
    }

    static boolean close(double e, double g, double tol) {
        if (Double.isNaN(e) || Double.isNaN(g)) return Double.isNaN(e) && Double.isNaN(g);
        if (Double.isInfinite(e) || Double.isInfinite(g)) return e == g;
        return Math.abs(g - e) <= tol * Math.max(1.0, Math.abs(e));
    }

    private static String arrays(double[] e, double[] g, double tol, int cols) {
        for (int i = 0; i < e.length; i++) {
            if (!close(e[i], g[i], tol)) {
                String at = cols == e.length ? "[" + i + "]" : "[" + i / cols + "][" + i % cols + "]";
                return "at " + at + " expected " + num(e[i]) + " but got " + num(g[i]) + " (tolerance " + num(tol) + ")";
            }
        }
        return null;
    }

    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return String.valueOf((long) x);
        String s = String.format(Locale.ROOT, "%.6g", x);           // 1.00000e-12 → 1e-12, 0.422319 stays
        return s.replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
    }

    /// A value on one line: Vector/Matrix through their NumPy-like toString, flattened; arrays truncated.
    static String show(Object x) {
        String s = switch (x) {
            case null -> "null";
            case double[] a -> "double[" + a.length + "] " + Arrays.toString(a.length > 8 ? Arrays.copyOf(a, 8) : a).replace("]", a.length > 8 ? ", …]" : "]");
            case int[] a -> "int[" + a.length + "] " + Arrays.toString(a.length > 8 ? Arrays.copyOf(a, 8) : a).replace("]", a.length > 8 ? ", …]" : "]");
            case Double d -> num(d);
            case Matrix m when (long) m.rows() * m.cols() > 16 -> "Matrix " + m.rows() + "×" + m.cols();   // the shape says enough
            default -> x.toString();
        };
        s = s.replaceAll("\\s*\\n\\s*", " ");
        return s.length() > 160 ? s.substring(0, 157) + "…" : s;
    }

    /// The arguments, named after the signature: `z = Vector(3) [1, 2, 3], g = …`.
    static String showArgs(Drill.Signature sig, Object[] args) {
        var sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) sb.append(", ");
            String name = i < sig.params().size() ? sig.params().get(i).name() : "arg" + i;
            sb.append(name).append(" = ").append(show(args[i]));
        }
        return sb.toString();
    }
}
