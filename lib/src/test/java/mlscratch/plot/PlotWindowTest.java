package mlscratch.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/// Optional: with a display (e.g. `Xvfb :99 &` and `DISPLAY=:99`), a chart window opens and closes
/// without an exception. Skipped when `DISPLAY` is not set. The tests run headless
/// (`-Djava.awt.headless=true`), so the window is opened by [WindowProbe] in a child JVM.
class PlotWindowTest {

    @Test
    void aWindowOpensAndClosesWhenThereIsADisplay() throws Exception {
        String display = System.getenv("DISPLAY");
        assumeTrue(display != null && !display.isBlank(), "no DISPLAY: window test skipped");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-Djava.awt.headless=false", "-cp", System.getProperty("java.class.path"),
                WindowProbe.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(done, "the window probe did not finish within 60 s:\n" + output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("window ok"), output);
    }
}
