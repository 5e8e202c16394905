package mlscratch.optim;

import static mlscratch.optim.UpdateRuleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test void valuesByHand() {
        assertEquals(0.1, Schedule.constant().rate(0.1, 1000));
        // step(10, 0.5): ⌊9/10⌋ = 0 → 0.1;  ⌊10/10⌋ = 1 → 0.05;  ⌊25/10⌋ = 2 → 0.1·0.25 = 0.025
        assertEquals(0.1, Schedule.step(10, 0.5).rate(0.1, 9), 1e-15);
        assertEquals(0.05, Schedule.step(10, 0.5).rate(0.1, 10), 1e-15);
        assertEquals(0.025, Schedule.step(10, 0.5).rate(0.1, 25), 1e-15);
        // exponential(0.9): 1·0.9² = 0.81
        assertEquals(0.81, Schedule.exponential(0.9).rate(1, 2), 1e-15);
        assertEquals(1, Schedule.exponential(0.9).rate(1, 0));
        // cosine(10, 0): ½(1 + cos 0) = 1;  ½(1 + cos π/2) = 0.5;  ½(1 + cos π) = 0;  held at 0 after T
        assertEquals(1, Schedule.cosine(10, 0).rate(1, 0), 1e-15);
        assertEquals(0.5, Schedule.cosine(10, 0).rate(1, 5), 1e-15);
        assertEquals(0, Schedule.cosine(10, 0).rate(1, 10), 1e-15);
        assertEquals(0, Schedule.cosine(10, 0).rate(1, 20), 1e-15);
        // cosine(10, 0.1) at e = 5: 0.1 + ½(1 − 0.1)(1 + 0) = 0.55
        assertEquals(0.55, Schedule.cosine(10, 0.1).rate(1, 5), 1e-15);
    }

    @Test void decayingSchedulesNeverIncrease() {
        for (Schedule s : new Schedule[] {Schedule.step(3, 0.7), Schedule.exponential(0.95), Schedule.cosine(20, 0.01)})
            for (int e = 0; e < 40; e++) assertEquals(true, s.rate(0.3, e + 1) <= s.rate(0.3, e), s + " at " + e);
    }

    @Test void badParametersNameTheParameter() {
        assertMessage(() -> Schedule.step(0, 0.5), "'every' must be > 0, got 0");
        assertMessage(() -> Schedule.step(3, 1.5), "'drop' must be in (0, 1], got 1.5");
        assertMessage(() -> Schedule.exponential(0), "'gamma'");
        assertMessage(() -> Schedule.cosine(10, -1), "'minRate'");
    }
}
