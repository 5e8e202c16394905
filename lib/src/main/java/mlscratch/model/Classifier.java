package mlscratch.model;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// A fitted model predicting a class per example.
///
/// Labels are class indices `0, 1, …, k−1` stored as whole numbers in a [Vector] (`Vector.of(0, 2, 1)`),
/// the same encoding as `y` in `fit` (checked by [Inputs#requireLabels(String, Vector)]) and as
/// `Dataset.y()`; class names, when there are any, live beside the data, not in the model.
public interface Classifier extends Predictor {
    /// The predicted class index of each row of `X`.
    @Override Vector predict(Matrix X);
}
