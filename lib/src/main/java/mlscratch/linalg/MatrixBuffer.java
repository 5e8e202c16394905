package mlscratch.linalg;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import mlscratch.util.Check;

/// A MUTABLE row-major matrix of doubles: the scratch space of neural-network training, where the same
/// activations, deltas and gradients are rewritten every mini-batch and allocating a fresh [Matrix] per
/// step would dominate the cost. Everything else in mlscratch is immutable; this class is the exception,
/// and its names say so: `…InPlace` rewrites this buffer, `…Into` writes into the buffer passed as `out`.
///
/// ```
/// var A = MatrixBuffer.copyOf(Matrix.of(2, 3, 1, 2, 3, 4, 5, 6));   // 2×3
/// var W = MatrixBuffer.copyOf(Matrix.of(3, 1, 1, 0, -1));          // 3×1
/// var Z = MatrixBuffer.zeros(2, 1);
/// A.timesInto(W, Z);              // Z = A·W = [[-2], [-2]], no allocation
/// Z.mapInPlace(Math::abs);        // Z = [[2], [2]]
/// Z.toMatrix();                   // an immutable copy
/// ```
/// Products run on the same GEMM kernels as [Matrix#times(Matrix)] (`Aᵀ·B` and `A·Bᵀ` without forming a
/// transpose); elementwise operations are plain loops.
///
/// Rows can change between mini-batches ([#resizeRows(int)]): the storage is kept when large enough, so a
/// last, smaller batch does not allocate. Entries of [#data()] beyond `rows·cols` are not part of the matrix.
public final class MatrixBuffer {
    int rows;
    final int cols;
    double[] a;   // row-major: Aᵢⱼ = a[i·cols + j]; a.length ≥ rows·cols

    private MatrixBuffer(int rows, int cols, double[] a) {
        this.rows = rows;
        this.cols = cols;
        this.a = a;
    }

    // ───────────────────────────── factories ─────────────────────────────

    /// A `rows × cols` buffer of zeros.
    public static MatrixBuffer zeros(int rows, int cols) {
        Check.nonNegative("MatrixBuffer.zeros", "rows", rows);
        Check.nonNegative("MatrixBuffer.zeros", "cols", cols);
        if ((long) rows * cols > Integer.MAX_VALUE - 8)
            throw Check.fail("MatrixBuffer.zeros", "shape " + rows + "×" + cols + " has more than 2³¹ entries");
        return new MatrixBuffer(rows, cols, new double[rows * cols]);
    }

    /// A buffer holding a copy of `M`.
    public static MatrixBuffer copyOf(Matrix M) {
        Check.notNull("MatrixBuffer.copyOf", "M", M);
        return new MatrixBuffer(M.rows, M.cols, M.a.clone());
    }

    /// A buffer holding a copy of `B` (same shape, own storage).
    public static MatrixBuffer copyOf(MatrixBuffer B) {
        Check.notNull("MatrixBuffer.copyOf", "B", B);
        return new MatrixBuffer(B.rows, B.cols, Arrays.copyOf(B.a, B.size()));
    }

    /// An immutable copy of the current contents.
    public Matrix toMatrix() { return new Matrix(rows, cols, Arrays.copyOf(a, size())); }

    // ───────────────────────────── shape and entries ─────────────────────────────

    public int rows() { return rows; }

    public int cols() { return cols; }

    public Shape shape() { return new Shape(rows, cols); }

    /// `rows · cols`.
    public int size() { return rows * cols; }

    public double get(int i, int j) {
        checkIndex("get", i, j);
        return a[i * cols + j];
    }

    public void set(int i, int j, double value) {
        checkIndex("set", i, j);
        a[i * cols + j] = value;
    }

    /// The live row-major storage (`Aᵢⱼ = data()[i·cols + j]`, only the first `rows·cols` entries count):
    /// for loops in other packages (a softmax, a loss) that would be slow through [#get(int, int)].
    /// Writing it changes this buffer; the array is replaced when [#resizeRows(int)] grows the buffer.
    public double[] data() { return a; }

    /// Sets the number of rows to `newRows`, keeping the column count; reuses the storage when it holds
    /// `newRows·cols` entries, else allocates. The contents are unspecified afterwards. Returns this.
    public MatrixBuffer resizeRows(int newRows) {
        Check.nonNegative("MatrixBuffer.resizeRows", "newRows", newRows);
        if ((long) newRows * cols > a.length) a = new double[newRows * cols];
        rows = newRows;
        return this;
    }

