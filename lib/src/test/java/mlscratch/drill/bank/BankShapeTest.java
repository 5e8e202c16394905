package mlscratch.drill.bank;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import mlscratch.drill.Drill;
import mlscratch.drill.DrillCase;
import mlscratch.drill.DrillSet;
import mlscratch.drill.Expect;

/// What every bank drill promises beyond the engine's own checks: a seeded random case next to the fixed
/// ones, a statement that names its tolerance (or says it compares exactly), and — for a gradient drill —
/// at least one case checked by finite differences.
class BankShapeTest {

    static Stream<Drill> bankDrills() {
        return ServiceLoader.load(DrillSet.class).stream()
                .filter(p -> p.type().getPackageName().equals("mlscratch.drill.bank") && p.type().getSimpleName().endsWith("Drills"))
                .flatMap(p -> p.get().drills().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bankDrills")
    void hasARandomCaseAndStatesItsTolerance(Drill d) {
        assertTrue(d.cases().stream().anyMatch(c -> c.seed() != 0), d.id() + ": no seeded random case");
        String s = d.statement().replaceAll("\\s+", " ");
        assertTrue(s.contains("olerance") || s.contains("Compared exactly") || s.contains("within 1e-"), d.id() + ": no tolerance stated");
        if (d.id().endsWith("-grad") || d.id().endsWith("-backward")) {
            assertTrue(d.cases().stream().map(DrillCase::expect).anyMatch(e -> e instanceof Expect.Gradient || e instanceof Expect.That),
                    d.id() + ": a gradient drill needs a finite-difference case");
        }
    }
}
