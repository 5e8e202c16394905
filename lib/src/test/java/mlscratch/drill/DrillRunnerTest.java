package mlscratch.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// Typical wrong answers fail with a message that helps; exceptions and endless loops become one line.
class DrillRunnerTest {

    @BeforeAll static void privateProgressFile() throws Exception {
        System.setProperty("mlscratch.progress", Files.createTempDirectory("drill-runner").resolve("p.properties").toString());
    }

    static CheckReport run(String id, Fn.Impl answer) { return DrillRunner.run(DrillRegistry.get(id), answer); }

    static CheckReport.Result result(CheckReport r, String caseName) {
        return r.results().stream().filter(x -> x.name().equals(caseName)).findFirst().orElseThrow();
    }

    @Test void naiveSoftmaxOverflowsAtLogits1000AndIsToldSo() {
        Fn.OfVector naive = z -> { Vector e = z.map(Math::exp); return e.scale(1 / e.sum()); };
        CheckReport r = run("softmax", Fn.of(naive));
        assertFalse(r.passed());
        var big = result(r, "large logits 1000");
        assertEquals(CheckReport.Status.FAIL, big.status());
        // exp(1000) = ∞, ∞ · (1/∞) = NaN: the message shows the NaN and the input
        assertTrue(big.detail().contains("NaN") && big.detail().contains("z = Vector(3)"), big.detail());
        assertTrue(result(r, "ties").passed(), "the naive formula is right where it does not overflow");
    }

    @Test void signErrorInAGradientFailsAgainstFiniteDifferences() {
        Fn.OfXyw flipped = (X, y, w) -> {
            Vector p = X.times(w).map(t -> 1 / (1 + Math.exp(-t)));
            return X.transpose().times(y.minus(p)).scale(1.0 / X.rows());   // y − p: the sign error
        };
        CheckReport r = run("logistic-grad", Fn.of(flipped));
        var hand = result(r, "hand case w = 0");
        assertEquals(CheckReport.Status.FAIL, hand.status());
        // finite differences give [−0.5, −1]; the flipped gradient is [0.5, 1]
        assertTrue(hand.detail().startsWith("finite differences give Vector(2) [-0.5"), hand.detail());
        assertTrue(hand.detail().contains("your gradient Vector(2) [0.5"), hand.detail());
    }

    @Test void offByOneMeanFails() {
        Fn.OfXyw nMinusOne = (X, y, w) -> {
            Vector p = X.times(w).map(t -> 1 / (1 + Math.exp(-t)));
            return X.transpose().times(p.minus(y)).scale(1.0 / (X.rows() - 1));   // n − 1: off by one
        };
        CheckReport r = run("logistic-grad", Fn.of(nMinusOne));
        assertFalse(r.passed());
        assertTrue(result(r, "one sample, one feature").detail().contains("Infinity")
                || result(r, "one sample, one feature").status() != CheckReport.Status.PASS);
        assertEquals(CheckReport.Status.FAIL, result(r, "random 20×3").status());
    }

    @Test void userExceptionIsOneLineNamingTheExceptionAndTheUsersFrame() {
        CheckReport r = run("softmax", Fn.of((Fn.OfVector) DrillRunnerTest::brokenSoftmax));
        var first = r.results().getFirst();
        assertEquals(CheckReport.Status.ERROR, first.status());
        assertTrue(first.detail().startsWith("threw IllegalStateException: not yet (in brokenSoftmax, DrillRunnerTest:"),
                first.detail());
        assertFalse(first.detail().contains("\n"));
    }

    static Vector brokenSoftmax(Vector z) { throw new IllegalStateException("not yet"); }

    @Test void libraryExceptionNamesTheUsersFrameBelowIt() {
        Fn.OfVector wrongShape = z -> z.plus(Vector.of(1));   // Vector.plus throws: sizes differ
        var first = run("softmax", Fn.of(wrongShape)).results().getFirst();
        assertTrue(first.detail().startsWith("threw IllegalArgumentException: plus:"), first.detail());
        assertTrue(first.detail().contains("(in your lambda, DrillRunnerTest:"), first.detail());
    }

