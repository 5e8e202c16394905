package mlscratch.drill.bank;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Vector;

/// Drills on decision-tree impurities and the best threshold of one feature.
public final class TreeDrills implements DrillSet {

    @Override
    public List<Drill> drills() { return List.of(gini(), entropy(), bestSplit()); }

    static TreeMap<Double, Integer> counts(Vector y) {
        var counts = new TreeMap<Double, Integer>();
        for (int i = 0; i < y.size(); i++) counts.merge(y.get(i), 1, Integer::sum);
        return counts;
    }

    static double giniRef(Vector y) {
        double g = 1;
        for (int c : counts(y).values()) { double p = (double) c / y.size(); g -= p * p; }   // 1 − Σ pₖ²
        return y.size() == 0 ? 0 : g;
    }

    static double entropyRef(Vector y) {
        double h = 0;
        for (int c : counts(y).values()) { double p = (double) c / y.size(); h -= p * Math.log(p) / Math.log(2); }   // −Σ pₖ log₂ pₖ
        return h;
    }

    static Drill gini() {
        return Drill.builder("gini")
                .title("Gini impurity of a node").topic("trees").difficulty(Difficulty.EASY)
                .signature("double gini(Vector y)")
                .statement("""
                        y holds the class labels of the samples in a node (whole numbers ≥ 0, any order, not
                        necessarily 0..K−1). Return the Gini impurity 1 − Σₖ pₖ², pₖ = fraction of samples of class k.
                        The empty node has impurity 0 by convention.
                        Edge cases: empty; one sample (0); a pure node (0); K equally frequent classes (1 − 1/K);
                        labels like 7 and 42.
                        Tolerance: within 1e-12.""")
                .starter("""
                        double gini(Vector y) {
                            // count each label (a Map<Double, Integer>), then 1 − Σ p²
                            return 0;
                        }""")
                .hints("Count with a HashMap<Double, Integer>: counts.merge(label, 1, Integer::sum).",
                       "pₖ = countₖ / n; the answer is 1 − Σ pₖ². Guard n = 0.")
                .solution("""
                        double gini(Vector y) {
                            if (y.size() == 0) return 0;
                            var counts = new HashMap<Double, Integer>();
                            for (int i = 0; i < y.size(); i++) counts.merge(y.get(i), 1, Integer::sum);
                            double g = 1;
                            for (int c : counts.values()) { double p = (double) c / y.size(); g -= p * p; }   // 1 − Σ pₖ²
                            return g;
                        }""")
                .explanation("""
                        Gini impurity is the probability that two samples drawn at random (with replacement) from the
                        node have different labels: 1 − Σₖ pₖ² (Σ pₖ² is the chance they match). It is 0 for a pure
                        node and at most 1 − 1/K (uniform over K classes). Example: labels [0, 0, 1, 1] ⇒ p = (½, ½),
                        Gini = 1 − ¼ − ¼ = ½. CART picks the split that most reduces the size-weighted impurity of the
                        children. Gini ≈ entropy as a criterion and avoids the log.""")
                .reference((Vector y) -> giniRef(y))
                .tests(
                        DrillCase.of("hand case [0, 0, 1, 1] → ½", Expect.close(1e-12), Vector.of(0, 0, 1, 1)),
                        DrillCase.of("empty", Expect.close(1e-12), Vector.zeros(0)),
                        DrillCase.of("one sample", Expect.close(1e-12), Vector.of(3)),
                        DrillCase.of("pure node", Expect.close(1e-12), Vector.of(2, 2, 2, 2, 2)),
                        DrillCase.of("three equal classes → ⅔", Expect.close(1e-12), Vector.of(0, 1, 2, 2, 1, 0)),
                        DrillCase.of("labels 7 and 42", Expect.close(1e-12), Vector.of(7, 42, 42)),
                        DrillCase.random("random 200 labels, 4 classes", 101, rng -> new Object[] {Bank.labels(200, 4, rng)}, Expect.close(1e-12)))
                .build();
    }

