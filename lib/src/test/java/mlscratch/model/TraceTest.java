package mlscratch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import mlscratch.linalg.Vector;

class TraceTest {

    @Test void printsIterationsConvergenceAndFirstAndLastLoss() {
        var b = Trace.builder();
        for (int t = 0; t < 37; t++) b.loss(0.693 - t * (0.693 - 0.102) / 36);   // 0.693 … 0.102
        Trace trace = b.converged().build();
        assertEquals("Trace: 37 iterations, converged, loss 0.693 → 0.102", trace.toString());
        assertEquals(37, trace.iterations());
        assertEquals(37, trace.loss().size());
        assertEquals(0.102, trace.finalLoss(), 1e-12);
    }

    @Test void printsNotesOneALine() {
        Trace trace = Trace.of(Vector.of(2.5, 1e-7), false).withNote("stopped at maxIter = 2 before converging");
        assertEquals("""
                Trace: 2 iterations, not converged, loss 2.500 → 1.00e-07
                  note: stopped at maxIter = 2 before converging""", trace.toString());
    }

    @Test void closedFormHasNoIterations() {
        assertEquals("Trace: closed form", Trace.closedForm().toString());
        assertTrue(Trace.closedForm().converged());
        assertTrue(Double.isNaN(Trace.closedForm().finalLoss()));
    }

    @Test void builderCountsIterationsUnlessTold() {
        var b = Trace.builder().loss(3).loss(2).loss(1);
        assertEquals(3, b.size());
        assertEquals(3, b.build().iterations());
        assertEquals(30, b.iterations(30).build().iterations());   // loss recorded every 10th iteration
        assertEquals(Vector.of(3, 2, 1), b.build().loss());
    }

    @Test void isImmutableAndComparesExactly() {
        var notes = new ArrayList<>(List.of("a"));
        Trace t = new Trace(Vector.of(1, 0.5), 2, true, notes);
        notes.add("b");
        assertEquals(List.of("a"), t.notes());
        assertThrows(UnsupportedOperationException.class, () -> t.notes().add("c"));
        assertEquals(t, new Trace(Vector.of(1, 0.5), 2, true, List.of("a")));
        assertEquals(List.of("a", "b"), t.withNote("b").notes());
        assertEquals(List.of("a"), t.notes());
    }

    @Test void rejectsNegativeIterationsAndNulls() {
        assertEquals("Trace: 'iterations' must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new Trace(Vector.of(), -1, true, List.of())).getMessage());
        assertEquals("Trace: 'loss' must not be null",
                assertThrows(IllegalArgumentException.class, () -> new Trace(null, 0, true, List.of())).getMessage());
    }
}
