package mlscratch.drill.bank;

import java.util.List;

import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Drills on the two halves of Lloyd's k-means iteration (assignment and update) and on the E-step of a
/// Gaussian mixture (responsibilities, in log space).
public final class ClusteringDrills implements DrillSet {

    @Override
    public List<Drill> drills() {
        return List.of(assign(), update(), gmmResponsibilities());
    }

    static int[] assignRef(Matrix X, Matrix C) {
        int[] labels = new int[X.rows()];
        for (int i = 0; i < X.rows(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < C.rows(); j++) {
                double d = 0;
                for (int c = 0; c < X.cols(); c++) {
                    double t = X.get(i, c) - C.get(j, c);
                    d += t * t;                                                 // ‖xᵢ − μⱼ‖²
                }
                if (d < best) { best = d; labels[i] = j; }                      // strict <: ties keep the lower j
            }
        }
        return labels;
    }

    static Drill assign() {
        return Drill.builder("kmeans-assign")
                .title("k-means assignment step").topic("clustering").difficulty(Difficulty.EASY)
                .signature("int[] assign(Matrix X, Matrix C)")
                .statement("""
                        X is n×d (n ≥ 0 points as rows), C is k×d (k ≥ 1 centres). Return labels (int[n]) with
                        labels[i] = argminⱼ ‖xᵢ − cⱼ‖² — the index of the nearest centre. Ties (a point equally far
                        from two centres) go to the LOWER centre index.
                        Edge cases: no points (empty array); one centre (all 0); duplicate centres (ties);
                        a point exactly on a centre.
                        Compared exactly.""")
                .starter("""
                        int[] assign(Matrix X, Matrix C) {
                            int[] labels = new int[X.rows()];
                            // for each point, the nearest centre
                            return labels;
                        }""")
                .hints("Compare squared distances: no square root needed, the argmin is the same.",
                       "Keep the best so far and replace it only on a STRICTLY smaller distance: ties keep the lower index.")
                .solution("""
                        int[] assign(Matrix X, Matrix C) {
                            int[] labels = new int[X.rows()];
                            for (int i = 0; i < X.rows(); i++) {
                                double best = Double.POSITIVE_INFINITY;
                                for (int j = 0; j < C.rows(); j++) {
                                    double d = X.row(i).minus(C.row(j)).norm();
                                    d *= d;                                             // ‖xᵢ − cⱼ‖²
                                    if (d < best) { best = d; labels[i] = j; }          // strict: ties keep lower j
                                }
                            }
                            return labels;
                        }""")
                .explanation("""
                        k-means minimises the inertia J = Σᵢ ‖xᵢ − c_{labels[i]}‖². With the centres fixed, each term
                        depends on one label only, so J is minimised point by point: labels[i] = argminⱼ ‖xᵢ − cⱼ‖².
                        This step can only lower J (or keep it), which — with the update step — is why Lloyd's
                        algorithm never increases the inertia and terminates. A fixed tie rule makes the algorithm
                        deterministic (and avoids flip-flopping between equal assignments).
                        Cost O(nkd); the ‖x‖² + ‖c‖² − 2x·c expansion turns it into one matrix product.""")
                .reference((Matrix X, Matrix C) -> assignRef(X, C))
                .tests(
                        // points 0, 4, 9 on a line; centres 1 and 8: |0−1| < |0−8|, |4−1| = 3 < 4, |9−8| = 1
                        DrillCase.of("hand case on a line", Expect.close(0), Bank.m(new double[] {0}, new double[] {4}, new double[] {9}),
                                Bank.m(new double[] {1}, new double[] {8})),
                        DrillCase.of("no points", Expect.close(0), Matrix.zeros(0, 2), Bank.m(new double[] {0, 0})),
                        DrillCase.of("one centre", Expect.close(0), Bank.m(new double[] {1, 2}, new double[] {-3, 4}), Bank.m(new double[] {0, 0})),
                        DrillCase.of("ties go to the lower index", Expect.close(0), Bank.m(new double[] {0, 0}, new double[] {5, 5}),
                                Bank.m(new double[] {1, 0}, new double[] {-1, 0}, new double[] {1, 0})),
                        DrillCase.of("point on a centre", Expect.close(0), Bank.m(new double[] {2, 2}), Bank.m(new double[] {0, 0}, new double[] {2, 2})),
                        DrillCase.random("random 100 points, k = 5", 91, rng -> new Object[] {Matrix.randn(100, 3, rng), Matrix.randn(5, 3, rng)},
                                Expect.close(0)))
                .build();
    }

