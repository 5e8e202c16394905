package mlscratch.classification;

import java.util.ArrayList;
import java.util.List;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.Classifier;
import mlscratch.model.Fitter;
import mlscratch.model.Inputs;
import mlscratch.model.ProbabilisticClassifier;
import mlscratch.util.Check;

/// One-vs-rest: k binary classifiers, the c-th trained to tell class c (label 1) from all the others
/// (label 0); the prediction is the class whose classifier is most confident.
///
/// ```
/// y⁽ᶜ⁾ᵢ = 1 if yᵢ = c else 0          model_c = binaryFitter.fit(X, y⁽ᶜ⁾),   c = 0 … k−1
/// sᵢc = score of model_c on xᵢ        predict(X)ᵢ = argmax_c sᵢc  (ties: the lowest c)
/// ```
/// The score is [ScoringClassifier#decisionFunction(Matrix)] when the model has one (a logit or a margin),
/// else P(y = 1) from [ProbabilisticClassifier#predictProba(Matrix)], else the 0/1 prediction. Scores of
/// separately trained models are not calibrated against each other, which is why softmax regression, which
/// trains the k scores jointly, is usually better for linear models.
/// ```
/// var ovr = OneVsRest.fit(X, y, LinearSVM::fit);
/// ovr.predict(X);  ovr.models().get(2);  ovr.scores(X);
/// ```
/// Cost: k binary fits on all n rows. Reference: Bishop, *PRML*, §4.1.2; Rifkin & Klautau (2004).
///
/// @param models one binary model per class, in class order
/// @param <M>    the binary model type
public record OneVsRest<M extends Classifier>(List<M> models) implements Classifier {

    public OneVsRest {
        Check.notNull("OneVsRest", "models", models);
        Check.that(!models.isEmpty(), "OneVsRest", "there are no models");
        models = List.copyOf(models);
    }

    /// Fits one `binaryFitter` model per class `0 … k−1` (`k = max(y) + 1`).
    public static <M extends Classifier> OneVsRest<M> fit(Matrix X, Vector y, Fitter<M> binaryFitter) {
        String where = "OneVsRest.fit";
        Inputs.requireXy(where, X, y);
        Check.notNull(where, "binaryFitter", binaryFitter);
        int k = Inputs.requireLabels(where, y);
        var models = new ArrayList<M>(k);
        for (int c = 0; c < k; c++) {
            int cls = c;
            M m = binaryFitter.fit(X, y.map(v -> v == cls ? 1 : 0));              // class c against the rest
            if (m == null) throw Check.fail(where, "the binary fitter returned null for class " + c);
            models.add(m);
        }
        return new OneVsRest<>(models);
    }

    /// Number of classes k.
    public int k() { return models.size(); }

    /// The n×k scores: column c is model c's confidence that a row is class c.
    public Matrix scores(Matrix X) {
        Check.notNull("OneVsRest.scores", "X", X);
        Vector[] columns = new Vector[k()];
        for (int c = 0; c < k(); c++) {
            M m = models.get(c);
            columns[c] = switch (m) {
                case ScoringClassifier s -> s.decisionFunction(X);
                case ProbabilisticClassifier p -> p.predictProba(X).col(1);
                default -> m.predict(X);
            };
        }
        return Matrix.fromColumns(columns);
    }

    /// The class with the highest score.
    @Override public Vector predict(Matrix X) {
        return Vector.ofInts(scores(X).argmax(1));
    }

    @Override public String toString() {
        var sb = new StringBuilder("OneVsRest(k = " + k() + ", " + models.get(0).getClass().getSimpleName() + ")");
        for (int c = 0; c < k(); c++)
            sb.append("\n  class ").append(c).append(": ").append(models.get(c).toString().lines().findFirst().orElse(""));
        return sb.toString();
    }
}
