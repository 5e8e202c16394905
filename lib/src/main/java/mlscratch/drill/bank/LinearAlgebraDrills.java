package mlscratch.drill.bank;

import java.util.List;

import mlscratch.drill.Difficulty;
import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;
import mlscratch.linalg.Matrix;
import mlscratch.linalg.SymmetricEigen;
import mlscratch.linalg.Vector;

/// Drills on vectors and matrices: the product by hand, pairwise distances, cosine similarity, the normal
/// equation and power iteration.
public final class LinearAlgebraDrills implements DrillSet {

    @Override
    public List<Drill> drills() {
        return List.of(matmul(), sqDistances(), cosine(), normalEquation(), powerIteration());
    }

    // ───────────────────────────── matmul ─────────────────────────────

    static Matrix matmulRef(Matrix A, Matrix B) {
        int n = A.rows(), k = A.cols(), m = B.cols();
        double[] C = new double[n * m];
        for (int i = 0; i < n; i++)
            for (int p = 0; p < k; p++) {
                double a = A.get(i, p);
                for (int j = 0; j < m; j++) C[i * m + j] += a * B.get(p, j);      // Cᵢⱼ += Aᵢₚ Bₚⱼ
            }
        return Matrix.wrap(n, m, C);
    }

    static Drill matmul() {
        return Drill.builder("matmul")
                .title("Matrix product with loops").topic("linear-algebra").difficulty(Difficulty.EASY)
                .signature("Matrix matmul(Matrix A, Matrix B)")
                .statement("""
                        A is n×k, B is k×m. Return C = AB (n×m), Cᵢⱼ = Σₚ Aᵢₚ Bₚⱼ, with your own loops over
                        A.get(i, p) and B.get(p, j) (no A.times(B): that is the answer you are checked against).
                        Edge cases: 1×1 matrices; inner dimension k = 1 (an outer product); a row times a column
                        (1×k · k×1 = 1×1); large magnitudes (entries ≈ 1e150, products ≈ 1e300 stay finite).
                        Tolerance: each entry within 1e-12 · max(1, |expected|).""")
                .starter("""
                        Matrix matmul(Matrix A, Matrix B) {
                            int n = A.rows(), k = A.cols(), m = B.cols();
                            double[][] C = new double[n][m];
                            // your loops
                            return Matrix.of(C);
                        }""")
                .hints("Three loops: i over rows of A, j over columns of B, p over the shared dimension k.",
                       "The output has A.rows() rows and B.cols() columns — not A.cols().",
                       "Order i, p, j reads B row by row (cache-friendly); the result is the same.")
                .solution("""
                        Matrix matmul(Matrix A, Matrix B) {
                            int n = A.rows(), k = A.cols(), m = B.cols();
                            double[][] C = new double[n][m];
                            for (int i = 0; i < n; i++)
                                for (int p = 0; p < k; p++)
                                    for (int j = 0; j < m; j++)
                                        C[i][j] += A.get(i, p) * B.get(p, j);   // Cᵢⱼ = Σₚ Aᵢₚ Bₚⱼ
                            return Matrix.of(C);
                        }""")
                .explanation("""
                        Entry (i, j) of AB is the dot product of row i of A with column j of B:
                            Cᵢⱼ = Σₚ₌₁ᵏ Aᵢₚ Bₚⱼ,   so C is n×m and the cost is n·m·k multiply-adds.
                        Loop order does not change the result (up to rounding) but changes speed: with i, p, j the
                        inner loop walks row p of B and row i of C contiguously in row-major storage; with i, j, p it
                        strides down a column of B. Libraries go further (blocking for the cache, SIMD, threads) —
                        mlscratch's Matrix.times keeps this textbook loop as its reference.""")
                .reference((Matrix A, Matrix B) -> matmulRef(A, B))
                .tests(
                        // [[1,2],[3,4]]·[[5,6],[7,8]] = [[1·5+2·7, 1·6+2·8], [3·5+4·7, 3·6+4·8]] = [[19,22],[43,50]]
                        DrillCase.of("hand case 2×2", Expect.close(1e-12), Bank.m(new double[] {1, 2}, new double[] {3, 4}),
                                Bank.m(new double[] {5, 6}, new double[] {7, 8})),
                        DrillCase.of("1×1", Expect.close(1e-12), Bank.m(new double[] {3}), Bank.m(new double[] {-2})),
                        DrillCase.of("inner dimension 1 (outer product)", Expect.close(1e-12),
                                Bank.m(new double[] {1}, new double[] {2}, new double[] {3}), Bank.m(new double[] {4, 5})),
                        DrillCase.of("row times column", Expect.close(1e-12), Bank.m(new double[] {1, 2, 3}),
                                Bank.m(new double[] {4}, new double[] {5}, new double[] {6})),
                        DrillCase.of("large magnitudes 1e150", Expect.close(1e-12),
                                Bank.m(new double[] {1e150, -2e150}), Bank.m(new double[] {3e150}, new double[] {1e150})),
                        DrillCase.random("random 5×7 · 7×3", 11, rng -> new Object[] {Matrix.randn(5, 7, rng), Matrix.randn(7, 3, rng)},
                                Expect.close(1e-12)),
                        DrillCase.random("random 20×1 · 1×9", 12, rng -> new Object[] {Matrix.randn(20, 1, rng), Matrix.randn(1, 9, rng)},
                                Expect.close(1e-12)))
                .build();
    }

