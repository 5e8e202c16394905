package mlscratch.linalg;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/// The GEMM micro-kernel on the Vector API (`jdk.incubator.vector`): the top rung of the performance ladder,
/// tested against [Kernels#gemmReference] like every rung below it. Only [Kernels] calls it, and only when
/// the module is in the boot layer ([Kernels#VECTOR]); otherwise this class is never loaded and the scalar
/// kernel runs.
///
/// ```
/// Same strided operands as Kernels.gemm:  L(i,k) = A[i·ar + k·ak],  R(k,j) = B[k·bk + j·bj],  C = L·R (m×p)
///
/// Loop order (GotoBLAS / BLIS), for one block of rows [i0,i1) × columns [j0,j1) of C:
///   for each KC rows of R:            pack R[k0:k0+kc, j0:j1]  → Bp, in NR-wide column strips      (L2/L3)
///     for each MC rows of L:          pack L[ic:ic+mc, k0:k0+kc] → Ap, in MR-tall row strips        (L2)
///                                     — unless rows of L are contiguous (ak = 1: A·B, A·Bᵀ): then the
///                                     micro-kernel reads them in place and nothing is packed
///       for each NR-strip of Bp:      (kc×NR: 16–32 KiB at kc = 256, stays in L1)
///         for each MR-strip of L:     the micro-kernel: an MR×NR tile of C in registers,
///                                     for k < kc:  c[r] += L[r][k] · Bp[k][0:NR]   (broadcast × vector, fma)
///                                     C tile (+)= c    (= on the first k panel: C is output only)
/// ```
/// Registers: MR = 4 rows × NR = 2 vectors = 8 accumulators, two vectors of B and one broadcast of A: 11
/// (AVX2 has sixteen 256-bit registers, AVX-512 thirty-two 512-bit ones; `SPECIES_PREFERRED` picks the
/// width, so NR = 8 or 16). Each k step does 2 loads of B, 4 broadcasts and 8 FMAs.
/// Measured on one core (Temurin 25, AMD EPYC, CPU time): 4×8 ≈ 32–36 GFLOP/s; 5×8 about the same; 6×8
/// (15 registers on paper) only ≈ 18: C2 spills accumulators to the stack. Writing the tile back through
/// a buffer instead of the `store` calls below cost ≈ 20 %; unrolling k by two cost ≈ 15 %; 3×12, 4×12,
/// 2×16 and 8×4 tiles were all slower; KC from 128 to 512 and MC from 32 to 128 made no measurable difference.
/// Session 2 (CPU time of one thread, machine under heavy load, so ±15 %): splitting n into equal panels
/// (784 = 4 × 196 instead of 3 × 256 + 16, whose 16-deep panel is all tile loads and stores) and keeping the
/// packing buffers per thread took the MLP products from ≈ 22 to ≈ 25 GFLOP/s (64×784·784×128), 26 → 32
/// (Xᵀδ, 784×64·64×128) and 21 → 24 (δWᵀ, 64×128·128×784); n = 512 stayed at ≈ 27. With both threads (best
/// of 60, quiet moment), KC = 96 / 128 / 160 / 256 gave forward 51 / 53 / 51 / 49, Xᵀδ 65 / 63 / 69 / 69,
/// δWᵀ 55 / 52 / 50 / 53, n = 1024: 69 / 71 / 73 / 73 GFLOP/s: no change worth making. Side by side in JMH
/// (5 iterations): n = 1024 69 GFLOP/s against OpenBLAS 81; the MLP products 0.72× (forward), 0.91× (Xᵀδ)
/// and 0.87× (δWᵀ) of Smile's dgemm into a preallocated output.
/// Later in session 2 the per-thread buffers became a shared pool (the common pool's workers clear
/// thread-locals after every task, so they were re-allocated each call): MLP products 0.81× / 0.90× / 0.86×.
/// Session 3 (AMD EPYC Zen 4, AVX-512: 8 doubles a vector, NR = 16; median of 1500 calls, both threads):
/// the tasks moved from the common ForkJoin pool to [Workers] (MLP products 218 / 190 / 230 → 161 / 137 /
/// 163 µs), then rows of L are read in place when contiguous and such products split by columns, so no
/// operand is packed twice: forward 64×784·784×128 packed its 400 KB of X (26 µs on one core) and two
/// full copies of W; now four 32-column panels of W and nothing else: 161 → 133 µs (δWᵀ 163 → 154).
/// In-place rows against packed ones, same run: n = 256 108 vs 87 GFLOP/s, 512 106 vs 93, 1024 90 vs 80,
/// 2048 90 vs 82 (the packed copy of L bought no locality that the L2 did not already give).
/// Strips are zero-padded to MR and NR, so the kernel never branches on edges; partial tiles are written
/// back through a small buffer. Per entry the additions run in k order, one fma chain per KC panel, so the
/// split into row and column blocks (and threads) never changes a bit of the result.
final class VectorKernels {
    private VectorKernels() {}

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = S.length();
    static final int MR = 4;                 // rows of the register tile
    static final int NR = 2 * LANES;         // columns of the register tile: two vectors
    static final int KC = 256;               // depth of a packed panel: a kc×NR strip of Bp is 16 KiB (L1)
    static final int MC = 64;                // rows of a packed A block: MC·KC·8 B = 128 KiB (L2)

