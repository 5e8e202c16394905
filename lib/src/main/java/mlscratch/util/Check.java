package mlscratch.util;

/// The one argument-validation helper: every bad argument in mlscratch fails here, with one message shape.
///
/// ```
/// <where>: '<parameter>' must be <rule>, got <value>      e.g. LogisticRegression.Options: 'learningRate' must be > 0, got -0.1
/// <where>: <what is wrong, naming the numbers>            e.g. fit: X has 150 rows but y has 149
/// ```
/// `where` names the method or record the user called (`fit`, `times`, `KMeans.Options`), so the message
/// reads as an answer to "what did I do wrong?" without a stack trace. Every failure is an
/// [IllegalArgumentException]; math failures (a singular matrix) have their own `ArithmeticException` subclasses.
public final class Check {
    private Check() {}

    /// `where: message`, as an exception to throw.
    public static IllegalArgumentException fail(String where, String message) {
        var e = new IllegalArgumentException(where + ": " + message);
        // Drop this class's own frames: JShell then shows the method the user called (`Matrix.times`)
        // as the top of the trace, not the validation plumbing.
        StackTraceElement[] trace = e.getStackTrace();
        int first = 0;
        while (first < trace.length - 1 && trace[first].getClassName().equals(Check.class.getName())) first++;
        e.setStackTrace(java.util.Arrays.copyOfRange(trace, first, trace.length));
        return e;
    }

    /// Throws `where: message` (formatted with `args`) unless `ok`.
    public static void that(boolean ok, String where, String format, Object... args) {
        if (!ok) throw fail(where, args.length == 0 ? format : String.format(format, args));
    }

    /// Returns `value` when it is not null.
    public static <T> T notNull(String where, String param, T value) {
        if (value == null) throw fail(where, "'" + param + "' must not be null");
        return value;
    }

    /// Returns `value` when `value > 0`.
    public static int positive(String where, String param, int value) {
        if (value <= 0) throw rule(where, param, "> 0", value);
        return value;
    }

    /// Returns `value` when `value >= 0`.
    public static int nonNegative(String where, String param, int value) {
        if (value < 0) throw rule(where, param, ">= 0", value);
        return value;
    }

    /// Returns `value` when it is finite and `value > 0`.
    public static double positive(String where, String param, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw rule(where, param, "finite and > 0", value);
        return value;
    }

    /// Returns `value` when it is finite and `value >= 0`.
    public static double nonNegative(String where, String param, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw rule(where, param, "finite and >= 0", value);
        return value;
    }

    /// Returns `value` when it is finite (not NaN, not ±∞).
    public static double finite(String where, String param, double value) {
        if (!Double.isFinite(value)) throw rule(where, param, "finite", value);
        return value;
    }

    /// Returns `value` when `lo <= value <= hi`.
    public static double inRange(String where, String param, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) throw rule(where, param, "in [" + lo + ", " + hi + "]", value);
        return value;
    }

    /// Returns `value` when `lo <= value <= hi`.
    public static int inRange(String where, String param, int value, int lo, int hi) {
        if (value < lo || value > hi) throw rule(where, param, "in [" + lo + ", " + hi + "]", value);
        return value;
    }

    /// Checks that a row-major `rows × cols` block holds only finite numbers; the message names the first
    /// offender as `X[row][col]` (or `y[i]` when `cols == 1` and `vector` is true).
    public static void finite(String where, String name, double[] data, int cols, boolean vector) {
        for (int k = 0; k < data.length; k++) {
            double v = data[k];
            if (!Double.isFinite(v)) {
                String at = vector ? name + "[" + k + "]" : name + "[" + (k / cols) + "][" + (k % cols) + "]";
                String what = Double.isNaN(v) ? "NaN" : (v > 0 ? "+Infinity" : "-Infinity");
                throw fail(where, at + " is " + what);
            }
        }
    }

    private static IllegalArgumentException rule(String where, String param, String rule, Object got) {
        return fail(where, "'" + param + "' must be " + rule + ", got " + got);
    }
}
