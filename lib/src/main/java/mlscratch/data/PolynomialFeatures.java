package mlscratch.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mlscratch.linalg.Matrix;
import mlscratch.util.Check;

/// Polynomial features: every monomial of the inputs up to a degree, so that a linear model on the
/// new columns fits a polynomial of the old ones.
///
/// ```
/// Notation   x = (x₀ … x_{d−1}) one example; D the degree
/// Model      φ(x) = ( x₀^a₀ · x₁^a₁ ⋯ x_{d−1}^a_{d−1} )   over all exponents a with 0 ≤ Σⱼ aⱼ ≤ D
///            (interactionOnly: only aⱼ ∈ {0, 1}, i.e. products of distinct inputs)
/// Order      scikit-learn's: by total degree, then lexicographic in the column indices
///            d = 2, D = 2:   1, x0, x1, x0^2, x0 x1, x1^2
/// Count      C(d + D, D) with the bias column 1, one fewer without it;
///            interactionOnly: Σ_{t ≤ D} C(d, t)
/// Cost       O(n · count · D) time for transform
/// ```
/// The count grows fast (d = 100, D = 3 gives 176 851 columns); fit refuses more than 1 000 000.
/// Scale the inputs first ([StandardScaler]) so that high powers stay in a sane range.
/// ```
/// var phi = PolynomialFeatures.fit(X, 3);      // cubic, with the bias column
/// var fitted = LinearRegression.fit(phi.transform(X), y);
/// phi.featureNames();                          // [1, x0, x1, x0^2, x0 x1, x1^2, x0^3, …]
/// ```
///
/// @param d       number of input columns it was fitted on
/// @param options degree, bias column, interaction-only
public record PolynomialFeatures(int d, Options options) {

    /// Largest number of output columns [#fit(Matrix, Options)] accepts.
    public static final int MAX_OUTPUT_FEATURES = 1_000_000;

    /// @param degree          highest total degree D, ≥ 0
    /// @param includeBias     whether the constant column `1` comes first
    /// @param interactionOnly keep only products of distinct inputs (no `x0^2`)
    public record Options(int degree, boolean includeBias, boolean interactionOnly) {
        public Options {
            Check.nonNegative("PolynomialFeatures.Options", "degree", degree);
        }

        /// Degree 2 with the bias column and squares: scikit-learn's defaults.
        public static Options defaults() { return new Options(2, true, false); }

        public Options withDegree(int degree) { return new Options(degree, includeBias, interactionOnly); }

        public Options withIncludeBias(boolean includeBias) { return new Options(degree, includeBias, interactionOnly); }

        public Options withInteractionOnly(boolean interactionOnly) { return new Options(degree, includeBias, interactionOnly); }
    }

    public PolynomialFeatures {
        Check.positive("PolynomialFeatures", "d", d);
        Check.notNull("PolynomialFeatures", "options", options);
        long count = count(d, options);
        Check.that(count <= MAX_OUTPUT_FEATURES, "PolynomialFeatures",
                "degree %d on d = %d inputs gives %s output features; the limit is %d", options.degree(), d,
                count == Long.MAX_VALUE ? "more than 2^63" : String.valueOf(count), MAX_OUTPUT_FEATURES);
        Check.that(count >= 1, "PolynomialFeatures", "degree 0 without the bias column leaves no features");
    }

    /// Degree-2 features with the bias column, for the columns of X.
    public static PolynomialFeatures fit(Matrix X) { return fit(X, Options.defaults()); }

    /// Features of the given degree, with the bias column.
    public static PolynomialFeatures fit(Matrix X, int degree) {
        Check.nonNegative("PolynomialFeatures.fit", "degree", degree);
        return fit(X, Options.defaults().withDegree(degree));
    }

    /// Records the number of columns of X (nothing else is learned).
    public static PolynomialFeatures fit(Matrix X, Options options) {
        Check.notNull("PolynomialFeatures.fit", "X", X);
        Check.that(X.cols() >= 1, "PolynomialFeatures.fit", "X is %s but needs at least one column", X.shape());
        return new PolynomialFeatures(X.cols(), Check.notNull("PolynomialFeatures.fit", "options", options));
    }

    /// Number of output columns.
    public int outputFeatures() { return (int) count(d, options); }

    /// The exponents, one row per output column: row t holds `(a₀ … a_{d−1})` of the t-th monomial
    /// (scikit-learn's `powers_`).
    public Matrix powers() {
        List<int[]> terms = terms();
        double[] P = new double[terms.size() * d];
        for (int t = 0; t < terms.size(); t++)
            for (int j : terms.get(t)) P[t * d + j]++;
        return Matrix.wrap(terms.size(), d, P);
    }