    /// Reads of L that span at most this many doubles per k panel are made in place even through a transpose.
    static final long IN_PLACE_SPAN = 1 << 16;   // 512 KiB: half the L2 of the machine measured

    /// Whether the micro-kernel reads L where it lies instead of from a packed copy: always when its rows are
    /// contiguous (ak = 1: A·B, A·Bᵀ); through a transpose (ar = 1: Aᵀ·B) only while one k panel of A spans
    /// ≤ [#IN_PLACE_SPAN], as in the MLP's Xᵀδ (64 rows of 784). Measured (median, both threads): Xᵀδ
    /// 64×784ᵀ·64×128 151–161 → 133–146 µs in place; but AᵀB at n = 1024 and 2048, whose panels span 2 and
    /// 4 MiB (a page per k), ran 80 and 75 GFLOP/s in place against 88 and 80 packed.
    static boolean inPlace(int n, int ar, int ak) {
        if (ak == 1) return true;
        int panels = (n + KC - 1) / KC, kc = (n + panels - 1) / panels;
        return ar == 1 && (long) kc * ak <= IN_PLACE_SPAN;
    }

    /// Rows `[i0, i1)` and columns `[j0, j1)` of `C = L·R`, the whole sum over k, on the calling thread.
    static void gemmBlock(int i0, int i1, int j0, int j1, int n, int p, double[] A, int ar, int ak,
                          double[] B, int bk, int bj, double[] C) {
        if (!warm) warmUpInBackground();
        gemmBlock(i0, i1, j0, j1, n, p, A, ar, ak, B, bk, bj, C, warm);
    }

    /// The same with the micro-kernel chosen: `vectorMicro = false` runs [#microScalar] (same bits).
    static void gemmBlock(int i0, int i1, int j0, int j1, int n, int p, double[] A, int ar, int ak,
                          double[] B, int bk, int bj, double[] C, boolean vectorMicro) {
        int panels = (n + KC - 1) / KC, kcMax = (n + panels - 1) / panels;   // equal panels: 784 = 4 × 196, not 3 × 256 + 16
        int nc = j1 - j0;
        int nStrips = (nc + NR - 1) / NR;
        Buffers buf = POOL.poll();                                   // a free set of buffers, or a new one
        if (buf == null) buf = new Buffers();
        try {
            gemmPanels(i0, i1, j0, n, p, A, ar, ak, B, bk, bj, C, vectorMicro, kcMax, nc, nStrips, buf);
        } finally {
            POOL.offer(buf);                                         // back for the next call on any thread
        }
    }

