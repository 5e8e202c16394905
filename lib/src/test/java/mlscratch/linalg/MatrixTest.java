package mlscratch.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/// The public contract of [Matrix]: hand-computed cases for every operation, the defining identities
/// over random shapes, and every error message word for word.
class MatrixTest {
    /// X = [1 2; 3 4; 5 6], the 3×2 running example.
    static final Matrix X = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});

    static Matrix m(double[]... rows) { return Matrix.of(rows); }

    static void fails(String message, Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    @Nested class Factories {
        @Test void ofCopiesTheRows() {
            double[][] values = {{1, 2}, {3, 4}};
            Matrix A = Matrix.of(values);
            values[0][0] = 99;                                   // the caller's array is not the matrix
            assertEquals(1, A.get(0, 0));
            assertEquals(new Shape(2, 2), A.shape());
            assertEquals(A, Matrix.of(2, 2, 1, 2, 3, 4));        // filled row by row
        }

        @Test void ofWithShapeCopiesTheValues() {
            double[] values = {1, 2, 3, 4, 5, 6};
            Matrix A = Matrix.of(2, 3, values);
            values[0] = 99;
            assertEquals(1, A.get(0, 0));
            assertEquals(6, A.get(1, 2));
        }

        @Test void ofRejectsRaggedRowsAndWrongCounts() {
            fails("Matrix.of: row 1 has 3 entries but row 0 has 2 (rows must have equal length)",
                    () -> Matrix.of(new double[][] {{1, 2}, {3, 4, 5}}));
            fails("Matrix.of: row 1 has no entries but row 0 has 2 (rows must have equal length)",
                    () -> Matrix.of(new double[][] {{1, 2}, null}));
            fails("Matrix.of: 'values' must not be null", () -> Matrix.of((double[][]) null));
            fails("Matrix.of: 2×2 needs 4 values, got 3", () -> Matrix.of(2, 2, 1, 2, 3));
            fails("Matrix.of: shape -1×2 has a negative side", () -> Matrix.of(-1, 2));
            fails("Matrix.wrap: 2×3 needs 6 values, got 5", () -> Matrix.wrap(2, 3, new double[5]));
        }

        @Test void emptyMatricesHaveTheirShape() {
            assertEquals(new Shape(0, 0), Matrix.of(new double[0][]).shape());
            assertEquals(new Shape(0, 3), Matrix.zeros(0, 3).shape());
            assertEquals(new Shape(2, 0), Matrix.zeros(2, 0).shape());
        }

        @Test void constantMatrices() {
            assertEquals(m(new double[] {0, 0, 0}, new double[] {0, 0, 0}), Matrix.zeros(2, 3));
            assertEquals(Matrix.of(2, 2, 1, 1, 1, 1), Matrix.ones(2, 2));
            assertEquals(Matrix.of(1, 3, 7, 7, 7), Matrix.full(1, 3, 7));
            assertEquals(Matrix.of(3, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1), Matrix.identity(3));
            assertEquals(Matrix.of(2, 2, 1, 0, 0, 2), Matrix.diag(Vector.of(1, 2)));
            fails("Matrix.zeros: shape 2×-3 has a negative side", () -> Matrix.zeros(2, -3));
            fails("Matrix.zeros: shape 100000×100000 has more than 2³¹ entries", () -> Matrix.zeros(100_000, 100_000));
            fails("Matrix.full: shape -1×1 has a negative side", () -> Matrix.full(-1, 1, 0));
            fails("Matrix.identity: shape -2×-2 has a negative side", () -> Matrix.identity(-2));
        }

        @Test void sameSeedSameMatrix() {
            assertEquals(Matrix.random(3, 4, 42), Matrix.random(3, 4, 42));
            assertNotEquals(Matrix.random(3, 4, 42), Matrix.random(3, 4, 43));
            assertEquals(Matrix.randn(3, 4, 42), Matrix.randn(3, 4, 42));
            assertEquals(Matrix.random(3, 4, 7), Matrix.random(3, 4, Rng.of(7)));
            assertEquals(Matrix.randn(3, 4, 7), Matrix.randn(3, 4, Rng.of(7)));
            // filled row by row from one stream: the same draws as a vector of 12
            assertEquals(Vector.random(12, 7), Matrix.random(3, 4, 7).flatten());
            assertEquals(Vector.randn(12, 7), Matrix.randn(3, 4, 7).flatten());
            fails("Matrix.random: shape -1×4 has a negative side", () -> Matrix.random(-1, 4, 1));
            fails("Matrix.randn: shape 1×-4 has a negative side", () -> Matrix.randn(1, -4, 1));
        }

        @Test void randomDrawsHaveTheirDistribution() {
            Matrix U = Matrix.random(200, 500, 1), Z = Matrix.randn(200, 500, 1);   // 100 000 draws each
            assertTrue(U.min() >= 0 && U.max() < 1);
            assertEquals(0.5, U.mean(), 0.01);          // uniform: mean ½, variance 1/12, std of the mean ≈ 0.001
            assertEquals(0, Z.mean(), 0.02);            // N(0, 1): std of the mean ≈ 0.003
            assertEquals(1, Z.flatten().var(), 0.02);
        }

        @Test void fromRowsAndFromColumns() {
            Vector a = Vector.of(1, 2), b = Vector.of(3, 4);
            assertEquals(Matrix.of(2, 2, 1, 2, 3, 4), Matrix.fromRows(a, b));
            assertEquals(Matrix.of(2, 2, 1, 2, 3, 4), Matrix.fromRows(List.of(a, b)));
            assertEquals(Matrix.of(2, 2, 1, 3, 2, 4), Matrix.fromColumns(a, b));
            assertEquals(new Shape(0, 0), Matrix.fromRows().shape());
            fails("Matrix.fromRows: row 1 has size 3 but row 0 has size 2", () -> Matrix.fromRows(a, Vector.of(1, 2, 3)));
        }

        @Test void hstackAndVstack() {
            Matrix left = Matrix.of(2, 1, 1, 2), right = Matrix.of(2, 2, 3, 4, 5, 6);
            // [1 | 3 4; 2 | 5 6]
            assertEquals(Matrix.of(2, 3, 1, 3, 4, 2, 5, 6), Matrix.hstack(left, right));
            assertEquals(Matrix.of(3, 2, 1, 2, 3, 4, 5, 6), Matrix.vstack(Matrix.of(1, 2, 1, 2), right));
            assertEquals(left, Matrix.hstack(left));
            fails("Matrix.hstack: block 0 is 2×1 but block 2 is 3×1 (rows must match)",
                    () -> Matrix.hstack(left, left, Matrix.zeros(3, 1)));
            fails("Matrix.vstack: block 0 is 2×1 but block 1 is 2×2 (columns must match)", () -> Matrix.vstack(left, right));
            fails("Matrix.hstack: needs at least one matrix", () -> Matrix.hstack());
            fails("Matrix.vstack: needs at least one matrix", () -> Matrix.vstack());
        }
    }

    @Nested class ShapeAndAccess {
        /// A = [1 2 3; 4 5 6; 7 8 9]
        final Matrix A = Matrix.of(3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        @Test void shape() {
            assertEquals(3, X.rows());
            assertEquals(2, X.cols());
            assertEquals("3×2", X.shape().toString());
            assertFalse(X.isSquare());
            assertTrue(A.isSquare());
        }

        @Test void getRowCol() {
            assertEquals(6, A.get(1, 2));
            assertEquals(Vector.of(4, 5, 6), A.row(1));
            assertEquals(Vector.of(3, 6, 9), A.col(2));
            fails("get: (3, 0) is outside a 3×3 matrix", () -> A.get(3, 0));
            fails("get: (0, -1) is outside a 3×3 matrix", () -> A.get(0, -1));
            fails("row: index 3 is out of range for 3 rows", () -> A.row(3));
            fails("col: index -1 is out of range for 3 columns", () -> A.col(-1));
        }

        @Test void withReturnsACopy() {
            Matrix B = A.with(0, 0, -1);
            assertEquals(-1, B.get(0, 0));
            assertEquals(1, A.get(0, 0));
            fails("with: (0, 3) is outside a 3×3 matrix", () -> A.with(0, 3, 0));
        }

        @Test void slices() {
            assertEquals(Matrix.of(2, 3, 4, 5, 6, 7, 8, 9), A.rows(1, 3));
            assertEquals(Matrix.of(3, 2, 1, 2, 4, 5, 7, 8), A.cols(0, 2));
            assertEquals(Matrix.of(2, 2, 2, 3, 5, 6), A.slice(0, 2, 1, 3));
            assertEquals(new Shape(0, 3), A.rows(1, 1).shape());
            fails("slice: rows [0, 4) and columns [0, 1) do not fit inside a 3×3 matrix", () -> A.slice(0, 4, 0, 1));
            fails("slice: rows [0, 1) and columns [2, 1) do not fit inside a 3×3 matrix", () -> A.slice(0, 1, 2, 1));
            fails("rows: rows [2, 1) and columns [0, 3) do not fit inside a 3×3 matrix", () -> A.rows(2, 1));
            fails("cols: rows [0, 3) and columns [-1, 1) do not fit inside a 3×3 matrix", () -> A.cols(-1, 1));
        }

        @Test void selectRowsAndCols() {
            assertEquals(Matrix.of(3, 3, 7, 8, 9, 1, 2, 3, 7, 8, 9), A.selectRows(2, 0, 2));   // order kept, repeats allowed
            assertEquals(Matrix.of(3, 2, 3, 1, 6, 4, 9, 7), A.selectCols(2, 0));
            assertEquals(new Shape(0, 3), A.selectRows().shape());
            fails("selectRows: index 3 is out of range for 3 rows", () -> A.selectRows(0, 3));
            fails("selectCols: index -1 is out of range for 3 columns", () -> A.selectCols(-1));
        }

        @Test void copiesOut() {
            double[] flat = A.toArray();
            flat[0] = 99;
            assertEquals(1, A.get(0, 0));
            assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, A.toArray());
            double[][] rows = X.toArray2D();
            assertArrayEquals(new double[] {3, 4}, rows[1]);
            rows[1][0] = 99;
            assertEquals(3, X.get(1, 0));
            assertEquals(Vector.of(1, 2, 3, 4, 5, 6), X.flatten());
        }

        @Test void reshapeReadsRowByRow() {
            assertEquals(Matrix.of(2, 3, 1, 2, 3, 4, 5, 6), X.reshape(2, 3));
            assertEquals(Matrix.of(1, 6, 1, 2, 3, 4, 5, 6), X.reshape(1, 6));
            fails("reshape: cannot reshape 3×2 (6 entries) into 4×2", () -> X.reshape(4, 2));
            fails("reshape: shape -2×-3 has a negative side", () -> X.reshape(-2, -3));
        }
    }

    @Nested class Elementwise {
        final Matrix A = Matrix.of(2, 2, 1, 2, 3, 4), B = Matrix.of(2, 2, 5, 6, 7, 8);

        @Test void matrixWithMatrix() {
            assertEquals(Matrix.of(2, 2, 6, 8, 10, 12), A.plus(B));
            assertEquals(Matrix.of(2, 2, -4, -4, -4, -4), A.minus(B));
            assertEquals(Matrix.of(2, 2, 5, 12, 21, 32), A.hadamard(B));
            assertEquals(Matrix.of(2, 2, 1.0 / 5, 2.0 / 6, 3.0 / 7, 4.0 / 8), A.divide(B));
            assertEquals(Matrix.of(2, 2, 5, 6, 7, 8), A.zip("max", B, Math::max));
        }

        @Test void matrixWithScalar() {
            assertEquals(Matrix.of(2, 2, 2, 3, 4, 5), A.plus(1));
            assertEquals(Matrix.of(2, 2, 0, 1, 2, 3), A.minus(1));
            assertEquals(Matrix.of(2, 2, 2, 4, 6, 8), A.scale(2));
            assertEquals(Matrix.of(2, 2, -1, -2, -3, -4), A.negate());
            assertEquals(Matrix.of(2, 2, 1, 4, 9, 16), A.map(x -> x * x));
        }

        @Test void shapesMustMatch() {
            Matrix C = Matrix.zeros(2, 3);
            fails("plus: A is 2×2 but B is 2×3 (shapes must match)", () -> A.plus(C));
            fails("minus: A is 2×2 but B is 2×3 (shapes must match)", () -> A.minus(C));
            fails("hadamard: A is 2×2 but B is 2×3 (shapes must match)", () -> A.hadamard(C));
            fails("divide: A is 2×2 but B is 2×3 (shapes must match)", () -> A.divide(C));
            fails("max: A is 2×2 but B is 2×3 (shapes must match)", () -> A.zip("max", C, Math::max));
            fails("plus: A is 2×2 but B is 4×1 (shapes must match)", () -> A.plus(Matrix.zeros(4, 1)));   // same count, other shape
            fails("plus: 'B' must not be null", () -> A.plus((Matrix) null));
        }
    }

    @Nested class Broadcasting {
        // X = [1 2; 3 4; 5 6]; perColumn has one entry per column, perRow one per row
        final Vector perColumn = Vector.of(10, 20), perRow = Vector.of(1, 2, 4);

        @Test void rowVectorGoesToEveryRow() {
            assertEquals(Matrix.of(3, 2, 11, 22, 13, 24, 15, 26), X.plusRowVector(perColumn));
            assertEquals(Matrix.of(3, 2, -9, -18, -7, -16, -5, -14), X.minusRowVector(perColumn));
            assertEquals(Matrix.of(3, 2, 10, 40, 30, 80, 50, 120), X.scaleColumns(perColumn));
            assertEquals(Matrix.of(3, 2, 0.5, 0.5, 1.5, 1, 2.5, 1.5), X.divideColumns(Vector.of(2, 4)));
        }

        @Test void columnVectorGoesToEveryColumn() {
            assertEquals(Matrix.of(3, 2, 2, 3, 5, 6, 9, 10), X.plusColumnVector(perRow));
            assertEquals(Matrix.of(3, 2, 0, 1, 1, 2, 1, 2), X.minusColumnVector(perRow));
            assertEquals(Matrix.of(3, 2, 1, 2, 6, 8, 20, 24), X.scaleRows(perRow));
            assertEquals(Matrix.of(3, 2, 1, 2, 1.5, 2, 1.25, 1.5), X.divideRows(perRow));
        }

        @Test void scalingByAVectorIsMultiplyingByItsDiagonal() {
            // A·diag(v) and diag(v)·A, two routes to one answer
            assertEquals(X.times(Matrix.diag(perColumn)), X.scaleColumns(perColumn));
            assertEquals(Matrix.diag(perRow).times(X), X.scaleRows(perRow));
        }

        @Test void centringGivesZeroColumnMeans() {
            Matrix Z = Matrix.randn(50, 4, 3).scale(3).plus(7);
            assertTrue(Z.minusRowVector(Z.mean(0)).mean(0).isClose(Vector.zeros(4), 1e-12));
        }

        @Test void vectorSizeMustMatch() {
            String perCol = " (v needs one entry per column, 2)", perRowMsg = " (v needs one entry per row, 3)";
            fails("plusRowVector: A is 3×2 but v has size 3" + perCol, () -> X.plusRowVector(perRow));
            fails("minusRowVector: A is 3×2 but v has size 3" + perCol, () -> X.minusRowVector(perRow));
            fails("scaleColumns: A is 3×2 but v has size 3" + perCol, () -> X.scaleColumns(perRow));
            fails("divideColumns: A is 3×2 but v has size 3" + perCol, () -> X.divideColumns(perRow));
            fails("plusColumnVector: A is 3×2 but v has size 2" + perRowMsg, () -> X.plusColumnVector(perColumn));
            fails("minusColumnVector: A is 3×2 but v has size 2" + perRowMsg, () -> X.minusColumnVector(perColumn));
            fails("scaleRows: A is 3×2 but v has size 2" + perRowMsg, () -> X.scaleRows(perColumn));
            fails("divideRows: A is 3×2 but v has size 2" + perRowMsg, () -> X.divideRows(perColumn));
            fails("plusRowVector: 'v' must not be null", () -> X.plusRowVector(null));
        }
    }

    @Nested class Reductions {
        @Test void wholeMatrix() {
            assertEquals(21, X.sum());          // 1 + 2 + … + 6
            assertEquals(3.5, X.mean());        // 21 / 6
            assertEquals(1, X.min());
            assertEquals(6, X.max());
            assertEquals(0, Matrix.zeros(0, 3).sum());
        }

        @Test void alongAnAxis() {
            assertEquals(Vector.of(9, 12), X.sum(0));          // column sums: 1+3+5, 2+4+6
            assertEquals(Vector.of(3, 7, 11), X.sum(1));       // row sums
            assertEquals(Vector.of(3, 4), X.mean(0));
            assertEquals(Vector.of(1.5, 3.5, 5.5), X.mean(1));
            assertEquals(Vector.of(1, 2), X.min(0));
            assertEquals(Vector.of(5, 6), X.max(0));
            assertEquals(Vector.of(1, 3, 5), X.min(1));
            assertEquals(Vector.of(2, 4, 6), X.max(1));
            assertEquals(Vector.of(0, 0, 0), Matrix.zeros(3, 0).sum(1));
            assertEquals(Vector.of(), Matrix.zeros(3, 0).sum(0));
        }

        @Test void varianceDividesByN() {
            // column 0 = (1, 3, 5): mean 3, squared deviations 4 + 0 + 4 = 8, /3 → 8/3 (ddof 0; not 8/2)
            assertTrue(X.var(0).isClose(Vector.of(8.0 / 3, 8.0 / 3), 1e-15));
            // row (x, x + 1): deviations ±½ → (¼ + ¼)/2 = ¼
            assertTrue(X.var(1).isClose(Vector.of(0.25, 0.25, 0.25), 1e-15));
            assertTrue(X.std(0).isClose(Vector.of(Math.sqrt(8.0 / 3), Math.sqrt(8.0 / 3)), 1e-15));
            assertTrue(X.std(1).isClose(Vector.of(0.5, 0.5, 0.5), 1e-15));
        }

        @Test void varianceIsTheMeanSquaredDeviation() {
            Matrix Z = Matrix.randn(40, 7, 11);
            for (int axis = 0; axis <= 1; axis++) {
                Matrix D = axis == 0 ? Z.minusRowVector(Z.mean(0)) : Z.minusColumnVector(Z.mean(1));
                assertTrue(Z.var(axis).isClose(D.hadamard(D).mean(axis), 1e-12));
            }
        }

        @Test void argminAndArgmaxPickTheFirstOnTies() {
            // M = [1 3 3; 2 2 0; 2 −1 0]
            Matrix M = Matrix.of(3, 3, 1, 3, 3, 2, 2, 0, 2, -1, 0);
            assertArrayEquals(new int[] {1, 0, 0}, M.argmax(1));   // row 0: 3 at cols 1 and 2 → 1; row 1: 2, 2 → 0
            assertArrayEquals(new int[] {0, 2, 1}, M.argmin(1));
            assertArrayEquals(new int[] {1, 0, 0}, M.argmax(0));   // col 0: 1, 2, 2 → row 1
            assertArrayEquals(new int[] {0, 2, 1}, M.argmin(0));   // col 2: 3, 0, 0 → row 1
            assertEquals(Vector.of(3, 2, 2), M.max(1));
            assertEquals(Vector.of(1, -1, 0), M.min(0));
        }

        @Test void emptyAxesAndBadAxesFail() {
            Matrix E = Matrix.zeros(0, 3);
            fails("mean: the matrix is empty (0×3)", E::mean);
            fails("min: the matrix is empty (0×3)", E::min);
            fails("max: the matrix is empty (0×3)", E::max);
            fails("mean: cannot average along axis 0 of a 0×3 matrix", () -> E.mean(0));
            fails("mean: cannot average along axis 0 of a 0×3 matrix", () -> E.var(0));
            fails("argmin: axis 0 of a 0×3 matrix is empty", () -> E.argmin(0));
            fails("argmax: axis 0 of a 0×3 matrix is empty", () -> E.argmax(0));
            fails("min: axis 0 of a 0×3 matrix is empty", () -> E.min(0));
            fails("max: axis 0 of a 0×3 matrix is empty", () -> E.max(0));
            assertEquals(0, E.argmax(1).length);                 // no rows: nothing to pick, nothing to fail
            String bad = "'axis' must be 0 (down the rows) or 1 (along each row), got 2";
            fails("sum: " + bad, () -> X.sum(2));
            fails("mean: " + bad, () -> X.mean(2));
            fails("mean: " + bad, () -> X.var(2));
            fails("argmax: " + bad, () -> X.argmax(2));
            fails("min: 'axis' must be 0 (down the rows) or 1 (along each row), got -1", () -> X.min(-1));
        }
    }

    @Nested class LinearAlgebra {
        @Test void timesHandComputed() {
            // [1 2; 3 4; 5 6]·[1 0 2; 0 1 3] = [1 2 1·2+2·3; 3 4 3·2+4·3; 5 6 5·2+6·3] = [1 2 8; 3 4 18; 5 6 28]
            Matrix B = Matrix.of(2, 3, 1, 0, 2, 0, 1, 3);
            assertEquals(Matrix.of(3, 3, 1, 2, 8, 3, 4, 18, 5, 6, 28), X.times(B));
            assertEquals(Vector.of(-1, -1, -1), X.times(Vector.of(1, -1)));         // 1 − 2, 3 − 4, 5 − 6
            assertEquals(Matrix.zeros(3, 4), X.times(Matrix.zeros(2, 4)));
            assertEquals(Matrix.zeros(2, 3), Matrix.zeros(2, 0).times(Matrix.zeros(0, 3)));   // empty sum = 0
        }

        @Test void transposeTimesAndTimesTransposeHandComputed() {
            // XᵀX = [1+9+25  2+12+30; ·  4+16+36] = [35 44; 44 56]
            assertEquals(Matrix.of(2, 2, 35, 44, 44, 56), X.transposeTimes(X));
            // XXᵀ: rowᵢ·rowⱼ: (1,2)·(1,2)=5, (1,2)·(3,4)=11, (1,2)·(5,6)=17, (3,4)·(3,4)=25, (3,4)·(5,6)=39, (5,6)·(5,6)=61
            assertEquals(Matrix.of(3, 3, 5, 11, 17, 11, 25, 39, 17, 39, 61), X.timesTranspose(X));
            assertEquals(Matrix.of(2, 3, 1, 3, 5, 2, 4, 6), X.transpose());
        }

        @Test void productsMatchTheTransposeRouteOverRandomShapes() {
            RandomGenerator rng = Rng.of(21);
            for (int trial = 0; trial < 30; trial++) {
                int m = rng.nextInt(1, 140), n = rng.nextInt(0, 140), p = rng.nextInt(1, 300);
                Matrix A = Matrix.randn(m, n, rng), B = Matrix.randn(n, p, rng), Bt = Matrix.randn(p, n, rng);
                Matrix At = Matrix.randn(n, m, rng);
                assertTrue(At.transposeTimes(B).isClose(At.transpose().times(B), 1e-12), "AᵀB " + m + "×" + n + "×" + p);
                assertTrue(A.timesTranspose(Bt).isClose(A.times(Bt.transpose()), 1e-12), "ABᵀ " + m + "×" + n + "×" + p);
                // (AB)ᵀ = BᵀAᵀ
                assertTrue(A.times(B).transpose().isClose(B.transpose().times(A.transpose()), 1e-12));
                Vector x = Vector.randn(n, rng);
                assertTrue(A.times(x).isClose(A.times(x.asColumn()).col(0), 1e-12));
            }
        }

        @Test void identityIsNeutral() {
            Matrix A = Matrix.randn(70, 90, 5);
            assertEquals(A, Matrix.identity(70).times(A));
            assertEquals(A, A.times(Matrix.identity(90)));
            assertEquals(A, A.transpose().transpose());
        }

        @Test void shapeErrorsNameBothShapes() {
            fails("times: A is 3×2 but B is 3×4 (A.cols must equal B.rows)", () -> X.times(Matrix.zeros(3, 4)));
            fails("times: A is 3×2 but x has size 3 (A.cols must equal x.size)", () -> X.times(Vector.of(1, 2, 3)));
            fails("transposeTimes: A is 3×2 but B is 4×4 (A.rows must equal B.rows)", () -> X.transposeTimes(Matrix.zeros(4, 4)));
            fails("timesTranspose: A is 3×2 but B is 2×3 (A.cols must equal B.cols)", () -> X.timesTranspose(Matrix.zeros(2, 3)));
            fails("times: 'B' must not be null", () -> X.times((Matrix) null));
            fails("times: 'x' must not be null", () -> X.times((Vector) null));
            fails("transposeTimes: 'B' must not be null", () -> X.transposeTimes((Matrix) null));
            fails("timesTranspose: 'B' must not be null", () -> X.timesTranspose(null));
            fails("dot: A is 3×2 but B is 2×3 (shapes must match)", () -> X.dot(X.transpose()));
            fails("trace: A is 3×2 (trace needs a square matrix)", X::trace);
        }

        @Test void dotNormsTraceDiag() {
            assertEquals(91, X.dot(X));                              // 1 + 4 + 9 + 16 + 25 + 36
            assertEquals(Math.sqrt(91), X.norm(), 1e-15);
            Matrix M = Matrix.of(2, 2, 1, -2, -3, 4);
            assertEquals(6, M.norm1());                              // column sums |1|+|−3| = 4, |−2|+|4| = 6
            assertEquals(7, M.normInf());                            // row sums 3, 7
            assertEquals(5, M.trace());                              // 1 + 4
            assertEquals(Vector.of(1, 4), X.diag());                 // min(3, 2) = 2 entries
            assertEquals(Vector.of(1, 4), M.diag());
            assertEquals(M.trace(), M.diag().sum());
            assertEquals(X.transposeTimes(X).trace(), X.dot(X), 1e-12);   // trace(XᵀX) = ‖X‖²_F
        }

        @Test void symmetry() {
            assertTrue(X.transposeTimes(X).isSymmetric(0));
            assertFalse(Matrix.of(2, 2, 1, 2, 3, 4).isSymmetric(0.1));
            assertTrue(Matrix.of(2, 2, 1, 2, 2 + 1e-13, 4).isSymmetric(1e-12));
            assertFalse(X.isSymmetric(1));                           // not square
        }
    }

    @Nested class ComparisonAndPrinting {
        @Test void equalsIsExactIsCloseIsNot() {
            Matrix a = Matrix.of(1, 1, 0.1 + 0.2), b = Matrix.of(1, 1, 0.3);
            assertNotEquals(a, b);                                   // 0.30000000000000004 ≠ 0.3
            assertTrue(a.isClose(b, 1e-12));
            assertFalse(a.isClose(b, 1e-17));
            assertEquals(Matrix.of(2, 2, 1, 2, 3, 4), Matrix.of(2, 2, 1, 2, 3, 4));
            assertEquals(Matrix.of(2, 2, 1, 2, 3, 4).hashCode(), Matrix.of(2, 2, 1, 2, 3, 4).hashCode());
            assertNotEquals(Matrix.zeros(2, 3), Matrix.zeros(3, 2));    // same entries, other shape
            assertFalse(Matrix.zeros(2, 3).isClose(Matrix.zeros(3, 2), 1));
            assertFalse(X.isClose(null, 1));
            assertNotEquals(X, X.flatten());
            Matrix withNaN = Matrix.of(1, 2, Double.NaN, 1);
            assertEquals(withNaN, Matrix.of(1, 2, Double.NaN, 1));   // equals is reflexive even with NaN
            assertFalse(Matrix.of(1, 1, Double.POSITIVE_INFINITY).isClose(Matrix.of(1, 1, 1e300), 1));
        }

        @Test void requireFiniteNamesTheFirstOffender() {
            fails("fit: X[1][0] is NaN", () -> Matrix.of(2, 2, 1, 2, Double.NaN, 4).requireFinite("fit", "X"));
            fails("fit: X[0][1] is +Infinity", () -> Matrix.of(2, 2, 1, Double.POSITIVE_INFINITY, Double.NaN, 4).requireFinite("fit", "X"));
            fails("predict: Z[2][1] is -Infinity", () -> X.with(2, 1, Double.NEGATIVE_INFINITY).requireFinite("predict", "Z"));
            assertSame(X, X.requireFinite("fit", "X"));
        }

        @Test void integersPrintWithoutDecimalsAligned() {
            assertEquals("""
                    Matrix 2×2
                    [[1,   2],
                     [3, -40]]""", Matrix.of(2, 2, 1, 2, 3, -40).toString());
        }

        @Test void decimalsPrintWithFourPlacesAligned() {
            assertEquals("""
                    Matrix 2×2
                    [[1.5000,   2.0000],
                     [3.0000, -40.0000]]""", Matrix.of(2, 2, 1.5, 2, 3, -40).toString());
            assertEquals("""
                    Matrix 1×3
                    [[1.0000e-05, 1.0000e+00, 2.0000e+07]]""", Matrix.of(1, 3, 1e-5, 1, 2e7).toString());
            assertEquals("""
                    Matrix 1×3
                    [[NaN, 1.5000, -Inf]]""", Matrix.of(1, 3, Double.NaN, 1.5, Double.NEGATIVE_INFINITY).toString());
        }

        @Test void largeMatricesAreTruncatedLikeNumPy() {
            double[] values = new double[100 * 100];
            for (int i = 0; i < values.length; i++) values[i] = i;
            assertEquals("""
                    Matrix 100×100
                    [[   0,    1,    2, …,   97,   98,   99],
                     [ 100,  101,  102, …,  197,  198,  199],
                     [ 200,  201,  202, …,  297,  298,  299],
                     [   ⋮                                 ],
                     [9700, 9701, 9702, …, 9797, 9798, 9799],
                     [9800, 9801, 9802, …, 9897, 9898, 9899],
                     [9900, 9901, 9902, …, 9997, 9998, 9999]]""", Matrix.wrap(100, 100, values).toString());
            assertEquals("""
                    Matrix 12×3
                    [[ 0,  1,  2],
                     [ 3,  4,  5],
                     [ 6,  7,  8],
                     [ ⋮        ],
                     [27, 28, 29],
                     [30, 31, 32],
                     [33, 34, 35]]""", Matrix.of(12, 3, java.util.stream.IntStream.range(0, 36).asDoubleStream().toArray()).toString());
            // the format is chosen from the entries shown: the hidden 0.5 does not force decimals
            assertEquals("""
                    Matrix 1×9
                    [[1, 2, 3, …, 7, 8, 9]]""", Matrix.of(1, 9, 1, 2, 3, 4, 0.5, 6, 7, 8, 9).toString());
        }

        @Test void emptyMatricesPrintTheirShape() {
            assertEquals("Matrix 0×3\n[]", Matrix.zeros(0, 3).toString());
            assertEquals("Matrix 2×0\n[]", Matrix.zeros(2, 0).toString());
        }
    }
}