    // ───────────────────────────── pairwise squared distances ─────────────────────────────

    static Matrix sqDistancesRef(Matrix X, Matrix Y) {
        double[] D = new double[X.rows() * Y.rows()];
        for (int i = 0; i < X.rows(); i++)
            for (int j = 0; j < Y.rows(); j++) {
                double s = 0;
                for (int c = 0; c < X.cols(); c++) {
                    double d = X.get(i, c) - Y.get(j, c);
                    s += d * d;                                         // Dᵢⱼ = Σ_c (Xᵢc − Yⱼc)²
                }
                D[i * Y.rows() + j] = s;
            }
        return Matrix.wrap(X.rows(), Y.rows(), D);
    }

    static Drill sqDistances() {
        return Drill.builder("pairwise-sq-distances")
                .title("All pairwise squared distances").topic("linear-algebra").difficulty(Difficulty.MEDIUM)
                .signature("Matrix sqDistances(Matrix X, Matrix Y)")
                .statement("""
                        X is n×d, Y is m×d (n, m, d ≥ 1). Return the n×m matrix D with Dᵢⱼ = ‖xᵢ − yⱼ‖² (rows are
                        points). All entries must be ≥ 0, and D[i][i] = 0 when X = Y.
                        The fast route Dᵢⱼ = ‖xᵢ‖² + ‖yⱼ‖² − 2 xᵢ·yⱼ is welcome, BUT one case puts the points far from
                        the origin (coordinates ≈ 1e6, distances ≈ 1): there the expansion cancels catastrophically.
                        Subtract a common centre from X and Y first (distances do not change), or use the direct sum.
                        Tolerance: each entry within 1e-9 · max(1, |expected|).""")
                .starter("""
                        Matrix sqDistances(Matrix X, Matrix Y) {
                            double[][] D = new double[X.rows()][Y.rows()];
                            // Dᵢⱼ = ‖xᵢ − yⱼ‖²
                            return Matrix.of(D);
                        }""")
                .hints("Direct: two loops over the points and one over the d coordinates, summing (Xᵢc − Yⱼc)².",
                       "Vectorised: D = r·1ᵀ + 1·sᵀ − 2XYᵀ with r = row norms² of X, s = row norms² of Y; clamp at 0.",
                       "For the far-from-origin case: centre both X and Y by X's column means before expanding.")
                .solution("""
                        Matrix sqDistances(Matrix X, Matrix Y) {
                            double[][] D = new double[X.rows()][Y.rows()];
                            for (int i = 0; i < X.rows(); i++)
                                for (int j = 0; j < Y.rows(); j++)
                                    for (int c = 0; c < X.cols(); c++) {
                                        double d = X.get(i, c) - Y.get(j, c);
                                        D[i][j] += d * d;                       // Dᵢⱼ = Σ_c (Xᵢc − Yⱼc)²
                                    }
                            return Matrix.of(D);
                        }""")
                .explanation("""
                        ‖x − y‖² = (x − y)·(x − y) = ‖x‖² + ‖y‖² − 2 x·y, so D = r1ᵀ + 1sᵀ − 2XYᵀ: one matrix product,
                        which is why k-means and KNN libraries use it. Its weakness is cancellation: for x, y ≈ 1e6
                        with ‖x − y‖² ≈ 1, the terms are ≈ 1e12 and each carries a rounding error ≈ 1e12 · 1.1e-16
                        ≈ 1e-4, so the difference can be off by 1e-4 or even negative. Distances are translation
                        invariant (‖(x − c) − (y − c)‖ = ‖x − y‖), so centring both sets first shrinks the terms and
                        the error; clamping at 0 removes tiny negatives. The direct sum has no cancellation but
                        costs n·m·d scalar operations without the fast matrix product.""")
                .reference((Matrix X, Matrix Y) -> sqDistancesRef(X, Y))
                .tests(
                        // (0,0)–(3,4): 9 + 16 = 25; (0,0)–(1,0): 1; (1,1)–(3,4): 4 + 9 = 13; (1,1)–(1,0): 1
                        DrillCase.of("hand case", Expect.close(1e-9), Bank.m(new double[] {0, 0}, new double[] {1, 1}),
                                Bank.m(new double[] {3, 4}, new double[] {1, 0})),
                        DrillCase.of("one point each, d = 1", Expect.close(1e-9), Bank.m(new double[] {2}), Bank.m(new double[] {-1})),
                        DrillCase.random("X = Y: zero diagonal", 21, rng -> { Matrix X = Matrix.randn(6, 3, rng); return new Object[] {X, X}; },
                                Expect.close(1e-9)),
                        DrillCase.random("far from the origin (1e6)", 22, rng -> new Object[] {
                                Matrix.randn(5, 4, rng).plus(1e6), Matrix.randn(3, 4, rng).plus(1e6)}, Expect.close(1e-9)),
                        DrillCase.random("random 8×5 vs 11×5", 23, rng -> new Object[] {Matrix.randn(8, 5, rng), Matrix.randn(11, 5, rng)},
                                Expect.close(1e-9)),
                        DrillCase.of("duplicate points (ties)", Expect.close(1e-9), Bank.m(new double[] {1, 2}, new double[] {1, 2}),
                                Bank.m(new double[] {1, 2}, new double[] {1, 2}, new double[] {0, 0})))
                .build();
    }