    private static void gemmPanels(int i0, int i1, int j0, int n, int p, double[] A, int ar, int ak, double[] B, int bk,
                                   int bj, double[] C, boolean vectorMicro, int kcMax, int nc, int nStrips, Buffers buf) {
        int mcMax = Math.min(MC, i1 - i0);
        boolean direct = inPlace(n, ar, ak);
        double[] Bp = buf.b(nStrips * NR * kcMax);
        double[] Ap = direct ? A : buf.a((mcMax + MR - 1) / MR * MR * kcMax);
        double[] tile = buf.tile;
        for (int k0 = 0; k0 < n; k0 += kcMax) {
            int kc = Math.min(kcMax, n - k0);
            boolean first = k0 == 0;
            packB(B, bk, bj, k0, kc, j0, nc, Bp);
            for (int ic = i0; ic < i1; ic += MC) {
                int mc = Math.min(MC, i1 - ic);
                if (!direct) packA(A, ar, ak, ic, mc, k0, kc, Ap);
                for (int s = 0; s < nStrips; s++) {
                    int jr = s * NR, nr = Math.min(NR, nc - jr);
                    for (int ir = 0; ir < mc; ir += MR) {
                        int mr = Math.min(MR, mc - ir), ci = (ic + ir) * p + j0 + jr;
                        // Where row r of the tile starts and the step to its next k: in A itself (L(i, k) =
                        // A[i·ar + k·ak]; rows past the block repeat its last row, computed and not stored) or in
                        // the packed strip.
                        int o0, o1, o2, o3, step;
                        if (direct) {
                            int last = ic + mc - 1, row = ic + ir;
                            o0 = row * ar + k0 * ak;
                            o1 = Math.min(row + 1, last) * ar + k0 * ak;
                            o2 = Math.min(row + 2, last) * ar + k0 * ak;
                            o3 = Math.min(row + 3, last) * ar + k0 * ak;
                            step = ak;
                        } else {
                            o0 = ir * kc; o1 = o0 + 1; o2 = o0 + 2; o3 = o0 + 3;
                            step = MR;
                        }
                        if (vectorMicro) micro(kc, Ap, o0, o1, o2, o3, step, Bp, jr * kc, C, ci, p, mr, nr, first, tile);
                        else microScalar(kc, Ap, o0, o1, o2, o3, step, Bp, jr * kc, C, ci, p, mr, nr, first, tile);
                    }
                }
            }
        }
    }

    /// Packing buffers reused across calls: a small product (an MLP step's 64×784 · 784×128)
    /// otherwise spends a noticeable share of its time allocating and zeroing ≈ 400 KB. Buffers up to
    /// `KEEP` doubles are kept; larger ones (big sequential products) are allocated per call.
    private static final class Buffers {
        static final int KEEP = 1 << 18;                         // 2 MB: the MLP step's δ·Wᵀ packs 64×128 · 128×784 whole
        final double[] tile = new double[MR * NR];
        double[] a = new double[0], b = new double[0];

        double[] a(int size) {
            if (a.length >= size) return a;
            double[] fresh = new double[size];
            if (size <= KEEP) a = fresh;
            return fresh;
        }

        double[] b(int size) {
            if (b.length >= size) return b;
            double[] fresh = new double[size];
            if (size <= KEEP) b = fresh;
            return fresh;
        }
    }

