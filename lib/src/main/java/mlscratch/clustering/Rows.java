package mlscratch.clustering;

/// The inner loop of every distance step in this package, on rows of row-major arrays.
final class Rows {
    private Rows() {}

    /// `‖a − b‖² = Σₜ (aₜ − bₜ)²` for `a[ao … ao+d)` and `b[bo … bo+d)`, summed in order t = 0 … d−1.
    static double squaredDistance(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            double diff = a[ao + t] - b[bo + t];
            s += diff * diff;
        }
        return s;
    }

    /// `‖a‖² = Σₜ aₜ²` for `a[ao … ao+d)`, summed in order.
    static double squaredNorm(double[] a, int ao, int d) {
        double s = 0;
        for (int t = 0; t < d; t++) s += a[ao + t] * a[ao + t];
        return s;
    }
}
