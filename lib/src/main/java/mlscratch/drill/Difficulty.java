package mlscratch.drill;

import java.util.Locale;

/// How hard a drill or a flash card is: `easy` (one formula), `medium` (a derivation or a stability trick),
/// `hard` (a whole algorithm, usually timed).
public enum Difficulty {
    EASY, MEDIUM, HARD;

    /// `easy`, `medium` or `hard` (any case).
    public static Difficulty parse(String text) {
        for (Difficulty d : values()) if (d.name().equalsIgnoreCase(text.strip())) return d;
        throw new IllegalArgumentException("Difficulty: must be easy, medium or hard, got '" + text + "'");
    }

    /// The lower-case name, as the card file and the CLI spell it.
    public String label() { return name().toLowerCase(Locale.ROOT); }
}
