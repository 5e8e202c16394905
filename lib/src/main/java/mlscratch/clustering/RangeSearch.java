package mlscratch.clustering;

import java.util.Arrays;
import java.util.function.IntConsumer;

import mlscratch.linalg.MatrixBuffer;

/// ε-neighbourhoods `N(q) = {j : d(q, xⱼ) ≤ ε}` over a fixed set of points: the one query [DBSCAN] needs.
/// Three ways, chosen by [#of]:
/// ```
/// Grid        Euclidean, d ≤ 3: cells of side ε; N(q) lies in q's cell and its 3ᵈ − 1 neighbours
/// BruteForce  Euclidean, any d: compare with every point, ‖q − x‖² ≤ ε² (no square roots)
/// Expanded    Euclidean, d ≥ 16: the same comparisons, a block of queries against a tile of points as one
///             matrix product through ‖q − x‖² = ‖q‖² − 2q·x + ‖x‖² (what k-means does), exact near ε
/// General     any Distance: compare with every point
/// ```
/// The grid answers a query in time proportional to the points in 3ᵈ cells instead of n: for 50 000
/// points in the plane with a few hundred in each neighbourhood that is ~100× less work.
sealed interface RangeSearch permits RangeSearch.Grid, RangeSearch.BruteForce, RangeSearch.Expanded, RangeSearch.General {

    /// Calls `f` with the index of every point within ε of `q` (q's own index included when q is a point).
    void forEach(double[] q, IntConsumer f);

    /// min(|N(q)|, limit) for the query point `q[qo … qo+d)`: the scan stops at `limit` hits (DBSCAN only
    /// asks whether a point is core, |N(q)| ≥ minPts, so it passes minPts and usually stops early).
    int count(double[] q, int qo, int limit);

    /// Writes the indices of N(q) into `out` (growing it when needed) and returns it; the count is `out.size`.
    Hits neighbours(double[] q, int qo, Hits out);

    /// `counts[i] = min(|N(xᵢ)|, limit)` for the indexed points' own rows i = from … to−1 (`x` is the
    /// row-major data the index was built on). One query at a time unless an index knows better.
    default void countRows(double[] x, int d, int from, int to, int limit, int[] counts) {
        for (int i = from; i < to; i++) counts[i] = count(x, i * d, limit);
    }

    /// N(x_p) for each row p = rows[from … to) of the indexed data, into `out[0 … to−from)`, each in
    /// ascending index order. One query at a time unless an index knows better.
    default void neighboursOfRows(double[] x, int d, int[] rows, int from, int to, Hits[] out) {
        for (int r = from; r < to; r++) neighbours(x, rows[r] * d, out[r - from]);
    }

    /// A growable list of point indices, reused across queries.
    final class Hits {
        int[] index = new int[64];
        int size;

        void add(int i) {
            if (size == index.length) index = Arrays.copyOf(index, 2 * size);
            index[size++] = i;
        }
    }

    /// The index for rows `x` (row-major n×d). The grid when the distance is Euclidean, d ≤ 3 and the
    /// cells are not absurdly many (a span over ε of more than 2²⁰ cells in one direction).
    static RangeSearch of(double[] x, int n, int d, double eps, Distance distance) {
        if (distance != Distance.EUCLIDEAN) return new General(rows(x, n, d), eps, distance);
        if (d <= 3) {
            Grid g = Grid.build(x, n, d, eps);
            if (g != null) return g;
        }
        if (d >= Expanded.FROM_D) return Expanded.build(x, n, d, eps * eps);
        return new BruteForce(x, n, d, eps * eps);
    }

    private static double[][] rows(double[] x, int n, int d) {
        double[][] r = new double[n][];
        for (int i = 0; i < n; i++) r[i] = Arrays.copyOfRange(x, i * d, (i + 1) * d);
        return r;
    }

