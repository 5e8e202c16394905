package mlscratch.drill.bank;

import java.util.List;
import java.util.TreeMap;

import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// A drill on k-nearest-neighbour classification.
public final class NeighbourDrills implements DrillSet {

    @Override
    public List<Drill> drills() { return List.of(knnPredict()); }

    static Vector knnRef(Matrix X, Vector y, Matrix Q, int k) {
        double[] out = new double[Q.rows()];
        Matrix D = LinearAlgebraDrills.sqDistancesRef(Q, X);                          // (q, n) squared distances
        for (int i = 0; i < Q.rows(); i++) {
            final int row = i;
            Integer[] order = new Integer[X.rows()];
            for (int j = 0; j < order.length; j++) order[j] = j;
            // stable sort by distance: equal distances keep the lower training index first
            java.util.Arrays.sort(order, (a, b) -> Double.compare(D.get(row, a), D.get(row, b)));
            var votes = new TreeMap<Double, Integer>();                         // sorted labels: ties → smallest
            for (int j = 0; j < k; j++) votes.merge(y.get(order[j]), 1, Integer::sum);
            double best = Double.NaN;
            int most = -1;
            for (var e : votes.entrySet()) if (e.getValue() > most) { most = e.getValue(); best = e.getKey(); }
            out[i] = best;
        }
        return Vector.of(out);
    }

    static Drill knnPredict() {
        return Drill.builder("knn-predict")
                .title("k-nearest-neighbour classification").topic("neighbours").difficulty(Difficulty.MEDIUM)
                .signature("Vector knnPredict(Matrix X, Vector y, Matrix Q, int k)")
                .statement("""
                        Training points X (n×d, n ≥ 1) with labels y (n whole numbers ≥ 0); queries Q (q×d);
                        1 ≤ k ≤ n. Return q predicted labels: for each query, the majority label among its k
                        nearest training points by Euclidean distance.
                        Ties: among training points at equal distance, the lower index is nearer; a tie in the vote
                        goes to the SMALLEST label.
                        Edge cases: k = 1 (a query on a training point returns its label); k = n (the majority
                        class everywhere); vote ties; duplicate training points.
                        Compared exactly (labels).""")
                .starter("""
                        Vector knnPredict(Matrix X, Vector y, Matrix Q, int k) {
                            double[] out = new double[Q.rows()];
                            // per query: distances to all n points, the k smallest, a vote
                            return Vector.of(out);
                        }""")
                .hints("Sort the training indices by distance with a STABLE sort (Arrays.sort on Integer[] is stable): ties keep the lower index first.",
                       "Count votes in a TreeMap<Double, Integer>: iterating in label order and replacing only on a strictly larger count gives the smallest label on ties.",
                       "Squared distances give the same neighbours as distances.")
                .solution("""
                        Vector knnPredict(Matrix X, Vector y, Matrix Q, int k) {
                            double[] out = new double[Q.rows()];
                            for (int i = 0; i < Q.rows(); i++) {
                                double[] d = new double[X.rows()];
                                for (int j = 0; j < X.rows(); j++) { double t = Q.row(i).minus(X.row(j)).norm(); d[j] = t * t; }
                                Integer[] order = new Integer[X.rows()];
                                for (int j = 0; j < order.length; j++) order[j] = j;
                                Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));   // stable: ties keep lower index
                                var votes = new TreeMap<Double, Integer>();
                                for (int j = 0; j < k; j++) votes.merge(y.get(order[j]), 1, Integer::sum);
                                int most = -1;
                                for (var e : votes.entrySet()) if (e.getValue() > most) { most = e.getValue(); out[i] = e.getKey(); }
                            }
                            return Vector.of(out);
                        }""")
                .explanation("""
                        KNN estimates P(y = c | x) by the fraction of the k nearest training points with label c, and
                        predicts the most probable class. There is no training: the cost is at prediction time,
                        O(n·d) per query for the distances plus O(n log n) for a full sort (O(n) with a selection
                        algorithm, or a bounded heap of size k: O(n log k)).
                        Small k: low bias, high variance (k = 1 memorises; its training error is 0). Large k: smoother
                        boundaries; k = n predicts the majority class everywhere. Ties need a rule to be
                        deterministic; odd k avoids vote ties for two classes. Features must share a scale, or the
                        widest one decides every distance.""")
                .reference((Matrix X, Vector y, Matrix Q, Integer k) -> knnRef(X, y, Q, k))
                .tests(
                        // training 0, 1, 10 labelled 0, 0, 1; query 2: neighbours 1, 0 (k = 2) → 0; query 9 (k = 2): 10, 1 → tie {0, 1} → 0
                        DrillCase.of("hand case with a vote tie", Expect.close(0),
                                Bank.m(new double[] {0}, new double[] {1}, new double[] {10}), Vector.of(0, 0, 1),
                                Bank.m(new double[] {2}, new double[] {9}), 2),
                        DrillCase.of("k = 1 on training points", Expect.close(0),
                                Bank.m(new double[] {0, 0}, new double[] {1, 1}, new double[] {2, 2}), Vector.of(2, 0, 1),
                                Bank.m(new double[] {1, 1}, new double[] {2, 2}), 1),
                        DrillCase.of("k = n: the majority class", Expect.close(0),
                                Bank.m(new double[] {0}, new double[] {1}, new double[] {2}), Vector.of(3, 1, 3),
                                Bank.m(new double[] {1.1}, new double[] {-50}), 3),
                        // query 0 is at distance 1 from points 0 and 1 (labels 5 and 4): the lower index (label 5) wins at k = 1
                        DrillCase.of("equal distances: lower index first", Expect.close(0),
                                Bank.m(new double[] {-1}, new double[] {1}), Vector.of(5, 4), Bank.m(new double[] {0}), 1),
                        DrillCase.of("duplicate training points", Expect.close(0),
                                Bank.m(new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1}, new double[] {4, 4}), Vector.of(1, 1, 0, 0),
                                Bank.m(new double[] {3.9, 3.9}), 3),
                        DrillCase.random("random 80 points, 3 classes, k = 5", 93, rng -> new Object[] {Matrix.randn(80, 2, rng),
                                Bank.labels(80, 3, rng), Matrix.randn(25, 2, rng), 5}, Expect.close(0)))
                .build();
    }
}