    /// Free buffer sets, one per concurrently running block at most. Not a ThreadLocal: the common
    /// ForkJoinPool's workers clear their thread-locals after every task, which made each call allocate.
    private static final java.util.concurrent.ConcurrentLinkedQueue<Buffers> POOL = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /// `Bp[(s·kc + k)·NR + c] = R(k0 + k, j0 + s·NR + c)`: strip s holds NR columns, row after row; zeros past nc.
    static void packB(double[] B, int bk, int bj, int k0, int kc, int j0, int nc, double[] Bp) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr), at = jr * kc;
            if (bj == 1) {
                for (int k = 0; k < kc; k++, at += NR) {
                    System.arraycopy(B, (k0 + k) * bk + j0 + jr, Bp, at, nr);
                    if (nr < NR) Arrays.fill(Bp, at + nr, at + NR, 0.0);
                }
            } else {   // R = Bᵀ: each column of R is contiguous in B (bk = 1 there)
                if (nr < NR) Arrays.fill(Bp, at, at + kc * NR, 0.0);
                int c = 0;
                for (; c + 3 < nr; c += 4) {   // four columns per pass: each k writes four adjacent entries
                    int b0 = (j0 + jr + c) * bj + k0 * bk, b1 = b0 + bj, b2 = b1 + bj, b3 = b2 + bj;
                    for (int k = 0, o = at + c; k < kc; k++, o += NR) {   // (one at a time: 56 µs for W of 784×128
                        int kb = k * bk;                                    //  on one core; four: 48 µs)
                        Bp[o] = B[b0 + kb]; Bp[o + 1] = B[b1 + kb]; Bp[o + 2] = B[b2 + kb]; Bp[o + 3] = B[b3 + kb];
                    }
                }
                for (; c < nr; c++) {
                    int b = (j0 + jr + c) * bj + k0 * bk;
                    for (int k = 0; k < kc; k++) Bp[at + k * NR + c] = B[b + k * bk];
                }
            }
        }
    }

    /// `Ap[(s·kc + k)·MR + r] = L(i0 + s·MR + r, k0 + k)`: strip s holds MR rows, column after column; zeros past mc.
    static void packA(double[] A, int ar, int ak, int i0, int mc, int k0, int kc, double[] Ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir), at = ir * kc;
            if (ar == 1 && mr == MR) {   // L = Aᵀ: the MR entries of one k are adjacent in A, one short copy each
                int a = (i0 + ir) + k0 * ak;
                for (int k = 0; k < kc; k++) System.arraycopy(A, a + k * ak, Ap, at + k * MR, MR);
                continue;
            }
            if (mr < MR) Arrays.fill(Ap, at, at + kc * MR, 0.0);
            for (int r = 0; r < mr; r++) {
                int a = (i0 + ir + r) * ar + k0 * ak;
                for (int k = 0; k < kc; k++) Ap[at + k * MR + r] = A[a + k * ak];
            }
        }
    }

    /// The MR×NR tile of C at `ci` (row stride p), `mr × nr` of it inside C: `C (+)= Σₖ a[k][·] ⊗ Bp[k][·]`,
    /// where `a[k][r] = A[o_r + k·step]` (packed strip: o_r = start + r, step MR; in place: o_r = row_r·ar + k0·ak,
    /// step ak — 1 for rows of A, the row length for Aᵀ).
    private static void micro(int kc, double[] A, int o0, int o1, int o2, int o3, int step, double[] Bp, int bo,
                              double[] C, int ci, int p, int mr, int nr, boolean first, double[] tile) {
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z,
                     c30 = z, c31 = z;
        for (int k = 0; k < kc; k++) {
            int ak = k * step, bk = bo + k * NR;      // indices linear in k: C2 hoists the bounds checks
            DoubleVector b0 = DoubleVector.fromArray(S, Bp, bk);              // Bp[k][0:LANES]
            DoubleVector b1 = DoubleVector.fromArray(S, Bp, bk + LANES);      // Bp[k][LANES:NR]
            DoubleVector a = DoubleVector.broadcast(S, A[o0 + ak]);           // c[r] += a[k][r]·Bp[k]
            c00 = a.fma(b0, c00); c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, A[o1 + ak]);
            c10 = a.fma(b0, c10); c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, A[o2 + ak]);
            c20 = a.fma(b0, c20); c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, A[o3 + ak]);
            c30 = a.fma(b0, c30); c31 = a.fma(b1, c31);
        }
        if (mr == MR && nr == NR) {
            store(c00, c01, C, ci, first);
            store(c10, c11, C, ci + p, first);
            store(c20, c21, C, ci + 2 * p, first);
            store(c30, c31, C, ci + 3 * p, first);
            return;
        }
        // An edge tile: through the buffer, then only the mr × nr entries that exist.
        c00.intoArray(tile, 0);      c01.intoArray(tile, LANES);
        c10.intoArray(tile, NR);     c11.intoArray(tile, NR + LANES);
        c20.intoArray(tile, 2 * NR); c21.intoArray(tile, 2 * NR + LANES);
        c30.intoArray(tile, 3 * NR); c31.intoArray(tile, 3 * NR + LANES);
        for (int r = 0; r < mr; r++)
            for (int j = 0; j < nr; j++) {
                int at = ci + r * p + j;
                C[at] = first ? tile[r * NR + j] : C[at] + tile[r * NR + j];
            }
    }

    /// The scalar twin of [#micro]: per entry the same fma chain in k order from 0, then the same store or
    /// add, so it gives the same bits. It runs until [#warmUp] has seen the vector kernel compiled: before
    /// that the Vector API executes Java fallbacks at microseconds per operation (a first 500×500 product
    /// took 3 s, against 30 ms warm), while this loop is compiled like any other (≈ 3–5 GFLOP/s).
    private static void microScalar(int kc, double[] A, int o0, int o1, int o2, int o3, int step, double[] Bp, int bo,
                                    double[] C, int ci, int p, int mr, int nr, boolean first, double[] tile) {
        java.util.Arrays.fill(tile, 0.0);
        int[] o = {o0, o1, o2, o3};
        for (int k = 0; k < kc; k++) {
            int bk = bo + k * NR;
            for (int r = 0; r < MR; r++) {
                double a = A[o[r] + k * step];
                for (int j = 0; j < NR; j++) tile[r * NR + j] = Math.fma(a, Bp[bk + j], tile[r * NR + j]);   // c[r] += a[k][r]·Bp[k]
            }
        }
        for (int r = 0; r < mr; r++)
            for (int j = 0; j < nr; j++) {
                int at = ci + r * p + j;
                C[at] = first ? tile[r * NR + j] : C[at] + tile[r * NR + j];
            }
    }

    // ───────────────────────────── warm-up ─────────────────────────────

    /// Set once [#warmUp] has seen [#micro] run compiled; until then [#gemmBlock] uses [#microScalar].
    private static volatile boolean warm;

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    static boolean isWarm() { return warm; }

    /// Starts [#warmUp] on a daemon thread, once per JVM.
    static void warmUpInBackground() {
        if (WARMING.compareAndSet(false, true))
            Thread.ofPlatform().daemon().name("mlscratch-gemm-warm-up").start(VectorKernels::warmUp);
    }

    /// Runs the vector micro-kernel until ten rounds take under 1 ms each (compiled: ≈ 10–100 µs; interpreted
    /// Vector API: tens of milliseconds), then lets [#gemmBlock] use it. Gives up after a minute (a JVM without
    /// C2), leaving the scalar twin in charge. Returns whether it is warm.
    ///
    /// Each round runs two products so that every branch of the kernel has run before users' products do:
    /// 64×64·64×64 (whole tiles, one k panel) and 67×300·300×67 (edge rows and columns, two k panels: the
    /// `+=` store; A·B and Aᵀ·Bᵀ). Warmed on the first shape only, the first real product
    /// (1000×1000) hit the untaken edge branch, fell back to the interpreter and took 0.5–1.7 s instead of 30 ms.
    static boolean warmUp() {
        int n = 64, m = 67, k = 300;
        double[] A = new double[n * n], B = new double[n * n], C = new double[n * n];
        double[] L = new double[m * k], R = new double[k * m], D = new double[m * m];
        for (int i = 0; i < A.length; i++) { A[i] = (i % 7) - 3; B[i] = (i % 5) - 2; }
        for (int i = 0; i < L.length; i++) { L[i] = (i % 7) - 3; R[i] = (i % 5) - 2; }
        long deadline = System.nanoTime() + 60_000_000_000L;
        int fast = 0;
        while (fast < 10 && System.nanoTime() < deadline) {
            long t = System.nanoTime();
            gemmBlock(0, n, 0, n, n, n, A, n, 1, B, n, 1, C, true);
            gemmBlock(0, m, 0, m, k, m, L, k, 1, R, m, 1, D, true);          // L in place (ak = 1)
            gemmBlock(0, m, 0, m, k, m, R, 1, m, L, 1, k, D, true);          // Rᵀ·Lᵀ: both through a transpose
            if (System.nanoTime() - t < 1_000_000) fast++;
        }
        if (fast >= 10) warm = true;
        return warm;
    }

    /// `C[ci : ci+NR] = c0 ‖ c1`, or `+=` after the first k panel.
    private static void store(DoubleVector c0, DoubleVector c1, double[] C, int ci, boolean first) {
        if (!first) {
            c0 = c0.add(DoubleVector.fromArray(S, C, ci));
            c1 = c1.add(DoubleVector.fromArray(S, C, ci + LANES));
        }
        c0.intoArray(C, ci);
        c1.intoArray(C, ci + LANES);
    }
}
