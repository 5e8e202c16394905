package mlscratch.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.data.Datasets;
import mlscratch.data.StandardScaler;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.metrics.Metrics;

class OneVsRestTest {

    @Test void eachModelSeesItsClassAgainstTheRest() {
        var data = LinearData.softmax(120, 2, 3, 51);
        var ovr = OneVsRest.fit(data.X(), data.y(), LogisticRegression::fit);
        assertEquals(3, ovr.k());
        for (int c = 0; c < 3; c++) {
            int cls = c;
            var direct = LogisticRegression.fit(data.X(), data.y().map(v -> v == cls ? 1 : 0));
            assertEquals(direct, ovr.models().get(c));
        }
        Matrix S = ovr.scores(data.X());
        assertEquals(Vector.ofInts(S.argmax(1)), ovr.predict(data.X()));
        assertEquals(ovr.models().get(1).decisionFunction(data.X()), S.col(1), "logits are the scores");
    }

    @Test void separatesIrisWellWithEveryBinaryModel() {
        var iris = Datasets.iris();
        Matrix X = StandardScaler.fit(iris.X()).transform(iris.X());
        double logit = Metrics.accuracy(iris.y(), OneVsRest.fit(X, iris.y(), LogisticRegression::fit).predict(X));
        double svm = Metrics.accuracy(iris.y(), OneVsRest.fit(X, iris.y(), LinearSVM::fit).predict(X));
        assertTrue(logit > 0.9, "logistic OvR accuracy " + logit);
        assertTrue(svm > 0.85, "SVM OvR accuracy " + svm);
    }
}
