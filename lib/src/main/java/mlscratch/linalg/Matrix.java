package mlscratch.linalg;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

import mlscratch.util.Check;

/// An immutable dense matrix of doubles, stored row-major: the `X` and `W` of the blackboard and the
/// NumPy of this project.
///
/// Notation: `A` is `m×n` (m rows, n columns); `Aᵢⱼ` is `get(i, j)`; a [Vector] multiplies as a column.
/// Every operation returns a new matrix; the names are the blackboard's:
/// ```
/// var X = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});   // 3×2
/// X.transpose().times(X);           // XᵀX, 2×2
/// X.times(Vector.of(1, -1));        // Xw, size 3
/// X.mean(0);                        // column means [3, 4]
/// X.minusRowVector(X.mean(0));      // centred: NumPy's X - X.mean(axis=0)
/// ```
/// Axes follow NumPy: a reduction along `axis = 0` runs down the rows and gives one number per column;
/// `axis = 1` runs along each row and gives one number per row.
///
/// Shape errors print both shapes: `times: A is 3×2 but B is 3×4 (A.cols must equal B.rows)`.
/// `equals` is exact; compare computed results with [#isClose(Matrix, double)].
/// The speed lives in package-private kernels ([Kernels], [Elementwise]); this class only checks and dispatches.
public final class Matrix {
    final int rows, cols;
    final double[] a;   // row-major: Aᵢⱼ = a[i·cols + j]; owned, never shared with a caller

    Matrix(int rows, int cols, double[] a) {
        this.rows = rows;
        this.cols = cols;
        this.a = a;
    }

    // ───────────────────────────── factories ─────────────────────────────

