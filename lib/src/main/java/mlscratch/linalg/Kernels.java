package mlscratch.linalg;

import java.util.Arrays;

/// The fast paths under [Matrix] and [Vector]: loops on row-major `double[]` writing into an explicit
/// output. Public types never expose these arrays; every kernel here is tested against the textbook
/// loop it replaces ([#gemmReference]).
final class Kernels {
    private Kernels() {}

    /// `Σᵢ a[ai+i]·b[bi+i]` for i < n.
    static double dot(double[] a, int ai, double[] b, int bi, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;   // four partial sums: independent adds pipeline better
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ai + i] * b[bi + i];
            s1 += a[ai + i + 1] * b[bi + i + 1];
            s2 += a[ai + i + 2] * b[bi + i + 2];
            s3 += a[ai + i + 3] * b[bi + i + 3];
        }
        for (; i < n; i++) s0 += a[ai + i] * b[bi + i];
        return (s0 + s1) + (s2 + s3);
    }

    /// `√(Σ a[i]²)` scaled by the largest magnitude first, so entries near 1e200 do not overflow.
    static double norm2(double[] a, int from, int n) {
        double scale = 0;
        for (int i = from; i < from + n; i++) scale = Math.max(scale, Math.abs(a[i]));
        if (scale == 0 || !Double.isFinite(scale)) return scale;
        double s = 0;
        for (int i = from; i < from + n; i++) {
            double x = a[i] / scale;
            s += x * x;
        }
        return scale * Math.sqrt(s);
    }

    /// `|x − y| ≤ tol · max(1, |x|, |y|)`; NaN is close only to NaN, an infinity only to itself.
    static boolean close(double x, double y, double tol) {
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.isNaN(x) && Double.isNaN(y);
        if (x == y) return true;   // covers equal infinities
        if (Double.isInfinite(x) || Double.isInfinite(y)) return false;   // else ∞ ≤ tol·∞ would pass
        return Math.abs(x - y) <= tol * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    /// The textbook triple loop `C[i][j] = Σₖ A[i][k]·B[k][j]`, kept as the reference every faster GEMM is tested against.
    static void gemmReference(int m, int n, int p, double[] A, double[] B, double[] C) {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += A[i * n + k] * B[k * p + j];
                C[i * p + j] = s;
            }
    }

    // ───────────────────────────── GEMM ─────────────────────────────
    //
    // One blocked kernel serves C = AB, C = AᵀB and C = ABᵀ: the left operand is read through strides
    // (L(i, k) = A[i·ar + k·ak]) and the right one through strides while it is packed
    // (R(k, j) = B[k·bk + j·bj]), so no transpose is ever materialised.
    //
    // Blocking (GotoBLAS's loop order, in scalar Java):
    //   for each panel of NC columns of C and KC rows of B:   pack R[k0:k0+KC, j0:j0+NC] into Bp,
    //                                                         one double[] per row (256 KiB: stays in L2)
    //     for each pair of rows i, i+1 of C:                  c0, c1 ← C[i, j0:j0+NC], C[i+1, j0:j0+NC]
    //       for k in the panel, four at a time:               c0 += L(i,k)·Bp[k] + … + L(i,k+3)·Bp[k+3]   (same for c1)
    //                                                         C[i, j0:…], C[i+1, j0:…] ← c0, c1
    // Why every row is its own array: C2 (JDK 25) vectorises `c[j] = fma(x, b[j], c[j])` only when every
    // array in the loop is indexed by the same `j`; `C[ci + j] += x·B[bk + j]` with two different offsets
    // into possibly the same array stays scalar (the naive loop's 4–6 GFLOP/s). Two rows × four k per pass,
    // written with Math.fma, was the fastest shape measured on one core: ≈ 24 GFLOP/s, against 22 for two
    // rows × two k, 19 for four rows × two k, 16 for one row × four k. Some `a += x·b` (no fma) variants
    // with many arrays (three rows, or two rows × four k) were not vectorised at all and ran at 4–9.
    // Row blocks × column panels run as independent tasks on [Workers] above PARALLEL_FLOPS (not the common
    // ForkJoin pool: waking its workers cost ≈ 50 µs a call, a third of an MLP step's product; see Workers).
    //
    // When the JVM has jdk.incubator.vector (--add-modules, as the build, the tests, scripts/bench and
    // scripts/mlshell give it), each task runs VectorKernels.gemmBlock instead: a packed B panel, rows of A
    // read in place (or packed when A is read through a transpose) and a 4 × (2 vectors) tile of C in
    // DoubleVector registers (≈ 1.3–2× this scalar kernel per core). Its split prefers column panels (below).
    // Until a background warm-up has seen that micro-kernel compiled, it runs a scalar twin with the same bits
    // (VectorKernels.warmUp): the Vector API is very slow before C2 compiles it.

    static final int KC = 128;                  // rows of a packed B panel
    static final int NC = 256;                  // columns of a packed B panel: KC·NC·8 B = 256 KiB
    // Tasks per thread of a parallel product. Measured (best of 60, 2 cores, quiet moment), GFLOP/s for the MLP
    // products forward / Xᵀδ / δWᵀ and n = 1024: 1 → 52 / 70 / 54 / 69; 2 → 53 / 67 / 59 / 71;
    // 4 → 51 / 64 / 48 / 70; 8 → 49 / 56 / 49 / 65. Two keep some slack for a core slowed by a neighbour.
    static final int TASKS_PER_THREAD = 2;
    static final int MC = 32;                   // fewest rows of C per parallel task (packing is 1/(2·MC) of its work)
    // Thresholds measured on 2 cores (Temurin 25, AMD EPYC): packing pays from about 12³ on; a second
    // thread from about 128³ (≈ 100 µs of work; below that, waking a pool thread costs more than it saves).
    static final long SMALL_FLOPS = 12L * 12 * 12;        // m·n·p below this: the plain loop, no packing
    static final long PARALLEL_FLOPS = 128L * 128 * 128;  // m·n·p from this on: tasks in parallel

    /// `C = A·B` for row-major `A (m×n)`, `B (n×p)`, `C (m×p)`; C is overwritten.
    static void gemm(int m, int n, int p, double[] A, double[] B, double[] C) {
        gemm(m, n, p, A, n, 1, B, p, 1, C, true);
    }

    /// `C = Aᵀ·B` for row-major `A (n×m)`, `B (n×p)`, `C (m×p)`, without forming Aᵀ.
    static void gemmTransA(int m, int n, int p, double[] A, double[] B, double[] C) {
        gemm(m, n, p, A, 1, m, B, p, 1, C, true);
    }

    /// `C = A·Bᵀ` for row-major `A (m×n)`, `B (p×n)`, `C (m×p)`, without forming Bᵀ.
    static void gemmTransB(int m, int n, int p, double[] A, double[] B, double[] C) {
        gemm(m, n, p, A, n, 1, B, 1, n, C, true);
    }

    /// Whether `jdk.incubator.vector` is in the boot layer (`--add-modules jdk.incubator.vector`), checked once.
    /// Only then is [VectorKernels] ever loaded; without it the scalar kernel below runs.
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /// `C[i][j] = Σₖ L(i,k)·R(k,j)` with `L(i,k) = A[i·ar + k·ak]`, `R(k,j) = B[k·bk + j·bj]`, C row-major m×p.
    /// `parallel = false` keeps it on the calling thread (tests use it to check both routes).
    static void gemm(int m, int n, int p, double[] A, int ar, int ak, double[] B, int bk, int bj, double[] C,
                     boolean parallel) {
        gemm(m, n, p, A, ar, ak, B, bk, bj, C, parallel, VECTOR);
    }

    /// The same, choosing the kernel: `vector = true` (only valid when [#VECTOR]) runs the Vector API
    /// micro-kernel ([VectorKernels]), `false` the scalar one (tests call both).
    static void gemm(int m, int n, int p, double[] A, int ar, int ak, double[] B, int bk, int bj, double[] C,
                     boolean parallel, boolean vector) {
        long flops = (long) m * n * p;
        if (m == 0 || p == 0) return;
        if (n == 0) { Arrays.fill(C, 0, m * p, 0.0); return; }
        if (flops < SMALL_FLOPS) { gemmSmall(m, n, p, A, ar, ak, B, bk, bj, C); return; }
        int threads = Workers.THREADS;
        if (!parallel || threads == 1 || flops < PARALLEL_FLOPS) {
            if (vector) VectorKernels.gemmBlock(0, m, 0, p, n, p, A, ar, ak, B, bk, bj, C);
            else gemmBlock(0, m, 0, p, n, p, A, ar, ak, B, bk, bj, C);
            return;
        }
        // The split into tasks: column panels × row blocks, about TASKS_PER_THREAD per thread. Each task packs
        // the panel of R it needs, and (the scalar kernel, or the vector one when it cannot read L in place)
        // the rows of L, so splitting columns packs L again per panel and splitting rows packs R again.
        // The vector kernel reads L in place when it can (VectorKernels.inPlace: always for A·B and A·Bᵀ): then
        // columns split first, and nothing is packed twice (the MLP forward product: four 32-wide panels of W,
        // not two full copies).
        int tile = vector ? VectorKernels.NR : 8;
        int strips = (p + tile - 1) / tile, wanted = TASKS_PER_THREAD * threads;
        int panels = (p + NC - 1) / NC;
        if (vector && VectorKernels.inPlace(n, ar, ak)) panels = Math.max(panels, Math.min(strips, wanted));
        // Equal column panels, a whole number of register tiles wide (784 = 3 × 208 + 160, not 3 × 256 + 16:
        // no sliver task, and no edge tile inside a panel but the last).
        int nc = (strips + panels - 1) / panels * tile;
        int cols = (p + nc - 1) / nc;
        int rowBlocks = Math.max(1, Math.min(m / MC, (wanted + cols - 1) / cols));
        int mc = ((m + rowBlocks - 1) / rowBlocks + 1) & ~1;   // even, so row pairs never straddle two tasks
        rowBlocks = (m + mc - 1) / mc;
        int blocks = rowBlocks;
        Workers.run(rowBlocks * cols, t -> {
            int i0 = (t % blocks) * mc, j0 = (t / blocks) * nc;
            int i1 = Math.min(m, i0 + mc), j1 = Math.min(p, j0 + nc);
            if (vector) VectorKernels.gemmBlock(i0, i1, j0, j1, n, p, A, ar, ak, B, bk, bj, C);
            else gemmBlock(i0, i1, j0, j1, n, p, A, ar, ak, B, bk, bj, C);
        });
    }

    /// Rows `[i0, i1)` and columns `[j0, j1)` of C, the whole sum over k, on the calling thread.
    private static void gemmBlock(int i0, int i1, int j0, int j1, int n, int p, double[] A, int ar, int ak,
                                  double[] B, int bk, int bj, double[] C) {
        int ncMax = Math.min(NC, j1 - j0), kcMax = Math.min(KC, n);
        double[][] Bp = new double[kcMax][ncMax];
        double[] c0 = new double[ncMax], c1 = new double[ncMax];
        for (int jp = j0; jp < j1; jp += NC) {
            int nc = Math.min(NC, j1 - jp);
            for (int k0 = 0; k0 < n; k0 += KC) {
                int kc = Math.min(KC, n - k0);
                pack(B, bk, bj, k0, kc, jp, nc, Bp);
                boolean first = k0 == 0;
                int i = i0;
                for (; i + 1 < i1; i += 2) {
                    int ci = i * p + jp;
                    load(C, ci, c0, nc, first);
                    load(C, ci + p, c1, nc, first);
                    rowPair(A, i * ar + k0 * ak, (i + 1) * ar + k0 * ak, ak, Bp, kc, nc, c0, c1);
                    System.arraycopy(c0, 0, C, ci, nc);
                    System.arraycopy(c1, 0, C, ci + p, nc);
                }
                if (i < i1) {
                    int ci = i * p + jp;
                    load(C, ci, c0, nc, first);
                    row(A, i * ar + k0 * ak, ak, Bp, kc, nc, c0);
                    System.arraycopy(c0, 0, C, ci, nc);
                }
            }
        }
    }

    /// `Bp[k][j] = R(k0 + k, j0 + j)` for k < kc, j < nc.
    private static void pack(double[] B, int bk, int bj, int k0, int kc, int j0, int nc, double[][] Bp) {
        if (bj == 1) {
            for (int k = 0; k < kc; k++) System.arraycopy(B, (k0 + k) * bk + j0, Bp[k], 0, nc);
        } else {   // R = Bᵀ: walk B's rows (contiguous in k), scatter down Bp's columns
            for (int j = 0; j < nc; j++) {
                int at = (j0 + j) * bj + k0 * bk;
                for (int k = 0; k < kc; k++) Bp[k][j] = B[at + k * bk];
            }
        }
    }

    /// `c ← C[ci : ci+nc]`, or zeros on the first panel (C is output only).
    private static void load(double[] C, int ci, double[] c, int nc, boolean zero) {
        if (zero) Arrays.fill(c, 0, nc, 0.0);
        else System.arraycopy(C, ci, c, 0, nc);
    }

    /// `c0 += Σₖ L(i,k)·Bp[k]`, `c1 += Σₖ L(i+1,k)·Bp[k]`, four k per pass: each load of a Bp row feeds two
    /// FMAs and each store of c0, c1 carries four.
    private static void rowPair(double[] A, int a0, int a1, int ak, double[][] Bp, int kc, int nc, double[] c0, double[] c1) {
        int k = 0;
        for (; k + 3 < kc; k += 4, a0 += 4 * ak, a1 += 4 * ak) {
            double x0 = A[a0], x1 = A[a0 + ak], x2 = A[a0 + 2 * ak], x3 = A[a0 + 3 * ak];   // L(i, k…k+3)
            double y0 = A[a1], y1 = A[a1 + ak], y2 = A[a1 + 2 * ak], y3 = A[a1 + 3 * ak];   // L(i+1, k…k+3)
            double[] b0 = Bp[k], b1 = Bp[k + 1], b2 = Bp[k + 2], b3 = Bp[k + 3];
            for (int j = 0; j < nc; j++) {          // vectorised by C2: every array indexed by the same j
                double u0 = b0[j], u1 = b1[j], u2 = b2[j], u3 = b3[j];
                c0[j] = Math.fma(x3, u3, Math.fma(x2, u2, Math.fma(x1, u1, Math.fma(x0, u0, c0[j]))));
                c1[j] = Math.fma(y3, u3, Math.fma(y2, u2, Math.fma(y1, u1, Math.fma(y0, u0, c1[j]))));
            }
        }
        for (; k < kc; k++, a0 += ak, a1 += ak) {
            double x0 = A[a0], y0 = A[a1];
            double[] b0 = Bp[k];
            for (int j = 0; j < nc; j++) {
                double u0 = b0[j];
                c0[j] = Math.fma(x0, u0, c0[j]);
                c1[j] = Math.fma(y0, u0, c1[j]);
            }
        }
    }

    /// `c += Σₖ L(i,k)·Bp[k]`: the odd last row.
    private static void row(double[] A, int a0, int ak, double[][] Bp, int kc, int nc, double[] c) {
        int k = 0;
        for (; k + 1 < kc; k += 2, a0 += 2 * ak) {
            double x0 = A[a0], x1 = A[a0 + ak];
            double[] b0 = Bp[k], b1 = Bp[k + 1];
            for (int j = 0; j < nc; j++) c[j] = Math.fma(x1, b1[j], Math.fma(x0, b0[j], c[j]));
        }
        if (k < kc) {
            double x0 = A[a0];
            double[] b0 = Bp[k];
            for (int j = 0; j < nc; j++) c[j] = Math.fma(x0, b0[j], c[j]);
        }
    }

    /// Tiny products: the i-k-j loop through the strides, no packing.
    private static void gemmSmall(int m, int n, int p, double[] A, int ar, int ak, double[] B, int bk, int bj, double[] C) {
        Arrays.fill(C, 0, m * p, 0.0);
        for (int i = 0; i < m; i++)
            for (int k = 0; k < n; k++) {
                double x = A[i * ar + k * ak];
                int ci = i * p, b = k * bk;
                for (int j = 0; j < p; j++) C[ci + j] = Math.fma(x, B[b + j * bj], C[ci + j]);
            }
    }

    // ───────────────────────────── GEMV ─────────────────────────────

    static final long GEMV_PARALLEL = 1L << 18;   // m·n from this on: row blocks in parallel

    /// `y = A·x` for row-major `A (m×n)`: four rows per pass share each load of x.
    static void gemv(int m, int n, double[] A, double[] x, double[] y) {
        if ((long) m * n < GEMV_PARALLEL || m < 64 || Runtime.getRuntime().availableProcessors() == 1) {
            gemvRows(0, m, n, A, x, y);
            return;
        }
        int blocks = Math.min(m / 16, 4 * Runtime.getRuntime().availableProcessors());
        int mb = (m + blocks - 1) / blocks;
        Workers.run(blocks, t -> gemvRows(t * mb, Math.min(m, (t + 1) * mb), n, A, x, y));
    }

    private static void gemvRows(int i0, int i1, int n, double[] A, double[] x, double[] y) {
        int i = i0;
        for (; i + 3 < i1; i += 4) {
            int r0 = i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int k = 0; k < n; k++) {
                double xk = x[k];
                s0 = Math.fma(A[r0 + k], xk, s0);
                s1 = Math.fma(A[r1 + k], xk, s1);
                s2 = Math.fma(A[r2 + k], xk, s2);
                s3 = Math.fma(A[r3 + k], xk, s3);
            }
            y[i] = s0; y[i + 1] = s1; y[i + 2] = s2; y[i + 3] = s3;
        }
        for (; i < i1; i++) y[i] = dot(A, i * n, x, 0, n);
    }

    /// `y = Aᵀ·x` for row-major `A (m×n)`: `y += xᵢ·rowᵢ(A)`, four rows per pass share each load and store
    /// of y. Large inputs sum row blocks in parallel into partial outputs that are added in block order, so
    /// the result does not depend on the thread count.
    static void gemvTrans(int m, int n, double[] A, double[] x, double[] y) {
        if ((long) m * n < GEMV_PARALLEL || m < 1024) {
            gemvTransRows(0, m, n, A, x, y);
            return;
        }
        int blocks = 8;                                     // fixed: same sums on every machine
        int mb = (m + blocks - 1) / blocks;
        double[][] partial = new double[blocks][n];
        Workers.run(blocks, t -> gemvTransRows(t * mb, Math.min(m, (t + 1) * mb), n, A, x, partial[t]));
        for (double[] p : partial)
            for (int j = 0; j < n; j++) y[j] += p[j];
    }

    private static void gemvTransRows(int i0, int i1, int n, double[] A, double[] x, double[] y) {
        int i = i0;
        for (; i + 3 < i1; i += 4) {
            int r0 = i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            double x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
            for (int j = 0; j < n; j++) y[j] += x0 * A[r0 + j] + x1 * A[r1 + j] + x2 * A[r2 + j] + x3 * A[r3 + j];
        }
        for (; i < i1; i++) {
            double xi = x[i];
            for (int j = 0, r = i * n; j < n; j++) y[j] += xi * A[r + j];
        }
    }

    // ───────────────────────── pairwise squared distances ─────────────────────────
    //
    // The expansion every fast k-means, KNN and DBSCAN uses:
    //   ‖xᵢ − cⱼ‖² = ‖xᵢ‖² − 2 xᵢ·cⱼ + ‖cⱼ‖²
    // so the n·k·d work is one GEMM, D = X·Cᵀ, and the rest is an O(n·k) pass over D. The price is
    // cancellation: the result carries an absolute error of about ε·(‖xᵢ‖² + ‖cⱼ‖²), so two equal rows
    // give a tiny number, not 0, and rounding can make it negative; it is clamped at 0.

    /// `D[i][j] = max(0, ‖xᵢ‖² − 2xᵢ·cⱼ + ‖cⱼ‖²)` for row-major `X (n×d)`, `C (k×d)`, `D (n×k)`; D is overwritten.
    static void squaredDistances(int n, int d, int k, double[] X, double[] C, double[] D) {
        gemmTransB(n, d, k, X, C, D);                                   // D = X·Cᵀ,  Dᵢⱼ = xᵢ·cⱼ
        double[] xx = rowNormsSquared(n, d, X), cc = rowNormsSquared(k, d, C);
        for (int i = 0; i < n; i++) {
            int at = i * k;
            double xi = xx[i];
            for (int j = 0; j < k; j++)
                D[at + j] = Math.max(0, xi - 2 * D[at + j] + cc[j]);  // ‖x‖² − 2x·c + ‖c‖², ≥ 0 (NaN stays NaN)
        }
    }

    /// `out[i] = ‖aᵢ‖² = Σⱼ A[i][j]²` for row-major `A (m×n)`.
    static double[] rowNormsSquared(int m, int n, double[] A) {
        double[] out = new double[m];
        for (int i = 0; i < m; i++) out[i] = dot(A, i * n, A, i * n, n);
        return out;
    }

    /// The reference: `D[i][j] = Σₜ (X[i][t] − C[j][t])²`, the definition, one subtraction at a time.
    static void squaredDistancesReference(int n, int d, int k, double[] X, double[] C, double[] D) {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double diff = X[i * d + t] - C[j * d + t];
                    s += diff * diff;
                }
                D[i * k + j] = s;
            }
    }

    /// `out = Aᵀ` for row-major `A (m×n)`, in 32×32 tiles so both sides stay in cache.
    static void transpose(int m, int n, double[] A, double[] out) {
        final int T = 32;
        for (int i0 = 0; i0 < m; i0 += T)
            for (int j0 = 0; j0 < n; j0 += T)
                for (int i = i0; i < Math.min(i0 + T, m); i++)
                    for (int j = j0; j < Math.min(j0 + T, n); j++) out[j * m + i] = A[i * n + j];
    }
}