    /// Every point, any distance.
    record General(double[][] rows, double eps, Distance distance) implements RangeSearch {
        @Override public void forEach(double[] q, IntConsumer f) {
            for (int j = 0; j < rows.length; j++) if (distance.between(q, rows[j]) <= eps) f.accept(j);
        }

        @Override public int count(double[] q, int qo, int limit) {
            double[] p = Arrays.copyOfRange(q, qo, qo + rows[0].length);
            int c = 0;
            for (int j = 0; j < rows.length && c < limit; j++) if (distance.between(p, rows[j]) <= eps) c++;
            return c;
        }

        @Override public Hits neighbours(double[] q, int qo, Hits out) {
            out.size = 0;
            forEach(Arrays.copyOfRange(q, qo, qo + rows[0].length), out::add);
            return out;
        }
    }

    /// Every point, squared Euclidean distance with the coordinates in one row-major array.
    record BruteForce(double[] x, int n, int d, double eps2) implements RangeSearch {
        @Override public void forEach(double[] q, IntConsumer f) {
            for (int j = 0; j < n; j++) {
                if (Rows.squaredDistance(q, 0, x, j * d, d) <= eps2) f.accept(j);   // ‖q − xⱼ‖² ≤ ε²
            }
        }

        @Override public int count(double[] q, int qo, int limit) {
            int c = 0;
            for (int j = 0; j < n && c < limit; j++) if (Rows.squaredDistance(q, qo, x, j * d, d) <= eps2) c++;
            return c;
        }

        @Override public Hits neighbours(double[] q, int qo, Hits out) {
            out.size = 0;
            for (int j = 0; j < n; j++) if (Rows.squaredDistance(q, qo, x, j * d, d) <= eps2) out.add(j);
            return out;
        }

        /// Points per tile of the blocked scans: 256 rows of d doubles stay in the L1/L2 cache while every
        /// query of a block is compared with them, instead of streaming all n·d doubles once per query.
        static final int TILE = 256;

        /// Blocked: the queries of the block go through the points tile by tile; a query leaves the scan
        /// as soon as it reaches `limit`.
        @Override public void countRows(double[] q, int dq, int from, int to, int limit, int[] counts) {
            for (int i = from; i < to; i++) counts[i] = 0;
            int open = to - from;                                        // queries still below the limit
            for (int j0 = 0; j0 < n && open > 0; j0 += TILE) {
                int j1 = Math.min(n, j0 + TILE);
                for (int i = from; i < to; i++) {
                    if (counts[i] >= limit) continue;
                    int c = counts[i];
                    for (int j = j0; j < j1 && c < limit; j++) if (Rows.squaredDistance(q, i * d, x, j * d, d) <= eps2) c++;
                    counts[i] = c;
                    if (c >= limit) open--;
                }
            }
        }

        /// Blocked: the queries of the block go through the points tile by tile, four queries at a time
        /// against each point (each xⱼ is loaded once for four distances); hits stay in ascending order.
        @Override public void neighboursOfRows(double[] q, int dq, int[] rows, int from, int to, Hits[] out) {
            for (int r = from; r < to; r++) out[r - from].size = 0;
            for (int j0 = 0; j0 < n; j0 += TILE) {
                int j1 = Math.min(n, j0 + TILE);
                int r = from;
                for (; r + 3 < to; r += 4) {
                    int a0 = rows[r] * d, a1 = rows[r + 1] * d, a2 = rows[r + 2] * d, a3 = rows[r + 3] * d;
                    Hits h0 = out[r - from], h1 = out[r + 1 - from], h2 = out[r + 2 - from], h3 = out[r + 3 - from];
                    for (int j = j0; j < j1; j++) {
                        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;           // ‖q_r − xⱼ‖² for four queries
                        for (int t = 0, o = j * d; t < d; t++) {
                            double v = x[o + t];
                            double e0 = q[a0 + t] - v, e1 = q[a1 + t] - v, e2 = q[a2 + t] - v, e3 = q[a3 + t] - v;
                            s0 += e0 * e0; s1 += e1 * e1; s2 += e2 * e2; s3 += e3 * e3;
                        }
                        if (s0 <= eps2) h0.add(j);
                        if (s1 <= eps2) h1.add(j);
                        if (s2 <= eps2) h2.add(j);
                        if (s3 <= eps2) h3.add(j);
                    }
                }
                for (; r < to; r++) {                                    // the last 0–3 queries
                    int qo = rows[r] * d;
                    Hits h = out[r - from];
                    for (int j = j0; j < j1; j++) if (Rows.squaredDistance(q, qo, x, j * d, d) <= eps2) h.add(j);
                }
            }
        }
    }


