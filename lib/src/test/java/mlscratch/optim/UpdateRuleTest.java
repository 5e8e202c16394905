package mlscratch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Vector;
import mlscratch.optim.UpdateRule.State;

class UpdateRuleTest {

    private static void assertVector(Vector actual, double... expected) {
        assertTrue(actual.isClose(Vector.of(expected), 1e-12), "got " + actual + ", expected " + Vector.of(expected));
    }

    @Test void plainStepIsWMinusEtaG() {
        // w = [1, 2], g = [0.5, −1], η = 0.1:  w − ηg = [1 − 0.05, 2 + 0.1] = [0.95, 2.1]
        var s = new UpdateRule.Plain(0.1).step(State.start(Vector.of(1, 2)), Vector.of(0.5, -1));
        assertVector(s.w(), 0.95, 2.1);
        assertEquals(1, s.t());
    }

    @Test void momentumAccumulatesVelocity() {
        var rule = new UpdateRule.Momentum(0.1, 0.9);
        // step 1, g = [1, −2]:  m = [1, −2];  w = [1, 2] − 0.1·[1, −2] = [0.9, 2.2]
        var s1 = rule.step(State.start(Vector.of(1, 2)), Vector.of(1, -2));
        assertVector(s1.m(), 1, -2);
        assertVector(s1.w(), 0.9, 2.2);
        // step 2, g = [1, 0]:  m = 0.9·[1, −2] + [1, 0] = [1.9, −1.8];  w = [0.9 − 0.19, 2.2 + 0.18] = [0.71, 2.38]
        var s2 = rule.step(s1, Vector.of(1, 0));
        assertVector(s2.m(), 1.9, -1.8);
        assertVector(s2.w(), 0.71, 2.38);
    }

    @Test void nesterovLooksAheadByBetaM() {
        var rule = new UpdateRule.Nesterov(0.1, 0.9);
        // step 1, g = [1, −2]:  m = [1, −2];  g + 0.9m = [1.9, −3.8];  w = [1, 2] − 0.1·[1.9, −3.8] = [0.81, 2.38]
        var s1 = rule.step(State.start(Vector.of(1, 2)), Vector.of(1, -2));
        assertVector(s1.w(), 0.81, 2.38);
        // step 2, g = [1, 0]:  m = [1.9, −1.8];  g + 0.9m = [2.71, −1.62];  w = [0.81 − 0.271, 2.38 + 0.162] = [0.539, 2.542]
        var s2 = rule.step(s1, Vector.of(1, 0));
        assertVector(s2.m(), 1.9, -1.8);
        assertVector(s2.w(), 0.539, 2.542);
    }

    @Test void adaGradDividesByTheRootOfTheSummedSquares() {
        var rule = new UpdateRule.AdaGrad(0.5, 1e-8);
        // step 1, g = [2, −1]:  v = [4, 1];  w = [1 − 0.5·2/(2 + ε), 2 + 0.5·1/(1 + ε)] ≈ [0.5, 2.5]
        var s1 = rule.step(State.start(Vector.of(1, 2)), Vector.of(2, -1));
        assertVector(s1.v(), 4, 1);
        assertVector(s1.w(), 1 - 1 / (2 + 1e-8), 2 + 0.5 / (1 + 1e-8));
        // step 2, same g:  v = [8, 2];  w = w₁ − 0.5·[2/√8, −1/√2] = w₁ − [0.35355…, −0.35355…]
        var s2 = rule.step(s1, Vector.of(2, -1));
        assertVector(s2.v(), 8, 2);
        assertVector(s2.w(), s1.w().get(0) - 1 / (Math.sqrt(8) + 1e-8), s1.w().get(1) + 0.5 / (Math.sqrt(2) + 1e-8));
    }

    @Test void rmsPropKeepsAForgettingAverageOfSquares() {
        var rule = new UpdateRule.RMSProp(0.1, 0.9, 1e-8);
        // g = [2, −1]:  v = 0.1·[4, 1] = [0.4, 0.1];  w = [1 − 0.1·2/√0.4, 2 + 0.1·1/√0.1] = [0.683772…, 2.316227…]
        var s = rule.step(State.start(Vector.of(1, 2)), Vector.of(2, -1));
        assertVector(s.v(), 0.4, 0.1);
        assertVector(s.w(), 1 - 0.2 / (Math.sqrt(0.4) + 1e-8), 2 + 0.1 / (Math.sqrt(0.1) + 1e-8));
        assertEquals(0.683772, s.w().get(0), 1e-6);
        assertEquals(2.316228, s.w().get(1), 1e-6);
    }