    static Drill entropy() {
        return Drill.builder("entropy")
                .title("Entropy of a node, in bits").topic("trees").difficulty(Difficulty.EASY)
                .signature("double entropy(Vector y)")
                .statement("""
                        y holds the class labels of a node (whole numbers ≥ 0). Return the entropy in BITS:
                        H = −Σₖ pₖ log₂ pₖ over the classes present (0·log 0 = 0). The empty node has H = 0.
                        Edge cases: empty; pure node (0); two equal classes (1 bit); K equal classes (log₂ K);
                        a 90/10 split (≈ 0.469).
                        Tolerance: within 1e-12 · max(1, |expected|).""")
                .starter("""
                        double entropy(Vector y) {
                            // log₂ p = Math.log(p) / Math.log(2)
                            return 0;
                        }""")
                .hints("Count the labels first; classes that do not occur contribute nothing.",
                       "Java has no log₂: Math.log(p) / Math.log(2).")
                .solution("""
                        double entropy(Vector y) {
                            var counts = new HashMap<Double, Integer>();
                            for (int i = 0; i < y.size(); i++) counts.merge(y.get(i), 1, Integer::sum);
                            double h = 0;
                            for (int c : counts.values()) {
                                double p = (double) c / y.size();
                                h -= p * Math.log(p) / Math.log(2);          // −p log₂ p
                            }
                            return h;
                        }""")
                .explanation("""
                        H(p) = −Σₖ pₖ log₂ pₖ is the expected number of bits to encode a label drawn from the node
                        (an optimal code spends −log₂ pₖ bits on class k). Pure node: 0; uniform over K classes: log₂ K.
                        Example 90/10: −0.9 log₂ 0.9 − 0.1 log₂ 0.1 ≈ 0.137 + 0.332 = 0.469 bits. Splitting on a feature
                        maximises the information gain H(parent) − Σ (n_child/n) H(child) (ID3/C4.5). Counting only
                        the classes present makes 0·log 0 = 0 automatic (the limit of p log p as p → 0).""")
                .reference((Vector y) -> entropyRef(y))
                .tests(
                        DrillCase.of("hand case [0, 1] → 1 bit", Expect.close(1e-12), Vector.of(0, 1)),
                        DrillCase.of("empty", Expect.close(1e-12), Vector.zeros(0)),
                        DrillCase.of("pure node", Expect.close(1e-12), Vector.of(4, 4, 4)),
                        DrillCase.of("four equal classes → 2 bits", Expect.close(1e-12), Vector.of(0, 1, 2, 3)),
                        DrillCase.of("90/10 split", Expect.close(1e-12), Vector.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 0)),
                        DrillCase.random("random 300 labels, 5 classes", 102, rng -> new Object[] {Bank.labels(300, 5, rng)}, Expect.close(1e-12)))
                .build();
    }

    /// Weighted Gini of the children of `x ≤ t` / `x > t`.
    static double weightedGini(Vector x, Vector y, double t) {
        int n = x.size(), nl = 0;
        for (int i = 0; i < n; i++) if (x.get(i) <= t) nl++;
        double[] l = new double[nl], r = new double[n - nl];
        for (int i = 0, a = 0, b = 0; i < n; i++) { if (x.get(i) <= t) l[a++] = y.get(i); else r[b++] = y.get(i); }
        return ((double) nl / n) * giniRef(Vector.of(l)) + ((double) (n - nl) / n) * giniRef(Vector.of(r));
    }

    static Vector bestSplitRef(Vector x, Vector y) {
        double[] s = x.toArray();
        Arrays.sort(s);
        double bestT = Double.NaN, best = giniRef(y);
        boolean any = false;
        for (int i = 0; i + 1 < s.length; i++) {
            if (s[i] == s[i + 1]) continue;                                     // only between distinct values
            double t = (s[i] + s[i + 1]) / 2;                                    // midpoint threshold
            double g = weightedGini(x, y, t);
            if (!any || g < best) { best = g; bestT = t; any = true; }
        }
        return Vector.of(bestT, best);
    }

    static Drill bestSplit() {
        return Drill.builder("best-split")
                .title("Best threshold of one feature (Gini)").topic("trees").difficulty(Difficulty.MEDIUM)
                .signature("Vector bestSplit(Vector x, Vector y)")
                .statement("""
                        x holds one numeric feature of n samples, y their class labels (whole numbers ≥ 0).
                        Consider every threshold t halfway between two consecutive DISTINCT sorted values of x; the
                        split sends x ≤ t left, x > t right. Return Vector.of(t, g) for a threshold minimising the
                        weighted Gini impurity g = (n_L/n)·Gini(left) + (n_R/n)·Gini(right).
                        If no threshold exists (n < 2, or all x equal) return Vector.of(NaN, Gini(y)).
                        Any optimal threshold is accepted; g must be within 1e-9 of the optimum, and t must be a
                        midpoint between consecutive distinct values that achieves it.
                        Edge cases: one sample; all x equal; repeated x values (no threshold between equal values);
                        an already pure node (g = 0); unsorted x.""")
                .starter("""
                        Vector bestSplit(Vector x, Vector y) {
                            // sort the distinct values of x; try each midpoint; keep the lowest weighted Gini
                            return Vector.of(Double.NaN, 0);
                        }""")
                .hints("Midpoints: sort a copy of x (double[] s = x.toArray(); Arrays.sort(s)) and use (s[i] + s[i+1]) / 2 where s[i] < s[i+1].",
                       "For each t, split y into left (x ≤ t) and right and weight each child's Gini by its size.",
                       "O(n²) is fine here; a sweep over the sorted samples updating class counts gives O(n log n).")
                .solution("""
                        double gini(Vector y) {
                            if (y.size() == 0) return 0;
                            var counts = new HashMap<Double, Integer>();
                            for (int i = 0; i < y.size(); i++) counts.merge(y.get(i), 1, Integer::sum);
                            double g = 1;
                            for (int c : counts.values()) { double p = (double) c / y.size(); g -= p * p; }
                            return g;
                        }

                        Vector bestSplit(Vector x, Vector y) {
                            double[] s = x.toArray();
                            Arrays.sort(s);
                            double bestT = Double.NaN, best = gini(y);
                            for (int i = 0; i + 1 < s.length; i++) {
                                if (s[i] == s[i + 1]) continue;                         // no threshold between equal values
                                double t = (s[i] + s[i + 1]) / 2;
                                var left = new ArrayList<Double>();
                                var right = new ArrayList<Double>();
                                for (int j = 0; j < x.size(); j++) (x.get(j) <= t ? left : right).add(y.get(j));
                                double g = left.size() * gini(Vector.of(left.stream().mapToDouble(v -> v).toArray())) / x.size()
                                         + right.size() * gini(Vector.of(right.stream().mapToDouble(v -> v).toArray())) / x.size();
                                if (Double.isNaN(bestT) || g < best) { best = g; bestT = t; }
                            }
                            return Vector.of(bestT, best);
                        }""")
                .explanation("""
                        Only the order of x matters, so the candidate splits are the n_distinct − 1 gaps between sorted
                        distinct values; the midpoint is the usual choice of t within a gap (any t inside gives the same
                        partition). For each, the impurity decrease is Gini(parent) − (n_L/n)Gini(L) − (n_R/n)Gini(R);
                        minimising the weighted child impurity is the same as maximising the decrease.
                        The weighted impurity never exceeds the parent's (Gini is concave), so a pure parent yields 0.
                        Efficient version: sort once, then sweep left to right moving one sample from right to left,
                        updating class counts in O(1) and evaluating Gini from the counts: O(n log n) per feature.""")
                .reference((Vector x, Vector y) -> bestSplitRef(x, y))
                .tests(
                        // x = 1,2,3,4 with y = 0,0,1,1: t = 2.5 separates perfectly, g = 0
                        DrillCase.of("hand case: perfect split at 2.5", splitJudge(), Vector.of(3, 1, 4, 2), Vector.of(1, 0, 1, 0)),
                        DrillCase.of("one sample: no threshold", splitJudge(), Vector.of(5), Vector.of(1)),
                        DrillCase.of("all x equal: no threshold", splitJudge(), Vector.of(2, 2, 2), Vector.of(0, 1, 1)),
                        // x = 1,1,2,3 y = 0,1,0,1: t = 1.5 → L {0,1} (½), R {0,1} (½) → ½; t = 2.5 → L {0,1,0} (4/9)·¾ = ⅓, R {1}: 0 → ⅓
                        DrillCase.of("repeated values", splitJudge(), Vector.of(1, 1, 2, 3), Vector.of(0, 1, 0, 1)),
                        DrillCase.of("pure node", splitJudge(), Vector.of(1, 2, 3), Vector.of(4, 4, 4)),
                        DrillCase.random("random 40 samples, 3 classes", 103, rng -> new Object[] {Vector.randn(40, rng),
                                Bank.labels(40, 3, rng)}, splitJudge()),
                        DrillCase.random("random 30 samples, few distinct x", 104, rng -> {
                            double[] x = new double[30];
                            for (int i = 0; i < 30; i++) x[i] = rng.nextInt(6);
                            return new Object[] {Vector.of(x), Bank.labels(30, 2, rng)};
                        }, splitJudge()))
                .build();
    }

    /// g within 1e-9 of the optimum; t NaN exactly when the reference's is, else a midpoint achieving g.
    static Expect splitJudge() {
        return Expect.that((args, expected, got) -> {
            Vector x = (Vector) args[0], y = (Vector) args[1], e = (Vector) expected;
            if (!(got instanceof Vector g) || g.size() != 2) return "expected Vector.of(threshold, impurity), got " + got;
            if (Double.isNaN(e.get(0))) {
                if (!Double.isNaN(g.get(0))) return "no threshold exists here (every x is equal, or n < 2): expected [NaN, "
                        + Bank.num(e.get(1)) + "], got " + g;
                return Math.abs(g.get(1) - e.get(1)) <= 1e-9 ? null
                        : "with no split the impurity is the parent's Gini " + Bank.num(e.get(1)) + ", got " + Bank.num(g.get(1));
            }
            if (Math.abs(g.get(1) - e.get(1)) > 1e-9) {
                return "the best weighted Gini is " + Bank.num(e.get(1)) + " (at t = " + Bank.num(e.get(0)) + "), got " + Bank.num(g.get(1))
                        + " at t = " + Bank.num(g.get(0));
            }
            double[] s = x.toArray();
            Arrays.sort(s);
            boolean midpoint = false;
            for (int i = 0; i + 1 < s.length; i++) {
                if (s[i] < s[i + 1] && Math.abs(g.get(0) - (s[i] + s[i + 1]) / 2) <= 1e-12 * Math.max(1, Math.abs(g.get(0)))) midpoint = true;
            }
            if (!midpoint) return "t = " + Bank.num(g.get(0)) + " is not halfway between two consecutive distinct values of x";
            double at = weightedGini(x, y, g.get(0));
            return Math.abs(at - e.get(1)) <= 1e-9 ? null
                    : "your impurity is right but your threshold " + Bank.num(g.get(0)) + " gives " + Bank.num(at);
        });
    }
}
