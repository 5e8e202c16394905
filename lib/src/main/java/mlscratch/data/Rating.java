package mlscratch.data;

import java.util.Locale;

import mlscratch.util.Check;

/// One observed entry of a ratings matrix: user `u` gave item `i` the rating `r`
/// (the `(u, i, rᵤᵢ)` triple of the recommender-systems blackboard).
///
/// @param user  row index u, `0 … users−1`
/// @param item  column index i, `0 … items−1`
/// @param value the rating rᵤᵢ
public record Rating(int user, int item, double value) {

    public Rating {
        Check.nonNegative("Rating", "user", user);
        Check.nonNegative("Rating", "item", item);
        Check.finite("Rating", "value", value);
    }

    /// `(u, i, r)` with r to 4 decimals.
    @Override public String toString() { return String.format(Locale.ROOT, "(%d, %d, %.4f)", user, item, value); }
}
