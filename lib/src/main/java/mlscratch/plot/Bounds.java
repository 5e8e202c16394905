package mlscratch.plot;

/// Axis ranges: padding a data range so marks at the edge are not cut in half, and widening a range
/// of zero width (one point, a constant series) so it can be drawn at all.
final class Bounds {
    private Bounds() {}

    /// Widens `[lo[a], hi[a]]` by `fraction` of its width on each side, in place; a zero-width range
    /// becomes `[v − 0.5, v + 0.5]` first.
    static void pad(double[] lo, double[] hi, double fraction) {
        for (int a = 0; a < lo.length; a++) {
            if (!(hi[a] > lo[a])) {
                lo[a] -= 0.5;
                hi[a] += 0.5;
            }
            double p = fraction * (hi[a] - lo[a]);
            lo[a] -= p;
            hi[a] += p;
        }
    }
}
