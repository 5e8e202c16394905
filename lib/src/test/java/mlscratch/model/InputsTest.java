package mlscratch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

class InputsTest {

    private static void message(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    private static final Matrix X = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    private static final Vector y = Vector.of(0, 1, 1);

    @Test void acceptsCleanData() {
        Inputs.requireXy("fit", X, y);
        Inputs.requireX("predict", X, 2);
        assertEquals(2, Inputs.requireLabels("fit", y));
    }

    @Test void namesMismatchedRows() {
        message("fit: X has 150 rows but y has 149", () -> Inputs.requireXy("fit", Matrix.zeros(150, 4), Vector.zeros(149)));
    }

    @Test void namesEmptyAndFeaturelessX() {
        message("fit: X is empty (0 rows)", () -> Inputs.requireXy("fit", Matrix.zeros(0, 4), Vector.zeros(0)));
        message("fit: X has 0 columns (no features)", () -> Inputs.requireXy("fit", Matrix.zeros(3, 0), y));
        message("predict: X is empty (0 rows)", () -> Inputs.requireX("predict", Matrix.zeros(0, 2), 2));
    }

    @Test void namesTheFirstNonFiniteEntry() {
        message("fit: X[2][1] is NaN", () -> Inputs.requireXy("fit", X.with(2, 1, Double.NaN), y));
        message("fit: y[1] is +Infinity", () -> Inputs.requireXy("fit", X, y.with(1, Double.POSITIVE_INFINITY)));
        message("predict: X[0][0] is -Infinity", () -> Inputs.requireX("predict", X.with(0, 0, Double.NEGATIVE_INFINITY), 2));
    }

    @Test void namesNullArguments() {
        message("fit: 'X' must not be null", () -> Inputs.requireXy("fit", null, y));
        message("fit: 'y' must not be null", () -> Inputs.requireXy("fit", X, null));
        message("predict: 'X' must not be null", () -> Inputs.requireX("predict", null, 2));
    }

    @Test void namesTheColumnCountTheModelWasFittedOn() {
        message("predict: X has 3 columns but the model was fitted on 4", () -> Inputs.requireX("predict", Matrix.zeros(2, 3), 4));
        message("predict: X has 1 column but the model was fitted on 2", () -> Inputs.requireX("predict", Matrix.zeros(2, 1), 2));
    }

    @Test void labelsAreClassIndicesAndGiveK() {
        assertEquals(4, Inputs.requireLabels("fit", Vector.of(3, 0, 0)));   // k = max + 1 = 4, classes 1, 2 absent
        message("fit: y[3] = 1.5 is not a class index (labels must be 0, 1, …, k−1)",
                () -> Inputs.requireLabels("fit", Vector.of(0, 1, 1, 1.5)));
        message("fit: y[0] = -1.0 is not a class index (labels must be 0, 1, …, k−1)",
                () -> Inputs.requireLabels("fit", Vector.of(-1, 1)));
        message("fit: y[1] is NaN", () -> Inputs.requireLabels("fit", Vector.of(0, Double.NaN)));
        message("fit: y is empty", () -> Inputs.requireLabels("fit", Vector.zeros(0)));
    }
}
