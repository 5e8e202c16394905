package mlscratch.drill.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlscratch.drill.CheckReport;
import mlscratch.drill.DrillRegistry;
import mlscratch.drill.DrillRunner;
import mlscratch.drill.Fn;

/// Runs a typical wrong answer against a bank drill (without touching the progress file) and asserts how
/// it fails: which case catches it, and that the one-line message helps — it names what was expected and
/// the input, and for gradients the finite-difference value.
final class WrongAnswers {
    private WrongAnswers() {}

    static CheckReport check(String id, Fn.Impl answer) {
        return DrillRunner.run(DrillRegistry.get(id), answer);
    }

    static CheckReport.Result caseOf(CheckReport r, String name) {
        return r.results().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(r.drillId() + " has no case '" + name + "':\n" + r.render(false)));
    }

    /// The answer fails as a whole, case `name` does not pass, and its detail is one line naming the input and
    /// containing every fragment.
    static CheckReport.Result failsAt(CheckReport r, String name, String... fragments) {
        assertFalse(r.passed(), () -> "the wrong answer passed " + r.drillId() + ":\n" + r.render(false));
        var c = caseOf(r, name);
        assertNotEquals(CheckReport.Status.PASS, c.status(), () -> "case '" + name + "' should catch the mistake:\n" + r.render(false));
        assertFalse(c.detail().contains("\n"), () -> "one line, not a stack trace: " + c.detail());
        assertTrue(c.detail().contains("input "), () -> "the message shows the input: " + c.detail());
        for (String f : fragments) assertTrue(c.detail().contains(f), () -> "expected '" + f + "' in: " + c.detail());
        return c;
    }

    /// Case `name` passes: the mistake only shows on the cases built to catch it.
    static void passesAt(CheckReport r, String name) {
        assertEquals(CheckReport.Status.PASS, caseOf(r, name).status(), () -> r.render(false));
    }
}
