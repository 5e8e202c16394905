package mlscratch.linalg;

/// The shape of a matrix, printed the blackboard way: `3×2` (3 rows, 2 columns).
public record Shape(int rows, int cols) {
    @Override public String toString() { return rows + "×" + cols; }
}