    /// [BruteForce]'s neighbourhoods, computed a block of queries × a tile of points at a time through the
    /// expansion `‖q − x‖² = ‖q‖² − 2 q·x + ‖x‖²`: the q·x of a block are one product `Q·Xᵀ` on the GEMM
    /// kernel, and the rest is a pass over its entries.
    ///
    /// The expansion loses digits to cancellation: its error is about (2d + 4)·u·(‖q‖² + ‖x‖²) (u = 2⁻⁵³),
    /// against ≈ (d + 2)·u·ε² for the direct sum. A pair whose expanded distance lies within `band` =
    /// (4d + 16)·u·(‖q‖² + ‖x‖² + ε²) of ε² — above both errors — is decided by the direct sum
    /// ([Rows#squaredDistance], the test BruteForce makes), so the neighbourhoods are exactly BruteForce's.
    /// From [#FROM_D] features on. DBSCAN's first pass (`DBSCANWideBench`, 10 000 points, counts capped at 10):
    /// 91 / 137 / 300 ms against BruteForce's 176 / 456 / 1480 ms at d = 16 / 32 / 64 (1.9×, 3.3×, 4.9×).
    record Expanded(BruteForce exact, MatrixBuffer[] tiles, double[] norms) implements RangeSearch {
        static final int FROM_D = 16;
        static final int TILE = 512;                           // points per tile: a 64 × 512 block of q·x is 256 KiB

        static Expanded build(double[] x, int n, int d, double eps2) {
            var tiles = new MatrixBuffer[(n + TILE - 1) / TILE];
            for (int t = 0; t < tiles.length; t++) {
                int j0 = t * TILE, size = Math.min(TILE, n - j0);
                tiles[t] = MatrixBuffer.zeros(size, d);
                System.arraycopy(x, j0 * d, tiles[t].data(), 0, size * d);
            }
            double[] norms = new double[n];
            for (int j = 0; j < n; j++) norms[j] = Rows.squaredNorm(x, j * d, d);   // ‖xⱼ‖²
            return new Expanded(new BruteForce(x, n, d, eps2), tiles, norms);
        }

        @Override public void forEach(double[] q, IntConsumer f) { exact.forEach(q, f); }

        @Override public int count(double[] q, int qo, int limit) { return exact.count(q, qo, limit); }

        @Override public Hits neighbours(double[] q, int qo, Hits out) { return exact.neighbours(q, qo, out); }

        /// Whether ‖q − xⱼ‖² ≤ ε², from the expanded `dist`, deciding by the direct sum only inside the band.
        private boolean within(double dist, double qq, double[] q, int qo, int j) {
            int d = exact.d();
            double eps2 = exact.eps2();
            double band = (4.0 * d + 16) * 0x1p-53 * (qq + norms[j] + eps2);
            if (dist < eps2 - band) return true;
            if (dist > eps2 + band) return false;
            return Rows.squaredDistance(q, qo, exact.x(), j * d, d) <= eps2;
        }

        /// The query rows `at[0 … rows)` of `q` (offsets), copied into a block Q and their ‖q‖².
        private MatrixBuffer block(double[] q, int[] at, int rows, double[] qq) {
            int d = exact.d();
            var Q = MatrixBuffer.zeros(rows, d);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(q, at[r], Q.data(), r * d, d);
                qq[r] = Rows.squaredNorm(q, at[r], d);
            }
            return Q;
        }