    @Test void endlessLoopTimesOutAndTheRestIsSkipped() {
        // An endless loop (that at least stops when interrupted, so the test leaves no thread spinning behind)
        Fn.Impl spin = args -> { while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait(); return null; };
        CheckReport r = DrillRunner.run(DrillRegistry.get("softmax"), spin, Duration.ofMillis(200));
        assertEquals(CheckReport.Status.TIMEOUT, r.results().getFirst().status());
        assertTrue(r.results().getFirst().detail().startsWith("timed out after 200 ms"), r.results().getFirst().detail());
        assertTrue(r.results().stream().skip(1).allMatch(x -> x.status() == CheckReport.Status.SKIPPED));
    }

    @Test void ctrlCStopsTheCheckAndSkipsTheRest() throws Exception {
        Fn.Impl slow = args -> { Thread.sleep(30_000); return null; };     // interruptible: ends when interrupted
        var report = new java.util.concurrent.atomic.AtomicReference<CheckReport>();
        Thread checker = new Thread(() -> report.set(DrillRunner.run(DrillRegistry.get("softmax"), slow)));
        checker.start();
        Thread.sleep(300);
        checker.interrupt();                                                  // what Ctrl-C does to the snippet thread
        checker.join(10_000);
        var first = report.get().results().getFirst();
        assertTrue(first.detail().startsWith("stopped (Ctrl-C)"), first.detail());
        assertTrue(report.get().results().stream().skip(1).allMatch(x -> x.status() == CheckReport.Status.SKIPPED));
    }

    @Test void wrongParameterTypesAreExplained() {
        java.util.function.Function<Matrix, Object> m = X -> X;   // softmax takes a Vector
        var first = run("softmax", Fn.of(m)).results().getFirst();
        assertTrue(first.detail().contains("ClassCastException") && first.detail().contains("Vector softmax(Vector z)"),
                first.detail());
    }

    @Test void aDrillNeedsFiveCasesAndMatchingArity() {
        var b = Drill.builder("x-y").title("t").topic("t").difficulty(Difficulty.EASY).signature("double f(Vector z)")
                .statement("s").starter("double f(Vector z)").hints("h").solution("s").explanation("e")
                .reference((Vector z) -> z.sum());
        var few = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("Drill x-y: has 0 cases, needs at least 5", few.getMessage());
        var arity = assertThrows(IllegalArgumentException.class, () -> Drill.builder("x").title("t").topic("t")
                .difficulty(Difficulty.EASY).signature("double f(Vector z, Vector g)").statement("s").starter("s").hints("h")
                .solution("s").explanation("e").reference((Vector z) -> z.sum()).build());
        assertTrue(arity.getMessage().contains("the signature has 2 parameters but the reference takes 1"), arity.getMessage());
    }

    @Test void signatureParsesGenericsArraysAndPrimitivesIntoALambda() {
        var s = Drill.Signature.parse("List<Vector> f(Map<String, Integer> m, double[] a, int k)");
        assertEquals("List<Vector>", s.returnType());
        assertEquals(3, s.params().size());
        assertEquals("(Map<String, Integer> m, double[] a, Integer k) -> f(m, a, k)", s.lambda());
        assertEquals("a -> f((Map<String, Integer>) a[0], (double[]) a[1], (Integer) a[2])", s.implLambda());
    }

    @Test void aWrongSizedPredictionIsJudgedInOneLineShowingMatricesByShape() {
        var timed = DrillRegistry.get("timed-knn");
        CheckReport r = DrillRunner.run(timed, a -> a[1], Duration.ofSeconds(60), 1);   // returns ytrain
        var first = r.results().getFirst();
        assertTrue(first.detail().startsWith("could not judge the answer: expected 38 labels (one per test row), got 112; "
                + "input Xtrain = Matrix 112×4, ytrain = Vector(112)"), first.detail());
    }

    @Test void closeUsesARelativeToleranceAboveOne() {
        assertEquals(null, Compare.diff(1e6, 1e6 + 0.5, 1e-6));        // |Δ| = 0.5 ≤ 1e-6 · 1e6 = 1
        assertTrue(Compare.diff(1.0, 1.0 + 2e-6, 1e-6) != null);       // |Δ| = 2e-6 > 1e-6 · max(1, 1)
        assertEquals(null, Compare.diff(Double.NaN, Double.NaN, 0));
        assertTrue(Compare.diff(Vector.of(1, 2), Vector.of(1, 2, 3), 1).contains("expected 2 entries, got 3"));
    }
}