    @Test void adamFirstStepIsAboutMinusEtaSignG() {
        var rule = UpdateRule.Adam.of(0.1);
        // t = 1, g = [2, −0.5]:  m = 0.1g = [0.2, −0.05];  v = 0.001g² = [0.004, 0.00025]
        // m̂ = m/(1 − 0.9) = g;  v̂ = v/(1 − 0.999) = g²;  w = w − 0.1·g/(|g| + ε) = [1 − 0.1·2/(2 + ε), 1 + 0.1·0.5/(0.5 + ε)]
        var s1 = rule.step(State.start(Vector.of(1, 1)), Vector.of(2, -0.5));
        assertVector(s1.m(), 0.2, -0.05);
        assertVector(s1.v(), 0.004, 0.00025);
        assertVector(s1.w(), 1 - 0.2 / (2 + 1e-8), 1 + 0.05 / (0.5 + 1e-8));
        assertEquals(0.9, s1.w().get(0), 1e-8);
        assertEquals(1.1, s1.w().get(1), 1e-7);
        // t = 2, g = [1, 0.5]:  m = 0.9·[0.2, −0.05] + 0.1·[1, 0.5] = [0.28, 0.005]
        //                       v = 0.999·[0.004, 0.00025] + 0.001·[1, 0.25] = [0.004996, 0.00049975]
        //                       m̂ = m/0.19 = [1.473684…, 0.026315…];  v̂ = v/0.001999 = [2.499249…, 0.25]
        //                       w = w₁ − 0.1·m̂/(√v̂ + ε) = [0.9 − 0.093217…, 1.1 − 0.005263…]
        var s2 = rule.step(s1, Vector.of(1, 0.5));
        assertVector(s2.m(), 0.28, 0.005);
        assertVector(s2.v(), 0.004996, 0.00049975);
        double mHat0 = 0.28 / 0.19, vHat0 = 0.004996 / 0.001999, mHat1 = 0.005 / 0.19, vHat1 = 0.00049975 / 0.001999;
        assertVector(s2.w(), s1.w().get(0) - 0.1 * mHat0 / (Math.sqrt(vHat0) + 1e-8),
                             s1.w().get(1) - 0.1 * mHat1 / (Math.sqrt(vHat1) + 1e-8));
        assertEquals(0.9 - 0.093217, s2.w().get(0), 1e-6);
        assertEquals(2, s2.t());
    }

    @Test void stepsAreImmutable() {
        var start = State.start(Vector.of(1, 2));
        UpdateRule.Adam.of(0.1).step(start, Vector.of(3, 4));
        assertEquals(State.start(Vector.of(1, 2)), start);
    }

    @Test void withLearningRateKeepsTheOtherParameters() {
        var adam = new UpdateRule.Adam(0.1, 0.8, 0.99, 1e-6);
        assertEquals(new UpdateRule.Adam(0.5, 0.8, 0.99, 1e-6), adam.withLearningRate(0.5));
        assertEquals(new UpdateRule.Nesterov(0.3, 0.9), new UpdateRule.Nesterov(0.1, 0.9).withLearningRate(0.3));
    }

    @Test void badParametersNameTheParameter() {
        assertMessage(() -> new UpdateRule.Plain(-0.1), "'learningRate' must be finite and > 0, got -0.1");
        assertMessage(() -> new UpdateRule.Momentum(0.1, 1), "'beta' must be in [0, 1), got 1.0");
        assertMessage(() -> new UpdateRule.RMSProp(0.1, -0.5, 1e-8), "'rho'");
        assertMessage(() -> new UpdateRule.Adam(0.1, 0.9, 1.5, 1e-8), "'beta2'");
        assertMessage(() -> new UpdateRule.AdaGrad(0.1, 0), "'eps'");
        assertMessage(() -> new UpdateRule.Plain(0.1).step(State.start(Vector.of(1, 2)), Vector.of(1)),
                "w has 2 entries but g has 1");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