    /// φ(X): one row per example, one column per monomial.
    public Matrix transform(Matrix X) {
        PrepSupport.transformInput("PolynomialFeatures.transform", X, d, "PolynomialFeatures");
        List<int[]> terms = terms();
        int n = X.rows(), m = terms.size();
        Check.that((long) n * m <= Integer.MAX_VALUE, "PolynomialFeatures.transform",
                "the result would be %d×%d, more than 2^31 entries", n, m);
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < m; t++) {
                double v = 1;
                for (int j : terms.get(t)) v *= X.get(i, j);                 // x_{j₁} · x_{j₂} ⋯ (empty product = 1)
                out[i * m + t] = v;
            }
        return Matrix.wrap(n, m, out);
    }

    /// The data set with φ(X) as features, named from the data set's own feature names.
    public Dataset transform(Dataset data) {
        Check.notNull("PolynomialFeatures.transform", "data", data);
        return PrepSupport.withX(data, transform(data.X()), featureNames(data.featureNames()));
    }

    /// Output names for inputs called `x0 … x(d−1)`: `1, x0, x1, x0^2, x0 x1, x1^2, …`.
    public List<String> featureNames() { return featureNames(Generators.names("x", d)); }

    /// Output names built from the input names, as scikit-learn's `get_feature_names_out`:
    /// a factor `name^a` for exponent a > 1, factors joined by a space, `1` for the bias.
    public List<String> featureNames(List<String> inputNames) {
        Check.notNull("PolynomialFeatures.featureNames", "inputNames", inputNames);
        Check.that(inputNames.size() == d, "PolynomialFeatures.featureNames", "there are %d input names but PolynomialFeatures was fitted on %d",
                inputNames.size(), d);
        List<String> out = new ArrayList<>();
        for (int[] term : terms()) {
            if (term.length == 0) { out.add("1"); continue; }
            StringBuilder s = new StringBuilder();
            for (int a = 0; a < term.length; ) {
                int j = term[a], power = 0;
                while (a < term.length && term[a] == j) { a++; power++; }
                if (!s.isEmpty()) s.append(' ');
                s.append(inputNames.get(j));
                if (power > 1) s.append('^').append(power);
            }
            out.add(s.toString());
        }
        return List.copyOf(out);
    }

    /// The monomials as sorted lists of column indices (`x0 x1^2` is `[0, 1, 1]`), in output order.
    private List<int[]> terms() {
        List<int[]> out = new ArrayList<>();
        for (int t = options.includeBias() ? 0 : 1; t <= options.degree(); t++)
            combinations(new int[t], 0, 0, !options.interactionOnly(), out);
        return out;
    }

    /// Appends every non-decreasing (strictly increasing without repeats) index tuple that extends
    /// `prefix[0 … pos)`, in lexicographic order: Python's `combinations_with_replacement` / `combinations`.
    private void combinations(int[] prefix, int pos, int start, boolean repeat, List<int[]> out) {
        if (pos == prefix.length) { out.add(prefix.clone()); return; }
        for (int j = start; j < d; j++) {
            prefix[pos] = j;
            combinations(prefix, pos + 1, repeat ? j : j + 1, repeat, out);
        }
    }

    /// Number of output columns, saturating at `Long.MAX_VALUE`.
    private static long count(int d, Options o) {
        long total = 0;
        for (int t = o.includeBias() ? 0 : 1; t <= o.degree(); t++) {
            long c = o.interactionOnly() ? binomial(d, t) : binomial(d + t - 1, t);   // C(d, t) or C(d+t−1, t)
            if (c == Long.MAX_VALUE || total > Long.MAX_VALUE - c) return Long.MAX_VALUE;
            total += c;
        }
        return total;
    }

    /// C(a, b), saturating at `Long.MAX_VALUE`.
    private static long binomial(long a, long b) {
        if (b < 0 || b > a) return 0;
        b = Math.min(b, a - b);
        long c = 1;
        for (long i = 1; i <= b; i++) {
            try {
                c = Math.multiplyExact(c, a - b + i) / i;                   // C(a−b+i, i) = C(a−b+i−1, i−1)·(a−b+i)/i
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return c;
    }

    @Override public String toString() {
        List<String> names = featureNames();
        String shown = names.size() <= 8 ? names.toString() : names.subList(0, 6).toString().replace("]", ", …]");
        return String.format(Locale.ROOT, "PolynomialFeatures degree %d%s%s: %d → %d features %s", options.degree(),
                options.includeBias() ? "" : ", no bias", options.interactionOnly() ? ", interactions only" : "",
                d, names.size(), shown);
    }
}
