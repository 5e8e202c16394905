package mlscratch.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/// Every tutorial (`tutorials/NN-*.jsh`) runs headless, snippet by snippet, as `/open` runs it in the shell:
/// any snippet that does not compile, throws, or fails a check fails its test, with the line and the output.
class TutorialsTest {

    @TestFactory Stream<DynamicTest> everyTutorialRunsHeadless() {
        List<Path> tutorials = Shell.scripts(Path.of("tutorials"));
        assertFalse(tutorials.isEmpty(), "no tutorials/NN-*.jsh found from " + Path.of("").toAbsolutePath());
        return tutorials.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), f.toUri(), () -> {
            var result = TutorialRunner.run(f);
            System.out.println(result.report());
            assertTrue(result.ok(), result::report);
        }));
    }
}