    // ───────────────────────────── copies and fills ─────────────────────────────

    /// `A ← c` everywhere. Returns this.
    public MatrixBuffer fill(double c) {
        Arrays.fill(a, 0, size(), c);
        return this;
    }

    /// `A ← M` (same shape). Returns this.
    public MatrixBuffer copyFrom(Matrix M) {
        Check.notNull("copyFrom", "M", M);
        sameShape("copyFrom", M.rows, M.cols);
        System.arraycopy(M.a, 0, a, 0, size());
        return this;
    }

    /// `A ← B` (same shape). Returns this.
    public MatrixBuffer copyFrom(MatrixBuffer B) {
        sameShape("copyFrom", B);
        System.arraycopy(B.a, 0, a, 0, size());
        return this;
    }

    /// The mini-batch gather: resizes to `count` rows and sets row `r` to row `index[from + r]` of `X`
    /// (X must have this buffer's column count). Returns this.
    public MatrixBuffer gatherRows(Matrix X, int[] index, int from, int count) {
        Check.notNull("gatherRows", "X", X);
        Check.notNull("gatherRows", "index", index);
        if (X.cols != cols)
            throw Check.fail("gatherRows", "X is " + X.shape() + " but the buffer has " + cols + " columns");
        if (from < 0 || count < 0 || from + count > index.length)
            throw Check.fail("gatherRows", "rows " + from + "…" + (from + count) + " are outside index of length " + index.length);
        resizeRows(count);
        for (int r = 0; r < count; r++) {
            int i = index[from + r];
            if (i < 0 || i >= X.rows) throw Check.fail("gatherRows", "index[" + (from + r) + "] = " + i + " is outside X's " + X.rows + " rows");
            System.arraycopy(X.a, i * cols, a, r * cols, cols);
        }
        return this;
    }

    // ───────────────────────────── products (into an existing buffer) ─────────────────────────────

    /// `out = A·B`: A is m×n (this), B n×p, out m×p. No allocation.
    public void timesInto(MatrixBuffer B, MatrixBuffer out) {
        Check.notNull("timesInto", "B", B);
        Check.notNull("timesInto", "out", out);
        if (cols != B.rows)
            throw Check.fail("timesInto", "A is " + shape() + " but B is " + B.shape() + " (A.cols must equal B.rows)");
        outShape("timesInto", out, rows, B.cols);
        Kernels.gemm(rows, cols, B.cols, a, B.a, out.a);
    }

    /// `out = Aᵀ·B` without forming Aᵀ: A is n×m (this), B n×p, out m×p (backprop's `gradW = Xᵀ·δ`).
    public void transposeTimesInto(MatrixBuffer B, MatrixBuffer out) {
        Check.notNull("transposeTimesInto", "B", B);
        Check.notNull("transposeTimesInto", "out", out);
        if (rows != B.rows)
            throw Check.fail("transposeTimesInto", "A is " + shape() + " but B is " + B.shape() + " (A.rows must equal B.rows)");
        outShape("transposeTimesInto", out, cols, B.cols);
        Kernels.gemmTransA(cols, rows, B.cols, a, B.a, out.a);
    }

    /// `out = A·Bᵀ` without forming Bᵀ: A is m×n (this), B p×n, out m×p (backprop's `δ_in = δ·Wᵀ`).
    public void timesTransposeInto(MatrixBuffer B, MatrixBuffer out) {
        Check.notNull("timesTransposeInto", "B", B);
        Check.notNull("timesTransposeInto", "out", out);
        if (cols != B.cols)
            throw Check.fail("timesTransposeInto", "A is " + shape() + " but B is " + B.shape() + " (A.cols must equal B.cols)");
        outShape("timesTransposeInto", out, rows, B.rows);
        Kernels.gemmTransB(rows, cols, B.rows, a, B.a, out.a);
    }

    // ───────────────────────────── elementwise, in place ─────────────────────────────

    /// `A ← A + B`. Returns this.
    public MatrixBuffer plusInPlace(MatrixBuffer B) {
        sameShape("plusInPlace", B);
        double[] b = B.a;
        for (int k = 0, n = size(); k < n; k++) a[k] += b[k];
        return this;
    }

    /// `A ← A + α·B` (BLAS's axpy). Returns this.
    public MatrixBuffer plusScaledInPlace(double alpha, MatrixBuffer B) {
        sameShape("plusScaledInPlace", B);
        double[] b = B.a;
        for (int k = 0, n = size(); k < n; k++) a[k] = Math.fma(alpha, b[k], a[k]);
        return this;
    }

