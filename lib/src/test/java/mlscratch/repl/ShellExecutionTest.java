package mlscratch.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/// The mlshell execution engine, driven through the JShell API in this JVM (as JShell's tool drives it).
class ShellExecutionTest {

    static JShell js;

    @BeforeAll static void start() {
        js = JShell.builder().executionEngine(new ShellExecution(), Map.of()).build();
        js.addToClasspath(System.getProperty("java.class.path"));
    }

    @AfterAll static void close() { js.close(); }

    static SnippetEvent eval(String source) {
        List<SnippetEvent> events = js.eval(source);
        return events.getFirst();
    }

    @Test void snippetsRunInThisProcessOnTheirOwnThread() {
        assertEquals("\"mlscratch-snippet\"", eval("Thread.currentThread().getName()").value());
        assertEquals("true", eval("mlscratch.util.Progress.class == Class.forName(\"mlscratch.util.Progress\", false, ClassLoader.getSystemClassLoader())").value(),
                "snippets see the library's classes, not copies: the Ctrl-C flag is shared");
    }

    @Test void systemExitInASnippetThrowsInsteadOfEndingTheShell() {
        for (String exit : List.of("System.exit(3);", "Runtime.getRuntime().exit(4);", "Runtime.getRuntime().halt(5);")) {
            var e = eval(exit);
            if (!(e.exception() instanceof EvalException ex)) throw new AssertionError(exit + " gave " + e);
            assertEquals("java.lang.UnsupportedOperationException", ex.getExceptionClassName());
            assertTrue(ex.getMessage().contains("/exit"), ex.getMessage());
        }
        assertEquals("2", eval("1 + 1").value(), "still alive");
    }

    @Test void exitGuardLeavesOtherClassesByteForByteAndRewritesExitCalls() throws Exception {
        byte[] plain = classBytes(ShellExecutionTest.class);
        assertSame(plain, ShellExecution.ExitGuard.rewrite(plain), "no exit call: the same array back");

        byte[] exits = classBytes(Exits.class);
        byte[] rewritten = ShellExecution.ExitGuard.rewrite(exits);
        assertNotSame(exits, rewritten);
        var model = ClassFile.of().parse(rewritten);
        var calls = model.methods().stream().flatMap(m -> m.code().stream()).flatMap(c -> c.elementStream())
                .filter(e -> e instanceof InvokeInstruction).map(e -> (InvokeInstruction) e)
                .map(i -> i.owner().asInternalName() + "." + i.name().stringValue()).toList();
        assertTrue(calls.stream().noneMatch(c -> c.equals("java/lang/System.exit") || c.equals("java/lang/Runtime.halt")), calls.toString());
        assertTrue(calls.contains("mlscratch/repl/ShellExecution.exit"), calls.toString());

        // and the rewritten class runs: the call throws instead of exiting
        var loader = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() { return defineClass(Exits.class.getName(), rewritten, 0, rewritten.length); }
        };
        Class<?> c = loader.define();
        for (String method : List.of("exit", "halt")) {
            try {
                var m = c.getDeclaredMethod(method);
                m.setAccessible(true);
                m.invoke(null);
                fail(method + " returned");
            } catch (InvocationTargetException e) {
                assertEquals(UnsupportedOperationException.class, e.getCause().getClass());
            }
        }
    }

    static final class Exits {
        static void exit() { System.exit(1); }
        static void halt() { Runtime.getRuntime().halt(2); }
    }

    private static byte[] classBytes(Class<?> c) throws IOException {
        try (var in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test void stopEndsALibraryLoopThatKeepsItsResult() throws Exception {
        var before = snippetThreads();
        var running = CompletableFuture.supplyAsync(() -> eval("var fitted = mlscratch.repl.SlowFit.fit(1_000_000, 1);"));
        waitUntilRunning(before);
        Thread.sleep(200);
        js.stop();                                                   // what Ctrl-C does
        var event = running.get(30, TimeUnit.SECONDS);
        assertNull(event.exception(), "the loop returned normally");
        assertEquals("true", eval("fitted.stopped()").value());
        assertEquals("true", eval("fitted.steps() > 0 && fitted.steps() < 1_000_000").value());
        assertEquals("false", eval("mlscratch.util.Progress.stopRequested()").value(), "cleared for the next snippet");
    }

    @Test void stopInterruptsSleep() throws Exception {
        var before = snippetThreads();
        var running = CompletableFuture.supplyAsync(() -> eval("Thread.sleep(60_000);"));
        waitUntilRunning(before);
        js.stop();
        var event = running.get(30, TimeUnit.SECONDS);
        if (!(event.exception() instanceof EvalException ex)) throw new AssertionError("gave " + event);
        assertEquals("java.lang.InterruptedException", ex.getExceptionClassName());
    }

    @Test void aSecondStopAbandonsASnippetThatIgnoresTheFirst() throws Exception {
        // a loop written in the snippet polls nothing; it spins 3 s at most so that it leaves the test JVM alone
        var before = snippetThreads();
        var running = CompletableFuture.supplyAsync(() -> eval(
                "{ long end = System.nanoTime() + 3_000_000_000L; while (System.nanoTime() < end) { } }"));
        waitUntilRunning(before);
        js.stop();
        Thread.sleep(300);
        assertTrue(!running.isDone(), "the first stop cannot end a loop that never looks");
        js.stop();
        running.get(2, TimeUnit.SECONDS);                            // back at once, long before the 3 s
        assertEquals("2", eval("1 + 1").value(), "the shell goes on");
    }

    /// Waits until a new snippet thread exists (the snippet is compiled and running).
    private static void waitUntilRunning(Set<Thread> before) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (snippetThreads().stream().anyMatch(t -> !before.contains(t))) return;
            Thread.sleep(50);
        }
        fail("no snippet thread after 30 s");
    }

    private static Set<Thread> snippetThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("mlscratch-snippet"))
                     .collect(Collectors.toSet());
    }
}
