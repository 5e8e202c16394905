package mlscratch.classification;

import java.util.stream.IntStream;

/// Runs a loop over rows `0…n−1` as 8 fixed blocks, in parallel when n is large, and adds the blocks'
/// partial sums in block order: the result does not depend on the number of threads (same data ⇒ same
/// model, bit for bit), and the per-row work of an objective (exp, log1p) uses both cores.
final class Blocks {
    private Blocks() {}

    static final int BLOCKS = 8;
    static final int PARALLEL_ROWS = 8192;     // below this, one thread: forking costs more than it saves

    /// The work on rows `[from, to)`, adding `width` partial sums into `sums` (its own array per block).
    @FunctionalInterface
    interface RowBlock {
        void run(int from, int to, double[] sums);
    }

    /// Σ over blocks of each block's `width` partial sums.
    static double[] sum(int n, int width, RowBlock body) {
        double[][] partial = new double[BLOCKS][width];
        int size = (n + BLOCKS - 1) / BLOCKS;
        IntStream blocks = IntStream.range(0, BLOCKS);
        if (n >= PARALLEL_ROWS) blocks = blocks.parallel();
        blocks.forEach(t -> body.run(Math.min(n, t * size), Math.min(n, (t + 1) * size), partial[t]));
        double[] total = new double[width];
        for (double[] p : partial)
            for (int j = 0; j < width; j++) total[j] += p[j];
        return total;
    }
}