    // ───────────────────────────── cosine similarity ─────────────────────────────

    static double cosineRef(Vector a, Vector b) {
        double sa = a.normInf(), sb = b.normInf();
        if (sa == 0 || sb == 0) return 0;
        Vector u = a.scale(1 / sa), v = b.scale(1 / sb);                   // scale to max |entry| = 1: no overflow
        return u.dot(v) / (Math.sqrt(u.dot(u)) * Math.sqrt(v.dot(v)));    // cos θ = a·b / (‖a‖ ‖b‖)
    }

    static Drill cosine() {
        return Drill.builder("cosine-similarity")
                .title("Cosine similarity, overflow-safe").topic("linear-algebra").difficulty(Difficulty.EASY)
                .signature("double cosine(Vector a, Vector b)")
                .statement("""
                        a and b have the same size n ≥ 1. Return cos θ = a·b / (‖a‖ ‖b‖), a number in [−1, 1].
                        If either vector is all zeros, return 0 (the similarity is undefined; 0 is the convention).
                        Edge cases: parallel and anti-parallel vectors (±1); one element; large magnitudes (entries
                        ≈ 1e200: a·a overflows to ∞, so scale each vector by its largest |entry| first); tiny ones (1e-200).
                        Tolerance: within 1e-12.""")
                .starter("""
                        double cosine(Vector a, Vector b) {
                            // a.dot(b), a.norm(), a.normInf(), a.scale(c)
                            return 0;
                        }""")
                .hints("cos θ is scale-invariant: cos(a/s, b/t) = cos(a, b) for s, t > 0.",
                       "Divide a by a.normInf() and b by b.normInf(): the entries are then ≤ 1 and nothing overflows.",
                       "Check for a zero vector before dividing.")
                .solution("""
                        double cosine(Vector a, Vector b) {
                            double sa = a.normInf(), sb = b.normInf();
                            if (sa == 0 || sb == 0) return 0;                     // undefined: 0 by convention
                            Vector u = a.scale(1 / sa), v = b.scale(1 / sb);      // |entries| ≤ 1: no overflow
                            return u.dot(v) / (Math.sqrt(u.dot(u)) * Math.sqrt(v.dot(v)));   // a·b / (‖a‖ ‖b‖)
                        }""")
                .explanation("""
                        a·b = ‖a‖ ‖b‖ cos θ, so cos θ = a·b / (‖a‖ ‖b‖). It ignores length: scaling a or b by a
                        positive number does not change it — which is exactly what makes the safe version possible.
                        With entries ≈ 1e200, a·a ≈ 1e400 overflows to ∞ and the naive formula returns ∞/∞ = NaN;
                        with entries ≈ 1e-200 the products underflow to 0 and it returns 0/0 = NaN. Dividing each
                        vector by its largest |entry| brings every entry into [−1, 1] with at least one ±1, so the
                        sums are between 1 and n. (The same idea is inside hypot and LAPACK's dnrm2.)""")
                .reference((Vector a, Vector b) -> cosineRef(a, b))
                .tests(
                        // (1,0)·(1,1) = 1; ‖(1,1)‖ = √2 ⇒ cos = 1/√2
                        DrillCase.of("hand case 45°", Expect.close(1e-12), Vector.of(1, 0), Vector.of(1, 1)),
                        DrillCase.of("anti-parallel", Expect.close(1e-12), Vector.of(1, 2, 3), Vector.of(-2, -4, -6)),
                        DrillCase.of("one element", Expect.close(1e-12), Vector.of(-3), Vector.of(5)),
                        DrillCase.of("zero vector gives 0", Expect.close(1e-12), Vector.of(0, 0), Vector.of(1, 2)),
                        DrillCase.of("large magnitudes 1e200", Expect.close(1e-12), Vector.of(1e200, 2e200), Vector.of(3e200, -1e200)),
                        DrillCase.of("tiny magnitudes 1e-200", Expect.close(1e-12), Vector.of(1e-200, 2e-200), Vector.of(2e-200, 1e-200)),
                        DrillCase.random("random n=50", 31, rng -> new Object[] {Vector.randn(50, rng), Vector.randn(50, rng)}, Expect.close(1e-12)))
                .build();
    }