    static Matrix updateRef(Matrix X, Vector labels, Matrix C) {
        int k = C.rows(), d = C.cols();
        double[][] sum = new double[k][d];
        int[] count = new int[k];
        for (int i = 0; i < X.rows(); i++) {
            int j = (int) labels.get(i);
            count[j]++;
            for (int c = 0; c < d; c++) sum[j][c] += X.get(i, c);
        }
        double[][] out = C.toArray2D();
        for (int j = 0; j < k; j++)
            if (count[j] > 0) for (int c = 0; c < d; c++) out[j][c] = sum[j][c] / count[j];   // μⱼ = mean of its points
        return Matrix.of(out);
    }

    static Drill update() {
        return Drill.builder("kmeans-update")
                .title("k-means update step").topic("clustering").difficulty(Difficulty.EASY)
                .signature("Matrix update(Matrix X, Vector labels, Matrix C)")
                .statement("""
                        X is n×d, labels.get(i) ∈ 0..k−1 is the cluster of point i (a whole number), C is the k×d matrix of current
                        centres. Return the new k×d centres: centre j = the mean of the points labelled j.
                        A cluster with NO points keeps its old centre C[j] (no NaN from 0/0).
                        Edge cases: an empty cluster; one point per cluster; all points in one cluster;
                        large coordinates (1e9).
                        Tolerance: each entry within 1e-12 · max(1, |expected|).""")
                .starter("""
                        Matrix update(Matrix X, Vector labels, Matrix C) {
                            double[][] sum = new double[C.rows()][C.cols()];
                            int[] count = new int[C.rows()];
                            // accumulate, then divide
                            return Matrix.of(sum);
                        }""")
                .hints("One pass over the points: with j = (int) labels.get(i), add row i to sum[j] and count it.",
                       "Divide each sum by its count — unless the count is 0: then copy C's row.")
                .solution("""
                        Matrix update(Matrix X, Vector labels, Matrix C) {
                            double[][] sum = new double[C.rows()][C.cols()];
                            int[] count = new int[C.rows()];
                            for (int i = 0; i < X.rows(); i++) {
                                int j = (int) labels.get(i);
                                count[j]++;
                                for (int c = 0; c < X.cols(); c++) sum[j][c] += X.get(i, c);
                            }
                            for (int j = 0; j < C.rows(); j++)
                                for (int c = 0; c < C.cols(); c++)
                                    sum[j][c] = count[j] > 0 ? sum[j][c] / count[j] : C.get(j, c);   // empty: keep
                            return Matrix.of(sum);
                        }""")
                .explanation("""
                        With the labels fixed, the inertia splits into one independent problem per cluster:
                            min_μ Σ_{i ∈ Sⱼ} ‖xᵢ − μ‖²,   gradient −2 Σ (xᵢ − μ) = 0  ⇒  μ = (1/|Sⱼ|) Σ_{i ∈ Sⱼ} xᵢ,
                        the mean. So the update, too, never increases the inertia. An empty cluster has no
                        points to average (0/0 = NaN would poison every later distance); keeping the old centre is
                        the simplest fix — libraries often re-seed it at the point farthest from its centre instead
                        (mlscratch's KMeans does, and notes it in the Trace).""")
                .reference((Matrix X, Vector labels, Matrix C) -> updateRef(X, labels, C))
                .tests(
                        // cluster 0: (0,0),(2,0) → (1,0); cluster 1: (5,5) → (5,5)
                        DrillCase.of("hand case", Expect.close(1e-12), Bank.m(new double[] {0, 0}, new double[] {2, 0}, new double[] {5, 5}),
                                Vector.of(0, 0, 1), Bank.m(new double[] {9, 9}, new double[] {9, 9})),
                        DrillCase.of("empty cluster keeps its centre", Expect.close(1e-12), Bank.m(new double[] {1, 1}, new double[] {3, 3}),
                                Vector.of(0, 0), Bank.m(new double[] {0, 0}, new double[] {7, -7})),
                        DrillCase.of("one point per cluster", Expect.close(1e-12), Bank.m(new double[] {1}, new double[] {2}, new double[] {3}),
                                Vector.of(2, 0, 1), Bank.m(new double[] {0}, new double[] {0}, new double[] {0})),
                        DrillCase.of("large coordinates 1e9", Expect.close(1e-12), Bank.m(new double[] {1e9}, new double[] {1e9 + 2}),
                                Vector.of(0, 0), Bank.m(new double[] {0})),
                        DrillCase.random("random 60 points, k = 4", 92, rng -> {
                            Matrix X = Matrix.randn(60, 2, rng);
                            Vector labels = Bank.labels(60, 4, rng);
                            return new Object[] {X, labels, Matrix.randn(4, 2, rng)};
                        }, Expect.close(1e-12)))
                .build();
    }

