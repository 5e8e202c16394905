package mlscratch.linalg;

/// A linear system has no unique solution: a pivot of [LU] or a diagonal entry of [QR]'s `R` is zero
/// (or below rounding level). The message names the column and the value and ends with a hint:
/// ```
/// LU.solve: A is singular: pivot in column 2 is 0 (|pivot| ≤ 6.7e-16 = n·ε·max|Aᵢⱼ|); the columns are
/// linearly dependent; for least squares try A.lstsq(b) (QR), or Ridge with λ > 0
/// ```
/// [#column()] and [#pivot()] return the same numbers for code that wants to react.
public final class SingularMatrixException extends ArithmeticException {
    private final int column;
    private final double pivot;

    public SingularMatrixException(String message, int column, double pivot) {
        super(message);
        this.column = column;
        this.pivot = pivot;
    }

    /// The column (0-based) whose pivot vanished.
    public int column() { return column; }

    /// The value of that pivot.
    public double pivot() { return pivot; }
}