    /// A matrix holding a copy of `values` (one inner array per row; all rows the same length).
    public static Matrix of(double[][] values) {
        Check.notNull("Matrix.of", "values", values);
        int m = values.length, n = m == 0 || values[0] == null ? 0 : values[0].length;
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (values[i] == null || values[i].length != n)
                throw Check.fail("Matrix.of", "row " + i + " has " + (values[i] == null ? "no" : values[i].length)
                        + " entries but row 0 has " + n + " (rows must have equal length)");
            System.arraycopy(values[i], 0, out, i * n, n);
        }
        return new Matrix(m, n, out);
    }

    /// A `rows × cols` matrix filled row by row from `values`: `Matrix.of(2, 2, 1, 2, 3, 4)` is [[1, 2], [3, 4]].
    public static Matrix of(int rows, int cols, double... values) {
        Check.notNull("Matrix.of", "values", values);
        shapeOk("Matrix.of", rows, cols);
        if ((long) rows * cols != values.length)
            throw Check.fail("Matrix.of", rows + "×" + cols + " needs " + (long) rows * cols + " values, got " + values.length);
        return new Matrix(rows, cols, values.clone());
    }

    /// Takes ownership of a row-major array without copying: the caller must not modify it afterwards.
    /// For library code that has just built the array; users want [#of(int, int, double...)].
    public static Matrix wrap(int rows, int cols, double[] rowMajor) {
        shapeOk("Matrix.wrap", rows, cols);
        if ((long) rows * cols != rowMajor.length)
            throw Check.fail("Matrix.wrap", rows + "×" + cols + " needs " + (long) rows * cols + " values, got " + rowMajor.length);
        return new Matrix(rows, cols, rowMajor);
    }

    public static Matrix zeros(int rows, int cols) {
        shapeOk("Matrix.zeros", rows, cols);
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    public static Matrix ones(int rows, int cols) { return full(rows, cols, 1.0); }

    public static Matrix full(int rows, int cols, double value) {
        shapeOk("Matrix.full", rows, cols);
        double[] out = new double[rows * cols];
        Arrays.fill(out, value);
        return new Matrix(rows, cols, out);
    }

    /// The `n×n` identity `I`.
    public static Matrix identity(int n) {
        shapeOk("Matrix.identity", n, n);
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) out[i * n + i] = 1;
        return new Matrix(n, n, out);
    }

    /// The square matrix with `d` on its diagonal and zeros elsewhere.
    public static Matrix diag(Vector d) {
        int n = Check.notNull("Matrix.diag", "d", d).size();
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) out[i * n + i] = d.v[i];
        return new Matrix(n, n, out);
    }

    /// Uniform draws on [0, 1) from a generator seeded with `seed`.
    public static Matrix random(int rows, int cols, long seed) { return random(rows, cols, Rng.of(seed)); }

    public static Matrix random(int rows, int cols, RandomGenerator rng) {
        shapeOk("Matrix.random", rows, cols);
        double[] out = new double[rows * cols];
        for (int i = 0; i < out.length; i++) out[i] = rng.nextDouble();
        return new Matrix(rows, cols, out);
    }

    /// Standard normal draws N(0, 1) from a generator seeded with `seed`.
    public static Matrix randn(int rows, int cols, long seed) { return randn(rows, cols, Rng.of(seed)); }

    public static Matrix randn(int rows, int cols, RandomGenerator rng) {
        shapeOk("Matrix.randn", rows, cols);
        double[] out = new double[rows * cols];
        for (int i = 0; i < out.length; i++) out[i] = rng.nextGaussian();
        return new Matrix(rows, cols, out);
    }

    /// Stacks vectors as the rows of a matrix (all the same size).
    public static Matrix fromRows(Vector... rowVectors) { return fromRows(List.of(rowVectors)); }

    public static Matrix fromRows(List<Vector> rowVectors) {
        Check.notNull("Matrix.fromRows", "rowVectors", rowVectors);
        int m = rowVectors.size(), n = m == 0 ? 0 : rowVectors.get(0).size();
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            Vector r = rowVectors.get(i);
            if (r.size() != n) throw Check.fail("Matrix.fromRows", "row " + i + " has size " + r.size() + " but row 0 has size " + n);
            System.arraycopy(r.v, 0, out, i * n, n);
        }
        return new Matrix(m, n, out);
    }

    /// Places vectors side by side as the columns of a matrix (all the same size).
    public static Matrix fromColumns(Vector... columns) { return fromRows(columns).transpose(); }

    /// `[A | B | …]`: matrices side by side (same number of rows).
    public static Matrix hstack(Matrix... blocks) {
        if (blocks.length == 0) throw Check.fail("Matrix.hstack", "needs at least one matrix");
        int m = blocks[0].rows, n = 0;
        for (int k = 0; k < blocks.length; k++) {
            Matrix b = blocks[k];
            if (b.rows != m)
                throw Check.fail("Matrix.hstack", "block 0 is " + blocks[0].shape() + " but block " + k + " is " + b.shape() + " (rows must match)");
            n += b.cols;
        }
        double[] out = new double[m * n];
        int at = 0;
        for (Matrix b : blocks) {
            for (int i = 0; i < m; i++) System.arraycopy(b.a, i * b.cols, out, i * n + at, b.cols);
            at += b.cols;
        }
        return new Matrix(m, n, out);
    }

    /// `[A; B; …]`: matrices stacked on top of each other (same number of columns).
    public static Matrix vstack(Matrix... blocks) {
        if (blocks.length == 0) throw Check.fail("Matrix.vstack", "needs at least one matrix");
        int n = blocks[0].cols, m = 0;
        for (int k = 0; k < blocks.length; k++) {
            Matrix b = blocks[k];
            if (b.cols != n)
                throw Check.fail("Matrix.vstack", "block 0 is " + blocks[0].shape() + " but block " + k + " is " + b.shape() + " (columns must match)");
            m += b.rows;
        }
        double[] out = new double[m * n];
        int at = 0;
        for (Matrix b : blocks) {
            System.arraycopy(b.a, 0, out, at, b.a.length);
            at += b.a.length;
        }
        return new Matrix(m, n, out);
    }

    // ───────────────────────────── shape and access ─────────────────────────────

    public int rows() { return rows; }

    public int cols() { return cols; }

    /// `rows×cols`, printed as `3×2`.
    public Shape shape() { return new Shape(rows, cols); }

    public boolean isSquare() { return rows == cols; }

    public double get(int i, int j) {
        checkIndex("get", i, j);
        return a[i * cols + j];
    }

    /// A copy with entry (i, j) set to `value`.
    public Matrix with(int i, int j, double value) {
        checkIndex("with", i, j);
        double[] out = a.clone();
        out[i * cols + j] = value;
        return new Matrix(rows, cols, out);
    }

    /// Row `i` as a vector.
    public Vector row(int i) {
        if (i < 0 || i >= rows) throw Check.fail("row", "index " + i + " is out of range for " + rows + " rows");
        return new Vector(Arrays.copyOfRange(a, i * cols, (i + 1) * cols));
    }

    /// Column `j` as a vector.
    public Vector col(int j) {
        if (j < 0 || j >= cols) throw Check.fail("col", "index " + j + " is out of range for " + cols + " columns");
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) out[i] = a[i * cols + j];
        return new Vector(out);
    }

    /// Rows `from` (inclusive) to `to` (exclusive): NumPy's `A[from:to]`.
    public Matrix rows(int from, int to) { return slice("rows", from, to, 0, cols); }

    /// Columns `from` (inclusive) to `to` (exclusive): NumPy's `A[:, from:to]`.
    public Matrix cols(int from, int to) { return slice("cols", 0, rows, from, to); }

    /// The block of rows `[r0, r1)` and columns `[c0, c1)`: NumPy's `A[r0:r1, c0:c1]`.
    public Matrix slice(int r0, int r1, int c0, int c1) { return slice("slice", r0, r1, c0, c1); }

    private Matrix slice(String where, int r0, int r1, int c0, int c1) {
        if (r0 < 0 || r1 > rows || r0 > r1 || c0 < 0 || c1 > cols || c0 > c1)
            throw Check.fail(where, "rows [" + r0 + ", " + r1 + ") and columns [" + c0 + ", " + c1 + ") do not fit inside a " + shape() + " matrix");
        int m = r1 - r0, n = c1 - c0;
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) System.arraycopy(a, (r0 + i) * cols + c0, out, i * n, n);
        return new Matrix(m, n, out);
    }

    /// The rows at `indices`, in that order (repeats allowed): NumPy's `A[idx]`.
    public Matrix selectRows(int... indices) {
        double[] out = new double[indices.length * cols];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= rows) throw Check.fail("selectRows", "index " + i + " is out of range for " + rows + " rows");
            System.arraycopy(a, i * cols, out, k * cols, cols);
        }
        return new Matrix(indices.length, cols, out);
    }

    /// The columns at `indices`, in that order: NumPy's `A[:, idx]`.
    public Matrix selectCols(int... indices) {
        for (int j : indices)
            if (j < 0 || j >= cols) throw Check.fail("selectCols", "index " + j + " is out of range for " + cols + " columns");
        double[] out = new double[rows * indices.length];
        for (int i = 0; i < rows; i++)
            for (int k = 0; k < indices.length; k++) out[i * indices.length + k] = a[i * cols + indices[k]];
        return new Matrix(rows, indices.length, out);
    }

    private void checkIndex(String where, int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols)
            throw Check.fail(where, "(" + i + ", " + j + ") is outside a " + shape() + " matrix");
    }

    /// A row-major copy of the entries.
    public double[] toArray() { return a.clone(); }

    /// A copy as one array per row.
    public double[][] toArray2D() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) out[i] = Arrays.copyOfRange(a, i * cols, (i + 1) * cols);
        return out;
    }

    /// Entries read row by row as one vector (NumPy's `ravel`).
    public Vector flatten() { return new Vector(a.clone()); }

    /// The same entries in a new shape, read row by row (NumPy's `reshape`).
    public Matrix reshape(int newRows, int newCols) {
        shapeOk("reshape", newRows, newCols);
        if ((long) newRows * newCols != a.length)
            throw Check.fail("reshape", "cannot reshape " + shape() + " (" + a.length + " entries) into " + newRows + "×" + newCols);
        return new Matrix(newRows, newCols, a.clone());
    }

    // ───────────────────────────── elementwise ─────────────────────────────

    /// `A + B`, entry by entry.
    public Matrix plus(Matrix B) {
        sameShape("plus", B);
        double[] out = new double[a.length];
        Elementwise.add(a, 0, B.a, 0, out, 0, a.length);              // Aᵢⱼ + Bᵢⱼ
        return new Matrix(rows, cols, out);
    }

    /// `A − B`, entry by entry.
    public Matrix minus(Matrix B) {
        sameShape("minus", B);
        double[] out = new double[a.length];
        Elementwise.subtract(a, 0, B.a, 0, out, 0, a.length);         // Aᵢⱼ − Bᵢⱼ
        return new Matrix(rows, cols, out);
    }

    /// Elementwise product `A ⊙ B`.
    public Matrix hadamard(Matrix B) {
        sameShape("hadamard", B);
        double[] out = new double[a.length];
        Elementwise.multiply(a, 0, B.a, 0, out, 0, a.length);         // Aᵢⱼ·Bᵢⱼ
        return new Matrix(rows, cols, out);
    }

    /// Elementwise quotient `A ⊘ B`.
    public Matrix divide(Matrix B) { return zip("divide", B, (x, y) -> x / y); }

    public Matrix plus(double c) { return map(x -> x + c); }

    public Matrix minus(double c) { return map(x -> x - c); }

    /// `c · A`.
    public Matrix scale(double c) {
        double[] out = new double[a.length];
        Elementwise.scale(c, a, 0, out, 0, a.length);                 // c·Aᵢⱼ
        return new Matrix(rows, cols, out);
    }

    public Matrix negate() { return scale(-1); }

    /// `f` applied to every entry.
    public Matrix map(DoubleUnaryOperator f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = f.applyAsDouble(a[i]);
        return new Matrix(rows, cols, out);
    }

    /// `f(Aᵢⱼ, Bᵢⱼ)` for every entry; A and B must have the same shape.
    public Matrix zip(String where, Matrix B, DoubleBinaryOperator f) {
        sameShape(where, B);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = f.applyAsDouble(a[i], B.a[i]);
        return new Matrix(rows, cols, out);
    }

    // ───────────────────────────── broadcasting a vector ─────────────────────────────

    /// Adds `v` to every row: `Aᵢⱼ + vⱼ` (NumPy's `A + v`, e.g. `XW + b`). `v` has one entry per column.
    public Matrix plusRowVector(Vector v) { return eachRow("plusRowVector", v, Double::sum); }

    /// Subtracts `v` from every row: `Aᵢⱼ − vⱼ` (centring: `X − μ`).
    public Matrix minusRowVector(Vector v) { return eachRow("minusRowVector", v, (x, y) -> x - y); }

    /// Multiplies column j by `vⱼ`: `A · diag(v)`.
    public Matrix scaleColumns(Vector v) { return eachRow("scaleColumns", v, (x, y) -> x * y); }

    /// Divides column j by `vⱼ` (scaling: `(X − μ) ⊘ σ`).
    public Matrix divideColumns(Vector v) { return eachRow("divideColumns", v, (x, y) -> x / y); }

    /// Adds `vᵢ` to every entry of row i. `v` has one entry per row.
    public Matrix plusColumnVector(Vector v) { return eachColumn("plusColumnVector", v, Double::sum); }

    /// Subtracts `vᵢ` from every entry of row i (e.g. `z − max(z)` per row in a stable softmax).
    public Matrix minusColumnVector(Vector v) { return eachColumn("minusColumnVector", v, (x, y) -> x - y); }

    /// Multiplies row i by `vᵢ`: `diag(v) · A`.
    public Matrix scaleRows(Vector v) { return eachColumn("scaleRows", v, (x, y) -> x * y); }

    /// Divides row i by `vᵢ` (e.g. normalising rows to sum 1).
    public Matrix divideRows(Vector v) { return eachColumn("divideRows", v, (x, y) -> x / y); }

    private Matrix eachRow(String where, Vector v, DoubleBinaryOperator f) {
        Check.notNull(where, "v", v);
        if (v.size() != cols)
            throw Check.fail(where, "A is " + shape() + " but v has size " + v.size() + " (v needs one entry per column, " + cols + ")");
        double[] out = new double[a.length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) out[i * cols + j] = f.applyAsDouble(a[i * cols + j], v.v[j]);
        return new Matrix(rows, cols, out);
    }

    private Matrix eachColumn(String where, Vector v, DoubleBinaryOperator f) {
        Check.notNull(where, "v", v);
        if (v.size() != rows)
            throw Check.fail(where, "A is " + shape() + " but v has size " + v.size() + " (v needs one entry per row, " + rows + ")");
        double[] out = new double[a.length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) out[i * cols + j] = f.applyAsDouble(a[i * cols + j], v.v[i]);
        return new Matrix(rows, cols, out);
    }

    // ───────────────────────────── reductions ─────────────────────────────

    /// `Σᵢⱼ Aᵢⱼ`.
    public double sum() {
        double s = 0;
        for (double x : a) s += x;
        return s;
    }

    public double mean() { return nonEmpty("mean").sum() / a.length; }

    public double min() { return nonEmpty("min").flatten().min(); }

    public double max() { return nonEmpty("max").flatten().max(); }

    /// Sums along an axis: `axis = 0` gives column sums (one per column), `axis = 1` row sums.
    public Vector sum(int axis) {
        checkAxis("sum", axis);
        if (axis == 0) {
            double[] out = new double[cols];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++) out[j] += a[i * cols + j];
            return new Vector(out);
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) s += a[i * cols + j];
            out[i] = s;
        }
        return new Vector(out);
    }

    /// Means along an axis (see [#sum(int)]).
    public Vector mean(int axis) {
        checkAxis("mean", axis);
        int n = axis == 0 ? rows : cols;
        if (n == 0) throw Check.fail("mean", "cannot average along axis " + axis + " of a " + shape() + " matrix");
        return sum(axis).scale(1.0 / n);
    }

    /// Population variance along an axis, `Σ (x − x̄)² / n` (NumPy's default, `ddof = 0`).
    public Vector var(int axis) {
        Vector mu = mean(axis);
        double[] out = new double[mu.size()];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                double d = a[i * cols + j] - mu.v[axis == 0 ? j : i];
                out[axis == 0 ? j : i] += d * d;
            }
        int n = axis == 0 ? rows : cols;
        for (int k = 0; k < out.length; k++) out[k] /= n;
        return new Vector(out);
    }

    /// Standard deviation along an axis, `√var`.
    public Vector std(int axis) { return var(axis).map(Math::sqrt); }

    /// Minimum along an axis.
    public Vector min(int axis) { return pick(axis, arg("min", axis, -1)); }

    /// Maximum along an axis.
    public Vector max(int axis) { return pick(axis, arg("max", axis, +1)); }

    /// Index of the minimum along an axis (`axis = 1`: the column of each row's smallest entry).
    public int[] argmin(int axis) { return arg("argmin", axis, -1); }

    /// Index of the maximum along an axis (`axis = 1`: each row's predicted class in a score matrix).
    public int[] argmax(int axis) { return arg("argmax", axis, +1); }

    private int[] arg(String where, int axis, int sign) {
        checkAxis(where, axis);
        int outer = axis == 0 ? cols : rows, inner = axis == 0 ? rows : cols;
        if (inner == 0) throw Check.fail(where, "axis " + axis + " of a " + shape() + " matrix is empty");
        int[] best = new int[outer];
        for (int o = 0; o < outer; o++) {
            double bestValue = axis == 0 ? a[o] : a[o * cols];
            for (int k = 1; k < inner; k++) {
                double x = axis == 0 ? a[k * cols + o] : a[o * cols + k];
                if (sign * (x - bestValue) > 0) { bestValue = x; best[o] = k; }
            }
        }
        return best;
    }

    private Vector pick(int axis, int[] idx) {
        double[] out = new double[idx.length];
        for (int o = 0; o < idx.length; o++) out[o] = axis == 0 ? a[idx[o] * cols + o] : a[o * cols + idx[o]];
        return new Vector(out);
    }

    // ───────────────────────────── linear algebra ─────────────────────────────

    /// The matrix product `AB`: `(AB)ᵢⱼ = Σₖ AᵢₖBₖⱼ`. A is m×n, B must be n×p; the result is m×p.
    public Matrix times(Matrix B) {
        Check.notNull("times", "B", B);
        if (cols != B.rows)
            throw Check.fail("times", "A is " + shape() + " but B is " + B.shape() + " (A.cols must equal B.rows)");
        double[] out = new double[rows * B.cols];
        Kernels.gemm(rows, cols, B.cols, a, B.a, out);
        return new Matrix(rows, B.cols, out);
    }

    /// The matrix–vector product `Ax`, x taken as a column: `(Ax)ᵢ = Σⱼ Aᵢⱼxⱼ`.
    public Vector times(Vector x) {
        Check.notNull("times", "x", x);
        if (cols != x.size())
            throw Check.fail("times", "A is " + shape() + " but x has size " + x.size() + " (A.cols must equal x.size)");
        double[] out = new double[rows];
        Kernels.gemv(rows, cols, a, x.v, out);
        return new Vector(out);
    }

    /// `Aᵀr` without forming `Aᵀ`: `(Aᵀr)ⱼ = Σᵢ Aᵢⱼrᵢ`, a weighted sum of the rows (the gradient `Xᵀ(p − y)`
    /// of every linear model). A is n×m, r must have n entries; the result has m.
    public Vector transposeTimes(Vector r) {
        Check.notNull("transposeTimes", "r", r);
        if (rows != r.size())
            throw Check.fail("transposeTimes", "A is " + shape() + " but r has size " + r.size() + " (A.rows must equal r.size)");
        double[] out = new double[cols];
        Kernels.gemvTrans(rows, cols, a, r.v, out);
        return new Vector(out);
    }

    /// `AᵀB` without forming `Aᵀ`: `(AᵀB)ᵢⱼ = Σₖ AₖᵢBₖⱼ` (e.g. the normal equations' `XᵀX`, or `Xᵀ·δ` in backprop).
    /// A is n×m, B must be n×p; the result is m×p.
    public Matrix transposeTimes(Matrix B) {
        Check.notNull("transposeTimes", "B", B);
        if (rows != B.rows)
            throw Check.fail("transposeTimes", "A is " + shape() + " but B is " + B.shape() + " (A.rows must equal B.rows)");
        double[] out = new double[cols * B.cols];
        Kernels.gemmTransA(cols, rows, B.cols, a, B.a, out);
        return new Matrix(cols, B.cols, out);
    }

    /// `ABᵀ` without forming `Bᵀ`: `(ABᵀ)ᵢⱼ = Σₖ AᵢₖBⱼₖ = rowᵢ(A) · rowⱼ(B)` (e.g. all pairwise dot products `XYᵀ`).
    /// A is m×n, B must be p×n; the result is m×p.
    public Matrix timesTranspose(Matrix B) {
        Check.notNull("timesTranspose", "B", B);
        if (cols != B.cols)
            throw Check.fail("timesTranspose", "A is " + shape() + " but B is " + B.shape() + " (A.cols must equal B.cols)");
        double[] out = new double[rows * B.rows];
        Kernels.gemmTransB(rows, cols, B.rows, a, B.a, out);
        return new Matrix(rows, B.rows, out);
    }

    /// All pairwise squared Euclidean distances between the rows of this matrix `X (n×d)` and the rows of
    /// `C (k×d)`: the n×k matrix `Dᵢⱼ = ‖xᵢ − cⱼ‖²` that k-means (C = centroids), KNN (C = training rows) and
    /// DBSCAN (C = X) start from.
    /// ```
    /// ‖xᵢ − cⱼ‖² = ‖xᵢ‖² − 2 xᵢ·cⱼ + ‖cⱼ‖²        so   D = max(0, ‖x‖²·1ᵀ − 2·XCᵀ + 1·‖c‖²ᵀ)
    /// ```
    /// The `XCᵀ` term is one matrix product (the fast GEMM); the norms cost O((n + k)·d). Numerics: the
    /// expansion cancels, so an entry carries an absolute error of about 1e-16·(‖xᵢ‖² + ‖cⱼ‖²): a point's
    /// distance to itself comes out as a tiny number (clamped at 0 when rounding makes it negative), not
    /// exactly 0. Centre the data first when the rows are far from the origin compared with their spread.
    /// ```
    /// Matrix.of(2, 2, 0, 0, 3, 4).squaredDistances(Matrix.of(1, 2, 0, 0))   // [[0], [25]]
    /// ```
    public Matrix squaredDistances(Matrix C) {
        Check.notNull("squaredDistances", "C", C);
        if (cols != C.cols)
            throw Check.fail("squaredDistances", "X is " + shape() + " but C is " + C.shape() + " (X.cols must equal C.cols)");
        double[] out = new double[rows * C.rows];
        Kernels.squaredDistances(rows, cols, C.rows, a, C.a, out);
        return new Matrix(rows, C.rows, out);
    }

    /// The transpose `Aᵀ`: `(Aᵀ)ᵢⱼ = Aⱼᵢ`.
    public Matrix transpose() {
        double[] out = new double[a.length];
        Kernels.transpose(rows, cols, a, out);
        return new Matrix(cols, rows, out);
    }

    /// The Frobenius inner product `⟨A, B⟩ = Σᵢⱼ AᵢⱼBᵢⱼ = trace(AᵀB)`.
    public double dot(Matrix B) {
        sameShape("dot", B);
        return Kernels.dot(a, 0, B.a, 0, a.length);
    }

    /// The Frobenius norm `‖A‖_F = √(Σᵢⱼ Aᵢⱼ²)`.
    public double norm() { return Kernels.norm2(a, 0, a.length); }

    /// The induced 1-norm `‖A‖₁ = maxⱼ Σᵢ |Aᵢⱼ|` (largest column sum).
    public double norm1() { return map(Math::abs).sum(0).normInf(); }

    /// The induced ∞-norm `‖A‖∞ = maxᵢ Σⱼ |Aᵢⱼ|` (largest row sum).
    public double normInf() { return map(Math::abs).sum(1).normInf(); }

    /// `trace(A) = Σᵢ Aᵢᵢ`, for a square matrix.
    public double trace() {
        if (!isSquare()) throw Check.fail("trace", "A is " + shape() + " (trace needs a square matrix)");
        double s = 0;
        for (int i = 0; i < rows; i++) s += a[i * cols + i];
        return s;
    }

    /// The main diagonal `(A₀₀, A₁₁, …)`, of length min(rows, cols).
    public Vector diag() {
        int n = Math.min(rows, cols);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = a[i * cols + i];
        return new Vector(out);
    }

    /// True when square and `|Aᵢⱼ − Aⱼᵢ| ≤ tol · max(1, |Aᵢⱼ|)` everywhere.
    public boolean isSymmetric(double tol) {
        if (!isSquare()) return false;
        for (int i = 0; i < rows; i++)
            for (int j = i + 1; j < cols; j++)
                if (!Kernels.close(a[i * cols + j], a[j * cols + i], tol)) return false;
        return true;
    }

    // ───────────────────────────── comparison and printing ─────────────────────────────

    /// True when the shapes match and `|Aᵢⱼ − Bᵢⱼ| ≤ tol · max(1, |Aᵢⱼ|, |Bᵢⱼ|)` everywhere.
    public boolean isClose(Matrix B, double tol) {
        if (B == null || B.rows != rows || B.cols != cols) return false;
        for (int i = 0; i < a.length; i++)
            if (!Kernels.close(a[i], B.a[i], tol)) return false;
        return true;
    }

    /// Fails with `where: X[42][2] is NaN` at the first entry that is NaN or infinite.
    public Matrix requireFinite(String where, String name) {
        Check.finite(where, name, a, cols, false);
        return this;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Matrix B && B.rows == rows && B.cols == cols && Arrays.equals(a, B.a);
    }

    @Override public int hashCode() { return 31 * (31 * rows + cols) + Arrays.hashCode(a); }

    /// NumPy-like, aligned and truncated: `Matrix 3×2` then `[[1, 2], [3, 4], [5, 6]]` one row a line.
    @Override public String toString() { return Format.matrix(rows, cols, a); }

    // ───────────────────────────── decompositions ─────────────────────────────
    // Thin delegates: the algorithms, their cost and when to use each live in LU, Cholesky, QR,
    // SymmetricEigen and SVD.

    /// `PA = LU` with partial pivoting (square A). See [LU].
    public LU lu() { return LU.of(this); }

    /// `A = LLᵀ` for symmetric positive definite A. See [Cholesky].
    public Cholesky cholesky() { return Cholesky.of(this); }

    /// Householder `A = QR` (rows ≥ cols). See [QR].
    public QR qr() { return QR.of(this); }

    /// `A = VΛVᵀ` for symmetric A, eigenvalues largest first. See [SymmetricEigen].
    public SymmetricEigen eigSymmetric() { return SymmetricEigen.of(this); }

    /// `A = UΣVᵀ`, thin, for any shape. See [SVD].
    public SVD svd() { return SVD.of(this); }

    /// The solution of `Ax = b` for square A, by LU; throws [SingularMatrixException] when A is singular.
    public Vector solve(Vector b) { return LU.of(this).solve(b); }

    /// The solution of `AX = B` for square A, by LU (one column of X per column of B).
    public Matrix solve(Matrix B) { return LU.of(this).solve(B); }

    /// `det A` by LU, `±Πᵢ Uᵢᵢ`; 0 for a singular A.
    public double det() { return LU.of(this).det(); }

    /// `A⁻¹` by LU. To solve `Ax = b`, [#solve(Vector)] is cheaper and more accurate.
    public Matrix inverse() { return LU.of(this).inverse(); }

    /// The least-squares solution `argminₓ ‖Ax − b‖` for a tall A of full column rank, by Householder QR
    /// (stable where the normal equation `AᵀAx = Aᵀb` loses digits: see [QR]).
    public Vector lstsq(Vector b) { return QR.of(this).solve(b); }

    // ───────────────────────────── helpers ─────────────────────────────

    private void sameShape(String where, Matrix B) {
        Check.notNull(where, "B", B);
        if (B.rows != rows || B.cols != cols)
            throw Check.fail(where, "A is " + shape() + " but B is " + B.shape() + " (shapes must match)");
    }

    private Matrix nonEmpty(String where) {
        if (a.length == 0) throw Check.fail(where, "the matrix is empty (" + shape() + ")");
        return this;
    }

    private static void checkAxis(String where, int axis) {
        if (axis != 0 && axis != 1) throw Check.fail(where, "'axis' must be 0 (down the rows) or 1 (along each row), got " + axis);
    }

    private static void shapeOk(String where, int rows, int cols) {
        if (rows < 0 || cols < 0) throw Check.fail(where, "shape " + rows + "×" + cols + " has a negative side");
        if ((long) rows * cols > Integer.MAX_VALUE - 8)
            throw Check.fail(where, "shape " + rows + "×" + cols + " has more than 2³¹ entries");
    }
}