    /// `A ← c·A`. Returns this.
    public MatrixBuffer scaleInPlace(double c) {
        for (int k = 0, n = size(); k < n; k++) a[k] *= c;
        return this;
    }

    /// `A ← A ⊙ B` (elementwise product). Returns this.
    public MatrixBuffer hadamardInPlace(MatrixBuffer B) {
        sameShape("hadamardInPlace", B);
        double[] b = B.a;
        for (int k = 0, n = size(); k < n; k++) a[k] *= b[k];
        return this;
    }

    /// `Aᵢⱼ ← Aᵢⱼ + bⱼ` for every row i: the broadcast bias add; `b` is 1×cols. Returns this.
    public MatrixBuffer plusRowVectorInPlace(MatrixBuffer b) {
        Check.notNull("plusRowVectorInPlace", "b", b);
        if (b.rows != 1 || b.cols != cols)
            throw Check.fail("plusRowVectorInPlace", "A is " + shape() + " but b is " + b.shape() + " (b must be 1×" + cols + ")");
        double[] v = b.a;
        for (int i = 0; i < rows; i++) {
            int r = i * cols;
            for (int j = 0; j < cols; j++) a[r + j] += v[j];
        }
        return this;
    }

    /// `Aᵢⱼ ← f(Aᵢⱼ)`. Returns this.
    public MatrixBuffer mapInPlace(DoubleUnaryOperator f) {
        Check.notNull("mapInPlace", "f", f);
        for (int k = 0, n = size(); k < n; k++) a[k] = f.applyAsDouble(a[k]);
        return this;
    }

    /// `out = f(A)` elementwise (out has A's shape).
    public void mapInto(DoubleUnaryOperator f, MatrixBuffer out) {
        Check.notNull("mapInto", "f", f);
        outShape("mapInto", out, rows, cols);
        double[] o = out.a;
        for (int k = 0, n = size(); k < n; k++) o[k] = f.applyAsDouble(a[k]);
    }

    /// `outⱼ = Σᵢ Aᵢⱼ`: the column sums into a 1×cols buffer (backprop's `grad b = Σᵢ δᵢ`).
    public void columnSumsInto(MatrixBuffer out) {
        Check.notNull("columnSumsInto", "out", out);
        if (out.rows != 1 || out.cols != cols)
            throw Check.fail("columnSumsInto", "A is " + shape() + " but out is " + out.shape() + " (out must be 1×" + cols + ")");
        double[] o = out.a;
        Arrays.fill(o, 0, cols, 0.0);
        for (int i = 0; i < rows; i++) {
            int r = i * cols;
            for (int j = 0; j < cols; j++) o[j] += a[r + j];
        }
    }

    /// `Σᵢⱼ Aᵢⱼ²` (the squared Frobenius norm, e.g. an L2 penalty).
    public double sumOfSquares() {
        double s = 0;
        for (int k = 0, n = size(); k < n; k++) s = Math.fma(a[k], a[k], s);
        return s;
    }

    /// Whether every entry is within `tol` of `M`'s (relative above 1, as [Matrix#isClose(Matrix, double)]).
    public boolean isClose(Matrix M, double tol) {
        Check.notNull("isClose", "M", M);
        if (M.rows != rows || M.cols != cols) return false;
        for (int k = 0, n = size(); k < n; k++) if (!Kernels.close(a[k], M.a[k], tol)) return false;
        return true;
    }

    /// `MatrixBuffer 2×3` then the entries as [Matrix] prints them.
    @Override public String toString() {
        return "MatrixBuffer " + Format.matrix(rows, cols, Arrays.copyOf(a, size())).replaceFirst("^Matrix ", "");
    }

    // ───────────────────────────── helpers ─────────────────────────────

    private void checkIndex(String where, int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols)
            throw Check.fail(where, "index (" + i + ", " + j + ") is outside the " + rows + "×" + cols + " buffer");
    }

    private void sameShape(String where, MatrixBuffer B) {
        Check.notNull(where, "B", B);
        sameShape(where, B.rows, B.cols);
    }

    private void sameShape(String where, int r, int c) {
        if (r != rows || c != cols)
            throw Check.fail(where, "A is " + shape() + " but B is " + new Shape(r, c) + " (shapes must match)");
    }

    private static void outShape(String where, MatrixBuffer out, int r, int c) {
        Check.notNull(where, "out", out);
        if (out.rows != r || out.cols != c)
            throw Check.fail(where, "out is " + out.shape() + " but the result is " + new Shape(r, c));
    }
}
