package mlscratch.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;

import org.junit.jupiter.api.Test;

/// The palette and the number labels.
class ColorsAndFormatTest {

    @Test
    void tab10IsMatplotlibsPaletteInOrder() {
        assertEquals(10, Colors.tab10().size());
        assertEquals(new Color(0x1f77b4), Colors.of(0));
        assertEquals(new Color(0xff7f0e), Colors.of(1));
        assertEquals(new Color(0x17becf), Colors.of(9));
    }

    @Test
    void classIndicesWrapAroundSoMinusOneIsTheTenthColour() {
        assertEquals(Colors.of(9), Colors.of(-1));
        assertEquals(Colors.of(0), Colors.of(10));
        assertEquals(Colors.of(3), Colors.of(-7));
    }

    /// tab:blue (31, 119, 180) with 60 % white: 0.4·31 + 0.6·255 = 165.4, 0.4·119 + 153 = 200.6, 0.4·180 + 153 = 225.
    @Test
    void lightMixesSixtyPercentWhite() {
        assertEquals(new Color(165, 201, 225), Colors.light(0));
    }

    @Test
    void rampRunsFromAlmostWhiteToDarkBlueAndClamps() {
        assertEquals(new Color(247, 251, 255), Colors.ramp(0));
        assertEquals(new Color(8, 48, 107), Colors.ramp(1));
        assertEquals(Colors.ramp(0), Colors.ramp(-3));
        assertEquals(Colors.ramp(1), Colors.ramp(7));
        assertEquals(new Color(107, 174, 214), Colors.ramp(0.5), "the middle stop");
        for (int i = 1; i <= 100; i++)
            assertTrue(Colors.luminance(Colors.ramp(i / 100.0)) <= Colors.luminance(Colors.ramp((i - 1) / 100.0)) + 1e-12,
                    "darker as t grows");
    }

    @Test
    void numbersAreShortAndExact() {
        assertEquals("0", TextFormat.number(0));
        assertEquals("0.5", TextFormat.number(0.5));
        assertEquals("12", TextFormat.number(12.0));
        assertEquals("-2", TextFormat.number(-2));
        assertEquals("0.1", TextFormat.number(0.1));
        assertEquals("3.142", TextFormat.number(Math.PI));
        assertEquals("1235", TextFormat.number(1234.5678));
        assertEquals("12346", TextFormat.number(12345.6));
        assertEquals("1.2e-05", TextFormat.number(0.000012));
        assertEquals("-3e+09", TextFormat.number(-3e9));
        assertEquals("NaN", TextFormat.number(Double.NaN));
    }

    @Test
    void cellsShowCountsAsIntegersAndOthersWithThreeDigits() {
        assertEquals("47", TextFormat.cell(47, true));
        assertEquals("0.333", TextFormat.cell(1.0 / 3, false));
        assertEquals("12.3", TextFormat.cell(12.345, false));
    }
}
