package mlscratch.classification;

import mlscratch.model.EstimatorContract;
import mlscratch.model.Fitter;

/// [OneVsRest] (over logistic regression) joins the estimator contract.
class OneVsRestContractTest extends EstimatorContract<OneVsRest<LogisticRegression>> {

    @Override protected Fitter<OneVsRest<LogisticRegression>> fitter() {
        return (X, y) -> OneVsRest.fit(X, y, LogisticRegression::fit);
    }
}