    // ───────────────────────────── GMM E-step ─────────────────────────────

    static Matrix responsibilitiesRef(Matrix X, Vector weights, Matrix means, Vector variances) {
        int n = X.rows(), K = means.rows(), d = X.cols();
        double[][] R = new double[n][K];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < K; k++) {
                double sq = 0;
                for (int c = 0; c < d; c++) { double t = X.get(i, c) - means.get(k, c); sq += t * t; }
                double s2 = variances.get(k);
                R[i][k] = Math.log(weights.get(k)) - 0.5 * d * Math.log(2 * Math.PI * s2) - sq / (2 * s2);   // log πₖ N(xᵢ | μₖ, σₖ²I)
            }
            double lse = Bank.logSumExp(R[i]);
            for (int k = 0; k < K; k++) R[i][k] = Math.exp(R[i][k] - lse);       // γᵢₖ = exp(log numerator − LSE)
        }
        return n == 0 ? Matrix.zeros(0, K) : Matrix.of(R);
    }

    static Drill gmmResponsibilities() {
        return Drill.builder("gmm-responsibilities")
                .title("Gaussian mixture E-step, in log space").topic("clustering").difficulty(Difficulty.MEDIUM)
                .signature("Matrix responsibilities(Matrix X, Vector weights, Matrix means, Vector variances)")
                .statement("""
                        A mixture of K spherical Gaussians in d dimensions: weights πₖ (K entries, > 0, summing to 1),
                        means μₖ (rows of the K×d matrix means), variances σₖ² (K entries > 0; covariance σₖ² I).
                        For the n×d data X return the n×K responsibilities
                            γᵢₖ = πₖ N(xᵢ | μₖ, σₖ² I) / Σⱼ πⱼ N(xᵢ | μⱼ, σⱼ² I),
                            log N(x | μ, σ² I) = −(d/2) log(2πσ²) − ‖x − μ‖² / (2σ²).
                        Each row sums to 1. Work in log space: for a point far from every mean all densities underflow
                        to 0 and the direct ratio is 0/0 = NaN, yet the responsibilities are well defined.
                        Edge cases: one component (all 1); a far point (≈ one-hot on the nearest-in-likelihood
                        component); tiny variances (1e-4); equal components (uniform rows).
                        Tolerance: each entry within 1e-9 · max(1, |expected|).""")
                .starter("""
                        Matrix responsibilities(Matrix X, Vector weights, Matrix means, Vector variances) {
                            double[][] R = new double[X.rows()][means.rows()];
                            // log numerators, then subtract each row's log-sum-exp
                            return Matrix.of(R);
                        }""")
                .hints("Compute aᵢₖ = log πₖ + log N(xᵢ | μₖ, σₖ²I) — never the density itself.",
                       "γᵢₖ = exp(aᵢₖ − LSEₖ(aᵢ)), LSE(a) = m + log Σₖ exp(aₖ − m), m = maxₖ aₖ.",
                       "Do not drop the −(d/2) log(2πσₖ²) term: it differs between components with different variances.")
                .solution("""
                        Matrix responsibilities(Matrix X, Vector weights, Matrix means, Vector variances) {
                            int K = means.rows(), d = X.cols();
                            double[][] R = new double[X.rows()][K];
                            for (int i = 0; i < X.rows(); i++) {
                                for (int k = 0; k < K; k++) {
                                    double sq = Math.pow(X.row(i).minus(means.row(k)).norm(), 2);      // ‖xᵢ − μₖ‖²
                                    double s2 = variances.get(k);
                                    R[i][k] = Math.log(weights.get(k)) - 0.5 * d * Math.log(2 * Math.PI * s2) - sq / (2 * s2);
                                }
                                double m = Arrays.stream(R[i]).max().getAsDouble(), sum = 0;
                                for (int k = 0; k < K; k++) sum += Math.exp(R[i][k] - m);
                                double lse = m + Math.log(sum);                                         // log Σₖ πₖ Nₖ
                                for (int k = 0; k < K; k++) R[i][k] = Math.exp(R[i][k] - lse);          // γᵢₖ
                            }
                            return Matrix.of(R);
                        }""")
                .explanation("""
                        Bayes' rule with the component as the hidden class: γᵢₖ = P(zᵢ = k | xᵢ) = πₖ p(xᵢ | k) / p(xᵢ).
                        This is the E-step of EM; the M-step then re-estimates πₖ = Σᵢγᵢₖ/n, μₖ = Σᵢγᵢₖxᵢ/Σᵢγᵢₖ and the
                        variances as responsibility-weighted averages. In d = 10 with ‖x − μ‖²/(2σ²) ≈ 800 each density is
                        ≈ e⁻⁸⁰⁰ = 0 in double, and the ratio 0/0 is NaN; the logs aᵢₖ are ordinary numbers and the
                        log-sum-exp normalisation is exact. The same log p(xᵢ) = LSEₖ(aᵢₖ) summed over i is the
                        log-likelihood EM increases at every iteration. As all σₖ → 0 with equal weights, γ becomes the
                        hard nearest-mean assignment of k-means.""")
                .reference((Matrix X, Vector w, Matrix mu, Vector v) -> responsibilitiesRef(X, w, mu, v))
                .tests(
                        // 1-D, equal weights and variances 1, means −1 and 1, x = 0: equidistant ⇒ [½, ½];
                        // x = 1: a = −½ log 2π − {2, 0} ⇒ γ = [e⁻²/(e⁻² + 1), 1/(e⁻² + 1)] ≈ [0.1192, 0.8808]
                        DrillCase.of("hand case 1-D", Expect.close(1e-9), Bank.m(new double[] {0}, new double[] {1}), Vector.of(0.5, 0.5),
                                Bank.m(new double[] {-1}, new double[] {1}), Vector.of(1, 1)),
                        DrillCase.random("one component", 95, rng -> new Object[] {Matrix.randn(5, 2, rng), Vector.of(1), Matrix.randn(1, 2, rng),
                                Vector.of(2)}, Expect.close(1e-9)),
                        DrillCase.of("far point: densities underflow", Expect.close(1e-9), Bank.m(new double[] {100, 100}, new double[] {-100, 90}),
                                Vector.of(0.3, 0.7), Bank.m(new double[] {0, 0}, new double[] {5, 5}), Vector.of(1, 2)),
                        DrillCase.random("tiny variances 1e-4", 96, rng -> new Object[] {Matrix.randn(10, 3, rng), Vector.of(0.2, 0.3, 0.5),
                                Matrix.randn(3, 3, rng), Vector.of(1e-4, 2e-4, 5e-4)}, Expect.close(1e-9)),
                        DrillCase.random("equal components: uniform", 97, rng -> {
                            Matrix mu = Matrix.randn(1, 2, rng);
                            return new Object[] {Matrix.randn(4, 2, rng), Vector.of(0.25, 0.25, 0.25, 0.25), Matrix.vstack(mu, mu, mu, mu),
                                    Vector.of(1.5, 1.5, 1.5, 1.5)};
                        }, Expect.close(1e-9)),
                        DrillCase.random("random 50×4, K = 3", 98, rng -> new Object[] {Matrix.randn(50, 4, rng).scale(2), Vector.of(0.5, 0.3, 0.2),
                                Matrix.randn(3, 4, rng).scale(2), Vector.of(0.5, 1, 2)}, Expect.close(1e-9)))
                .build();
    }
}
