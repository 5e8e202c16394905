package mlscratch.linalg;

/// [Cholesky] met a diagonal pivot `Aᵢᵢ − Σₖ Lᵢₖ² ≤ 0`: the matrix is not symmetric positive definite
/// (it has an eigenvalue ≤ 0, or one below rounding level). The message names the row and the value and
/// ends with a hint:
/// ```
/// Cholesky.of: A is not positive definite: pivot in row 1 is −3 (must be > 4.4e-16 = n·ε·max Aᵢᵢ);
/// add a small ridge λI to the diagonal (A + λI), or use A.lu() for a symmetric indefinite A
/// ```
public final class NotPositiveDefiniteException extends ArithmeticException {
    private final int row;
    private final double pivot;

    public NotPositiveDefiniteException(String message, int row, double pivot) {
        super(message);
        this.row = row;
        this.pivot = pivot;
    }

    /// The row (0-based) whose pivot was not positive.
    public int row() { return row; }

    /// The value of that pivot, `Aᵢᵢ − Σₖ<ᵢ Lᵢₖ²`.
    public double pivot() { return pivot; }
}
