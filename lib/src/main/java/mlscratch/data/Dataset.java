package mlscratch.data;

import java.util.List;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// A table of examples: features `X` (n×d, one row per example) and targets `y` (size n).
///
/// For classification `y` holds class indices `0 … k−1` and `classNames` names them; for regression
/// `classNames` is empty and `y` holds the real-valued targets.
///
/// @param name         short name, e.g. `iris`
/// @param X            features, n×d
/// @param y            targets, size n
/// @param featureNames d names, one per column of X
/// @param classNames   k names for classification, empty for regression
/// @param description  where the data comes from and what it measures (with its licence)
public record Dataset(String name, Matrix X, Vector y, List<String> featureNames, List<String> classNames,
                      String description) {

    public Dataset {
        Check.notNull("Dataset", "name", name);
        Check.notNull("Dataset", "X", X);
        Check.notNull("Dataset", "y", y);
        featureNames = List.copyOf(Check.notNull("Dataset", "featureNames", featureNames));
        classNames = List.copyOf(Check.notNull("Dataset", "classNames", classNames));
        description = description == null ? "" : description;
        Check.that(X.rows() == y.size(), "Dataset", "X has %d rows but y has %d", X.rows(), y.size());
        Check.that(featureNames.size() == X.cols(), "Dataset", "X has %d columns but there are %d feature names",
                X.cols(), featureNames.size());
    }

    /// Number of examples.
    public int n() { return X.rows(); }

    /// Number of features.
    public int d() { return X.cols(); }

    /// True when `y` holds class indices (there are class names).
    public boolean isClassification() { return !classNames.isEmpty(); }
}
