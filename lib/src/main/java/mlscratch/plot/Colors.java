package mlscratch.plot;

import java.awt.Color;
import java.util.List;

/// The one palette of every plot: matplotlib's `tab10` for classes and series, a pale tint of it for
/// decision regions, and a white-to-blue ramp for heatmaps.
///
/// Class `k` has the same colour everywhere: its points in [Plot#scatter(mlscratch.linalg.Matrix,
/// mlscratch.linalg.Vector)], its region (tinted) in [Plot#decisionRegions], its braille dots in a
/// terminal preview. Labels are whole numbers; `-1` and `+1` labels work too (the colour index wraps
/// around the ten colours: `-1` takes the tenth).
/// ```
/// Colors.of(0);        // tab:blue   #1f77b4
/// Colors.of(1);        // tab:orange #ff7f0e
/// Colors.light(1);     // the same orange mixed with 60 % white, for the region of class 1
/// Colors.ramp(0.5);    // the middle of the heatmap ramp
/// ```
public final class Colors {
    private Colors() {}

    /// matplotlib's tab10, in order: blue, orange, green, red, purple, brown, pink, grey, olive, cyan.
    private static final Color[] TAB10 = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    /// matplotlib's `Blues` at five stops, from almost white to dark blue.
    private static final Color[] BLUES = {
            new Color(247, 251, 255), new Color(198, 219, 239), new Color(107, 174, 214),
            new Color(33, 113, 181), new Color(8, 48, 107)};

    /// Share of white mixed into a class colour to paint its decision region.
    static final double TINT = 0.6;

    /// The ten colours of tab10, in order.
    public static List<Color> tab10() { return List.of(TAB10); }

    /// The colour of class (or series) `k`: `tab10[k mod 10]`, so `-1` is the tenth colour.
    /// ```
    /// Colors.of(2);   // java.awt.Color[r=44,g=160,b=44] (tab:green)
    /// ```
    public static Color of(int k) { return TAB10[Math.floorMod(k, TAB10.length)]; }

    /// The pale region colour of class `k`: `(1 − 0.6)·of(k) + 0.6·white`, channel by channel.
    /// ```
    /// Colors.light(0);   // java.awt.Color[r=165,g=201,b=225]
    /// ```
    public static Color light(int k) { return mix(of(k), Color.WHITE, TINT); }

    /// The heatmap colour of `t ∈ [0, 1]` (clamped): `0` is almost white, `1` dark blue, linear in between.
    /// ```
    /// Colors.ramp(0.0);   // java.awt.Color[r=247,g=251,b=255]
    /// ```
    public static Color ramp(double t) {
        double s = Double.isNaN(t) ? 0 : Math.clamp(t, 0.0, 1.0) * (BLUES.length - 1);
        int i = Math.min((int) s, BLUES.length - 2);
        return mix(BLUES[i], BLUES[i + 1], s - i);
    }

    /// `(1 − t)·a + t·b`, rounded channel by channel.
    static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round((1 - t) * a.getRed() + t * b.getRed()),
                (int) Math.round((1 - t) * a.getGreen() + t * b.getGreen()),
                (int) Math.round((1 - t) * a.getBlue() + t * b.getBlue()));
    }

    /// Relative luminance in [0, 1] (Rec. 709 weights), to pick black or white text on a colour.
    static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
    }

    /// An ANSI 24-bit foreground escape for a colour (`ESC[38;2;r;g;bm`).
    static String ansi(Color c) {
        return "\u001b[38;2;" + c.getRed() + ";" + c.getGreen() + ";" + c.getBlue() + "m";
    }

    /// An ANSI 24-bit background escape for a colour (`ESC[48;2;r;g;bm`).
    static String ansiBackground(Color c) {
        return "\u001b[48;2;" + c.getRed() + ";" + c.getGreen() + ";" + c.getBlue() + "m";
    }

    static final String ANSI_RESET = "\u001b[0m";
}