        /// For each tile of points in order: `G = Q·Xᵀ` on the GEMM kernel (`Gᵣⱼ = qᵣ·xⱼ`, row-major
        /// rows × size), then `body.tile(j0, size, G)` with j0 the tile's first point.
        private void eachTile(MatrixBuffer Q, TileBody body) {
            MatrixBuffer G = null;
            for (int t = 0; t < tiles.length; t++) {
                var X = tiles[t];
                if (G == null || G.cols() != X.rows()) G = MatrixBuffer.zeros(Q.rows(), X.rows());
                Q.timesTransposeInto(X, G);
                body.tile(t * TILE, X.rows(), G.data());
            }
        }

        @FunctionalInterface
        private interface TileBody {
            void tile(int j0, int size, double[] g);
        }

        @Override public void countRows(double[] q, int dq, int from, int to, int limit, int[] counts) {
            int rows = to - from, d = exact.d();
            int[] at = new int[rows];
            for (int r = 0; r < rows; r++) at[r] = (from + r) * d;
            double[] qq = new double[rows];
            var Q = block(q, at, rows, qq);
            for (int i = from; i < to; i++) counts[i] = 0;
            eachTile(Q, (j0, size, g) -> {
                for (int r = 0; r < rows; r++) {
                    int c = counts[from + r];
                    for (int j = 0; j < size && c < limit; j++)   // ‖q − x‖² = ‖q‖² − 2q·x + ‖x‖²
                        if (within(qq[r] - 2 * g[r * size + j] + norms[j0 + j], qq[r], q, at[r], j0 + j)) c++;
                    counts[from + r] = c;
                }
            });
        }

