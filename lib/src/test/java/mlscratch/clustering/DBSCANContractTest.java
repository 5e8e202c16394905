package mlscratch.clustering;

import java.util.List;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.ClusteringContract;
import mlscratch.model.EstimatorContract.BadOption;

/// DBSCAN takes no k and no seed (it is deterministic); its training labels are `labels()` (a border
/// point's `predict` may name another cluster within ε).
class DBSCANContractTest extends ClusteringContract<DBSCAN> {
    @Override protected Fit<DBSCAN> fitter() { return DBSCAN::fit; }

    @Override protected Vector labels(DBSCAN model, Matrix X) { return model.labels(); }

    @Override protected List<BadOption> badOptions() {
        var o = DBSCAN.Options.defaults();
        return List.of(badOption("eps", () -> o.withEps(0)), badOption("eps", () -> o.withEps(Double.NaN)),
                badOption("minPts", () -> o.withMinPts(0)), badOption("distance", () -> o.withDistance(null)));
    }
}