    // ───────────────────────────── normal equation ─────────────────────────────

    static Drill normalEquation() {
        return Drill.builder("normal-equation")
                .title("Least squares by the normal equation").topic("linear-algebra").difficulty(Difficulty.EASY)
                .signature("Vector normalEquation(Matrix X, Vector y)")
                .statement("""
                        X is n×d with n ≥ d and full column rank; y has n entries. Return w (d entries) minimising
                        ‖Xw − y‖², i.e. solving XᵀX w = Xᵀy. No intercept: X already holds a column of ones if needed.
                        Edge cases: n = d (exact fit, residual 0); one feature; columns on very different scales
                        (1e-3 and 1e3).
                        Tolerance: each entry within 1e-8 · max(1, |expected|).""")
                .starter("""
                        Vector normalEquation(Matrix X, Vector y) {
                            // X.transpose(), X.transposeTimes(X), A.solve(b), A.cholesky()
                            return null;
                        }""")
                .hints("Set the gradient of ‖Xw − y‖² to zero: 2Xᵀ(Xw − y) = 0.",
                       "Solve (XᵀX) w = Xᵀy with A.solve(b) — never form the inverse.",
                       "X.transposeTimes(X) is XᵀX; X.transpose().times(y) is Xᵀy.")
                .solution("""
                        Vector normalEquation(Matrix X, Vector y) {
                            Matrix A = X.transposeTimes(X);                 // XᵀX  (d×d, symmetric positive definite)
                            Vector b = X.transpose().times(y);              // Xᵀy
                            return A.solve(b);                              // w = (XᵀX)⁻¹Xᵀy, by LU (or Cholesky)
                        }""")
                .explanation("""
                        J(w) = ‖Xw − y‖² = wᵀXᵀXw − 2wᵀXᵀy + yᵀy,  ∇J = 2XᵀXw − 2Xᵀy = 0  ⇒  XᵀX w = Xᵀy.
                        Geometrically Xw is the orthogonal projection of y onto the column space of X: the residual
                        r = y − Xw satisfies Xᵀr = 0. Full column rank ⇒ XᵀX is positive definite, so the solution is
                        unique (Cholesky works). Forming XᵀX squares the condition number; QR of X (X.lstsq(y)) is the
                        numerically stabler route, and the SVD handles rank deficiency. Cost O(nd² + d³).""")
                .reference((Matrix X, Vector y) -> X.lstsq(y))
                .tests(
                        // X = [[1,0],[1,1],[1,2]], y = [1,3,5] lies on y = 1 + 2x exactly ⇒ w = [1, 2]
                        DrillCase.of("hand case: exact line y = 1 + 2x", Expect.close(1e-8),
                                Bank.m(new double[] {1, 0}, new double[] {1, 1}, new double[] {1, 2}), Vector.of(1, 3, 5)),
                        DrillCase.of("one feature", Expect.close(1e-8), Bank.m(new double[] {1}, new double[] {2}, new double[] {3}),
                                Vector.of(2, 3, 7)),
                        DrillCase.random("square: n = d", 41, rng -> new Object[] {Matrix.randn(4, 4, rng).plus(Matrix.identity(4).scale(3)),
                                Vector.randn(4, rng)}, Expect.close(1e-8)),
                        DrillCase.random("scales 1e-3 and 1e3", 42, rng -> new Object[] {
                                Matrix.randn(30, 2, rng).scaleColumns(Vector.of(1e-3, 1e3)), Vector.randn(30, rng)}, Expect.close(1e-8)),
                        DrillCase.random("random 50×5", 43, rng -> new Object[] {Matrix.randn(50, 5, rng), Vector.randn(50, rng)},
                                Expect.close(1e-8)))
                .build();
    }