        @Override public void neighboursOfRows(double[] q, int dq, int[] rows, int from, int to, Hits[] out) {
            int m = to - from, d = exact.d();
            int[] at = new int[m];
            for (int r = 0; r < m; r++) {
                at[r] = rows[from + r] * d;
                out[r].size = 0;
            }
            double[] qq = new double[m];
            var Q = block(q, at, m, qq);
            eachTile(Q, (j0, size, g) -> {
                for (int r = 0; r < m; r++)                              // tiles in order, j ascending: hits ascend
                    for (int j = 0; j < size; j++)
                        if (within(qq[r] - 2 * g[r * size + j] + norms[j0 + j], qq[r], q, at[r], j0 + j)) out[r].add(j0 + j);
            });
        }
    }

    /// A uniform grid of cells of side ε. Cell of x: `cₜ = ⌊(xₜ − minₜ) / ε⌋`. Two points within ε differ
    /// by at most one cell in every coordinate, so N(q) is found among the 3ᵈ cells around q's.
    /// The non-empty cells are kept sorted by key (`key = Σₜ cₜ · strideₜ`, found by binary search), and
    /// the points are copied in cell order so a cell's coordinates are contiguous in memory.
    record Grid(int d, double eps, double eps2, double[] min, long[] cells, long[] stride,
                long[] keys, int[] start, int[] order, double[] xs) implements RangeSearch {

        static Grid build(double[] x, int n, int d, double eps) {
            double[] min = new double[d], max = new double[d];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < n; i++)
                for (int t = 0; t < d; t++) {
                    min[t] = Math.min(min[t], x[i * d + t]);
                    max[t] = Math.max(max[t], x[i * d + t]);
                }
            long[] cells = new long[d], stride = new long[d];
            long total = 1;
            for (int t = 0; t < d; t++) {
                double span = Math.floor((max[t] - min[t]) / eps) + 1;  // cells along coordinate t
                if (!(span <= 1 << 20)) return null;                     // ε tiny next to the data: brute force
                cells[t] = (long) span;
                stride[t] = total;
                total *= cells[t];                                       // ≤ 2⁶⁰: fits a long
            }
            long[] key = new long[n];
            for (int i = 0; i < n; i++) key[i] = keyOf(x, i * d, d, min, eps, cells, stride);
            long[] keys = Arrays.stream(key).sorted().distinct().toArray();   // the non-empty cells, sorted
            int m = keys.length;
            int[] cellOf = new int[n], start = new int[m + 1];
            for (int i = 0; i < n; i++) {
                cellOf[i] = Arrays.binarySearch(keys, key[i]);
                start[cellOf[i] + 1]++;
            }
            for (int c = 0; c < m; c++) start[c + 1] += start[c];        // counting sort by cell
            int[] fill = Arrays.copyOf(start, m), order = new int[n];
            double[] xs = new double[n * d];
            for (int i = 0; i < n; i++) {
                int p = fill[cellOf[i]]++;
                order[p] = i;
                System.arraycopy(x, i * d, xs, p * d, d);
            }
            return new Grid(d, eps, eps * eps, min, cells, stride, keys, start, order, xs);
        }

        private static long keyOf(double[] x, int o, int d, double[] min, double eps, long[] cells, long[] stride) {
            long k = 0;
            for (int t = 0; t < d; t++) {
                long c = Math.min(cells[t] - 1, (long) Math.floor((x[o + t] - min[t]) / eps));   // cₜ (max lands in the last cell)
                k += c * stride[t];
            }
            return k;
        }

        private static final int[] OFFSET = {0, -1, 1};

        /// The non-empty cells among the 3ᵈ around q's cell, into `cellsOut`; returns how many.
        private int nearbyCells(double[] q, int qo, int[] cellsOut) {
            long c0 = 0, c1 = 0, c2 = 0;
            for (int t = 0; t < d; t++) {
                double ct = Math.floor((q[qo + t] - min[t]) / eps);
                if (ct < -1 || ct > cells[t]) return 0;                  // q is over a cell away from every point
                long c = Math.min(cells[t] - 1, (long) ct);
                if (t == 0) c0 = c; else if (t == 1) c1 = c; else c2 = c;
            }
            int found = 0;
            for (int da = 0; da < 3; da++) {                             // offsets 0, −1, +1 in each coordinate:
                long a = c0 + OFFSET[da];                                // q's own cell comes first
                if (a < 0 || a >= cells[0]) continue;
                for (int db = 0; db < (d > 1 ? 3 : 1); db++) {
                    long b = c1 + OFFSET[db];
                    if (d > 1 && (b < 0 || b >= cells[1])) continue;
                    for (int de = 0; de < (d > 2 ? 3 : 1); de++) {
                        long e = c2 + OFFSET[de];
                        if (d > 2 && (e < 0 || e >= cells[2])) continue;
                        long key = a * stride[0] + (d > 1 ? b * stride[1] : 0) + (d > 2 ? e * stride[2] : 0);
                        int cell = Arrays.binarySearch(keys, key);
                        if (cell >= 0) cellsOut[found++] = cell;         // skip empty cells
                    }
                }
            }
            return found;
        }

        @Override public void forEach(double[] q, IntConsumer f) {
            var hits = neighbours(q, 0, new Hits());
            for (int h = 0; h < hits.size; h++) f.accept(hits.index[h]);
        }

        @Override public int count(double[] q, int qo, int limit) {
            int[] near = new int[27];
            int m = nearbyCells(q, qo, near), c = 0;
            for (int k = 0; k < m && c < limit; k++)
                for (int p = start[near[k]], end = start[near[k] + 1]; p < end && c < limit; p++)
                    if (Rows.squaredDistance(q, qo, xs, p * d, d) <= eps2) c++;   // ‖q − xₚ‖² ≤ ε²
            return c;
        }

        @Override public Hits neighbours(double[] q, int qo, Hits out) {
            out.size = 0;
            int[] near = new int[27];
            int m = nearbyCells(q, qo, near);
            for (int k = 0; k < m; k++)
                for (int p = start[near[k]], end = start[near[k] + 1]; p < end; p++)
                    if (Rows.squaredDistance(q, qo, xs, p * d, d) <= eps2) out.add(order[p]);
            return out;
        }
    }
}
