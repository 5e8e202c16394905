package mlscratch.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Every drill of every DrillSet on the class path (both branches' topic files): the reference passes its
/// own tests, the statement is complete, and the cases are reproducible.
class DrillBankTest {

    @BeforeAll static void privateProgressFile() throws Exception {
        System.setProperty("mlscratch.progress", Files.createTempDirectory("drill-bank").resolve("p.properties").toString());
    }

    static Stream<Drill> drills() { return DrillRegistry.all().stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drills")
    void referenceSolutionPassesEveryCase(Drill d) {
        CheckReport r = DrillRunner.run(d, d.reference());
        assertTrue(r.passed(), () -> r.render(false));
        assertTrue(d.cases().size() >= Drill.MIN_CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drills")
    void casesAreReproducibleAndNamedUniquely(Drill d) {
        var names = new HashSet<String>();
        for (DrillCase c : d.cases()) {
            assertTrue(names.add(c.name()), d.id() + ": two cases named '" + c.name() + "'");
            assertEquals(List.of(c.build()).toString(), List.of(c.build()).toString(), d.id() + " / " + c.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drills")
    void statementNamesTheSignatureAndStarterCompilesToTheSameName(Drill d) {
        assertTrue(d.starter().contains(d.signature().name() + "("), d.id() + ": the starter defines " + d.signature().name());
        assertFalse(d.hints().isEmpty());
        assertTrue(Drills.statement(d).contains(d.signature().text()));
    }

    @Test void registryFindsTheExamplesThroughTheServiceFile() {
        assertTrue(DrillRegistry.find("softmax").isPresent());
        assertTrue(DrillRegistry.find("softmax-grad").isPresent());
        assertTrue(DrillRegistry.find("logistic-grad").isPresent());
        var ids = DrillRegistry.all().stream().map(Drill::id).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "unique ids");
    }

    @Test void unknownIdSuggestsCloseOnes() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> DrillRegistry.get("softmx"));
        assertTrue(e.getMessage().contains("did you mean softmax"), e.getMessage());
    }

    @Test void duplicateIdsAcrossSetsFailNamingBothSets() {
        DrillSet a = () -> List.of(DrillRegistry.get("softmax"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> DrillRegistry.load(List.of(a, a)));
        assertTrue(e.getMessage().contains("'softmax' is defined by both"), e.getMessage());
    }

    @Test void aSetThatCannotBuildItsDrillsIsNamed() {
        DrillSet broken = () -> List.of(Drill.builder("x").build());
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> DrillRegistry.load(List.of(broken)));
        assertTrue(e.getMessage().startsWith("DrillRegistry: ") && e.getMessage().contains("could not build its drills: Drill x: 'title' is missing"),
                e.getMessage());
    }
}