    // ───────────────────────────── power iteration ─────────────────────────────

    /// The unit eigenvector of the largest eigenvalue, its largest-|entry| component made positive.
    static Vector dominantRef(Matrix A) {
        Vector v = SymmetricEigen.of(A).vectors().col(0);
        return signFixed(v);
    }

    /// Entrywise within 1e-6 of the reference or of its negative (an eigenvector's sign is arbitrary).
    static Expect upToSign() {
        return Expect.that((args, expected, got) -> {
            if (!(got instanceof Vector g)) return "expected a Vector, got " + (got == null ? "null" : got.getClass().getSimpleName());
            Vector e = (Vector) expected;
            if (g.size() != e.size()) return "expected " + e.size() + " entries, got " + g.size();
            if (g.isClose(e, 1e-6) || g.isClose(e.negate(), 1e-6)) return null;
            return "expected ±" + e + " (unit length " + Bank.num(e.norm()) + "), got " + g + " (length " + Bank.num(g.norm()) + ")";
        });
    }

    static Vector signFixed(Vector v) {
        int big = 0;
        for (int i = 1; i < v.size(); i++) if (Math.abs(v.get(i)) > Math.abs(v.get(big)) + 1e-9) big = i;
        return v.get(big) < 0 ? v.negate() : v;
    }

    /// Q diag(λ) Qᵀ with a random orthogonal Q (from the eigenvectors of a random symmetric matrix).
    static Matrix withSpectrum(Vector lambda, java.util.random.RandomGenerator rng) {
        int n = lambda.size();
        Matrix R = Matrix.randn(n, n, rng);
        Matrix Q = SymmetricEigen.of(R.plus(R.transpose())).vectors();
        Matrix A = Q.times(Matrix.diag(lambda)).timesTranspose(Q);
        return A.plus(A.transpose()).scale(0.5);                              // exactly symmetric
    }

