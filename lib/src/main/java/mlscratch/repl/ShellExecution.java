package mlscratch.repl;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeElement;
import java.lang.classfile.constantpool.MethodRefEntry;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import mlscratch.util.Progress;

/// The JShell execution engine of `scripts/mlshell` (`jshell --execution mlscratch`): snippets run inside
/// the JShell process, like `--execution local`, so a snippet costs milliseconds instead of the ≈ 200 ms
/// round trip to JShell's default remote agent.
///
/// Unlike `--execution local`, snippet bytecode is not instrumented with a stop check on every loop
/// back-edge (which makes tight loops typed in a snippet ≈ 8× slower). Ctrl-C instead:
/// 1. sets [Progress#requestStop()] and interrupts the snippet's thread: library loops poll
///    [Progress#stopped()] and return the model they have so far; `sleep`/`wait` throw `InterruptedException`;
/// 2. while a tutorial runs (`/open`, when JShell itself does not listen for Ctrl-C), is also noticed by
///    [Progress] polling the terminal (see `Shell.pollCtrlC`);
/// 3. pressed a second time while the same snippet still runs (a loop typed in the snippet itself polls
///    nothing), abandons that snippet: the prompt comes back at once and its thread runs on in the
///    background until it ends (a `/reset` does not stop it; restart the shell to reclaim the core).
///
/// `System.exit(n)`, `Runtime.exit(n)` and `Runtime.halt(n)` called in a snippet would end the whole shell
/// (it is one process): such calls are rewritten at class-load time to throw instead ([#exit(int)]).
///
/// The engine also points JShell's documentation lookup (Tab after `Matrix.of(`, then Tab again) at the
/// library's sources, where the doc comments live; that needs the JShell JVM to be started with
/// `--add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED` and is skipped silently without it.
///
/// Found by JShell through `META-INF/services/jdk.jshell.spi.ExecutionControlProvider` on its own class
/// path (`jshell -J--class-path=… --execution mlscratch`).
public final class ShellExecution implements ExecutionControlProvider {

    /// Public for [java.util.ServiceLoader].
    public ShellExecution() {}

    @Override public String name() { return "mlscratch"; }