    static Drill powerIteration() {
        return Drill.builder("power-iteration")
                .title("Dominant eigenvector by power iteration").topic("linear-algebra").difficulty(Difficulty.MEDIUM)
                .signature("Vector dominantEigenvector(Matrix A)")
                .statement("""
                        A is a symmetric positive semi-definite n×n matrix (n ≥ 1) whose largest eigenvalue is at
                        least twice the second. Return its eigenvector v for the largest eigenvalue, with ‖v‖ = 1.
                        Eigenvectors are defined up to sign: v and −v are both accepted.
                        Edge cases: 1×1; a diagonal matrix; a rank-one matrix uuᵀ; entries ≈ 1e8; a matrix whose
                        answer is orthogonal to the all-ones vector (so do not start from ones: start from a seeded
                        random vector).
                        Tolerance: each entry within 1e-6 (of v or of −v).""")
                .starter("""
                        Vector dominantEigenvector(Matrix A) {
                            Vector v = Vector.randn(A.rows(), 42);
                            // repeat: v = A v / ‖A v‖   until v stops changing
                            return v;
                        }""")
                .hints("Write v₀ = Σ cᵢ uᵢ in the eigenbasis: Aᵗv₀ = Σ cᵢ λᵢᵗ uᵢ, dominated by λ₁ᵗ c₁ u₁.",
                       "Normalise every step (v = Av / ‖Av‖), or the numbers overflow or vanish.",
                       "Stop when ‖v_new − v‖ < 1e-12 (or after ~10 000 steps).")
                .solution("""
                        Vector dominantEigenvector(Matrix A) {
                            Vector v = Vector.randn(A.rows(), 42);
                            v = v.scale(1 / v.norm());
                            for (int it = 0; it < 10_000; it++) {
                                Vector Av = A.times(v);
                                if (Av.norm() == 0) break;                          // A = 0: any unit vector will do
                                Vector next = Av.scale(1 / Av.norm());              // v ← Av / ‖Av‖
                                boolean done = next.minus(v).norm() < 1e-13;
                                v = next;
                                if (done) break;
                            }
                            return v;
                        }""")
                .explanation("""
                        A symmetric ⇒ A = Σ λᵢ uᵢuᵢᵀ with orthonormal uᵢ, λ₁ > λ₂ ≥ … ≥ 0. Write v₀ = Σ cᵢuᵢ; then
                            Aᵗ v₀ = Σ cᵢ λᵢᵗ uᵢ = λ₁ᵗ (c₁u₁ + Σᵢ>₁ cᵢ (λᵢ/λ₁)ᵗ uᵢ),
                        so after normalising, the error shrinks like (λ₂/λ₁)ᵗ: with a gap of 2, 40 steps give 1e-12.
                        It fails only if c₁ = 0 — v₀ orthogonal to u₁ — which a fixed start such as the all-ones vector
                        can hit (e.g. u₁ = (1, −1)/√2); a random start has c₁ ≠ 0 with probability 1 (and rounding
                        would rescue it slowly anyway). Eigenvectors are defined up to sign, so either sign is accepted.
                        This is PageRank's algorithm, and how PCA's first component can be found without a full
                        eigendecomposition (then deflate: A ← A − λ₁u₁u₁ᵀ for the next one).""")
                .reference((Matrix A) -> dominantRef(A))
                .tests(
                        DrillCase.of("hand case diag(3, 1) → e₁", upToSign(), Matrix.diag(Vector.of(3, 1))),
                        DrillCase.of("1×1", upToSign(), Bank.m(new double[] {7})),
                        // [[2,−1],[−1,2]] has eigenvalues 3 (u = (1,−1)/√2) and 1 (u = (1,1)/√2): ones ⟂ the answer
                        DrillCase.of("answer orthogonal to the ones vector", upToSign(),
                                Bank.m(new double[] {2, -1}, new double[] {-1, 2})),
                        DrillCase.of("rank one uuᵀ", upToSign(), Vector.of(1, -2, 2).outer(Vector.of(1, -2, 2))),
                        DrillCase.random("random 6×6, gap 2", 51, rng -> new Object[] {withSpectrum(Vector.of(10, 5, 3, 2, 1, 0.5), rng)},
                                upToSign()),
                        DrillCase.random("entries ≈ 1e8", 52, rng -> new Object[] {withSpectrum(Vector.of(9e8, 3e8, 1e8), rng)},
                                upToSign()))
                .build();
    }
}