    @Override public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        SourceDocs.enable();
        Progress.setStopPoller(Shell::pollCtrlC);
        WarmUp.startOnce();
        var control = new Engine();
        List<String> remote = env.extraRemoteVMOptions();   // --class-path given to jshell arrives here
        for (int i = 0; i + 1 < remote.size(); i++) {
            String option = remote.get(i);
            if (option.equals("--class-path") || option.equals("-cp") || option.equals("-classpath")) {
                control.addToClasspath(remote.get(i + 1));
            } else if (option.startsWith("-D") && option.contains("=")) {     // -R-Dkey=value works here too
                int eq = option.indexOf('=');
                System.setProperty(option.substring(2, eq), option.substring(eq + 1));
            }
        }
        return control;
    }

    /// What a snippet's `System.exit(status)` becomes: an exception, since the snippet runs inside the shell.
    public static void exit(int status) {
        throw new UnsupportedOperationException(
                "System.exit(" + status + ") would end the whole shell: type /exit to leave mlshell");
    }

    /// What a snippet's `Runtime.getRuntime().exit(status)` or `.halt(status)` becomes.
    public static void exit(Runtime runtime, int status) {
        throw new UnsupportedOperationException(
                "Runtime.exit/halt(" + status + ") would end the whole shell: type /exit to leave mlshell");
    }

    /// The engine; one per JShell state (a `/reset` or `/env` makes a new one).
    static final class Engine extends DirectExecutionControl {
        private final Object lock = new Object();
        private Thread running;                                 // guarded by lock
        private CompletableFuture<Object> result;               // guarded by lock
        private int stops;                                      // guarded by lock
        private long lastEnd = System.nanoTime();               // when the last snippet ended

        Engine() { super(); }           // snippet classes load in a child of the system class loader

        @Override public void addToClasspath(String cp) {
            try {
                super.addToClasspath(cp);
            } catch (ExecutionControlException e) {
                throw new IllegalStateException("mlshell: cannot add to the class path: " + cp, e);
            }
        }

        @Override public void load(ClassBytecodes[] cbcs)
                throws ClassInstallException, NotImplementedException, EngineTerminationException {
            super.load(Stream.of(cbcs)
                    .map(c -> new ClassBytecodes(c.name(), ExitGuard.rewrite(c.bytecodes())))
                    .toArray(ClassBytecodes[]::new));
        }

        @Override protected String invoke(Method doit) throws Exception {
            var done = new CompletableFuture<Object>();
            Thread thread = Thread.ofPlatform().name("mlscratch-snippet").daemon(true).unstarted(() -> {
                try {
                    done.complete(doit.invoke(null));
                } catch (Throwable t) {
                    done.completeExceptionally(t);
                }
            });
            // Snippets of a file opened with /open follow each other within milliseconds; a pause of 2 s
            // means someone typed this one at the prompt: no tutorial is running any more.
            if (System.nanoTime() - lastEnd > 2_000_000_000L) Shell.tutorialEnded();
            synchronized (lock) {
                Progress.clearStop();
                running = thread;
                result = done;
                stops = 0;
            }
            thread.start();
            try {
                return valueString(waitFor(done));
            } finally {
                synchronized (lock) {
                    running = null;
                    result = null;
                }
                lastEnd = System.nanoTime();
            }
        }

        private static Object waitFor(CompletableFuture<Object> done) throws Exception {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    // JShell's own thread: not ours to stop; keep waiting for the snippet.
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Abandoned) throw new StoppedException();
                    if (cause instanceof InvocationTargetException ite) throw ite;
                    if (cause instanceof Exception ex) throw ex;
                    throw new InvocationTargetException(cause);
                }
            }
        }

        @Override public void stop() {
            synchronized (lock) {
                if (running == null) return;
                stops++;
                Progress.requestStop();
                running.interrupt();
                if (stops >= 2) {
                    System.err.println("\nmlshell: the snippet ignores Ctrl-C (a loop in the snippet itself?): "
                            + "abandoned; it runs on in the background until it ends (restart mlshell to get the core back).");
                    result.completeExceptionally(new Abandoned());
                }
            }
        }
    }

    private static final class Abandoned extends RuntimeException {
        Abandoned() { super(null, null, false, false); }
    }

    /// Rewrites `System.exit`, `Runtime.exit` and `Runtime.halt` calls in snippet classes into [#exit(int)].
    static final class ExitGuard {
        private static final ClassDesc SYSTEM = ClassDesc.of("java.lang.System");
        private static final ClassDesc RUNTIME = ClassDesc.of("java.lang.Runtime");
        private static final ClassDesc GUARD = ClassDesc.of(ShellExecution.class.getName());
        private static final MethodTypeDesc EXIT = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);
        private static final MethodTypeDesc EXIT_RUNTIME =
                MethodTypeDesc.of(ConstantDescs.CD_void, RUNTIME, ConstantDescs.CD_int);

        private ExitGuard() {}

        static byte[] rewrite(byte[] classFile) {
            try {
                var cf = ClassFile.of();
                ClassModel model = cf.parse(classFile);
                boolean callsExit = false;
                for (var entry : model.constantPool()) {
                    if (entry instanceof MethodRefEntry m && isExit(m)) callsExit = true;
                }
                if (!callsExit) return classFile;
                return cf.transformClass(model, ClassTransform.transformingMethodBodies(
                        (code, element) -> {
                            if (element instanceof InvokeInstruction call && isExit(call.method())
                                    && call.method() instanceof MethodRefEntry) {
                                code.invokestatic(GUARD, "exit",
                                        call.owner().asSymbol().equals(SYSTEM) ? EXIT : EXIT_RUNTIME);
                            } else {
                                code.with((CodeElement) element);
                            }
                        }));
            } catch (RuntimeException e) {
                return classFile;   // never fail a snippet because of the guard
            }
        }

        private static boolean isExit(java.lang.classfile.constantpool.MemberRefEntry m) {
            String owner = m.owner().asInternalName(), name = m.name().stringValue(), type = m.type().stringValue();
            if (owner.equals("java/lang/System")) return name.equals("exit") && type.equals("(I)V");
            if (owner.equals("java/lang/Runtime")) return (name.equals("exit") || name.equals("halt")) && type.equals("(I)V");
            return false;
        }
    }

    /// Warms up JShell's compiler in the background while the user reads the banner: the first snippets
    /// typed cost ~50 ms each on a cold JVM and ~17 ms once the JIT has compiled javac's hot paths. A second,
    /// throw-away JShell compiles a few dozen typical snippets on a daemon thread, starting 1 s after the
    /// engine, then closes. On with `-Dmlscratch.warmup=true`, which scripts/mlshell sets on a terminal (off
    /// otherwise: a script piped in would compete with it for the CPU; the tests make JShells of their own).
    static final class WarmUp {
        private static final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

        private WarmUp() {}

        static void startOnce() {
            if (!Boolean.parseBoolean(System.getProperty("mlscratch.warmup", "false"))) return;
            if (!started.compareAndSet(false, true)) return;
            Thread.ofPlatform().daemon(true).name("mlshell-warmup").start(() -> {
                try {
                    Thread.sleep(1000);     // after the start-up snippets: do not slow the way to the prompt
                } catch (InterruptedException e) {
                    return;
                }
                try (var js = jdk.jshell.JShell.builder().executionEngine(new LocalOnly(), Map.of())
                        .out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                        .err(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).build()) {
                    js.addToClasspath(System.getProperty("java.class.path"));
                    js.eval("import mlscratch.linalg.*;");
                    for (int i = 0; i < 40; i++) {
                        js.eval("int a" + i + " = " + i + ";");
                        js.eval("var v" + i + " = Vector.of(" + i + ", 2).scale(2)");
                        js.eval("double f" + i + "(double x) { return x * " + i + "; }");
                        js.eval("a" + i + " + f" + i + "(1)");
                        js.eval("int bad" + i + " = \"not an int\";");
                    }
                } catch (RuntimeException | LinkageError e) {
                    // a warm-up that fails costs nothing but its warmth
                }
            });
        }

        /// The engine for the warm-up JShell: ours, minus the hooks that belong to the user's shell.
        private static final class LocalOnly implements ExecutionControlProvider {
            @Override public String name() { return "mlscratch-warmup"; }
            @Override public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) { return new Engine(); }
        }
    }

    /// Lets JShell's documentation lookup read the library's own sources as well as the JDK's `src.zip`.
    /// JShell searches only `src.zip`; its analysis class has a static override list (meant for its tests)
    /// which this fills with the JDK's source roots plus `lib/src/main/java`.
    static final class SourceDocs {
        private static boolean done;

        private SourceDocs() {}

        static synchronized void enable() {
            if (done) return;
            done = true;
            Path sources = Sources.sourceRoot().orElse(null);
            if (sources == null) return;
            try {
                var field = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("availableSourcesOverride");
                field.setAccessible(true);
                var roots = new ArrayList<>(jdkSourceRoots());
                roots.add(sources);
                field.set(null, roots);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Not opened (plain jshell) or a JDK that changed: Tab shows signatures without our docs.
            }
        }

        /// The module roots inside `$JAVA_HOME/lib/src.zip`, as JShell itself finds them.
        private static List<Path> jdkSourceRoots() {
            Path srcZip = Path.of(System.getProperty("java.home"), "lib", "src.zip");
            if (!Files.isReadable(srcZip)) return List.of();
            try {
                FileSystem zip = FileSystems.newFileSystem(srcZip, Map.of());   // kept open, like JShell does
                Path root = zip.getRootDirectories().iterator().next();
                if (Files.exists(root.resolve("java/lang/Object.java"))) return List.of(root);
                try (var dirs = Files.list(root)) {
                    return dirs.filter(Files::isDirectory).toList();
                }
            } catch (Exception e) {
                return List.of();
            }
        }
    }
}
